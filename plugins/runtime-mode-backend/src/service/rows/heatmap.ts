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
  PortfolioGroupBy,
  PortfolioHeatmapBy,
  PortfolioRow,
  PortfolioSummary,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  zeroLevels,
  zeroMigrationLevels,
  zeroModeCells,
  zeroUpgradeLevels,
} from './levelCounts';
import { migrationLevelKeyOf, upgradeLevelOf } from './questionKeys';
import { compareText } from '../compareText';

type HeatmapGroup = PortfolioSummary['heatmap']['groups'][number];

const NO_GROUP = '(none)';

function newGroup(key: string, by: PortfolioHeatmapBy): HeatmapGroup {
  return {
    key,
    total: 0,
    cells: zeroModeCells(zeroLevels),
    ...(by === 'upgrade'
      ? { upgradeCells: zeroModeCells(zeroUpgradeLevels) }
      : {}),
    ...(by === 'migration'
      ? { migrationCells: zeroModeCells(zeroMigrationLevels) }
      : {}),
  };
}

/**
 * Per group (owner, system or domain), components per mode and readiness
 * level, and per mode and the level of the question asked for (`by`).
 * Largest groups first.
 */
export function heatmapCounter(
  groupBy: PortfolioGroupBy,
  by: PortfolioHeatmapBy,
): {
  add(row: PortfolioRow): void;
  heatmap(): PortfolioSummary['heatmap'];
} {
  const groups = new Map<string, HeatmapGroup>();
  return {
    add(row) {
      const key = row[groupBy] ?? NO_GROUP;
      let group = groups.get(key);
      if (!group) {
        group = newGroup(key, by);
        groups.set(key, group);
      }
      group.total += 1;
      group.cells[row.mode][row.level] += 1;
      if (group.upgradeCells)
        group.upgradeCells[row.mode][upgradeLevelOf(row)] += 1;
      if (group.migrationCells) {
        group.migrationCells[row.mode][migrationLevelKeyOf(row)] += 1;
      }
    },
    heatmap: () => ({
      groupBy,
      by,
      groups: [...groups.values()].sort(
        (a, b) => b.total - a.total || compareText(a.key, b.key),
      ),
    }),
  };
}
