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

import type { Finding } from '../../types';
import type { ReadinessContext, ReadinessRule } from './context';
import { checkFields } from './fieldRules';
import { checkHardware } from './hardwareRules';
import { checkLiveMigration } from './liveMigrationRules';
import { checkMonitoring } from './monitoringRules';
import { checkOperations } from './operationsRules';
import { checkIsolation, checkPerformance } from './requirementRules';
import { checkTransition } from './transitionRules';

export type { ReadinessContext } from './context';

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

/** Runs every readiness rule. @internal */
export function checkReadiness(context: ReadinessContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) findings.push(...rule(context));
  return findings;
}
