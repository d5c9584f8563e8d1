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
  PortfolioRow,
  PortfolioSummary,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  zeroLevels,
  zeroMigrationLevels,
  zeroModes,
  zeroUpgradeLevels,
} from './levelCounts';
import { migrationLevelKeyOf, upgradeLevelOf } from './questionKeys';

/**
 * Components per mode, readiness level, upgrade level and migration level,
 * and the planned upgrade they are judged against: "at the planned upgrade,
 * N break (`breaks-at-upgrade`), M already broken (`broken-now`)" in one
 * answer.
 */
export function kpiCounter(plannedTargets: Record<string, string>): {
  add(row: PortfolioRow): void;
  kpis(): PortfolioSummary['kpis'];
} {
  const byMode = zeroModes();
  const byLevel = zeroLevels();
  const byUpgradeLevel = zeroUpgradeLevels();
  const byMigrationLevel = zeroMigrationLevels();
  return {
    add(row) {
      byMode[row.mode] += 1;
      byLevel[row.level] += 1;
      byUpgradeLevel[upgradeLevelOf(row)] += 1;
      byMigrationLevel[migrationLevelKeyOf(row)] += 1;
    },
    kpis: () => ({
      byMode,
      byLevel,
      byUpgradeLevel,
      byMigrationLevel,
      plannedTargets: Object.entries(plannedTargets).map(
        ([component, version]) => ({ component, version }),
      ),
    }),
  };
}
