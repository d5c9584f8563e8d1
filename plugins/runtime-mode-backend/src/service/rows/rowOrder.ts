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
import type { RowComparator } from './SortedRows';

/** Worst first, so "sort by level" puts the components that need work on top. */
const LEVEL_RANK: Record<string, number> = {
  blocked: 0,
  'ready-with-warnings': 1,
  unknown: 2,
  ready: 3,
};

/** A row's sort key: text keys are lower-cased, so "cart-service" and "Checkout API" sort as people read them. */
type SortKey = string | number | Array<string | number>;

function compareTuples(
  a: Array<string | number>,
  b: Array<string | number>,
): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compareScalars(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** What the table shows in the component column: the title, else the name. */
function displayName(row: PortfolioRow): string {
  return (row.title || row.name).toLowerCase();
}

const MODE_KEYS: Record<string, string> = Object.fromEntries(
  Object.entries(MODE_LABELS).map(([mode, label]) => [
    mode,
    label.toLowerCase(),
  ]),
);

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
      return MODE_KEYS[row.mode];
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
      return (row.topBlocker?.message ?? '').toLowerCase();
    default:
      return displayName(row);
  }
}

type Keyed = { row: PortfolioRow; key: SortKey };

function keyedComparator({ sort, order }: SortQuery) {
  const direction = order === 'desc' ? -1 : 1;
  const compareKeys = sort === 'worst' ? compareTuples : compareScalars;
  return (a: Keyed, b: Keyed) =>
    direction * compareKeys(a.key as never, b.key as never) ||
    compareText(a.row.entityRef, b.row.entityRef);
}

/** The rows in the order asked for; ties by entity ref, so pages never overlap. */
export function sortRows(
  rows: PortfolioRow[],
  query: SortQuery,
): PortfolioRow[] {
  return rows
    .map(row => ({ row, key: sortKeyOf(query.sort, row) }))
    .sort(keyedComparator(query))
    .map(({ row }) => row);
}

/**
 * The comparator of an order for rows without precomputed keys: for the few
 * comparisons of a binary search ({@link SortedRows}).
 */
export function rowComparator(query: SortQuery): RowComparator {
  const compare = keyedComparator(query);
  return (a, b) =>
    compare(
      { row: a, key: sortKeyOf(query.sort, a) },
      { row: b, key: sortKeyOf(query.sort, b) },
    );
}
