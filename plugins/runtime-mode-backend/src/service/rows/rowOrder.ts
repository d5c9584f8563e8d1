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
  MODE_LABELS,
  PortfolioRow,
  PortfolioSortField,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { SortQuery } from '../schemas';
import {
  migrationRank,
  UPGRADE_LEVEL_RANK,
  upgradeLevelOf,
} from './questionKeys';
import { compareText } from '../compareText';

/** Worst first, so "sort by level" puts the components that need work on top. */
const LEVEL_RANK: Record<string, number> = {
  blocked: 0,
  'ready-with-warnings': 1,
  unknown: 2,
  ready: 3,
};

/**
 * A row's sort key, computed once per row: text keys are lower-cased, so
 * that "cart-service" and "Checkout API" sort as people read them.
 */
type SortKey = string | number | Array<string | number>;

function compareKeys(a: SortKey, b: SortKey): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length; i++) {
      const order = compareKeys(a[i], b[i]);
      if (order) return order;
    }
    return 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

/** What the table shows in the component column: the title, else the name. */
function displayName(row: PortfolioRow): string {
  return (row.title || row.name).toLocaleLowerCase('en-US');
}

/**
 * Worst first: broken now, then breaks at the upgrade, then a blocked
 * migration, then the most critical and warning concerns; then by name.
 */
function worstKey(row: PortfolioRow): SortKey {
  const upgrade = UPGRADE_LEVEL_RANK[upgradeLevelOf(row)];
  return [
    Math.min(upgrade, 2),
    row.migrationLevel === 'blocked' ? 0 : 1,
    -row.critical,
    -row.warning,
    displayName(row),
  ];
}

function sortKeyOf(sort: PortfolioSortField, row: PortfolioRow): SortKey {
  switch (sort) {
    case 'owner':
      return row.owner ?? '';
    case 'system':
      return row.system ?? '';
    case 'mode':
      return MODE_LABELS[row.mode].toLocaleLowerCase('en-US');
    case 'level':
      return LEVEL_RANK[row.level];
    case 'score':
      // Unknown scores (null) sort below every known score.
      return row.score ?? -1;
    case 'critical':
      return row.critical;
    case 'evaluatedAt':
      return row.evaluatedAt ?? '';
    case 'worst':
      return worstKey(row);
    case 'upgradeLevel':
      return UPGRADE_LEVEL_RANK[upgradeLevelOf(row)];
    case 'migrationLevel':
      return migrationRank(row);
    case 'topBlocker':
      return (row.topBlocker?.message ?? '').toLocaleLowerCase('en-US');
    default:
      return displayName(row);
  }
}

/** The rows in the order asked for; ties by entity ref, so pages never overlap. */
export function sortRows(
  rows: PortfolioRow[],
  { sort, order }: SortQuery,
): PortfolioRow[] {
  const direction = order === 'desc' ? -1 : 1;
  return rows
    .map(row => ({ row, key: sortKeyOf(sort, row) }))
    .sort(
      (a, b) =>
        direction * compareKeys(a.key, b.key) ||
        compareText(a.row.entityRef, b.row.entityRef),
    )
    .map(({ row }) => row);
}
