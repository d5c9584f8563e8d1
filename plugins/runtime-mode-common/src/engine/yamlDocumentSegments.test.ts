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

import fc from 'fast-check';
import { documentSegments, segmentationWays } from './yamlDocumentSegments';

const { segmentsByLine, segmentsByPattern } = segmentationWays;

// Pieces that make and break `---` lines and content lines: comments,
// blanks, whitespace that is not a space or a tab, markers with and without
// a comment, `----` or `--- x` that are no markers, directives and `...`.
const piece = fc.constantFrom(
  '---',
  '--- ',
  '---\t# c',
  '---#c',
  '----',
  '--- x',
  '---\u00a0x',
  '---\vx',
  '--- #x',
  '...',
  '... x',
  '..',
  '%',
  '%YAML 1.2',
  '\n',
  '\n',
  '\n',
  ' ',
  '\t',
  '#',
  '# note',
  'a: 1',
  '- b',
  '\f',
  '\v',
  '\u00a0',
  '\ufeff',
  '\u0000',
  '\u0001',
  'é',
);

describe('documentSegments', () => {
  it('cuts a \\n-only text by its lines exactly as the multiline patterns do', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), parts => {
        const text = parts.join('');
        expect(segmentsByLine(text)).toEqual(segmentsByPattern(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the directive, `...` and inline `---` lines that leave the cut to the full parser', () => {
    const found = (text: string) => [
      segmentsByLine(text).directiveOrInlineMarker,
      segmentsByPattern(text).directiveOrInlineMarker,
    ];
    for (const text of [
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n...\n',
      'a: 1\n--- !!map\nb: 2\n',
      'a: 1\n---{b: 2}\n',
      'a: 1\n---\t[1]\n',
    ]) {
      expect(found(text)).toEqual([true, true]);
    }
    for (const text of [
      'a: 1\n---\nb: 2\n',
      'a: 1\n--- # next\nb: 2\n',
      'a: "100%"\n  ...: x\n',
      'a: 1\n ---x\n',
      '',
    ]) {
      expect(found(text)).toEqual([false, false]);
    }
  });

  it('gives each document the line of its first content line, counting comments and blanks', () => {
    const text =
      '# head\n\napiVersion: v1\n---\n\n  # c\nkind: A\n--- # x\n---\n';
    const { segments, documents } = documentSegments(text);
    expect(segments.map(s => s.line)).toEqual([3, 7, undefined, undefined]);
    expect(segments.map(s => s.startLine)).toEqual([1, 5, 9, 10]);
    expect(documents).toBe(2);
  });

  it('cuts texts with \\r, U+2028 or U+2029 line ends as JavaScript lines do', () => {
    for (const end of ['\r\n', '\r', '\u2028', '\u2029']) {
      const text = `a: 1${end}---${end}b: 2${end}`;
      expect(documentSegments(text)).toEqual(segmentsByPattern(text));
      expect(documentSegments(text).documents).toBe(2);
    }
  });

  it('treats a --- that ends the text as a separator before an empty segment', () => {
    const { segments, documents } = documentSegments('a: 1\n---');
    expect(documents).toBe(1);
    expect(segments).toHaveLength(2);
    expect(segments[1].line).toBeUndefined();
  });
});
