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

import {
  CORE_SCHEMA,
  load as loadYamlFast,
  loadAll as loadAllYamlFast,
} from 'js-yaml';
import type { LoadOptions } from 'js-yaml';
import { Composer, isMap, isSeq, LineCounter, Parser, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Finding, ManifestLimits } from '../types';
import { makeFinding } from './findings';
import type { ManifestObject } from './manifestObject';
import {
  countLines,
  documentSegments,
  firstContentOffset,
  hasDocumentMarkerFrom,
  type DocumentSegment,
  type Segmentation,
} from './yamlDocumentSegments';

/** A document or List item that is not a typed object (no kind, or no apiVersion). @internal */
export interface UntypedDocument {
  line: number;
  value: unknown;
  topLevel: boolean;
}

/** What the YAML documents of one file hold. @internal */
export interface YamlRead {
  objects: ManifestObject[];
  untyped: UntypedDocument[];
  /** Parse errors and limits. */
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
 * `max` itself (it stops there), and it allocates nothing.
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

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function metadataString(
  body: Json,
  key: 'name' | 'namespace',
): string | undefined {
  const metadata = body.metadata;
  if (isObject(metadata) && typeof metadata[key] === 'string') {
    return metadata[key] as string;
  }
  return undefined;
}

/**
 * Runs the full parser without capturing stack traces for its errors: on
 * broken files it builds many errors, whose stacks cost more than the parse
 * and are never shown (findings carry the message and line).
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

/** The limits a file can hit while it is read, each said in its own words. */
const LIMIT_MESSAGES = {
  documents: (path: string, _line: number, limits: ManifestLimits) =>
    `${path} has more than ${limits.maxDocuments} documents (limits.maxDocuments); the rest was not read`,
  depth: (path: string, line: number, limits: ManifestLimits) =>
    `Document at ${path}:${line} nests deeper than ${limits.maxDepth} levels (limits.maxDepth); not read`,
  aliases: (path: string, line: number, limits: ManifestLimits) =>
    `Document at ${path}:${line} expands more than ${limits.maxAliasCount} aliases (limits.maxAliasCount); not read`,
} as const;

function limitFinding(
  limit: keyof typeof LIMIT_MESSAGES,
  path: string,
  limits: ManifestLimits,
  line: number,
): Finding {
  return makeFinding(
    'manifest-limit-exceeded',
    'warning',
    LIMIT_MESSAGES[limit](path, line, limits),
    { file: path, line },
  );
}

/*
 * Pre-scans. Each is one pass over the text (or a native substring search),
 * so reading stays linear whatever the input.
 */
function isAnchorPrefix(code: number): boolean {
  // Line start, whitespace, `[`, `{` or `,`.
  return (
    code === 10 ||
    code === 32 ||
    code === 9 ||
    code === 13 ||
    code === 12 ||
    code === 11 ||
    code === 91 ||
    code === 123 ||
    code === 44
  );
}

function isAnchorNameStart(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95
  );
}

/**
 * Anchors (`&a`) and aliases (`*a`) outside comments and double-quoted
 * text, counted in a single pass that tracks the quote and comment state of
 * the current line.
 */
function countAnchorsAndAliases(text: string): {
  anchors: number;
  aliases: number;
} {
  let anchors = 0;
  let aliases = 0;
  let quoted = false;
  let comment = false;
  let previous = 10;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      quoted = false;
      comment = false;
    } else if (!comment) {
      if (c === 34) quoted = !quoted;
      else if (
        c === 35 &&
        (previous === 10 ||
          previous === 32 ||
          previous === 9 ||
          previous === 13)
      )
        comment = true;
      else if (
        (c === 38 || c === 42) &&
        !quoted &&
        isAnchorPrefix(previous) &&
        isAnchorNameStart(text.charCodeAt(i + 1))
      ) {
        if (c === 38) anchors++;
        else aliases++;
      }
    }
    previous = c;
  }
  return { anchors, aliases };
}

/*
 * Fast path. js-yaml is several times faster than the full parser but gives
 * no positions and stops a file at its first error. It is used only for
 * files it reads exactly as the full parser does: documents split at
 * column-0 `---` lines (each document's line is its first content line), no
 * anchors/aliases, directives or `...` markers, List or Template wrappers
 * whose item lines can be found, no error. Anything else goes to the full
 * parser, which reports errors with lines. A property test checks that both
 * paths read the same objects at the same lines.
 */
function hasAnchorsOrAliases(text: string): boolean {
  if (!text.includes('&') && !text.includes('*')) return false;
  const { anchors, aliases } = countAnchorsAndAliases(text);
  return anchors + aliases > 0;
}

interface FastDocument {
  value: unknown;
  /** js-yaml stopped at its depth limit: the document nests deeper than limits.maxDepth. */
  tooDeep?: boolean;
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
 * Counts within the document only (a slice), so many documents cost no
 * more than one.
 */
const OPENERS = ['-', '[', '{', '?'];

/** The bound, given the document's line breaks (already counted to find its lines). */
function nestingBound(
  documentText: string,
  lineBreaks: number,
  max: number,
): number {
  let bound = 1 + lineBreaks;
  if (bound > max) return bound;
  for (const char of OPENERS) {
    for (
      let i = documentText.indexOf(char);
      i !== -1;
      i = documentText.indexOf(char, i + 1)
    ) {
      if (++bound > max) return bound;
    }
  }
  return bound;
}

function isListKind(kind: string): boolean {
  return kind === 'List' || kind.endsWith('List');
}

/** `items` of a List, `objects` of an OpenShift Template, else undefined. */
function wrapperItemsKey(value: Json): string | undefined {
  if (typeof value.kind !== 'string') return undefined;
  if (isListKind(value.kind) && Array.isArray(value.items)) return 'items';
  if (value.kind === 'Template' && Array.isArray(value.objects))
    return 'objects';
  return undefined;
}

const ITEM_KEYS: Record<string, RegExp> = {
  items: /^items:[ \t]*(?:#.*)?\r?$/,
  objects: /^objects:[ \t]*(?:#.*)?\r?$/,
};

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
  const keyPattern = ITEM_KEYS[key];
  const keyLine = lines.findIndex(l => keyPattern.test(l));
  if (keyLine === -1) return undefined;
  const result: number[] = [];
  let indent: number | undefined;
  for (let i = keyLine + 1; i < lines.length; i++) {
    const line = lines[i];
    if (/^[^\s#-]/.test(line)) break; // the next top-level key
    const entry = /^([ \t]*)-(?:[ \t]+\S|[ \t]*\r?$)/.exec(line);
    if (!entry) continue;
    if (indent === undefined) indent = entry[1].length;
    if (entry[1].length !== indent) continue;
    if (/^[ \t]*-[ \t]*(?:#.*)?\r?$/.test(line)) return undefined;
    result.push(docFirstLine + i);
  }
  return result.length === items.length ? result : undefined;
}

interface FastRead {
  docs: FastDocument[];
  /** Read by one js-yaml pass over the whole text (which refuses NUL bytes). */
  wholeFile?: boolean;
  /** The line of the first document beyond limits.maxDocuments, if any. */
  overflowLine?: number;
}

const JS_YAML_DEPTH_ERROR = /nesting exceeded maxDepth/;

/**
 * How js-yaml's depth limit is set. It counts every node, scalars included
 * (the root is 1). `one-past` (limits.maxDepth + 1): an error means a
 * collection nests deeper than limits.maxDepth. `strict` (limits.maxDepth):
 * success means none does, so nothing is left to check.
 */
type DepthRule = 'one-past' | 'strict';

// One options object per depth limit and rule (js-yaml only reads them),
// not one per document; keyed by the number, so no key text is built per file.
const loadOptionsByDepth: Record<DepthRule, Map<number, LoadOptions>> = {
  'one-past': new Map(),
  strict: new Map(),
};

/**
 * js-yaml's options: the full parser's schema (YAML 1.2 core); `json`:
 * duplicate keys keep the last value, like kubectl and the full parser;
 * `maxDepth` (js-yaml >= 4.3, newer than its types) by the depth rule.
 */
function fastLoadOptions(
  limits: ManifestLimits,
  depthRule: DepthRule,
): LoadOptions {
  const byDepth = loadOptionsByDepth[depthRule];
  let options = byDepth.get(limits.maxDepth);
  if (!options) {
    const withDepth: LoadOptions & { maxDepth: number } = {
      schema: CORE_SCHEMA,
      json: true,
      maxDepth: limits.maxDepth + (depthRule === 'one-past' ? 1 : 0),
    };
    options = withDepth;
    if (byDepth.size >= 16) byDepth.clear();
    byDepth.set(limits.maxDepth, options);
  }
  return options;
}

/** A document js-yaml read, with its List or Template item lines; undefined when they cannot be found. */
function fastDocument(
  value: unknown,
  text: string,
  segment: DocumentSegment,
  depthBound: number,
): FastDocument | undefined {
  const line = segment.line ?? segment.startLine;
  const itemsKey = isObject(value) ? wrapperItemsKey(value) : undefined;
  if (!itemsKey) return { value, line, depthBound };
  const itemLines = blockItemLines(
    text.slice(segment.start, segment.end),
    itemsKey,
    segment.startLine,
    (value as Json)[itemsKey] as unknown[],
  );
  return itemLines ? { value, line, itemLines, depthBound } : undefined;
}

/**
 * The usual file: one js-yaml pass over the whole text, as any reader of it
 * makes, under the strict depth limit. Undefined (read document by document
 * instead) on any error, past limits.maxDocuments, on a `---#` line, or when
 * js-yaml's documents do not line up with the segments: a leading segment
 * without content is no document when a separator follows it; a later one
 * is an empty (null) document.
 */
function loadWholeFile(
  text: string,
  { segments, documents, markerWithoutSpace }: Segmentation,
  limits: ManifestLimits,
): FastRead | undefined {
  if (markerWithoutSpace || documents > limits.maxDocuments) return undefined;
  let values: unknown[];
  try {
    values = loadAllYamlFast(
      text,
      undefined,
      fastLoadOptions(limits, 'strict'),
    ) as unknown[];
  } catch {
    return undefined;
  }
  const skipped = segments.length > 1 && segments[0].line === undefined ? 1 : 0;
  if (values.length !== segments.length - skipped) return undefined;
  const docs: FastDocument[] = [];
  for (let i = skipped; i < segments.length; i++) {
    const segment = segments[i];
    const value = values[i - skipped];
    if (segment.line === undefined) {
      if (value !== null) return undefined;
      continue;
    }
    // Depth bound 0: the strict limit held, no collection is too deep.
    const doc = fastDocument(value, text, segment, 0);
    if (!doc) return undefined;
    docs.push(doc);
  }
  return { docs, wholeFile: true };
}

/**
 * Document by document, when the whole file could not be read at once: a
 * document too deep is known from js-yaml's depth limit, the others are
 * bounded from their text (see nestingBound); reading stops at
 * limits.maxDocuments.
 */
function loadEachDocument(
  text: string,
  { segments }: Segmentation,
  limits: ManifestLimits,
): FastRead | undefined {
  const docs: FastDocument[] = [];
  for (const segment of segments) {
    if (segment.line === undefined) continue;
    if (docs.length >= limits.maxDocuments) {
      return { docs, overflowLine: segment.line };
    }
    const documentText = text.slice(segment.start, segment.end);
    let value: unknown;
    try {
      value = loadYamlFast(documentText, fastLoadOptions(limits, 'one-past'));
    } catch (error) {
      if (!JS_YAML_DEPTH_ERROR.test(String((error as Error)?.message))) {
        return undefined;
      }
      // Too deep: known without the full parser, which is slow on it.
      docs.push({
        value: undefined,
        tooDeep: true,
        line: segment.line,
        depthBound: 0,
      });
      continue;
    }
    const depthBound = nestingBound(
      documentText,
      segment.lineBreaks,
      limits.maxDepth,
    );
    const doc = fastDocument(value, text, segment, depthBound);
    if (!doc) return undefined;
    docs.push(doc);
  }
  return { docs };
}

/** The fast path: undefined when the full parser must read the file. */
function splitAndLoadFast(
  text: string,
  limits: ManifestLimits,
): FastRead | undefined {
  // Directives and inline markers are found on the segmentation's walk.
  if (hasAnchorsOrAliases(text)) return undefined;
  const segmentation = documentSegments(text);
  if (segmentation.directiveOrInlineMarker) return undefined;
  return (
    loadWholeFile(text, segmentation, limits) ??
    loadEachDocument(text, segmentation, limits)
  );
}

// Past this size the full parser is slow on deep nesting (seconds per MiB
// of `[[[[`); js-yaml tells first whether a document nests too deep.
const LARGE_DOCUMENT = 64 * 1024;

/**
 * The depth finding for a large file holding a single document that nests
 * deeper than limits.maxDepth, known from js-yaml's depth limit before the
 * full parser runs; undefined otherwise. Only that verdict is taken from
 * js-yaml: its other errors (an unknown tag, say) may be ones the full
 * parser reads past, so the full parser still decides those.
 */
function tooDeepLargeDocument(
  path: string,
  text: string,
  limits: ManifestLimits,
): Finding | undefined {
  if (text.length < LARGE_DOCUMENT) return undefined;
  const content = firstContentOffset(text);
  if (content === -1) return undefined;
  if (hasDocumentMarkerFrom(text, content)) return undefined; // more than one document
  try {
    loadYamlFast(text, fastLoadOptions(limits, 'one-past'));
    return undefined;
  } catch (error) {
    if (!JS_YAML_DEPTH_ERROR.test(String((error as Error)?.message))) {
      return undefined;
    }
    return limitFinding(
      'depth',
      path,
      limits,
      countLines(text, 0, content) + 1,
    );
  }
}

/** A file with NUL bytes: binary data, not YAML or JSON. @internal */
export function binaryDataFinding(path: string): Finding {
  return makeFinding(
    'manifest-binary',
    'warning',
    `${path} holds binary data (NUL bytes), not YAML or JSON; not read`,
    { file: path },
  );
}

/** Collects the objects and untyped documents of a file, List items expanded. */
class DocumentCollector {
  readonly objects: ManifestObject[] = [];
  readonly untyped: UntypedDocument[] = [];

  constructor(private readonly path: string) {}

  add(
    value: unknown,
    node: YamlNode | null | undefined,
    line: number,
    lineOf: (offset: number) => number,
    topLevel: boolean,
    itemLines?: readonly number[],
  ): void {
    if (
      !isObject(value) ||
      typeof value.kind !== 'string' ||
      value.kind.trim() === '' ||
      typeof value.apiVersion !== 'string' ||
      value.apiVersion.trim() === ''
    ) {
      this.untyped.push({ line, value, topLevel });
      return;
    }
    const kind = value.kind;
    this.objects.push({
      file: this.path,
      line,
      apiVersion: value.apiVersion,
      kind,
      name: metadataString(value, 'name'),
      namespace: metadataString(value, 'namespace'),
      body: value,
      rendered: true,
    });
    // List wrappers and OpenShift Templates carry the real objects inside.
    let itemsKey: string | undefined;
    if (isListKind(kind)) itemsKey = 'items';
    else if (kind === 'Template' && Array.isArray(value.objects))
      itemsKey = 'objects';
    const items = itemsKey ? value[itemsKey] : undefined;
    if (!itemsKey || !Array.isArray(items)) return;
    const itemsNode = isMap(node) ? node.get(itemsKey, true) : undefined;
    items.forEach((item, index) => {
      const itemNode = isSeq(itemsNode)
        ? (itemsNode.items[index] as YamlNode | undefined)
        : undefined;
      let itemLine = itemLines?.[index] ?? line;
      if (itemNode?.range) itemLine = lineOf(itemNode.range[0]);
      this.add(item, itemNode, itemLine, lineOf, false);
    });
  }
}

function countAliasNodes(doc: Document.Parsed, max: number): number {
  let count = 0;
  visit(doc, {
    Alias() {
      count++;
      return count > max ? visit.BREAK : undefined;
    },
  });
  return count;
}

/**
 * Reads the YAML/JSON documents of one file: multi-document YAML and JSON,
 * `List`/`*List` and OpenShift `Template` items expanded, CRLF tolerated,
 * limits applied as soon as they are hit; a file with NUL bytes is binary
 * data (one finding). Never throws for bad input.
 * @internal
 */
export function readYamlDocuments(
  path: string,
  text: string,
  limits: ManifestLimits,
  parser: 'auto' | 'full',
): YamlRead {
  const collector = new DocumentCollector(path);
  const findings: Finding[] = [];
  const fast = parser === 'auto' ? splitAndLoadFast(text, limits) : undefined;
  // js-yaml refuses NUL bytes: a text it read in one pass holds none, and
  // only the others are searched for them (one scan less for most files).
  if (!fast?.wholeFile && text.includes('\u0000')) {
    return {
      objects: [],
      untyped: [],
      findings: [binaryDataFinding(path)],
      documents: 0,
    };
  }
  if (fast) {
    for (let i = 0; i < fast.docs.length; i++) {
      const doc = fast.docs[i];
      if (doc.tooDeep) {
        findings.push(limitFinding('depth', path, limits, doc.line));
        continue;
      }
      if (doc.value === null || doc.value === undefined) continue;
      if (
        doc.depthBound > limits.maxDepth &&
        exceedsDepth(doc.value, limits.maxDepth)
      ) {
        findings.push(limitFinding('depth', path, limits, doc.line));
        continue;
      }
      collector.add(
        doc.value,
        undefined,
        doc.line,
        () => doc.line,
        true,
        doc.itemLines,
      );
    }
    if (fast.overflowLine !== undefined) {
      findings.push(limitFinding('documents', path, limits, fast.overflowLine));
    }
    return {
      objects: collector.objects,
      untyped: collector.untyped,
      findings,
      documents: fast.docs.length,
    };
  }

  const tooDeep = tooDeepLargeDocument(path, text, limits);
  if (tooDeep) {
    return { objects: [], untyped: [], findings: [tooDeep], documents: 1 };
  }

  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const mayHaveAliases =
    text.includes('*') &&
    countAnchorsAndAliases(text).aliases > limits.maxAliasCount;
  // Documents are composed one at a time, so reading stops at the limit.
  const composer = new Composer({
    // Duplicate keys: kubectl keeps the last one, so do we (the object is not lost).
    uniqueKeys: false,
    // `<<` merge keys, as Kubernetes' YAML reader understands them.
    merge: true,
    // Problems become findings; the parser must not print to the console.
    logLevel: 'error',
  });
  let count = 0;
  withoutErrorStacks(() => {
    for (const doc of composer.compose(
      new Parser(lineCounter.addNewLine).parse(text),
    )) {
      if (!doc.contents && doc.errors.length === 0) continue; // empty document
      if (count >= limits.maxDocuments) {
        findings.push(
          limitFinding('documents', path, limits, lineOf(doc.range[0])),
        );
        break;
      }
      count++;
      const finding = readDocument(
        doc,
        path,
        limits,
        lineOf,
        collector,
        mayHaveAliases,
      );
      if (finding) findings.push(finding);
    }
  });
  return {
    objects: collector.objects,
    untyped: collector.untyped,
    findings,
    documents: count,
  };
}

function readDocument(
  doc: Document.Parsed,
  path: string,
  limits: ManifestLimits,
  lineOf: (offset: number) => number,
  collector: DocumentCollector,
  mayHaveAliases: boolean,
): Finding | undefined {
  const contentStart = doc.contents?.range?.[0] ?? doc.range[0];
  const docLine = lineOf(contentStart);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    return makeFinding(
      'manifest-parse-error',
      'warning',
      `Document at ${path}:${docLine} does not parse: ${firstLine(
        error.message,
      )}`,
      { file: path, line: error.linePos?.[0]?.line ?? lineOf(error.pos[0]) },
    );
  }
  // The parser resolves each alias by a search of the document: bounding
  // their number first keeps the conversion linear.
  if (
    mayHaveAliases &&
    countAliasNodes(doc, limits.maxAliasCount) > limits.maxAliasCount
  ) {
    return limitFinding('aliases', path, limits, docLine);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    const message = firstLine(String((error as Error)?.message ?? error));
    return /alias/i.test(message)
      ? limitFinding('aliases', path, limits, docLine)
      : makeFinding(
          'manifest-parse-error',
          'warning',
          `Document at ${path}:${docLine} could not be read: ${message}`,
          {
            file: path,
            line: docLine,
          },
        );
  }
  if (value === null || value === undefined) return undefined; // empty document
  if (exceedsDepth(value, limits.maxDepth))
    return limitFinding('depth', path, limits, docLine);
  collector.add(value, doc.contents, docLine, lineOf, true);
  return undefined;
}
