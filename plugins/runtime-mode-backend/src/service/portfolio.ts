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

type Trend = PortfolioSummary['trend'];

/**
 * The trend of all the rows a caller may see, per rows and history arrays
 * (both kept while the data and the caller's view last): walking the whole
 * history window is the costliest part of an unfiltered summary.
 */
const trendsOfAllRows = new PairMemo<
  PortfolioRow[],
  HistoryEvent[],
  Map<string, Trend>
>();

function trendOf(
  input: PortfolioInput,
  rows: PortfolioRow[],
  now: Date,
): Trend {
  const build = () =>
    buildTrend(
      input.history,
      new Set(rows.map(r => r.entityRef)),
      input.trendSince,
      now,
    );
  // A filter that kept every row: the trend of all rows, worked out once.
  if (rows.length !== input.rows.length) return build();
  const byWindow = trendsOfAllRows.get(
    input.rows,
    input.history,
    () => new Map(),
  );
  const key = `${input.trendSince.toISOString()}/${now
    .toISOString()
    .slice(0, 10)}`;
  let trend = byWindow.get(key);
  if (!trend) {
    trend = build();
    byWindow.set(key, trend);
  }
  return trend;
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
  const { rows, facets } = filterWithFacets(input.rows, query);
  const start = (query.page - 1) * query.pageSize;
  return {
    ruleSetVersion: RULE_SET_VERSION,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.slice(start, start + query.pageSize),
    kpis: countKpis(rows, input.plannedTargets),
    heatmap: buildHeatmap(rows, query.groupBy, query.heatmapBy),
    facets,
    trend: trendOf(input, rows, now),
  };
}
