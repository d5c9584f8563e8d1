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
import { facetCounter } from './rows/facetCounts';
import { heatmapCounter } from './rows/heatmap';
import { kpiCounter } from './rows/kpis';
import { buildTrend } from './rows/trend';
import { HistoryWindow } from './rows/HistoryWindow';
import { rowPredicates } from './rows/rowFilters';
import { CallerRows } from './CallerRows';

/** Everything in a summary but its page of rows: counts, a few KB. */
type Aggregates = Pick<
  PortfolioSummary,
  'total' | 'kpis' | 'heatmap' | 'facets' | 'trend'
>;

/** Aggregates kept per caller's rows and history, for this many queries. */
const QUERIES_KEPT = 16;

/**
 * The aggregates of recent queries, per caller view and data version (the
 * view is kept while the caller's readable set is cached): paging, sorting
 * or coming back to a filter costs a page, not a pass over the estate.
 * Counts only; the matching rows are not kept.
 */
const aggregatesByView = new WeakMap<
  object,
  { version: number; kept: Map<string, Aggregates> }
>();

/**
 * Past this share of the rows, the trend asks the caller's rows whether an
 * entity matches rather than keeping a set of the matching refs (which
 * would be as large as the estate).
 */
const MATCHING_REFS_KEPT = 1 / 8;

function aggregatesOf(input: PortfolioInput, now: Date): Aggregates {
  const { rows } = input;
  let memo = aggregatesByView.get(rows.owner);
  if (!memo || memo.version !== rows.version) {
    memo = { version: rows.version, kept: new Map() };
    aggregatesByView.set(rows.owner, memo);
  }
  const { kept } = memo;
  const { page, pageSize, ...asked } = input.query;
  const key = JSON.stringify([
    asked,
    // The trend's input: a tool that asks without history gets its own entry.
    input.history.length,
    input.trendSince.toISOString(),
    now.toISOString().slice(0, 10),
    input.plannedTargets,
  ]);
  let aggregates = kept.get(key);
  if (!aggregates) {
    aggregates = countAggregates(input, now);
    if (kept.size >= QUERIES_KEPT) {
      kept.delete(kept.keys().next().value!);
    }
    kept.set(key, aggregates);
  }
  return aggregates;
}

/** Total, KPIs, heatmap and facets in one pass over the caller's rows; then the trend. */
function countAggregates(input: PortfolioInput, now: Date): Aggregates {
  const { rows, query } = input;
  const facets = facetCounter(query);
  const kpis = kpiCounter(input.plannedTargets);
  const heatmap = heatmapCounter(query.groupBy, query.heatmapBy);
  const predicates = rowPredicates(query);
  let matchingRefs: Set<string> | undefined = predicates.length
    ? new Set()
    : undefined;
  let seen = 0;
  let total = 0;
  rows.forEach(row => {
    seen += 1;
    if (!facets.add(row)) return;
    total += 1;
    kpis.add(row);
    heatmap.add(row);
    matchingRefs?.add(row.entityRef);
    if (matchingRefs && matchingRefs.size > seen * MATCHING_REFS_KEPT + 1024) {
      matchingRefs = undefined;
    }
  });
  const includes = matchingRefs
    ? (ref: string) => matchingRefs!.has(ref)
    : (ref: string) => {
        const row = rows.get(ref);
        return row !== undefined && predicates.every(p => p.test(row));
      };
  return {
    total,
    kpis: kpis.kpis(),
    heatmap: heatmap.heatmap(),
    facets: facets.counts(),
    trend: buildTrend(input.history, includes, input.trendSince, now),
  };
}

/** One page of the rows matching the filter, stopping at the page's end. */
function pageOf(rows: CallerRows, query: PortfolioQuery): PortfolioRow[] {
  const start = (query.page - 1) * query.pageSize;
  const predicates = rowPredicates(query);
  const page: PortfolioRow[] = [];
  let matched = 0;
  rows.forEach(row => {
    if (!predicates.every(p => p.test(row))) return true;
    if (matched++ >= start) page.push(row);
    return page.length < query.pageSize;
  });
  return page;
}

/** What {@link buildPortfolioSummary} summarises. */
export interface PortfolioInput {
  /** The stored rows the caller may read, in the order asked for (`query.sort`, `query.order`). */
  rows: CallerRows;
  /** History of the trend window (empty for callers without a trend). */
  history: HistoryWindow;
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
