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

import type {
  EvaluationResult,
  Finding,
  Severity,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** The `--fail-on` levels, lowest first; `never` turns findings off as exit codes. */
export const FAIL_ON_LEVELS = ['info', 'warning', 'critical', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** Which findings the report shows and which of them set the exit code. */
export interface ReportPolicy {
  failOn: FailOn;
  /** Deprecated APIs and fields do not set the exit code (Pluto's flag). */
  ignoreDeprecations: boolean;
  /** Removed APIs do not set the exit code (Pluto's flag). */
  ignoreRemovals: boolean;
  /** Show (and judge) only APIs removed at the target (Pluto's `-r`). */
  onlyShowRemoved: boolean;
}

export const DEFAULT_REPORT_POLICY: ReportPolicy = {
  failOn: 'warning',
  ignoreDeprecations: false,
  ignoreRemovals: false,
  onlyShowRemoved: false,
};

// The rule ids Pluto's switches are about: an apiVersion gone at the target,
// and an apiVersion or field deprecated at it.
const REMOVAL_RULES: ReadonlySet<string> = new Set(['api-removed']);
const DEPRECATION_RULES: ReadonlySet<string> = new Set([
  'api-deprecated',
  'api-deprecated-field',
]);

const EXIT_CODES: Record<Severity, number> = {
  critical: 3,
  warning: 2,
  // Only with --fail-on info; shares the "needs attention" code of warnings.
  info: 2,
};

const RANK: Record<FailOn, number> = {
  info: 0,
  warning: 1,
  critical: 2,
  never: 3,
};

/** The result as the report shows it: with `--only-show-removed`, removals only. */
export function selectReportedFindings<R extends EvaluationResult>(
  result: R,
  policy: ReportPolicy,
): R {
  if (!policy.onlyShowRemoved) return result;
  return {
    ...result,
    findings: result.findings.filter(f => REMOVAL_RULES.has(f.id)),
  };
}

function countsForExit(finding: Finding, policy: ReportPolicy): boolean {
  if (finding.waived) return false;
  if (policy.ignoreRemovals && REMOVAL_RULES.has(finding.id)) return false;
  if (policy.ignoreDeprecations && DEPRECATION_RULES.has(finding.id)) {
    return false;
  }
  return RANK[finding.severity] >= RANK[policy.failOn];
}

/**
 * Pluto-compatible exit code of a reported result: 3 when an open critical
 * finding counts, 2 for a warning (or an info finding under `--fail-on
 * info`), 0 otherwise. Waived findings never count.
 */
export function exitCodeFor(
  result: EvaluationResult,
  policy: ReportPolicy,
): number {
  return result.findings
    .filter(f => countsForExit(f, policy))
    .reduce((code, f) => Math.max(code, EXIT_CODES[f.severity]), 0);
}
