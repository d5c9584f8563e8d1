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

/*
 * Where the documents of a YAML text lie: the text cut at its column-0 `---`
 * lines, with the line of each piece's first content line. The fast path of
 * readYamlDocuments lines js-yaml's documents up with these pieces.
 */

/** A stretch of the text between column-0 `---` lines. @internal */
export interface DocumentSegment {
  start: number;
  end: number;
  /** The line the segment starts on. */
  startLine: number;
  /** The line of its first content line (not blank, not a comment); undefined when it has none. */
  line?: number;
  /** Its line breaks (part of the nesting bound). */
  lineBreaks: number;
}

/** @internal */
export interface Segmentation {
  segments: DocumentSegment[];
  /** Segments with content: documents. */
  documents: number;
  /** A `---#` line: a separator to us, a plain scalar to js-yaml. */
  markerWithoutSpace: boolean;
  /**
   * A line that starts with `%` (a directive), with `...` (a document end),
   * or with `---` and then content (`--- !tag`, `--- {a: 1}`): documents this
   * cut does not find, so the full parser reads the text.
   */
  directiveOrInlineMarker: boolean;
}

// Lines as JavaScript's `m` flag sees them: they also end at \r, U+2028 and
// U+2029. Texts holding none of these are cut by a plain walk over their
// \n-ended lines (segmentsByLine), which gives the same pieces far cheaper.
const DOCUMENT_MARKER = /^---[ \t]*(?:#.*)?\r?$/gm;
const CONTENT_LINE = /^[ \t]*[^\s#]/gm;
const WHITESPACE = /\s/;
const DIRECTIVE_OR_INLINE_MARKER = /^%|^(?:---|\.\.\.)[ \t]*[^\s#]|^\.\.\./m;

/** Line breaks (\n) in text[from, to). @internal */
export function countLines(text: string, from: number, to: number): number {
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

/** The offset of the first content line, or -1 when the text has none. @internal */
export function firstContentOffset(text: string): number {
  CONTENT_LINE.lastIndex = 0;
  return CONTENT_LINE.exec(text)?.index ?? -1;
}

/** Whether a `---` line starts at or after `from`. @internal */
export function hasDocumentMarkerFrom(text: string, from: number): boolean {
  DOCUMENT_MARKER.lastIndex = from;
  return DOCUMENT_MARKER.test(text);
}

/**
 * The text cut at its column-0 `---` lines (`---`, then spaces or tabs, then
 * nothing or a comment), with the line of each segment's first content line
 * (after spaces and tabs, neither whitespace nor `#`).
 * @internal
 */
export function documentSegments(text: string): Segmentation {
  // Three native searches: cheaper than one search for a class of characters.
  return text.includes('\r') ||
    text.includes('\u2028') ||
    text.includes('\u2029')
    ? segmentsByPattern(text)
    : segmentsByLine(text);
}

/** Whether the \n-ended line at `at` (ending at `end`) is a `---` line. */
function isMarkerLine(text: string, at: number, end: number): boolean {
  if (!text.startsWith('---', at)) return false;
  const i = skipBlanks(text, at + 3, end);
  return i === end || text.charCodeAt(i) === 35;
}

/** Whether text[i] is neither whitespace (as `\s` sees it) nor `#`. */
function isContentCharacter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 35) return false;
  // ASCII whitespace is \t to \r and space; beyond ASCII, ask the pattern.
  if (c < 128) return c > 13 ? c !== 32 : c < 9;
  return !WHITESPACE.test(text[i]);
}

/** The first offset at or after `from` (before `end`) that is not a space or tab. */
function skipBlanks(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
    i++;
  }
  return i;
}

/** Whether the \n-ended line at `at` (ending at `end`) is a content line. */
function isContentLine(text: string, at: number, end: number): boolean {
  const i = skipBlanks(text, at, end);
  return i < end && isContentCharacter(text, i);
}

/**
 * Whether the \n-ended line at `at` (ending at `end`) is a directive, a
 * `...` line or a `---` line with content: DIRECTIVE_OR_INLINE_MARKER on
 * one line.
 */
function isDirectiveOrInlineMarker(
  text: string,
  at: number,
  end: number,
): boolean {
  const c = text.charCodeAt(at);
  if (c === 37) return true; // %
  if (c === 46) return text.startsWith('...', at);
  if (c !== 45 || !text.startsWith('---', at)) return false;
  const i = skipBlanks(text, at + 3, end);
  return i < end && isContentCharacter(text, i);
}

/** For texts whose only line terminator is \n: one walk over their lines. */
function segmentsByLine(text: string): Segmentation {
  const segments: DocumentSegment[] = [];
  let documents = 0;
  let markerWithoutSpace = false;
  let directiveOrInlineMarker = false;
  let start = 0;
  let startLine = 1;
  let line = 1;
  let contentLine: number | undefined;
  for (let at = 0; at <= text.length; line++) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    // Markers, directives and `...` start with one of `-`, `.` and `%`:
    // other lines (most) are only looked at for content.
    const first = text.charCodeAt(at);
    const mayMark = first === 45 || first === 46 || first === 37;
    if (mayMark && isMarkerLine(text, at, end)) {
      segments.push(segment(start, at, startLine, contentLine, line));
      if (contentLine !== undefined) documents++;
      if (text.charCodeAt(at + 3) === 35) markerWithoutSpace = true;
      start = end + 1;
      // A `---` ending the text has no line break after it.
      startLine = newline === -1 ? line : line + 1;
      contentLine = undefined;
    } else {
      if (contentLine === undefined && isContentLine(text, at, end)) {
        contentLine = line;
      }
      // Checked only until the first one: one is enough.
      if (mayMark && !directiveOrInlineMarker) {
        directiveOrInlineMarker = isDirectiveOrInlineMarker(text, at, end);
      }
    }
    if (newline === -1) break;
    at = newline + 1;
  }
  // The last segment; after a `---` that ends the text, an empty one past it.
  if (start > text.length) {
    segments.push({ start, end: text.length, startLine, lineBreaks: 0 });
  } else {
    segments.push(segment(start, text.length, startLine, contentLine, line));
    if (contentLine !== undefined) documents++;
  }
  return { segments, documents, markerWithoutSpace, directiveOrInlineMarker };
}

/** A segment from `startLine` up to (not including) `endLine`'s line break count. */
function segment(
  start: number,
  end: number,
  startLine: number,
  contentLine: number | undefined,
  endLine: number,
): DocumentSegment {
  const lineBreaks = endLine - startLine;
  return contentLine === undefined
    ? { start, end, startLine, lineBreaks }
    : { start, end, startLine, line: contentLine, lineBreaks };
}

/**
 * For any text, with the `m` flag's idea of lines. Each stretch of the text
 * is searched and counted once.
 */
function segmentsByPattern(text: string): Segmentation {
  const segments: DocumentSegment[] = [];
  let documents = 0;
  let markerWithoutSpace = false;
  let start = 0;
  let startLine = 1;
  DOCUMENT_MARKER.lastIndex = 0;
  // The next content line at or after `start`: searched again only once
  // passed, so runs of empty documents do not rescan to the end each time.
  let content: RegExpExecArray | null | undefined;
  for (;;) {
    const marker = DOCUMENT_MARKER.exec(text);
    const end = marker ? marker.index : text.length;
    if (content !== null && (content === undefined || content.index < start)) {
      CONTENT_LINE.lastIndex = start;
      content = CONTENT_LINE.exec(text);
    }
    let piece: DocumentSegment;
    if (content && content.index < end) {
      const before = countLines(text, start, content.index);
      piece = {
        start,
        end,
        startLine,
        line: startLine + before,
        lineBreaks: before + countLines(text, content.index, end),
      };
      documents++;
    } else {
      piece = {
        start,
        end,
        startLine,
        lineBreaks: countLines(text, start, end),
      };
    }
    segments.push(piece);
    if (!marker) break;
    if (text.charCodeAt(marker.index + 3) === 35) markerWithoutSpace = true;
    const next = marker.index + marker[0].length + 1;
    // Plus the marker line's own \n (none when it ends the text, or ends in
    // another line terminator, which `$` also accepts).
    startLine += piece.lineBreaks + (text.charCodeAt(next - 1) === 10 ? 1 : 0);
    start = next;
    DOCUMENT_MARKER.lastIndex = next;
  }
  return {
    segments,
    documents,
    markerWithoutSpace,
    directiveOrInlineMarker: DIRECTIVE_OR_INLINE_MARKER.test(text),
  };
}

/** Both ways of cutting, for the test that they agree. @internal */
export const segmentationWays = { segmentsByLine, segmentsByPattern };
