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

import { CORE_SCHEMA, load as loadYamlFast } from 'js-yaml';
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

/**
 * Whether objects/arrays nest deeper than `max`. Recursion is bounded by
 * `max` itself (it stops there), and it allocates nothing: it runs on every
 * document.
 */
function exceedsDepth(value: unknown, max: number, depth = 1): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth > max) return true;
  if (Array.isArray(value)) {
    for (const child of value) {
      if (exceedsDepth(child, max, depth + 1)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (exceedsDepth(record[key], max, depth + 1)) return true;
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

/**
 * Runs the full parser without capturing stack traces for its errors: on
 * templates and broken files it builds many errors, whose stacks cost more
 * than the parse and are never shown (findings carry the message and line).
 */
function withoutErrorStacks<T>(fn: () => T): T {
  const errorClass = Error as unknown as { stackTraceLimit?: number };
  const saved = errorClass.stackTraceLimit;
  errorClass.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    errorClass.stackTraceLimit = saved;
  }
}

/**
 * UTF-8 length of a string, counted only as far as needed: a string longer
 * than `max` code units is over it, one a third as long is under it.
 */
function utf8Length(text: string, max: number): number {
  if (text.length > max) return text.length;
  if (text.length * 3 <= max) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= max; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair: 4 bytes for both code units
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function documentLimitFinding(
  path: string,
  limits: ManifestLimits,
  line: number,
): Finding {
  return makeFinding(
    'manifest-limit-exceeded',
    'warning',
    `${path} has more than ${limits.maxDocuments} documents (limits.maxDocuments); the rest was not read`,
    { file: path, line },
  );
}

function depthLimitFinding(
  path: string,
  limits: ManifestLimits,
  line: number,
): Finding {
  return makeFinding(
    'manifest-limit-exceeded',
    'warning',
    `Document at ${path}:${line} nests deeper than ${limits.maxDepth} levels (limits.maxDepth); not read`,
    { file: path, line },
  );
}

/*
 * Fast path. js-yaml is several times faster than the full parser but gives
 * no positions and stops a file at its first error. It is used only for
 * files it reads exactly as the full parser does: documents split at
 * column-0 `---` lines (each document's line is its first content line), no
 * templates, anchors/aliases, directives or `...` markers, no List or
 * Template wrappers (their items need positions), no error. Anything else
 * goes to the full parser, which reports errors with lines. A property test
 * checks that both paths read the same objects at the same lines.
 */
const DIRECTIVE_OR_INLINE_MARKER = /^%|^(?:---|\.\.\.)[ \t]*[^\s#]|^\.\.\./m;
const ANCHOR_OR_ALIAS =
  /(?:^|[\s[{,])[&*][A-Za-z0-9_][^\s,\]}]*(?=[\s,\]}]|$)/gm;

/** Anchors or aliases outside comments and double-quoted text. */
function hasAnchorOrAlias(text: string): boolean {
  ANCHOR_OR_ALIAS.lastIndex = 0;
  for (;;) {
    const match = ANCHOR_OR_ALIAS.exec(text);
    if (!match) return false;
    const prefix = text.slice(
      text.lastIndexOf('\n', match.index) + 1,
      match.index + 1,
    );
    const inComment = /(?:^|\s)#/.test(prefix);
    const inQuotes = (prefix.split('"').length - 1) % 2 === 1;
    if (!inComment && !inQuotes) return true;
  }
}
const UNQUOTED_TEMPLATE = /^[ \t-]*\{\{|[:[{,][ \t]*\{\{/gm;
const BLOCK_SCALAR_HEADER =
  /(?:^[ \t]*|[:-][ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;

/**
 * Whether template braces appear where YAML expects structure. Braces in the
 * text of a block scalar (`script: |` followed by more-indented lines, as in
 * cloud-init and ClusterClass patches) are plain text and do not count.
 */
function hasStructuralTemplate(text: string): boolean {
  UNQUOTED_TEMPLATE.lastIndex = 0;
  for (;;) {
    const match = UNQUOTED_TEMPLATE.exec(text);
    if (!match) return false;
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (!insideBlockScalar(text, lineStart)) return true;
  }
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32) i++;
  return i - lineStart;
}

/**
 * Walks up through the less-indented lines (the ancestors): the line is
 * block-scalar text when one of them is a block scalar header.
 */
function insideBlockScalar(text: string, lineStart: number): boolean {
  let indent = indentOf(text, lineStart);
  let end = lineStart - 1;
  while (end > 0 && indent > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const lineIndent = indentOf(text, start);
    if (/\S/.test(line) && lineIndent < indent) {
      if (BLOCK_SCALAR_HEADER.test(line)) return true;
      indent = lineIndent;
    }
    end = start - 1;
  }
  return false;
}

/** Cheap substring checks first: the regular expressions run only when needed. */
function needsFullParser(text: string): boolean {
  return (
    ((text.includes('%') ||
      text.includes('...') ||
      text.includes('--- ') ||
      text.includes('---\t')) &&
      DIRECTIVE_OR_INLINE_MARKER.test(text)) ||
    ((text.includes('&') || text.includes('*')) && hasAnchorOrAlias(text)) ||
    (text.includes('{{') && hasStructuralTemplate(text))
  );
}

const DOCUMENT_MARKER = /^---[ \t]*(?:#.*)?\r?$/gm;
const CONTENT_LINE = /^[ \t]*[^\s#]/gm;

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (
    let i = text.indexOf('\n', from);
    i !== -1 && i < to;
    i = text.indexOf('\n', i + 1)
  ) {
    lines++;
  }
  return lines;
}

interface FastDocument {
  value: unknown;
  line: number;
  /** Lines of the items of a List/Template wrapper. */
  itemLines?: number[];
  /** An upper bound of the nesting depth, from the text (see nestingBound). */
  depthBound: number;
}

/**
 * An upper bound of how deep a plain document (no anchors, no directives)
 * nests: every collection but the root opens after a line break, a `-`, a
 * `[`, a `{` or a `?`. Counting those characters is much cheaper than
 * walking the parsed value, which is then only needed for big documents.
 */
const OPENERS = ['\n', '-', '[', '{', '?'];

function nestingBound(
  text: string,
  from: number,
  to: number,
  max: number,
): number {
  // indexOf runs natively and skips long runs of text: much cheaper than a
  // loop over every character. Stops counting once past `max`.
  let bound = 1;
  for (const char of OPENERS) {
    for (
      let i = text.indexOf(char, from);
      i !== -1 && i < to;
      i = text.indexOf(char, i + 1)
    ) {
      if (++bound > max) return bound;
    }
  }
  return bound;
}

/** `items` of a List, `objects` of an OpenShift Template, else undefined. */
function wrapperItemsKey(value: Json): string | undefined {
  if (typeof value.kind !== 'string') return undefined;
  if (isListKind(value.kind) && Array.isArray(value.items)) return 'items';
  if (value.kind === 'Template' && Array.isArray(value.objects))
    return 'objects';
  return undefined;
}

/**
 * Lines of the entries of a top-level block sequence (`items:` then `- `
 * lines at one indentation). Undefined when the text is laid out otherwise
 * (flow style, JSON, `-` alone on its line) or the count does not match:
 * the full parser then reads the file.
 */
function blockItemLines(
  docText: string,
  key: string,
  docFirstLine: number,
  items: unknown[],
): number[] | undefined {
  if (items.length === 0) return [];
  const lines = docText.split('\n');
  const keyLine = lines.findIndex(l =>
    new RegExp(`^${key}:[ \t]*(?:#.*)?\r?$`).test(l),
  );
  if (keyLine === -1) return undefined;
  const result: number[] = [];
  let indent: number | undefined;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^[^\s#-]/.test(line)) break; // the next top-level key
    const entry = line.match(/^([ \t]*)-(?:[ \t]+\S|[ \t]*\r?$)/);
    if (!entry) continue;
    if (indent === undefined) indent = entry[1].length;
    if (entry[1].length !== indent) continue;
    if (/^[ \t]*-[ \t]*(?:#.*)?\r?$/.test(line)) return undefined;
    result.push(docFirstLine + i);
  }
  return result.length === items.length ? result : undefined;
}

function splitAndLoadFast(
  text: string,
  maxDepth: number,
): FastDocument[] | undefined {
  if (needsFullParser(text)) return undefined;
  const docs: FastDocument[] = [];
  let start = 0;
  let startLine = 1;
  DOCUMENT_MARKER.lastIndex = 0;
  for (;;) {
    const marker = DOCUMENT_MARKER.exec(text);
    const end = marker ? marker.index : text.length;
    CONTENT_LINE.lastIndex = start;
    const content = CONTENT_LINE.exec(text);
    if (content && content.index < end) {
      let value: unknown;
      try {
        // Same schema as the full parser (YAML 1.2 core); json: duplicate keys
        // keep the last value, like kubectl and the full parser.
        value = loadYamlFast(text.slice(start, end), {
          schema: CORE_SCHEMA,
          json: true,
        });
      } catch {
        return undefined;
      }
      const line = startLine + countLines(text, start, content.index);
      const itemsKey = isObject(value) ? wrapperItemsKey(value) : undefined;
      if (itemsKey) {
        const itemLines = blockItemLines(
          text.slice(start, end),
          itemsKey,
          startLine,
          (value as Json)[itemsKey] as unknown[],
        );
        if (!itemLines) return undefined;
        docs.push({
          value,
          line,
          itemLines,
          depthBound: nestingBound(text, start, end, maxDepth),
        });
      } else {
        docs.push({
          value,
          line,
          depthBound: nestingBound(text, start, end, maxDepth),
        });
      }
    }
    if (!marker) break;
    const next = marker.index + marker[0].length + 1;
    startLine += countLines(text, start, next);
    start = next;
    DOCUMENT_MARKER.lastIndex = next;
  }
  return docs;
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
  options: { parser?: 'auto' | 'full' } = {},
): ManifestReadResult {
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  let documents = 0;
  for (const file of files) {
    try {
      documents += readFile(
        file,
        limits,
        objects,
        findings,
        options.parser ?? 'auto',
      );
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
  parser: 'auto' | 'full',
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
  if (utf8Length(text, limits.maxFileBytes) > limits.maxFileBytes) {
    findings.push(
      makeFinding(
        'manifest-limit-exceeded',
        'warning',
        `${path} is larger than ${limits.maxFileBytes} bytes (limits.maxFileBytes); not read`,
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
  if (!/\S/.test(text)) {
    return 0;
  }

  const fast =
    parser === 'auto' ? splitAndLoadFast(text, limits.maxDepth) : undefined;
  if (fast) {
    let count = 0;
    for (const doc of fast) {
      if (count >= limits.maxDocuments) {
        findings.push(documentLimitFinding(path, limits, doc.line));
        break;
      }
      count++;
      if (doc.value === null || doc.value === undefined) continue;
      if (
        doc.depthBound > limits.maxDepth &&
        exceedsDepth(doc.value, limits.maxDepth)
      ) {
        findings.push(depthLimitFinding(path, limits, doc.line));
        continue;
      }
      addObject(
        doc.value,
        undefined,
        path,
        doc.line,
        () => doc.line,
        objects,
        findings,
        true,
        doc.itemLines,
      );
    }
    return count;
  }

  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  // Duplicate keys: kubectl keeps the last one, so do we (the object is not lost).
  const docs = withoutErrorStacks(() =>
    parseAllDocuments(text, {
      lineCounter,
      uniqueKeys: false,
      // `<<` merge keys, as Kubernetes' YAML reader understands them.
      merge: true,
      // Problems become findings; the parser must not print to the console.
      logLevel: 'error',
    }),
  ) as Document.Parsed[] | { length: 0 };
  let count = 0;
  for (const doc of Array.from(docs as Document.Parsed[])) {
    if (!doc.contents && doc.errors.length === 0) continue; // empty document
    if (count >= limits.maxDocuments) {
      findings.push(documentLimitFinding(path, limits, lineOf(doc.range[0])));
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
    findings.push(depthLimitFinding(path, limits, docLine));
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
  itemLines?: readonly number[],
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
    let itemLine = itemLines?.[index] ?? line;
    if (itemNode?.range) itemLine = lineOf(itemNode.range[0]);
    addObject(item, itemNode, path, itemLine, lineOf, objects, findings, false);
  });
}
