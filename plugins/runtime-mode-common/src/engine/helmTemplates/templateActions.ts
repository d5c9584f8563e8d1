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

/** One `{{ ... }}` action of a Go template, by offsets into its text. @internal */
export interface TemplateAction {
  /** Offset of the opening `{{`. */
  start: number;
  /** Offset just after the closing `}}`. */
  end: number;
  /** What is between the delimiters, without trim markers, trimmed. */
  body: string;
  /** `{{- `: the whitespace before the action is not output. */
  trimBefore: boolean;
  /** ` -}}`: the whitespace after the action is not output. */
  trimAfter: boolean;
}

/** The actions of a text, and where an action was left open (nothing after it is scanned). @internal */
export interface ScannedActions {
  actions: TemplateAction[];
  unclosedAt?: number;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Where the action opened at `open` ends (the offset after `}}`), or -1 when
 * it is never closed. Go string and raw-string literals and comments inside
 * the action are skipped, so a `}}` in them does not end it. One pass: every
 * character is looked at once.
 */
function actionEnd(text: string, open: number, limit: number): number {
  let i = open + 2;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 0x7d /* } */ && text.charCodeAt(i + 1) === 0x7d) return i + 2;
    if (c === 0x22 /* " */) {
      i++;
      while (i < limit) {
        const s = text.charCodeAt(i);
        if (s === 0x5c /* \ */) i += 2;
        else if (s === 0x22 || s === 10) break;
        else i++;
      }
    } else if (c === 0x60 /* ` */) {
      const close = text.indexOf('`', i + 1);
      if (close === -1 || close >= limit) return -1;
      i = close;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      if (close === -1 || close >= limit) return -1;
      i = close + 1;
    }
    i++;
  }
  return -1;
}

/** An action with its body: delimiters, trim markers (`{{- `, ` -}}`) and spaces removed. */
function makeAction(text: string, start: number, end: number): TemplateAction {
  let from = start + 2;
  let to = end - 2;
  const trimBefore =
    text.charCodeAt(from) === 0x2d && isSpace(text.charCodeAt(from + 1));
  if (trimBefore) from++;
  const trimAfter =
    to - 2 >= from &&
    text.charCodeAt(to - 1) === 0x2d &&
    isSpace(text.charCodeAt(to - 2));
  if (trimAfter) to--;
  return {
    start,
    end,
    body: text.slice(from, to).trim(),
    trimBefore,
    trimAfter,
  };
}

/**
 * Every Go-template action of `text[from, to)`, in order. Linear in the
 * length: each search starts where the previous action ended, and an action
 * that is never closed ends the scan (Go's parser rejects the rest too).
 * @internal
 */
export function scanActions(
  text: string,
  from = 0,
  to = text.length,
): ScannedActions {
  const actions: TemplateAction[] = [];
  let open = text.indexOf('{{', from);
  while (open !== -1 && open < to - 1) {
    const end = actionEnd(text, open, to);
    if (end === -1) return { actions, unclosedAt: open };
    actions.push(makeAction(text, open, end));
    open = text.indexOf('{{', end);
  }
  return { actions };
}

/** The control keywords of Go templates that open, continue or close a block. */
export type ActionKeyword =
  | 'if'
  | 'else'
  | 'else-if'
  | 'else-with'
  | 'end'
  | 'with'
  | 'range'
  | 'define'
  | 'block'
  | 'template'
  | 'comment'
  | 'output';

const KEYWORD =
  /^(if|else|end|with|range|define|block|template|break|continue)\b/;

/** What an action does, and the pipeline it carries (`if <pipeline>`). @internal */
export function classifyAction(body: string): {
  keyword: ActionKeyword;
  pipeline: string;
} {
  if (body.startsWith('/*')) return { keyword: 'comment', pipeline: '' };
  const match = KEYWORD.exec(body);
  if (!match) return { keyword: 'output', pipeline: body };
  const rest = body.slice(match[0].length).trim();
  switch (match[1]) {
    case 'else': {
      const chained = /^(if|with)\b/.exec(rest);
      if (!chained) return { keyword: 'else', pipeline: '' };
      return {
        keyword: chained[1] === 'if' ? 'else-if' : 'else-with',
        pipeline: rest.slice(chained[0].length).trim(),
      };
    }
    case 'break':
    case 'continue':
      return { keyword: 'comment', pipeline: '' };
    default:
      return { keyword: match[1] as ActionKeyword, pipeline: rest };
  }
}
