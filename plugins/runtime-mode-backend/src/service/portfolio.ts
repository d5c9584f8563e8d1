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
  KNOWLEDGE_BASE_AS_OF,
  PortfolioRow,
  PortfolioSummary,
  RULE_SET_VERSION,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { PortfolioQuery } from './schemas';
import { filterWithFacets } from './rows/facetCounts';
import { buildHeatmap } from './rows/heatmap';
import { countKpis } from './rows/kpis';
import { buildTrend, HistoryEvent } from './rows/trend';
import { PairMemo } from './PairMemo';
import { rowPredicates } from './rows/rowFilters';

/** Everything in a summary but its page of rows: counts, a few KB. */
type Aggregates = Pick<
  PortfolioSummary,
  'total' | 'kpis' | 'heatmap' | 'facets' | 'trend'
>;

/** Aggregates kept per caller's rows and history, for this many queries. */
const QUERIES_KEPT = 16;

/**
 * The aggregates of recent queries, per rows and history arrays as one
 * caller sees them (both kept while the data and the caller's view last):
 * paging, sorting or coming back to a filter costs a page, not a pass over
 * the estate. Counts only; the matching rows are not kept.
 */
const aggregatesByView = new PairMemo<
  PortfolioRow[],
  HistoryEvent[],
  Map<string, Aggregates>
>();

function aggregatesOf(input: PortfolioInput, now: Date): Aggregates {
  const kept = aggregatesByView.get(input.rows, input.history, () => new Map());
  const { page, pageSize, ...asked } = input.query;
  const key = JSON.stringify([
    asked,
    input.trendSince.toISOString(),
    now.toISOString().slice(0, 10),
    input.plannedTargets,
  ]);
  let aggregates = kept.get(key);
  if (!aggregates) {
    const { rows, facets } = filterWithFacets(input.rows, input.query);
    aggregates = {
      total: rows.length,
      kpis: countKpis(rows, input.plannedTargets),
      heatmap: buildHeatmap(rows, input.query.groupBy, input.query.heatmapBy),
      facets,
      trend: buildTrend(
        input.history,
        new Set(rows.map(r => r.entityRef)),
        input.trendSince,
        now,
      ),
    };
    if (kept.size >= QUERIES_KEPT) {
      kept.delete(kept.keys().next().value!);
    }
    kept.set(key, aggregates);
  }
  return aggregates;
}

/** One page of the rows matching the filter, stopping at the page's end. */
function pageOf(rows: PortfolioRow[], query: PortfolioQuery): PortfolioRow[] {
  const start = (query.page - 1) * query.pageSize;
  const predicates = rowPredicates(query);
  if (!predicates.length) return rows.slice(start, start + query.pageSize);
  const page: PortfolioRow[] = [];
  let matched = 0;
  for (const row of rows) {
    if (!predicates.every(p => p.test(row))) continue;
    if (matched++ >= start) page.push(row);
    if (page.length === query.pageSize) break;
  }
  return page;
}

/** What {@link buildPortfolioSummary} summarises. */
export interface PortfolioInput {
  /** The stored rows the caller may read, in the order asked for (`query.sort`, `query.order`). */
  rows: PortfolioRow[];
  /** History rows of the trend window (none for callers without a trend). */
  history: HistoryEvent[];
  query: PortfolioQuery;
  trendSince: Date;
  /** The planned upgrade (`apiPolicy.targets`). */
  plannedTargets: Record<string, string>;
  now?: Date;
}

/**
 * The portfolio response: one page of rows plus KPIs, heatmap, facets and
 * trend over all matching rows.
 */
export function buildPortfolioSummary(input: PortfolioInput): PortfolioSummary {
  const { query, now = new Date() } = input;
  const { total, kpis, heatmap, facets, trend } = aggregatesOf(input, now);
  return {
    ruleSetVersion: RULE_SET_VERSION,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: pageOf(input.rows, query),
    kpis,
    heatmap,
    facets,
    trend,
  };
}
