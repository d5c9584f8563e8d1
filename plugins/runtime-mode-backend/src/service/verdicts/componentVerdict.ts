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

import {
  ComponentVerdict,
  CONCERN_CATEGORIES,
  ConcernCategory,
  ConcernCounts,
  EvaluationResult,
  PortfolioRow,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** The two answers of a result; none for a result of a rule set that did not give them. */
function twoAnswersOf(
  result: EvaluationResult,
): Pick<ComponentVerdict, 'upgradeLevel' | 'migrationLevel' | 'targetMode'> {
  if (!result.upgrade || result.migration === undefined) return {};
  return {
    upgradeLevel: result.upgrade.level,
    migrationLevel: result.migration?.level ?? null,
    targetMode: result.migration?.targetMode ?? null,
  };
}

/**
 * A stored result in numbers: the verdict, the unwaived concerns per
 * category, and the removed and deprecated APIs at the targets it was judged
 * against. Waived concerns are not counted, as they do not count in the level.
 */
export function componentVerdict(
  row: Pick<PortfolioRow, 'entityRef' | 'status' | 'evaluatedAt'>,
  result: EvaluationResult,
): ComponentVerdict {
  const concerns = Object.fromEntries(
    CONCERN_CATEGORIES.map(category => [category, { critical: 0, warning: 0 }]),
  ) as Record<ConcernCategory, ConcernCounts>;
  const apis = { removed: 0, deprecated: 0 };
  for (const finding of result.findings) {
    if (finding.waived) continue;
    if (finding.severity !== 'info') {
      concerns[finding.category][finding.severity] += 1;
    }
    if (finding.id === 'api-removed') apis.removed += 1;
    if (finding.id === 'api-deprecated') apis.deprecated += 1;
  }
  return {
    entityRef: row.entityRef,
    status: row.status,
    evaluatedAt: row.evaluatedAt,
    ruleSetVersion: result.ruleSetVersion,
    mode: result.mode.value,
    level: result.readiness.level,
    score: result.readiness.score,
    ...twoAnswersOf(result),
    concerns,
    apis,
    targets: Object.fromEntries(
      result.targets.map(target => [target.component, target.version]),
    ),
  };
}
