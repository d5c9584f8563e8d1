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

type Counters = Record<PortfolioFacet, Map<string, number>>;

function emptyCounters(): Counters {
  const counters = {} as Counters;
  for (const facet of PORTFOLIO_FACETS) {
    counters[facet] = new Map((ENUMERATED[facet] ?? []).map(v => [v, 0]));
  }
  return counters;
}

function add(counts: Map<string, number>, value: string | undefined) {
  if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
}

/** Counts a row under its value of one facet (each of its categories). */
function countRow(
  counters: Counters,
  facet: PortfolioFacet,
  row: PortfolioRow,
) {
  switch (facet) {
    case 'upgradeLevel':
      add(counters.upgradeLevel, upgradeLevelOf(row));
      return;
    case 'migrationLevel':
      add(counters.migrationLevel, migrationLevelKeyOf(row));
      return;
    case 'category':
      for (const category of row.categories) add(counters.category, category);
      return;
    default:
      add(counters[facet], row[facet]);
  }
}

/** Counts a row that every filter matches, in every facet. */
function countEverywhere(counters: Counters, row: PortfolioRow) {
  add(counters.owner, row.owner);
  add(counters.system, row.system);
  add(counters.domain, row.domain);
  add(counters.lifecycle, row.lifecycle);
  add(counters.mode, row.mode);
  add(counters.level, row.level);
  add(counters.upgradeLevel, upgradeLevelOf(row));
  add(counters.migrationLevel, migrationLevelKeyOf(row));
  for (const category of row.categories) add(counters.category, category);
}

function toCounts(counters: Counters): PortfolioFacetCounts {
  const counts = {} as PortfolioFacetCounts;
  for (const facet of PORTFOLIO_FACETS) {
    counts[facet] = Object.fromEntries(counters[facet]);
  }
  return counts;
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

/** Counts facets row by row, for one pass that counts other things too. */
export interface FacetCounter {
  /** Counts the row; true when every filter matches it. */
  add(row: PortfolioRow): boolean;
  counts(): PortfolioFacetCounts;
}

/**
 * Counts each facet with every filter except its own: a row rejected by
 * one facet's filters alone still counts in that facet, so picking a value
 * does not shrink the facet it was picked in.
 */
export function facetCounter(filter: FilterQuery): FacetCounter {
  const predicates = rowPredicates(filter);
  const counters = emptyCounters();
  return {
    add(row) {
      const failing = predicates.length
        ? onlyFailingFacet(row, predicates)
        : null;
      if (failing === null) {
        countEverywhere(counters, row);
        return true;
      }
      if (failing !== undefined) countRow(counters, failing, row);
      return false;
    },
    counts: () => toCounts(counters),
  };
}

/** The rows every filter matches, and the facets ({@link facetCounter}). */
export function filterWithFacets(
  rows: PortfolioRow[],
  filter: FilterQuery,
): { rows: PortfolioRow[]; facets: PortfolioFacetCounts } {
  const counter = facetCounter(filter);
  return {
    rows: rows.filter(row => counter.add(row)),
    facets: counter.counts(),
  };
}
