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

/** Points one unwaived rule costs, by its worst severity. @internal */
export const SCORE_PENALTY = { critical: 30, warning: 10, info: 0 } as const;

/** The level and score rule, in words (shown by the API and the UI). @public */
export const SCORING_RULE: string[] = [
  'Only unwaived concerns count; waived ones stay visible but cost nothing, and an expired waiver counts again.',
  'Level: unknown when no Kubernetes object was read. Otherwise blocked when any critical concern is left (known even without a target mode); else unknown when there is no target mode (nothing to be ready for); else ready-with-warnings when any warning is left, else ready.',
  `Score: start at 100; each rule with critical concerns costs ${SCORE_PENALTY.critical} points, each rule with warnings (and no critical) costs ${SCORE_PENALTY.warning}; info costs nothing. A rule costs once however many objects it fires on, so the score counts kinds of problems, not copies. The score never goes below 0.`,
  'The score is null when the level is unknown: unknown is never shown as a pass.',
];

/** @internal */
export interface ScoreResult {
  level: ReadinessLevel;
  score: number | null;
  explanation: string[];
}

/** Applies {@link SCORING_RULE}. @internal */
export function scoreReadiness(
  findings: readonly Finding[],
  hasObjects: boolean,
  hasTargetMode: boolean,
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
  const worstByRule = new Map<string, 'critical' | 'warning'>();
  let waived = 0;
  for (const finding of findings) {
    if (finding.waived) {
      waived++;
      continue;
    }
    if (finding.severity === 'info') continue;
    const current = worstByRule.get(finding.id);
    if (current !== 'critical') worstByRule.set(finding.id, finding.severity);
  }
  let score = 100;
  const explanation = ['Start at 100.'];
  let critical = 0;
  let warning = 0;
  for (const [rule, severity] of [...worstByRule].sort()) {
    score -= SCORE_PENALTY[severity];
    if (severity === 'critical') critical++;
    else warning++;
    explanation.push(`-${SCORE_PENALTY[severity]} ${rule} (${severity})`);
  }
  score = Math.max(0, score);
  if (waived > 0) {
    explanation.push(`${waived} waived concern(s) cost nothing.`);
  }
  if (critical === 0 && !hasTargetMode) {
    explanation.push(
      'Unknown: no target mode (no runtime-mode.dev/target-mode, no requirement to pick a best fit, and the current mode is unknown).',
    );
    return { level: 'unknown', score: null, explanation };
  }
  let level: ReadinessLevel = 'ready';
  if (critical > 0) level = 'blocked';
  else if (warning > 0) level = 'ready-with-warnings';
  explanation.push(
    `= ${score}; level ${level} (${critical} rule(s) with critical, ${warning} with warnings).`,
  );
  return { level, score, explanation };
}
