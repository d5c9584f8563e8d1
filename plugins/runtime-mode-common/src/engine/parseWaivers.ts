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

import { RUNTIME_MODE_WAIVER_PREFIX } from '../annotations';
import type { Finding, Waiver } from '../types';
import { makeFinding } from './findings';
import { RULES_BY_ID } from './ruleCatalog';

/** @public */
export interface ParsedWaivers {
  /** Valid waivers, expired ones included (they no longer apply). */
  waivers: Waiver[];
  /** A `waiver-invalid` finding for each malformed waiver annotation. */
  problems: Finding[];
}

function endOfDay(date: string): number {
  return Date.parse(`${date}T23:59:59.999Z`);
}

/**
 * Reads `runtime-mode.dev/waive.<rule-id>: until=YYYY-MM-DD; reason=...`
 * annotations. A waiver needs both a reason and an expiry date; it holds up
 * to and including that day (UTC) and is `expired` after it.
 * @public
 */
export function parseWaivers(
  annotations: Record<string, string> | undefined,
  now?: Date,
): ParsedWaivers {
  // The clock is read only for a waiver to date: most components have none.
  let clock = now;
  const waivers: Waiver[] = [];
  const problems: Finding[] = [];
  // Keys, not entries: most annotations are not waivers, and no pair is made for them.
  const given = annotations ?? {};
  const keys = Object.keys(given);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (!key.startsWith(RUNTIME_MODE_WAIVER_PREFIX)) continue;
    const rawValue = given[key];
    const ruleId = key.slice(RUNTIME_MODE_WAIVER_PREFIX.length);
    const problem = (why: string) =>
      problems.push(
        makeFinding(
          'waiver-invalid',
          'warning',
          `Waiver ${key} ignored: ${why}`,
          {
            remediation: `Write it as ${key}: "until=YYYY-MM-DD; reason=why this is acceptable"`,
          },
        ),
      );
    if (!RULES_BY_ID.has(ruleId)) {
      problem(`unknown rule "${ruleId}"`);
      continue;
    }
    const fields: Record<string, string> = {};
    for (const part of String(rawValue ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq === -1) continue;
      fields[part.slice(0, eq).trim().toLowerCase()] = part
        .slice(eq + 1)
        .trim();
    }
    const until = fields.until;
    const reason = fields.reason;
    if (
      !until ||
      !/^\d{4}-\d{2}-\d{2}$/.test(until) ||
      Number.isNaN(endOfDay(until))
    ) {
      problem('until=YYYY-MM-DD is missing or not a date');
      continue;
    }
    if (!reason) {
      problem('reason=... is missing');
      continue;
    }
    waivers.push({
      ruleId,
      until,
      reason,
      expired: (clock ??= new Date()).getTime() > endOfDay(until),
    });
  }
  return { waivers, problems };
}

/**
 * Marks findings of waived rules. A waived finding stays in the list; an
 * expired waiver is attached but does not waive.
 * @internal
 */
export function applyWaivers(
  findings: Finding[],
  waivers: Waiver[],
): Finding[] {
  if (waivers.length === 0) return findings;
  const byRule = new Map(waivers.map(w => [w.ruleId, w]));
  return findings.map(finding => {
    const waiver = byRule.get(finding.id);
    if (!waiver || finding.id === 'waiver-invalid') return finding;
    return { ...finding, waived: !waiver.expired, waiver };
  });
}
