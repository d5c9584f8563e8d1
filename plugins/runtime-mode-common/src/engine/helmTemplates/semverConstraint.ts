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
 * Helm's `semverCompare` is Sprig's, which checks a version against a
 * Masterminds/semver v3 constraint (`>=1.21-0`, `~1.2`, `>= 1.19-0 < 1.22-0`,
 * `1.2.x || 2.x`). The Node `semver` package rejects the `1.21-0` form every
 * chart uses and differs on x-ranges, so the rules of Masterminds'
 * constraints.go are implemented here for the versions the engine compares:
 * release versions (the target), never pre-releases.
 */

interface SemVersion {
  major: number;
  minor: number;
  patch: number;
  pre: string;
}

interface Constraint {
  op: string;
  version: SemVersion;
  /** A wildcard or missing minor (`1`, `1.x`). */
  minorDirty: boolean;
  /** A wildcard or missing patch (`1.21`, `1.21.x`). */
  patchDirty: boolean;
  /** Any wildcard or missing part, the major included. */
  dirty: boolean;
}

const OPERATORS = ['!=', '>=', '=>', '<=', '=<', '~>', '=', '>', '<', '~', '^'];
// A version inside a constraint: parts may be x, X or *, or missing.
const CONSTRAINT_VERSION =
  /v?([0-9xX*]+)(?:\.([0-9xX*]+))?(?:\.([0-9xX*]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?/y;
const VERSION =
  /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const HYPHEN_RANGE = /(\S+)\s+-\s+(\S+)/g;
// Constraints are short; anything longer is not one a chart would write.
const MAX_CONSTRAINT_LENGTH = 256;

function isWildcard(part: string | undefined): boolean {
  return part === undefined || part === 'x' || part === 'X' || part === '*';
}

function parseVersion(text: string): SemVersion | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2] ?? 0),
    patch: Number(match[3] ?? 0),
    pre: match[4] ?? '',
  };
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1; // a release is newer than its pre-releases
  if (b === '') return -1;
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === undefined) return -1;
    if (right[i] === undefined) return 1;
    const ln = /^\d+$/.test(left[i]);
    const rn = /^\d+$/.test(right[i]);
    if (ln && rn) {
      const d = Number(left[i]) - Number(right[i]);
      if (d !== 0) return d;
    } else if (ln !== rn) {
      return ln ? -1 : 1;
    } else if (left[i] !== right[i]) {
      return left[i] < right[i] ? -1 : 1;
    }
  }
  return 0;
}

function compare(a: SemVersion, b: SemVersion): number {
  return (
    a.major - b.major ||
    a.minor - b.minor ||
    a.patch - b.patch ||
    comparePrerelease(a.pre, b.pre)
  );
}

function operatorAt(text: string, at: number): string {
  return OPERATORS.find(o => text.startsWith(o, at)) ?? '';
}

/** One AND group (`>= 1.19-0, < 1.22-0`), or undefined when it is not a constraint. */
function parseGroup(text: string): Constraint[] | undefined {
  const constraints: Constraint[] = [];
  let i = 0;
  const skip = (allowComma: boolean) => {
    while (
      i < text.length &&
      (text[i] === ' ' || text[i] === '\t' || (allowComma && text[i] === ','))
    ) {
      i++;
    }
  };
  skip(false);
  while (i < text.length) {
    const op = operatorAt(text, i);
    i += op.length;
    skip(false);
    CONSTRAINT_VERSION.lastIndex = i;
    const match = CONSTRAINT_VERSION.exec(text);
    if (!match) return undefined;
    i = CONSTRAINT_VERSION.lastIndex;
    const [, major, minor, patch, pre] = match;
    const pre0 = pre ?? '';
    let version: SemVersion;
    let minorDirty = false;
    let patchDirty = false;
    let dirty = false;
    if (isWildcard(major)) {
      version = { major: 0, minor: 0, patch: 0, pre: pre0 };
      dirty = true;
    } else if (isWildcard(minor)) {
      version = { major: Number(major), minor: 0, patch: 0, pre: pre0 };
      minorDirty = true;
      dirty = true;
    } else if (isWildcard(patch)) {
      version = {
        major: Number(major),
        minor: Number(minor),
        patch: 0,
        pre: pre0,
      };
      patchDirty = true;
      dirty = true;
    } else {
      version = {
        major: Number(major),
        minor: Number(minor),
        patch: Number(patch),
        pre: pre0,
      };
    }
    constraints.push({ op, version, minorDirty, patchDirty, dirty });
    const before = i;
    skip(true);
    if (i < text.length && i === before) return undefined; // no separator
  }
  return constraints.length > 0 ? constraints : undefined;
}

function tilde(v: SemVersion, c: Constraint): boolean {
  if (compare(v, c.version) < 0) return false;
  const { major, minor, patch } = c.version;
  if (
    major === 0 &&
    minor === 0 &&
    patch === 0 &&
    !c.minorDirty &&
    !c.patchDirty
  ) {
    return true;
  }
  if (v.major !== major) return false;
  return v.minor === minor || c.minorDirty;
}

function caret(v: SemVersion, c: Constraint): boolean {
  if (compare(v, c.version) < 0) return false;
  const con = c.version;
  if (con.major > 0 || c.minorDirty) return v.major === con.major;
  if (v.major > 0) return false;
  if (con.minor > 0 || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0) return false;
  return v.patch === con.patch;
}

function check(v: SemVersion, c: Constraint): boolean {
  const con = c.version;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : compare(v, con) === 0;
    case '!=':
      if (c.dirty) {
        if (con.major !== v.major) return true;
        if (c.minorDirty) return false;
        if (con.minor !== v.minor) return true;
        if (c.patchDirty) return false;
      }
      return compare(v, con) !== 0;
    case '>':
      if (!c.dirty) return compare(v, con) > 0;
      if (v.major !== con.major) return v.major > con.major;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > con.minor;
      return compare(v, con) > 0;
    case '<':
      return compare(v, con) < 0;
    case '>=':
    case '=>':
      return compare(v, con) >= 0;
    case '<=':
    case '=<':
      if (!c.dirty) return compare(v, con) <= 0;
      if (v.major > con.major) return false;
      return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      return caret(v, c);
    default:
      return false;
  }
}

/**
 * Whether `version` satisfies the Masterminds/semver constraint, as Helm's
 * `semverCompare constraint version` would answer; undefined when either is
 * malformed (Helm then fails the render). Pre-release versions are not
 * supported (targets are releases): they give undefined.
 * @internal
 */
export function semverSatisfies(
  constraint: string,
  version: string,
): boolean | undefined {
  if (constraint.length > MAX_CONSTRAINT_LENGTH) return undefined;
  const v = parseVersion(version);
  if (!v || v.pre !== '') return undefined;
  const rewritten = constraint.replace(HYPHEN_RANGE, '>= $1, <= $2');
  let satisfied = false;
  for (const part of rewritten.split('||')) {
    const group = parseGroup(part.trim());
    if (!group) return undefined;
    if (!satisfied && group.every(c => check(v, c))) satisfied = true;
  }
  return satisfied;
}
