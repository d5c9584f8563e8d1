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

import { formatVersion, type ParsedVersion } from '../versions';
import { semverSatisfies } from './semverConstraint';

/** True, false, or not knowable without rendering (undefined). @internal */
export type Tri = boolean | undefined;

/** @internal */
export function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : undefined;
}

/** @internal */
export function or(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : undefined;
}

/** @internal */
export function not(a: Tri): Tri {
  return a === undefined ? undefined : !a;
}

/**
 * A value computed from a template expression. `unknown` is anything that
 * depends on what only a render knows (`.Values`, `.Release`, files).
 * `kubeVersion` marks a string that is the target Kubernetes version.
 * @internal
 */
export type TemplateValue =
  | { type: 'string'; value: string; kubeVersion?: boolean }
  | { type: 'bool'; value: boolean }
  | { type: 'number'; value: number }
  | { type: 'nil' }
  | { type: 'unknown' };

/** What the target cluster offers, as `.Capabilities` would tell a chart. @internal */
export interface TemplateCapabilities {
  /** The Kubernetes release the chart is judged at; undefined without a target. */
  kubeVersion?: ParsedVersion;
  /** Whether the target serves `group/version` or `group/version/Kind`; undefined when not known. */
  hasApi(api: string): Tri;
}

/** What an expression may read: capabilities, variables and named templates. @internal */
export interface ExpressionScope {
  capabilities: TemplateCapabilities;
  variables: Map<string, TemplateValue>;
  /** False inside `with`/`range`, where `.` is no longer the chart's root. */
  dotIsRoot: boolean;
  /** The value a named template renders to (`include`, `template`). */
  include(name: string, dotIsRoot: boolean): TemplateValue;
}

export const UNKNOWN: TemplateValue = { type: 'unknown' };
const NIL: TemplateValue = { type: 'nil' };

function str(value: string, kubeVersion?: boolean): TemplateValue {
  return kubeVersion
    ? { type: 'string', value, kubeVersion }
    : { type: 'string', value };
}

function bool(value: Tri): TemplateValue {
  return value === undefined ? UNKNOWN : { type: 'bool', value };
}

/** Go template truth: empty strings, zero, false and nil are false. @internal */
export function truthOf(value: TemplateValue): Tri {
  switch (value.type) {
    case 'string':
      return value.value !== '';
    case 'bool':
      return value.value;
    case 'number':
      return value.value !== 0;
    case 'nil':
      return false;
    default:
      return undefined;
  }
}

/** The text an output action writes, or undefined when not known. @internal */
export function textOf(value: TemplateValue): string | undefined {
  switch (value.type) {
    case 'string':
      return value.value;
    case 'bool':
    case 'number':
      return String(value.value);
    case 'nil':
      return '';
    default:
      return undefined;
  }
}

// --- Tokens --------------------------------------------------------------

type Token =
  | { t: 'value'; value: TemplateValue }
  | { t: 'ident'; name: string }
  /** `.A.B` (base '.'), `$` / `$x.A` (base '$' / '$x'), or `.A` chained after `)` (base ''). */
  | { t: 'field'; base: string; path: string[] }
  | { t: '(' | ')' | '|' | 'declare' };

// Expressions in charts are short; a longer one is not evaluated.
const MAX_TOKENS = 400;
const MAX_NESTING = 32;
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/y;
const FIELD_PATH = /(?:\.[A-Za-z_][A-Za-z0-9_]*)+/y;

function readString(text: string, start: number): [TemplateValue, number] {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  const raw = text.slice(start, i + 1);
  try {
    return [str(JSON.parse(raw) as string), i + 1];
  } catch {
    return [str(raw.slice(1, -1)), i + 1];
  }
}

function fieldPath(text: string, i: number): [string[], number] {
  FIELD_PATH.lastIndex = i;
  const match = FIELD_PATH.exec(text);
  if (!match) return [[], i];
  return [match[0].slice(1).split('.'), FIELD_PATH.lastIndex];
}

/** The tokens of a pipeline, or undefined when it holds something this reader does not model. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (tokens.length > MAX_TOKENS) return undefined;
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '"') {
      const [value, next] = readString(text, i);
      tokens.push({ t: 'value', value });
      i = next;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close === -1) return undefined;
      tokens.push({ t: 'value', value: str(text.slice(i + 1, close)) });
      i = close + 1;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1 || close > i + 8) return undefined;
      tokens.push({ t: 'value', value: UNKNOWN });
      i = close + 1;
    } else if (c === '(' || c === ')' || c === '|') {
      tokens.push({ t: c });
      i++;
    } else if (c === ':' && text[i + 1] === '=') {
      tokens.push({ t: 'declare' });
      i += 2;
    } else if (c === '=') {
      tokens.push({ t: 'declare' });
      i++;
    } else if (c === '.') {
      const [path, next] = fieldPath(text, i);
      const afterParen =
        tokens.length > 0 &&
        tokens[tokens.length - 1].t === ')' &&
        text[i - 1] === ')';
      tokens.push({ t: 'field', base: afterParen ? '' : '.', path });
      i = next === i ? i + 1 : next;
    } else if (c === '$') {
      IDENT.lastIndex = i + 1;
      const name = IDENT.exec(text);
      const base = name ? `$${name[0]}` : '$';
      const [path, next] = fieldPath(text, name ? IDENT.lastIndex : i + 1);
      tokens.push({ t: 'field', base, path });
      i = next;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) return undefined;
      tokens.push({
        t: 'value',
        value: { type: 'number', value: Number(match[0]) },
      });
      i = NUMBER.lastIndex;
    } else {
      IDENT.lastIndex = i;
      const match = IDENT.exec(text);
      if (!match) return undefined;
      const name = match[0];
      i = IDENT.lastIndex;
      if (name === 'true' || name === 'false') {
        tokens.push({
          t: 'value',
          value: { type: 'bool', value: name === 'true' },
        });
      } else if (name === 'nil') {
        tokens.push({ t: 'value', value: NIL });
      } else {
        tokens.push({ t: 'ident', name });
      }
    }
  }
  return tokens;
}

// --- Fields and functions --------------------------------------------------

function kubeVersionField(
  path: readonly string[],
  capabilities: TemplateCapabilities,
): TemplateValue {
  const version = capabilities.kubeVersion;
  if (!version) return UNKNOWN;
  const field = path[2];
  if (field === undefined || field === 'Version' || field === 'GitVersion') {
    return str(`v${formatVersion(version)}`, true);
  }
  if (field === 'Major') return str(String(version.major));
  if (field === 'Minor') return str(String(version.minor));
  return UNKNOWN;
}

function fieldValue(
  base: string,
  path: readonly string[],
  scope: ExpressionScope,
): TemplateValue {
  let fromRoot: boolean;
  if (base === '.') fromRoot = scope.dotIsRoot;
  else if (base === '$') fromRoot = true;
  else if (base.startsWith('$')) {
    const variable = scope.variables.get(base) ?? UNKNOWN;
    return path.length === 0 ? variable : UNKNOWN;
  } else return UNKNOWN;
  if (!fromRoot) return UNKNOWN;
  if (path[0] === 'Capabilities' && path[1] === 'KubeVersion') {
    return kubeVersionField(path, scope.capabilities);
  }
  return UNKNOWN; // .Values, .Release, .Chart, .Files: known only when rendering
}

function isApiVersionsHas(token: Token, scope: ExpressionScope): boolean {
  if (token.t !== 'field') return false;
  const rootBase =
    token.base === '$' || (token.base === '.' && scope.dotIsRoot);
  return (
    rootBase &&
    token.path.length === 3 &&
    token.path[0] === 'Capabilities' &&
    token.path[1] === 'APIVersions' &&
    token.path[2] === 'Has'
  );
}

function compareValues(a: TemplateValue, b: TemplateValue): number | undefined {
  if (a.type === 'number' && b.type === 'number') return a.value - b.value;
  if (a.type === 'string' && b.type === 'string') {
    if (a.value === b.value) return 0;
    return a.value < b.value ? -1 : 1;
  }
  return undefined;
}

function equalValues(a: TemplateValue, b: TemplateValue): Tri {
  if (a.type === 'unknown' || b.type === 'unknown') return undefined;
  if (a.type === 'nil' || b.type === 'nil') return a.type === b.type;
  if (a.type !== b.type) return undefined; // Go fails on mixed types
  return (a as { value: unknown }).value === (b as { value: unknown }).value;
}

function concat(values: readonly TemplateValue[]): TemplateValue {
  let text = '';
  for (const value of values) {
    const part = textOf(value);
    if (part === undefined) return UNKNOWN;
    text += part;
  }
  return str(text);
}

function printf(args: readonly TemplateValue[]): TemplateValue {
  const format = args[0];
  if (format?.type !== 'string') return UNKNOWN;
  let next = 1;
  let failed = false;
  const text = format.value.replace(/%([svdq%])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const part = args[next] ? textOf(args[next]) : undefined;
    next++;
    if (part === undefined) {
      failed = true;
      return '';
    }
    return verb === 'q' ? JSON.stringify(part) : part;
  });
  return failed ? UNKNOWN : str(text);
}

function toNumber(value: TemplateValue): TemplateValue {
  if (value.type === 'number') return value;
  if (value.type === 'string' && /^-?\d+$/.test(value.value.trim())) {
    return { type: 'number', value: Number(value.value.trim()) };
  }
  return UNKNOWN;
}

function stringArgs(args: readonly TemplateValue[]): string[] | undefined {
  const result: string[] = [];
  for (const arg of args) {
    if (arg.type !== 'string') return undefined;
    result.push(arg.value);
  }
  return result;
}

type TemplateFunction = (
  args: TemplateValue[],
  scope: ExpressionScope,
  rootArgs: boolean[],
) => TemplateValue;

function compareFunction(test: (order: number) => boolean): TemplateFunction {
  return ([a, b]) => {
    if (!a || !b) return UNKNOWN;
    const order = compareValues(a, b);
    return order === undefined ? UNKNOWN : bool(test(order));
  };
}

function stringFunction(
  fn: (...s: string[]) => string | boolean,
  arity: number,
): TemplateFunction {
  return args => {
    const strings = stringArgs(args);
    if (!strings || strings.length !== arity) return UNKNOWN;
    const result = fn(...strings);
    return typeof result === 'boolean' ? bool(result) : str(result);
  };
}

/** The Go template and Sprig functions conditions and apiVersion helpers use. */
const FUNCTION_TABLE: Record<string, TemplateFunction> = {
  and: args => bool(args.reduce<Tri>((acc, a) => and(acc, truthOf(a)), true)),
  or: args => bool(args.reduce<Tri>((acc, a) => or(acc, truthOf(a)), false)),
  not: ([a]) => (a ? bool(not(truthOf(a))) : UNKNOWN),
  eq: ([a, ...rest]) =>
    a
      ? bool(rest.reduce<Tri>((acc, b) => or(acc, equalValues(a, b)), false))
      : UNKNOWN,
  ne: ([a, b]) => (a && b ? bool(not(equalValues(a, b))) : UNKNOWN),
  lt: compareFunction(o => o < 0),
  le: compareFunction(o => o <= 0),
  gt: compareFunction(o => o > 0),
  ge: compareFunction(o => o >= 0),
  empty: ([a]) => (a ? bool(not(truthOf(a))) : UNKNOWN),
  semverCompare: ([constraint, version]) =>
    constraint?.type === 'string' && version?.type === 'string'
      ? bool(semverSatisfies(constraint.value, version.value))
      : UNKNOWN,
  default: ([fallback, value]) => {
    if (!fallback) return UNKNOWN;
    if (!value) return fallback;
    const truth = truthOf(value);
    if (truth !== undefined) return truth ? value : fallback;
    // An unknown override (`.Values.kubeVersion`) of the Kubernetes version
    // is for rendering offline: the target version is what is judged.
    return fallback.type === 'string' && fallback.kubeVersion
      ? fallback
      : UNKNOWN;
  },
  coalesce: args => {
    for (const arg of args) {
      const truth = truthOf(arg);
      if (truth === undefined) return UNKNOWN;
      if (truth) return arg;
    }
    return NIL;
  },
  ternary: ([whenTrue, whenFalse, condition]) => {
    const truth = condition ? truthOf(condition) : undefined;
    if (truth === undefined || !whenTrue || !whenFalse) return UNKNOWN;
    return truth ? whenTrue : whenFalse;
  },
  required: args => args[args.length - 1] ?? UNKNOWN,
  print: args => concat(args),
  println: args => concat(args),
  printf: args => printf(args),
  toString: (args: TemplateValue[]) => (args[0] ? concat([args[0]]) : UNKNOWN),
  int: ([a]) => (a ? toNumber(a) : UNKNOWN),
  int64: ([a]) => (a ? toNumber(a) : UNKNOWN),
  atoi: ([a]) => (a ? toNumber(a) : UNKNOWN),
  trim: stringFunction(s => s.trim(), 1),
  trimSuffix: stringFunction(
    (suffix, s) =>
      s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s,
    2,
  ),
  trimPrefix: stringFunction(
    (prefix, s) => (s.startsWith(prefix) ? s.slice(prefix.length) : s),
    2,
  ),
  replace: stringFunction((from, to, s) => s.split(from).join(to), 3),
  lower: stringFunction(s => s.toLowerCase(), 1),
  upper: stringFunction(s => s.toUpperCase(), 1),
  quote: stringFunction(s => JSON.stringify(s), 1),
  squote: stringFunction(s => `'${s}'`, 1),
  hasPrefix: stringFunction((prefix, s) => s.startsWith(prefix), 2),
  hasSuffix: stringFunction((suffix, s) => s.endsWith(suffix), 2),
  contains: stringFunction((part, s) => s.includes(part), 2),
  include: ([name], scope, rootArgs) =>
    name?.type === 'string'
      ? scope.include(name.value, rootArgs[1] === true)
      : UNKNOWN,
};

// A Map: a function name must never reach Object.prototype (`constructor`).
const FUNCTIONS: ReadonlyMap<string, TemplateFunction> = new Map(
  Object.entries(FUNCTION_TABLE),
);

// --- Evaluation --------------------------------------------------------------

class Evaluator {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly scope: ExpressionScope,
  ) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  /** `[$x :=] command | command ...` */
  pipeline(): { value: TemplateValue; declared?: string } {
    let declared: string | undefined;
    const first = this.tokens[this.i];
    const second = this.tokens[this.i + 1];
    if (
      first?.t === 'field' &&
      first.base.startsWith('$') &&
      first.base !== '$' &&
      second?.t === 'declare'
    ) {
      declared = first.base;
      this.i += 2;
    }
    let value = this.command(undefined);
    while (this.tokens[this.i]?.t === '|') {
      this.i++;
      value = this.command(value);
    }
    return { value, declared };
  }

  private command(piped: TemplateValue | undefined): TemplateValue {
    const head = this.tokens[this.i];
    if (!head) return UNKNOWN;
    if (head.t === 'ident') {
      this.i++;
      const { args, rootArgs } = this.operands();
      if (piped) {
        args.push(piped);
        rootArgs.push(false);
      }
      const fn = FUNCTIONS.get(head.name);
      return fn ? fn(args, this.scope, rootArgs) : UNKNOWN;
    }
    if (isApiVersionsHas(head, this.scope)) {
      this.i++;
      const { args } = this.operands();
      if (piped) args.push(piped);
      const api = args[0];
      return api?.type === 'string' && args.length === 1
        ? bool(this.scope.capabilities.hasApi(api.value))
        : UNKNOWN;
    }
    const { args } = this.operands();
    return args.length === 1 && !piped ? args[0] : UNKNOWN;
  }

  /** Operands up to the end of the command (`|`, `)` or the end). */
  private operands(): { args: TemplateValue[]; rootArgs: boolean[] } {
    const args: TemplateValue[] = [];
    const rootArgs: boolean[] = [];
    for (;;) {
      const token = this.tokens[this.i];
      if (!token || token.t === '|' || token.t === ')') break;
      rootArgs.push(
        token.t === 'field' &&
          token.path.length === 0 &&
          (token.base === '$' || (token.base === '.' && this.scope.dotIsRoot)),
      );
      args.push(this.operand());
    }
    return { args, rootArgs };
  }

  private operand(): TemplateValue {
    const token = this.tokens[this.i++];
    let value: TemplateValue;
    if (token.t === 'value') value = token.value;
    else if (token.t === 'field')
      value = fieldValue(token.base, token.path, this.scope);
    else if (token.t === 'ident')
      value = FUNCTIONS.get(token.name)?.([], this.scope, []) ?? UNKNOWN;
    else if (token.t === '(') {
      if (++this.depth > MAX_NESTING) throw new RangeError('nesting');
      value = this.pipeline().value;
      this.depth--;
      if (this.tokens[this.i]?.t === ')') this.i++;
    } else value = UNKNOWN; // a stray `declare`
    // `(.Values.global).kubeVersion`: a field of a computed value.
    while (
      this.tokens[this.i]?.t === 'field' &&
      (this.tokens[this.i] as { base: string }).base === ''
    ) {
      this.i++;
      value = UNKNOWN;
    }
    return value;
  }
}

/**
 * Evaluates an action's pipeline (`semverCompare ">=1.21-0"
 * .Capabilities.KubeVersion.GitVersion`, `$v := include "x" .`) as far as
 * the capabilities allow; anything it does not model is unknown. A declared
 * variable is set in the scope. Never throws.
 * @internal
 */
export function evaluatePipeline(
  pipeline: string,
  scope: ExpressionScope,
): TemplateValue {
  const tokens = tokenize(pipeline);
  if (!tokens || tokens.length === 0) return UNKNOWN;
  try {
    const evaluator = new Evaluator(tokens, scope);
    const { value, declared } = evaluator.pipeline();
    const result = evaluator.done() ? value : UNKNOWN;
    if (declared) scope.variables.set(declared, result);
    return result;
  } catch {
    return UNKNOWN;
  }
}
