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

import type { Finding, ReadinessLevel } from '../types';
import { RecurringLines } from './recurringLines';

/** Points one unwaived rule costs, by its worst severity. @internal */
export const SCORE_PENALTY = { critical: 30, warning: 10, info: 0 } as const;

/** The two questions, their levels, checks and score, in words (shown by the API and the UI). @public */
export const SCORING_RULE: string[] = [
  'Two questions, answered apart. Upgrade readiness, for every component: does it break at the planned upgrade? Migration readiness, only when a move is planned: can it move to the mode we chose?',
  'Only unwaived concerns count; waived ones stay visible but cost nothing, and an expired waiver counts again.',
  "Versions: a knowledge-base component's current version is the highest its clusters run (runtime-mode.dev/clusters); its planned version is the CLI or what-if option, else apiPolicy.targets, never below the current one, and the current one where nothing is planned.",
  'Upgrade level, from API-compatibility concerns only: broken-now when an object uses an API removed at or below the version a cluster it runs on runs today (or that admission rejects at any version); else breaks-at-upgrade when an API is removed at the planned version; else deprecated when an API or field is deprecated there; else clean. Unknown when no object was read, or when a component of the objects has no version at all: unknown is never a pass. Alpha APIs are concerns, not an upgrade level: they are served.',
  'Upgrade checks: of the objects judged (compared with a version of their component), those with no unwaived removal or deprecation are passing.',
  'Migration: only when runtime-mode.dev/target-mode or an option names a mode other than the one the component runs in. The best-fit mode is a suggestion with its reasons, never judged as if it were the plan; staying where it runs is not a migration.',
  'Migration checks: the readiness rules that applied to the component for the move (live migration, hardware, monitoring, operations, isolation, performance, transition; rules that can only inform are not checks); a check passes when its rule left no unwaived warning or critical. The headline is "n of m checks passing".',
  'Migration level: unknown when no object was read or no check applied; else blocked with any critical concern of its rules, ready-with-warnings with any warning, ready otherwise.',
  'Readiness (all concerns, REST v1): unknown when no object was read; else blocked with any critical concern, ready-with-warnings with any warning, ready otherwise. Its target mode is the planned move only.',
  `Score, for readiness and for a migration, each over its own concerns: start at 100; each rule with critical concerns costs ${SCORE_PENALTY.critical} points, each rule with warnings (and no critical) costs ${SCORE_PENALTY.warning}; info costs nothing. A rule costs once however many objects it fires on, so the score counts kinds of problems, not copies. The score never goes below 0, and is shown with its level and checks, never alone.`,
  'The score is null when the level is unknown: unknown is never shown as a pass.',
];

/** @internal */
export interface ScoreResult {
  level: ReadinessLevel;
  score: number | null;
  explanation: string[];
}

// Shared by components without a concern: never changed.
const NO_CONCERNS: ReadonlyMap<string, 'critical' | 'warning'> = new Map();

/** The worst severity each rule left, over unwaived concerns. */
function worstByRule(
  findings: readonly Finding[],
): ReadonlyMap<string, 'critical' | 'warning'> {
  // Made at the first concern: many components have none.
  let worst: Map<string, 'critical' | 'warning'> | undefined;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i];
    if (finding.waived || finding.severity === 'info') continue;
    worst ??= new Map();
    if (worst.get(finding.id) !== 'critical') {
      worst.set(finding.id, finding.severity);
    }
  }
  return worst ?? NO_CONCERNS;
}

/**
 * Orders [rule, severity] entries as the default sort does (by the text
 * `rule,severity`) without building that text for every comparison: unless
 * one rule starts with the other, their first difference decides.
 */
function compareRuleEntries(
  x: readonly [string, string],
  y: readonly [string, string],
): number {
  const a = x[0];
  const b = y[0];
  if (!a.startsWith(b) && !b.startsWith(a)) return a < b ? -1 : 1;
  const textA = `${a},${x[1]}`;
  const textB = `${b},${y[1]}`;
  if (textA === textB) return 0;
  return textA < textB ? -1 : 1;
}

/** The [rule, worst severity] entries in rule order; sorted only when there are two or more. */
function ruleEntries(
  worst: ReadonlyMap<string, 'critical' | 'warning'>,
): Array<[string, 'critical' | 'warning']> {
  const entries: Array<[string, 'critical' | 'warning']> = [];
  // forEach, not a spread: no iterator for the one or two rules most components have.
  worst.forEach((severity, rule) => entries.push([rule, severity]));
  return entries.length < 2 ? entries : entries.sort(compareRuleEntries);
}

// The conclusions seen so far, by score and counts: a few recur for most components.
const conclusions = new RecurringLines(1_000);
// Counts are of distinct rules, far fewer than this: a number key per score and counts.
const COUNT_BOUND = 1_000;

/** "= 70; level blocked (1 rule(s) with critical, 0 with warnings)." */
function conclusion(
  score: number,
  level: ReadinessLevel,
  critical: number,
  warning: number,
): string {
  const cacheable = critical < COUNT_BOUND && warning < COUNT_BOUND;
  // The level follows from the counts: the numbers alone are the key.
  const key = score + 101 * (critical + COUNT_BOUND * warning);
  const known = cacheable ? conclusions.get(key) : undefined;
  if (known !== undefined) return known;
  const line = `= ${score}; level ${level} (${critical} rule(s) with critical, ${warning} with warnings).`;
  return cacheable ? conclusions.keep(key, line) : line;
}

/**
 * The level and score of a set of concerns ({@link SCORING_RULE}): blocked
 * with any unwaived critical, ready-with-warnings with any warning, ready
 * otherwise; unknown, with no score, when no object was read.
 * @internal
 */
export function scoreConcerns(
  findings: readonly Finding[],
  hasObjects: boolean,
): ScoreResult {
  if (!hasObjects) {
    return {
      level: 'unknown',
      score: null,
      explanation: [
        'Unknown: no Kubernetes object was read from the manifests.',
      ],
    };
  }
  let score = 100;
  const explanation = ['Start at 100.'];
  let critical = 0;
  let warning = 0;
  const entries = ruleEntries(worstByRule(findings));
  for (let i = 0; i < entries.length; i++) {
    const [rule, severity] = entries[i];
    score -= SCORE_PENALTY[severity];
    if (severity === 'critical') critical++;
    else warning++;
    explanation.push(`-${SCORE_PENALTY[severity]} ${rule} (${severity})`);
  }
  score = Math.max(0, score);
  let waived = 0;
  for (let i = 0; i < findings.length; i++) if (findings[i].waived) waived++;
  if (waived > 0) {
    explanation.push(`${waived} waived concern(s) cost nothing.`);
  }
  let level: ReadinessLevel = 'ready';
  if (critical > 0) level = 'blocked';
  else if (warning > 0) level = 'ready-with-warnings';
  explanation.push(conclusion(score, level, critical, warning));
  return { level, score, explanation };
}
