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
  PortfolioRow,
  UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * A row's upgrade level: `unknown` while pending or for a result of an older
 * rule set, which has not answered the question (never a pass).
 */
export function upgradeLevelOf(row: PortfolioRow): UpgradeLevel {
  return row.upgradeLevel ?? 'unknown';
}

/** A row's migration level, `none` when no move is planned (or none is known yet). */
export function migrationLevelKeyOf(row: PortfolioRow): MigrationLevelKey {
  return row.migrationLevel ?? 'none';
}

/** Worst first: `broken-now` is worse than breaking later; unknown is not a pass. */
export const UPGRADE_LEVEL_RANK: Readonly<Record<UpgradeLevel, number>> = {
  'broken-now': 0,
  'breaks-at-upgrade': 1,
  deprecated: 2,
  unknown: 3,
  clean: 4,
};

/** Worst first, no move planned last. */
export function migrationRank(row: PortfolioRow): number {
  return MIGRATION_LEVEL_KEYS.indexOf(migrationLevelKeyOf(row));
}
