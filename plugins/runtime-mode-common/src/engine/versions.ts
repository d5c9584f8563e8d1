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

/** A release number reduced to major.minor.patch. @public */
export interface ParsedVersion {
  major: number;
  minor: number;
  patch: number;
}

const STRICT_VERSION = /^v?(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?$/;
// Parsed versions by text, strict and lenient apart (no key text to build);
// null: not a version.
const strictCache = new Map<string, ParsedVersion | null>();
const lenientCache = new Map<string, ParsedVersion | null>();
const LENIENT = { lenient: true } as const;
const EMBEDDED_VERSION = /(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?/;

function toParsed(match: RegExpMatchArray): ParsedVersion {
  return {
    major: Number(match[1]),
    minor: match[2] === undefined ? 0 : Number(match[2]),
    patch: match[3] === undefined ? 0 : Number(match[3]),
  };
}

/**
 * Parses a release number: `1.34`, `v1.34.2`, `1.6.0`. Returns undefined for
 * anything else, so callers decide how to report it. With `lenient`, a
 * version embedded in text (`TKG Service 3.2.0`) is accepted too; that is how
 * knowledge-base rows are read, never user input.
 * @public
 */
export function parseVersion(
  value: string,
  options?: { lenient?: boolean },
): ParsedVersion | undefined {
  const text = String(value ?? '').trim();
  const cache = options?.lenient ? lenientCache : strictCache;
  const known = cache.get(text);
  if (known !== undefined) return known ?? undefined;
  let parsed: ParsedVersion | undefined;
  const strict = text.match(STRICT_VERSION);
  if (strict) {
    parsed = toParsed(strict);
  } else if (options?.lenient) {
    const embedded = text.match(EMBEDDED_VERSION);
    parsed = embedded ? toParsed(embedded) : undefined;
  }
  // Versions repeat endlessly (targets, knowledge-base rows): remember them.
  if (cache.size > 2000) cache.clear();
  cache.set(text, parsed ? Object.freeze(parsed) : null);
  return parsed;
}

/**
 * Compares two release numbers of the SAME component (never a KubeVirt
 * version with a Kubernetes one). Returns a negative number, 0 or a positive
 * number. Throws on a value that is not a version.
 * @public
 */
export function compareVersions(
  a: string | ParsedVersion,
  b: string | ParsedVersion,
): number {
  const left = typeof a === 'string' ? parseVersion(a, LENIENT) : a;
  const right = typeof b === 'string' ? parseVersion(b, LENIENT) : b;
  if (!left || !right) {
    throw new Error(
      `Cannot compare versions "${String(
        typeof a === 'string' ? a : JSON.stringify(a),
      )}" and "${String(typeof b === 'string' ? b : JSON.stringify(b))}"`,
    );
  }
  return (
    left.major - right.major ||
    left.minor - right.minor ||
    left.patch - right.patch
  );
}

/** `1.34.0` for display, keeping a `v` prefix off. @public */
export function formatVersion(version: ParsedVersion): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}
