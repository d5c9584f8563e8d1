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
  readinessContext,
  type ReadinessInput,
  type RuleFamilyOutcome,
} from './context';
import { checkFields } from './fieldRules';
import { checkHardware } from './hardwareRules';
import { checkLiveMigration } from './liveMigrationRules';
import { checkMonitoring } from './monitoringRules';
import { checkOperations } from './operationsRules';
import { checkIsolation, checkPerformance } from './requirementRules';
import { checkTransition } from './transitionRules';

export type {
  ReadinessContext,
  ReadinessInput,
  RuleFamilyOutcome,
} from './context';

/** Runs every family of readiness rules: their concerns, and the rules that applied. @internal */
export function checkReadiness(input: ReadinessInput): RuleFamilyOutcome {
  const context = readinessContext(input);
  // Called one by one, not through a list: each call site then sees one
  // function and can be inlined (this runs for every component).
  return combineOutcomes([
    checkFields(context),
    checkLiveMigration(context),
    checkHardware(context),
    checkMonitoring(context),
    checkOperations(context),
    checkIsolation(context),
    checkPerformance(context),
    checkTransition(context),
  ]);
}
