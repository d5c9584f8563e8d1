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
  combineOutcomes,
  type ReadinessContext,
  type ReadinessRule,
  type RuleFamilyOutcome,
} from './context';
import { checkFields } from './fieldRules';
import { checkHardware } from './hardwareRules';
import { checkLiveMigration } from './liveMigrationRules';
import { checkMonitoring } from './monitoringRules';
import { checkOperations } from './operationsRules';
import { checkIsolation, checkPerformance } from './requirementRules';
import { checkTransition } from './transitionRules';

export type { ReadinessContext, RuleFamilyOutcome } from './context';

const RULES: readonly ReadinessRule[] = [
  checkFields,
  checkLiveMigration,
  checkHardware,
  checkMonitoring,
  checkOperations,
  checkIsolation,
  checkPerformance,
  checkTransition,
];

/** Runs every family of readiness rules: their concerns, and the rules that applied. @internal */
export function checkReadiness(context: ReadinessContext): RuleFamilyOutcome {
  const outcomes: RuleFamilyOutcome[] = [];
  for (const rule of RULES) outcomes.push(rule(context));
  return combineOutcomes(outcomes);
}
