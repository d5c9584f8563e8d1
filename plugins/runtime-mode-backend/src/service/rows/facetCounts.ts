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
  CONCERN_CATEGORIES,
  MIGRATION_LEVEL_KEYS,
  MODE_VALUES,
  PORTFOLIO_FACETS,
  PortfolioFacet,
  PortfolioFacetCounts,
  PortfolioRow,
  READINESS_LEVELS,
  UPGRADE_LEVELS,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { FilterQuery } from '../schemas';
import { migrationLevelKeyOf, upgradeLevelOf } from './questionKeys';
import { RowPredicate, rowPredicates } from './rowFilters';

/** The values every component has one of: listed with zeros, so a facet keeps its shape. */
const ENUMERATED: Partial<Record<PortfolioFacet, readonly string[]>> = {
  mode: MODE_VALUES,
  level: READINESS_LEVELS,
  upgradeLevel: UPGRADE_LEVELS,
  migrationLevel: MIGRATION_LEVEL_KEYS,
  category: CONCERN_CATEGORIES,
};

function emptyCounts(): PortfolioFacetCounts {
  const counts = {} as PortfolioFacetCounts;
  for (const facet of PORTFOLIO_FACETS) {
    counts[facet] = Object.fromEntries(
      (ENUMERATED[facet] ?? []).map(value => [value, 0]),
    );
  }
  return counts;
}

function add(counts: Record<string, number>, value: string | undefined) {
  if (value) counts[value] = (counts[value] ?? 0) + 1;
}

/** Counts a row under its value of one facet (each of its categories). */
function countRow(
  counts: PortfolioFacetCounts,
  facet: PortfolioFacet,
  row: PortfolioRow,
) {
  switch (facet) {
    case 'owner':
    case 'system':
    case 'domain':
    case 'lifecycle':
    case 'mode':
    case 'level':
      add(counts[facet], row[facet]);
      return;
    case 'upgradeLevel':
      add(counts.upgradeLevel, upgradeLevelOf(row));
      return;
    case 'migrationLevel':
      add(counts.migrationLevel, migrationLevelKeyOf(row));
      return;
    case 'category':
      for (const category of row.categories) add(counts.category, category);
      return;
    default:
      return;
  }
}

/**
 * The one facet whose filters alone reject the row; `null` when it matches
 * every filter, `undefined` when filters of two facets (or the free text)
 * reject it, so that it counts nowhere.
 */
function onlyFailingFacet(
  row: PortfolioRow,
  predicates: RowPredicate[],
): PortfolioFacet | null | undefined {
  let failing: PortfolioFacet | null = null;
  for (const { facet, test } of predicates) {
    if (test(row)) continue;
    if (facet === null || (failing !== null && failing !== facet)) {
      return undefined;
    }
    failing = facet;
  }
  return failing;
}

/**
 * Filters the rows and counts each facet with every filter except its own,
 * in one pass: a row rejected by one facet's filters alone still counts in
 * that facet, so picking a value does not shrink the facet it was picked in.
 */
export function filterWithFacets(
  rows: PortfolioRow[],
  filter: FilterQuery,
): { rows: PortfolioRow[]; facets: PortfolioFacetCounts } {
  const predicates = rowPredicates(filter);
  const facets = emptyCounts();
  const matching: PortfolioRow[] = [];
  for (const row of rows) {
    const failing = onlyFailingFacet(row, predicates);
    if (failing === null) {
      matching.push(row);
      for (const facet of PORTFOLIO_FACETS) countRow(facets, facet, row);
    } else if (failing !== undefined) {
      countRow(facets, failing, row);
    }
  }
  return { rows: matching, facets };
}
