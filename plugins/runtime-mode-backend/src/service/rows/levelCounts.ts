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
  MIGRATION_LEVEL_KEYS,
  MigrationLevelKey,
  MODE_VALUES,
  ModeValue,
  READINESS_LEVELS,
  ReadinessLevel,
  UPGRADE_LEVELS,
  UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** Zero for every value of an enumeration. */
export function zeroCounts<K extends string>(
  keys: readonly K[],
): Record<K, number> {
  const counts = {} as Record<K, number>;
  for (const key of keys) counts[key] = 0;
  return counts;
}

export const zeroModes = () => zeroCounts<ModeValue>(MODE_VALUES);
export const zeroLevels = () => zeroCounts<ReadinessLevel>(READINESS_LEVELS);
export const zeroUpgradeLevels = () => zeroCounts<UpgradeLevel>(UPGRADE_LEVELS);
export const zeroMigrationLevels = () =>
  zeroCounts<MigrationLevelKey>(MIGRATION_LEVEL_KEYS);

/** Per mode, zero for every value of an enumeration. */
export function zeroModeCells<K extends string>(
  zero: () => Record<K, number>,
): Record<ModeValue, Record<K, number>> {
  const cells = {} as Record<ModeValue, Record<K, number>>;
  for (const mode of MODE_VALUES) cells[mode] = zero();
  return cells;
}
