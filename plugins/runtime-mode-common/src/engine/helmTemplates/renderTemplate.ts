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

import { classifyAction, scanActions } from './templateActions';
import {
  defineName,
  type TemplateDefinition,
  type TemplateLibrary,
} from './templateLibrary';
import {
  and,
  evaluatePipeline,
  not,
  textOf,
  truthOf,
  UNKNOWN,
  type ExpressionScope,
  type TemplateCapabilities,
  type TemplateValue,
  type Tri,
} from './templateExpression';

/**
 * One text a template snippet can render to, and whether that rendering
 * happens at the target (undefined: it depends on what is not known here).
 * `text` is undefined when the text itself is not known (`.Values.x`).
 * @internal
 */
export interface Alternative {
  text: string | undefined;
  truth: Tri;
  /** The text is the target Kubernetes version (for `default` overrides). */
  kubeVersion?: boolean;
}

type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'output'; pipeline: string }
  | { kind: 'template'; pipeline: string }
  | { kind: 'choice'; branches: Branch[] }
  | { kind: 'loop'; children: TemplateNode[] };

interface Branch {
  /** `if`, `with` (a `with` branch rebinds `.`), or `else`. */
  test: 'if' | 'with' | 'else';
  pipeline: string;
  children: TemplateNode[];
}

// `include "name" .` (or `$`), alone in an action: its texts are the helper's.
const HELPER_CALL = /^include\s+("(?:[^"\\]|\\.)*"|`[^`]*`)\s*(\S*)\s*$/;
const DECLARATION = /^\$\w*\s*:?=/;

/** A scope that knows its file, for the helpers it includes. @internal */
export interface RenderScope extends ExpressionScope {
  file: string;
}

const ELSE_TESTS = {
  else: 'else',
  'else-if': 'if',
  'else-with': 'with',
} as const;

// A snippet with more possible renderings than this is not worth telling apart.
const MAX_ALTERNATIVES = 16;
const MAX_INCLUDE_DEPTH = 16;

/** The nodes of a snippet, or undefined when its actions do not nest. */
function parseNodes(text: string): TemplateNode[] | undefined {
  const { actions, unclosedAt } = scanActions(text);
  if (unclosedAt !== undefined) return undefined;
  const root: TemplateNode[] = [];
  // Each open block: where its children go, and the choice it belongs to.
  const stack: Array<{
    children: TemplateNode[];
    choice?: { branches: Branch[] };
    skip?: boolean;
  }> = [{ children: root }];
  let last = 0;
  let trimNext = false;
  const top = () => stack[stack.length - 1];
  // Text between actions, with Go's trim markers applied.
  const addText = (to: number, trimEnd: boolean) => {
    let piece = text.slice(last, to);
    if (trimNext) piece = piece.trimStart();
    if (trimEnd) piece = piece.trimEnd();
    if (piece !== '' && !top().skip)
      top().children.push({ kind: 'text', text: piece });
  };
  for (const action of actions) {
    addText(action.start, action.trimBefore);
    last = action.end;
    trimNext = action.trimAfter;
    const { keyword, pipeline } = classifyAction(action.body);
    const current = top();
    switch (keyword) {
      case 'if':
      case 'with': {
        const branch: Branch = { test: keyword, pipeline, children: [] };
        const choice = { kind: 'choice' as const, branches: [branch] };
        if (!current.skip) current.children.push(choice);
        stack.push({ children: branch.children, choice, skip: current.skip });
        break;
      }
      case 'else':
      case 'else-if':
      case 'else-with': {
        if (!current.choice) return undefined;
        const branch: Branch = {
          test: ELSE_TESTS[keyword],
          pipeline,
          children: [],
        };
        current.choice.branches.push(branch);
        current.children = branch.children;
        break;
      }
      case 'range': {
        const loop = { kind: 'loop' as const, children: [] as TemplateNode[] };
        if (!current.skip) current.children.push(loop);
        stack.push({ children: loop.children, skip: current.skip });
        break;
      }
      case 'define':
      case 'block':
        // A nested definition renders nothing here (a block renders itself: rare).
        stack.push({ children: [], skip: true });
        break;
      case 'end':
        if (stack.length === 1) return undefined;
        stack.pop();
        break;
      case 'template':
        if (!current.skip)
          current.children.push({ kind: 'template', pipeline });
        break;
      case 'output':
        if (!current.skip) current.children.push({ kind: 'output', pipeline });
        break;
      default:
        break; // comments
    }
  }
  addText(text.length, false);
  return stack.length === 1 ? root : undefined;
}

function append(
  alternatives: Alternative[],
  text: string | undefined,
  kubeVersion?: boolean,
): Alternative[] {
  return alternatives.map(alternative => {
    if (alternative.text === undefined || text === undefined) {
      return { text: undefined, truth: alternative.truth };
    }
    const blank = text.trim() === '';
    const wasEmpty = alternative.text.trim() === '';
    return {
      text: alternative.text + text,
      truth: alternative.truth,
      kubeVersion: blank ? alternative.kubeVersion : wasEmpty && kubeVersion,
    };
  });
}

function combine(before: Alternative[], after: Alternative[]): Alternative[] {
  const result: Alternative[] = [];
  for (const a of before) {
    for (const b of after) {
      const truth = and(a.truth, b.truth);
      if (truth === false) continue;
      const [joined] = append([a], b.text, b.kubeVersion);
      result.push({ ...joined, truth });
    }
  }
  return result;
}

function capped(alternatives: Alternative[]): Alternative[] {
  return alternatives.length > MAX_ALTERNATIVES
    ? [{ text: undefined, truth: undefined }]
    : alternatives;
}

/**
 * Evaluates templates as far as the target's capabilities allow: the
 * conditions of a file, and what a snippet or a named template can render.
 * One renderer serves all files read together; named templates are
 * rendered once each.
 * @internal
 */
export class TemplateRenderer {
  private readonly rendered = new Map<
    TemplateDefinition,
    Map<boolean, Alternative[]>
  >();
  private readonly active = new Set<TemplateDefinition>();

  constructor(
    private readonly library: TemplateLibrary,
    readonly capabilities: TemplateCapabilities,
  ) {}

  /** A fresh scope for a template file (`.` is the chart's root). */
  scope(file: string, dotIsRoot = true): RenderScope {
    return {
      file,
      capabilities: this.capabilities,
      variables: new Map(),
      dotIsRoot,
      include: (name, rootContext) => this.include(name, rootContext, file),
    };
  }

  /** What `include "name" .` renders to, when a single text is known. */
  include(name: string, dotIsRoot: boolean, fromFile: string): TemplateValue {
    const texts = knownTexts(
      this.helperAlternatives(name, dotIsRoot, fromFile),
    );
    if (texts.values.length !== 1) return UNKNOWN;
    return texts.kubeVersion
      ? { type: 'string', value: texts.values[0], kubeVersion: true }
      : { type: 'string', value: texts.values[0] };
  }

  /** Every text a named template can render to at the target; rendered once per definition. */
  private helperAlternatives(
    name: string,
    dotIsRoot: boolean,
    fromFile: string,
  ): Alternative[] {
    const definition = this.library.find(name, fromFile);
    if (
      !definition ||
      this.active.has(definition) ||
      this.active.size >= MAX_INCLUDE_DEPTH
    ) {
      return [{ text: undefined, truth: undefined }];
    }
    const cached = this.rendered.get(definition)?.get(dotIsRoot);
    if (cached) return cached;
    this.active.add(definition);
    let alternatives: Alternative[];
    try {
      alternatives = this.alternatives(
        definition.body,
        this.scope(definition.file, dotIsRoot),
      );
    } finally {
      this.active.delete(definition);
    }
    const byRoot =
      this.rendered.get(definition) ?? new Map<boolean, Alternative[]>();
    byRoot.set(dotIsRoot, alternatives);
    this.rendered.set(definition, byRoot);
    return alternatives;
  }

  /** The texts of `include "name" ctx` / `template "name" ctx`, or undefined for other pipelines. */
  private calledHelper(
    pipeline: string,
    scope: RenderScope,
  ): Alternative[] | undefined {
    const call = HELPER_CALL.exec(pipeline);
    const name = call ? defineName(call[1]) : undefined;
    if (!call || name === undefined) return undefined;
    const context = call[2];
    const rootContext = context === '$' || (context === '.' && scope.dotIsRoot);
    return this.helperAlternatives(name, rootContext, scope.file);
  }

  /** Every text `snippet` can render to at the target, with when it does. */
  alternatives(snippet: string, scope: RenderScope): Alternative[] {
    if (!snippet.includes('{{')) return [{ text: snippet, truth: true }];
    const nodes = parseNodes(snippet);
    if (!nodes) return [{ text: undefined, truth: undefined }];
    return this.render(nodes, scope);
  }

  private render(
    nodes: readonly TemplateNode[],
    scope: RenderScope,
  ): Alternative[] {
    let result: Alternative[] = [{ text: '', truth: true }];
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
          result = append(result, node.text);
          break;
        case 'output': {
          if (DECLARATION.test(node.pipeline)) {
            evaluatePipeline(node.pipeline, scope);
            break;
          }
          const helper = this.calledHelper(node.pipeline, scope);
          if (helper) {
            result = capped(combine(result, helper));
            break;
          }
          const value = evaluatePipeline(node.pipeline, scope);
          result = append(
            result,
            textOf(value),
            value.type === 'string' && value.kubeVersion,
          );
          break;
        }
        case 'template':
          result = capped(
            combine(
              result,
              this.calledHelper(`include ${node.pipeline}`, scope) ?? [
                { text: undefined, truth: undefined },
              ],
            ),
          );
          break;
        case 'choice':
          result = capped(
            combine(result, this.renderChoice(node.branches, scope)),
          );
          break;
        case 'loop': {
          // What a loop writes depends on what it iterates: unknown, unless it writes nothing.
          const silent = node.children.every(
            c => c.kind === 'text' && c.text.trim() === '',
          );
          result = append(result, silent ? '' : undefined);
          break;
        }
        default:
          break;
      }
      if (result.length === 0) return result;
    }
    return result;
  }

  private renderChoice(
    branches: readonly Branch[],
    scope: RenderScope,
  ): Alternative[] {
    const result: Alternative[] = [];
    let noneBefore: Tri = true;
    let hasElse = false;
    for (const branch of branches) {
      let condition: Tri = true;
      let inner = scope;
      if (branch.test === 'else') {
        hasElse = true;
      } else {
        condition = truthOf(evaluatePipeline(branch.pipeline, scope));
        if (branch.test === 'with') inner = { ...scope, dotIsRoot: false };
      }
      const taken = and(noneBefore, condition);
      noneBefore = and(noneBefore, not(condition));
      if (taken === false) continue;
      for (const alternative of this.render(branch.children, inner)) {
        const truth = and(taken, alternative.truth);
        if (truth !== false) result.push({ ...alternative, truth });
      }
    }
    if (!hasElse && noneBefore !== false)
      result.push({ text: '', truth: noneBefore });
    return result;
  }
}

/**
 * The distinct texts a snippet can render to at the target, trimmed and
 * unquoted. A text only a render knows (`.Values.apiVersion` as an
 * override) is left out when the template gives known ones: what the chart
 * chooses by itself is what is judged.
 * @internal
 */
export function knownTexts(alternatives: readonly Alternative[]): {
  values: string[];
  unknown: boolean;
  kubeVersion: boolean;
} {
  const values = new Set<string>();
  let unknown = false;
  let kubeVersion = true;
  for (const alternative of alternatives) {
    if (alternative.truth === false) continue;
    if (alternative.text === undefined) {
      unknown = true;
      continue;
    }
    values.add(unquote(alternative.text.trim()));
    kubeVersion = kubeVersion && alternative.kubeVersion === true;
  }
  return {
    values: [...values],
    unknown,
    kubeVersion: kubeVersion && values.size === 1,
  };
}

function unquote(text: string): string {
  if (
    text.length >= 2 &&
    (text[0] === '"' || text[0] === "'") &&
    text[text.length - 1] === text[0]
  ) {
    return text.slice(1, -1);
  }
  return text;
}
