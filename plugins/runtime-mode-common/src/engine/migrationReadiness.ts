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

import { MODE_LABELS } from '../labels';
import type { CheckCounts, Finding, MigrationReadiness } from '../types';
import type { PlannedMove } from './plannedMove';
import { RULES_BY_ID } from './ruleCatalog';
import { scoreConcerns } from './scoring';

/** What we know about a planned move. @internal */
export interface MigrationEvidence {
  move: PlannedMove;
  /** Every finding, waivers applied. */
  findings: readonly Finding[];
  /** Rule ids the readiness rule families evaluated for the move; one may be named twice. */
  evaluated: readonly string[];
  hasObjects: boolean;
}

/** The move's rules: readiness rules, not API compatibility (the upgrade's question). */
function moveRules(evaluated: readonly string[]): string[] {
  return evaluated.filter(
    id => RULES_BY_ID.get(id)?.category !== 'api-compatibility',
  );
}

/** "n of m": the move's rules that can warn, and those that left no unwaived warning or critical. */
function countChecks(
  rules: readonly string[],
  concerns: readonly Finding[],
): CheckCounts {
  const checks = rules.filter(id => RULES_BY_ID.get(id)?.severity !== 'info');
  const failing = new Set(
    concerns.filter(f => !f.waived && f.severity !== 'info').map(f => f.id),
  );
  return {
    passing: checks.filter(id => !failing.has(id)).length,
    total: checks.length,
  };
}

const SOURCE_WORDS: Record<MigrationReadiness['targetSource'], string> = {
  annotation: 'planned by the runtime-mode.dev/target-mode annotation',
  option: 'chosen for this evaluation',
};

/**
 * "Can it move to the mode we chose?": the level, checks and score of the
 * concerns raised by the readiness rules that applied to the move.
 * @internal
 */
export function judgeMigration(
  evidence: MigrationEvidence,
): MigrationReadiness {
  const { move } = evidence;
  const rules = new Set(moveRules(evidence.evaluated));
  const concerns = evidence.findings.filter(f => rules.has(f.id));
  const checks = countChecks([...rules], concerns);
  const heading = `Move to ${MODE_LABELS[move.targetMode]}, ${
    SOURCE_WORDS[move.targetSource]
  }.`;
  if (evidence.hasObjects && checks.total === 0) {
    return {
      ...move,
      level: 'unknown',
      checks,
      score: null,
      explanation: [
        heading,
        'Unknown: no readiness rule applies to these objects for this move.',
      ],
    };
  }
  const scored = scoreConcerns(concerns, evidence.hasObjects);
  return {
    ...move,
    level: scored.level,
    checks,
    score: scored.score,
    explanation: [
      heading,
      ...scored.explanation,
      `${checks.passing} of ${checks.total} checks passing.`,
    ],
  };
}
