/*
 * Copyright 2026 The Runtime Mode Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { isMap, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type {
  Finding,
  ManifestFile,
  ManifestLimits,
  ManifestObjectRef,
} from '../types';
import { makeFinding } from './findings';

/** An object read from a manifest, with its parsed body for the rules. @internal */
export interface ManifestObject extends ManifestObjectRef {
  body: Record<string, unknown>;
  /** False for objects recovered from an unrendered template: only apiVersion/kind are known. */
  rendered: boolean;
}

/** @internal */
export interface ManifestReadResult {
  objects: ManifestObject[];
  findings: Finding[];
  /** Documents seen (parsed or not), for statistics. */
  documents: number;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Depth of nested objects/arrays, stopping as soon as `max` is passed. */
function exceedsDepth(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > max) return true;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        stack.push([child, depth + 1]);
      }
    }
  }
  return false;
}

// A template directive where YAML expects structure: a line that starts
// with `{{`, or a mapping value that starts with `{{` unquoted.
const TEMPLATE_STRUCTURE = /^[ \t-]*\{\{|:[ \t]+\{\{/m;

function isPlainName(value: unknown): boolean {
  return typeof value === 'string' && !value.includes('{{');
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function objectName(body: Json): string | undefined {
  const metadata = body.metadata;
  if (isObject(metadata) && typeof metadata.name === 'string') {
    return metadata.name;
  }
  return undefined;
}

function objectNamespace(body: Json): string | undefined {
  const metadata = body.metadata;
  if (isObject(metadata) && typeof metadata.namespace === 'string') {
    return metadata.namespace;
  }
  return undefined;
}

/** Reads top-level `apiVersion:`/`kind:` lines of an unrendered template. */
function recoverTemplateObject(
  text: string,
): { apiVersion: string; kind: string; offset: number } | undefined {
  const apiVersion = text.match(
    /^apiVersion:[ \t]*["']?([A-Za-z0-9./-]+)["']?[ \t]*(?:#.*)?$/m,
  );
  const kind = text.match(
    /^kind:[ \t]*["']?([A-Za-z0-9]+)["']?[ \t]*(?:#.*)?$/m,
  );
  if (!apiVersion || !kind) {
    return undefined;
  }
  return {
    apiVersion: apiVersion[1],
    kind: kind[1],
    offset: Math.min(apiVersion.index ?? 0, kind.index ?? 0),
  };
}

function isListKind(kind: string): boolean {
  return kind === 'List' || kind.endsWith('List');
}

/**
 * Reads every Kubernetes object of the given files: multi-document YAML and
 * JSON, `List`/`*List` and OpenShift `Template` items expanded, CRLF and BOM
 * tolerated, aliases bounded. Problems become `manifest` findings with the
 * file and line; they never stop the other documents. Never throws.
 * @internal
 */
export function readManifests(
  files: readonly ManifestFile[],
  limits: ManifestLimits,
): ManifestReadResult {
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  let documents = 0;
  for (const file of files) {
    try {
      documents += readFile(file, limits, objects, findings);
    } catch (error) {
      // Last line of defence (e.g. a stack overflow deep inside the parser).
      findings.push(
        makeFinding(
          'manifest-parse-error',
          'warning',
          `Could not read ${file.path}: ${firstLine(String(error))}`,
          { file: file.path, line: 1 },
        ),
      );
    }
  }
  return { objects, findings, documents };
}

function readFile(
  file: ManifestFile,
  limits: ManifestLimits,
  objects: ManifestObject[],
  findings: Finding[],
): number {
  const path = file.path;
  let text = file.content;
  if (typeof text !== 'string') {
    findings.push(
      makeFinding('manifest-binary', 'warning', `${path} has no text content`, {
        file: path,
      }),
    );
    return 0;
  }
  if (text.length > limits.maxFileBytes) {
    findings.push(
      makeFinding(
        'manifest-limit-exceeded',
        'warning',
        `${path} is ${text.length} bytes, over the limit of ${limits.maxFileBytes} (limits.maxFileBytes); not read`,
        { file: path },
      ),
    );
    return 0;
  }
  if (text.includes('\u0000')) {
    findings.push(
      makeFinding(
        'manifest-binary',
        'warning',
        `${path} holds binary data (NUL bytes), not YAML or JSON; not read`,
        { file: path },
      ),
    );
    return 0;
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  if (text.trim() === '') {
    return 0;
  }

  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  // Duplicate keys: kubectl keeps the last one, so do we (the object is not lost).
  const docs = parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: false,
    // Problems become findings; the parser must not print to the console.
    logLevel: 'error',
  }) as Document.Parsed[] | { length: 0 };
  let count = 0;
  for (const doc of Array.from(docs as Document.Parsed[])) {
    if (count >= limits.maxDocuments) {
      findings.push(
        makeFinding(
          'manifest-limit-exceeded',
          'warning',
          `${path} has more than ${limits.maxDocuments} documents (limits.maxDocuments); the rest was not read`,
          { file: path, line: lineOf(doc.range[0]) },
        ),
      );
      break;
    }
    count++;
    readDocument(doc, text, path, limits, lineOf, objects, findings);
  }
  return count;
}

function readDocument(
  doc: Document.Parsed,
  text: string,
  path: string,
  limits: ManifestLimits,
  lineOf: (offset: number) => number,
  objects: ManifestObject[],
  findings: Finding[],
): void {
  const [start, , end] = doc.range;
  const contentStart = doc.contents?.range?.[0] ?? start;
  const docLine = lineOf(contentStart);
  const firstBrace = text.indexOf('{{', start);
  const mayBeTemplate = firstBrace !== -1 && firstBrace < end;

  if (doc.errors.length > 0) {
    if (mayBeTemplate) {
      reportTemplate(
        text.slice(start, end),
        start,
        path,
        lineOf,
        objects,
        findings,
      );
      return;
    }
    const error = doc.errors[0];
    const line = error.linePos?.[0]?.line ?? lineOf(error.pos[0]);
    findings.push(
      makeFinding(
        'manifest-parse-error',
        'warning',
        `Document at ${path}:${docLine} does not parse: ${firstLine(
          error.message,
        )}`,
        { file: path, line },
      ),
    );
    return;
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    const message = firstLine(String((error as Error)?.message ?? error));
    const aliasLimit = /alias/i.test(message);
    findings.push(
      makeFinding(
        aliasLimit ? 'manifest-limit-exceeded' : 'manifest-parse-error',
        'warning',
        aliasLimit
          ? `Document at ${path}:${docLine} expands more than ${limits.maxAliasCount} aliases (limits.maxAliasCount); not read`
          : `Document at ${path}:${docLine} could not be read: ${message}`,
        { file: path, line: docLine },
      ),
    );
    return;
  }
  if (value === null || value === undefined) {
    return; // empty document
  }
  if (
    mayBeTemplate &&
    isObject(value) &&
    (!isPlainName(value.apiVersion) || !isPlainName(value.kind)) &&
    TEMPLATE_STRUCTURE.test(text.slice(start, end))
  ) {
    // Parsed, but only by accident: the apiVersion or kind is a template.
    reportTemplate(
      text.slice(start, end),
      start,
      path,
      lineOf,
      objects,
      findings,
    );
    return;
  }
  if (exceedsDepth(value, limits.maxDepth)) {
    findings.push(
      makeFinding(
        'manifest-limit-exceeded',
        'warning',
        `Document at ${path}:${docLine} nests deeper than ${limits.maxDepth} levels (limits.maxDepth); not read`,
        { file: path, line: docLine },
      ),
    );
    return;
  }
  addObject(
    value,
    doc.contents,
    path,
    docLine,
    lineOf,
    objects,
    findings,
    true,
  );
}

function reportTemplate(
  docText: string,
  start: number,
  path: string,
  lineOf: (offset: number) => number,
  objects: ManifestObject[],
  findings: Finding[],
): void {
  const recovered = recoverTemplateObject(docText);
  const templateLine = lineOf(start + Math.max(0, docText.indexOf('{{')));
  if (recovered) {
    const line = lineOf(start + recovered.offset);
    objects.push({
      file: path,
      line,
      apiVersion: recovered.apiVersion,
      kind: recovered.kind,
      body: {},
      rendered: false,
    });
    findings.push(
      makeFinding(
        'manifest-template-not-rendered',
        'info',
        `${recovered.kind} at ${path}:${line} is a Helm/Go template, not rendered: only its apiVersion/kind were checked. Render it (helm template) for a full check.`,
        {
          file: path,
          line: templateLine,
          apiVersion: recovered.apiVersion,
          kind: recovered.kind,
        },
      ),
    );
  } else {
    findings.push(
      makeFinding(
        'manifest-template-not-rendered',
        'info',
        `${path}:${templateLine} is a Helm/Go template with no top-level apiVersion and kind (helpers, NOTES); not rendered, ignored.`,
        { file: path, line: templateLine },
      ),
    );
  }
}

function addObject(
  value: unknown,
  node: YamlNode | null | undefined,
  path: string,
  line: number,
  lineOf: (offset: number) => number,
  objects: ManifestObject[],
  findings: Finding[],
  topLevel: boolean,
): void {
  if (!isObject(value)) {
    findings.push(
      makeFinding(
        'manifest-no-kind',
        'info',
        `${topLevel ? 'Document' : 'Item'} at ${path}:${line} is ${
          Array.isArray(value) ? 'a list' : 'a scalar'
        }, not a Kubernetes object; ignored`,
        { file: path, line },
      ),
    );
    return;
  }
  const kind = value.kind;
  const apiVersion = value.apiVersion;
  if (typeof kind !== 'string' || kind.trim() === '') {
    findings.push(
      makeFinding(
        'manifest-no-kind',
        'info',
        `${
          topLevel ? 'Document' : 'Item'
        } at ${path}:${line} has no kind, so it is not a Kubernetes object (values, chart metadata, test data, ...); ignored`,
        { file: path, line },
      ),
    );
    return;
  }
  if (typeof apiVersion !== 'string' || apiVersion.trim() === '') {
    findings.push(
      makeFinding(
        'manifest-no-api-version',
        'warning',
        `${kind} at ${path}:${line} has no apiVersion; the API server rejects it`,
        { file: path, line, kind },
      ),
    );
    return;
  }
  objects.push({
    file: path,
    line,
    apiVersion,
    kind,
    name: objectName(value),
    namespace: objectNamespace(value),
    body: value,
    rendered: true,
  });

  // List wrappers and OpenShift Templates carry the real objects inside.
  let itemsKey: string | undefined;
  if (isListKind(kind)) itemsKey = 'items';
  else if (kind === 'Template' && Array.isArray(value.objects))
    itemsKey = 'objects';
  const items = itemsKey ? value[itemsKey] : undefined;
  if (!itemsKey || !Array.isArray(items)) {
    return;
  }
  const itemsNode = isMap(node) ? node.get(itemsKey, true) : undefined;
  items.forEach((item, index) => {
    const itemNode = isSeq(itemsNode)
      ? (itemsNode.items[index] as YamlNode | undefined)
      : undefined;
    const itemLine = itemNode?.range ? lineOf(itemNode.range[0]) : line;
    addObject(item, itemNode, path, itemLine, lineOf, objects, findings, false);
  });
}
