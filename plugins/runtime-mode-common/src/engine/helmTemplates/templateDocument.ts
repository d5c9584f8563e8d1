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

import { knownTexts, type Alternative } from './renderTemplate';
import { and, type Tri } from './templateExpression';

/** An `apiVersion:` or `kind:` line and what it can render to. */
interface KeyLine {
  line: number;
  truth: Tri;
  alternatives: Alternative[];
}

/** What a template document gives at the target. @internal */
export type DocumentOutcome =
  | { type: 'empty' }
  | {
      type: 'object';
      line: number;
      apiVersion: string;
      kind: string;
      name?: string;
      namespace?: string;
    }
  /** Every line that writes its kind is in a branch the target does not take. */
  | { type: 'absent'; line: number; label: string }
  /** Its kind or apiVersion is known only when rendering. */
  | { type: 'unreadable'; line: number; label: string }
  /** The target renders one of several apiVersions, and which is not known here. */
  | {
      type: 'choice';
      line: number;
      label: string;
      kind: string;
      name?: string;
      apiVersions: string[];
    };

const API_VERSION = /^[A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)?$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
const TOP_LEVEL_KEY = /^(apiVersion|kind|metadata):/;
const METADATA_FIELD = /^(name|namespace):(.*)$/;

/** A literal YAML scalar (no template), unquoted and without a trailing comment. */
export function literalValue(raw: string): string | undefined {
  if (raw.includes('{{')) return undefined;
  const value = raw.replace(/\s+#.*$/, '').trim();
  const quoted =
    value.length >= 2 &&
    (value[0] === '"' || value[0] === "'") &&
    value[value.length - 1] === value[0];
  const unquoted = quoted ? value.slice(1, -1) : value;
  return unquoted === '' ? undefined : unquoted;
}

/** The values a key can take at the target, and the first line that writes each. */
function resolveKey(lines: readonly KeyLine[], valid: RegExp) {
  const candidates: Array<Alternative & { line: number }> = [];
  for (const keyLine of lines) {
    for (const alternative of keyLine.alternatives) {
      const truth = and(keyLine.truth, alternative.truth);
      if (truth !== false) {
        candidates.push({ ...alternative, truth, line: keyLine.line });
      }
    }
  }
  const values = knownTexts(candidates).values.filter(v => valid.test(v));
  const lineOf = (value: string) => {
    let line = Infinity;
    for (const c of candidates) {
      if (c.line < line && literalValue(c.text ?? '') === value) line = c.line;
    }
    return line;
  };
  return {
    values,
    absent: lines.length > 0 && candidates.length === 0,
    lineOf,
  };
}

/**
 * One `---` document of a template file, gathered line by line: its
 * column-0 `apiVersion:` and `kind:` lines with what each can render to,
 * and the literal `metadata.name`/`namespace`.
 * @internal
 */
export class TemplateDocument {
  private readonly apiVersions: KeyLine[] = [];
  private readonly kinds: KeyLine[] = [];
  private name?: string;
  private namespace?: string;
  private hasContent = false;
  private inMetadata = false;
  private metadataIndent?: number;

  constructor(readonly firstLine: number) {}

  /** Text that renders output (an output action, or any YAML line). */
  markContent(): void {
    this.hasContent = true;
  }

  /**
   * Reads one line outside actions and definitions. `render` gives what a
   * templated value renders to; `truth` whether the target renders the line.
   */
  readLine(
    lineText: string,
    line: number,
    truth: Tri,
    render: (value: string) => Alternative[],
  ): void {
    const trimmed = lineText.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('{{')) {
      return;
    }
    this.hasContent = true;
    const first = lineText.charCodeAt(0);
    if (first !== 0x20 && first !== 0x09) {
      this.readTopLevel(lineText, line, truth, render);
    } else if (this.inMetadata) {
      this.readMetadata(lineText, trimmed);
    }
  }

  private readTopLevel(
    lineText: string,
    line: number,
    truth: Tri,
    render: (value: string) => Alternative[],
  ): void {
    this.inMetadata = false;
    const key = TOP_LEVEL_KEY.exec(lineText);
    if (!key) return;
    const value = lineText.slice(key[0].length).replace(/\r$/, '');
    if (key[1] === 'metadata') {
      this.inMetadata =
        literalValue(value) === undefined && !value.includes('{{');
      this.metadataIndent = undefined;
      return;
    }
    const literal = literalValue(value);
    const keyLine: KeyLine = {
      line,
      truth,
      alternatives:
        literal !== undefined
          ? [{ text: literal, truth: true }]
          : render(value),
    };
    (key[1] === 'kind' ? this.kinds : this.apiVersions).push(keyLine);
  }

  private readMetadata(lineText: string, trimmed: string): void {
    const indent = lineText.length - lineText.trimStart().length;
    this.metadataIndent ??= indent;
    if (indent !== this.metadataIndent) return;
    const field = METADATA_FIELD.exec(trimmed);
    if (!field) return;
    const value = literalValue(field[2]);
    if (field[1] === 'name') this.name ??= value;
    else this.namespace ??= value;
  }

  /** What the document gives at the target. */
  resolve(): DocumentOutcome {
    if (this.kinds.length === 0) {
      const empty = this.apiVersions.length === 0 && !this.hasContent;
      return empty
        ? { type: 'empty' }
        : { type: 'unreadable', line: this.firstLine, label: 'a document' };
    }
    const kind = resolveKey(this.kinds, KIND);
    const apiVersion = resolveKey(this.apiVersions, API_VERSION);
    const named = this.name ? ` "${this.name}"` : '';
    const kindLine = this.kinds[0].line;
    if (kind.absent || apiVersion.absent) {
      return {
        type: 'absent',
        line: kindLine,
        label: `${this.kindLabel(kind.values)}${named}`,
      };
    }
    if (kind.values.length !== 1 || apiVersion.values.length === 0) {
      return {
        type: 'unreadable',
        line: kindLine,
        label: `${this.kindLabel(kind.values)}${named}`,
      };
    }
    const [kindValue] = kind.values;
    if (apiVersion.values.length > 1) {
      return {
        type: 'choice',
        line: apiVersion.lineOf(apiVersion.values[0]),
        label: `${kindValue}${named}`,
        kind: kindValue,
        name: this.name,
        apiVersions: apiVersion.values,
      };
    }
    const [apiVersionValue] = apiVersion.values;
    return {
      type: 'object',
      line: Math.min(
        kind.lineOf(kindValue),
        apiVersion.lineOf(apiVersionValue),
      ),
      apiVersion: apiVersionValue,
      kind: kindValue,
      name: this.name,
      namespace: this.namespace,
    };
  }

  /** The kind for a message: the resolved one, else the first literal one. */
  private kindLabel(values: readonly string[]): string {
    if (values.length === 1) return values[0];
    for (const keyLine of this.kinds) {
      for (const alternative of keyLine.alternatives) {
        const text = alternative.text?.trim();
        if (text) return text;
      }
    }
    return 'a document';
  }
}
