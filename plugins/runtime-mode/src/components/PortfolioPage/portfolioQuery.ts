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
  PORTFOLIO_GROUP_BYS,
  PORTFOLIO_SORT_FIELDS,
  type PortfolioFilter,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { PortfolioQuery } from '../../api';
import {
  ALL_CATEGORIES,
  ALL_LEVELS,
  ALL_MODE_VALUES,
  ALL_UPGRADE_LEVELS,
} from '../common/labels';

export const DEFAULT_PAGE_SIZE = 25;

/** The two views of the heatmap: the upgrade question or the migration one. */
export type HeatmapView = 'upgrade' | 'migration';

/** The multi-valued filters, in the order the filter bar shows them. */
export const LIST_FILTERS = [
  'mode',
  'upgradeLevel',
  'migrationLevel',
  'level',
  'category',
  'owner',
  'system',
  'domain',
  'lifecycle',
] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** Values each enumerated filter accepts; the others take any reference. */
const ALLOWED: Partial<Record<ListFilter, readonly string[]>> = {
  mode: ALL_MODE_VALUES,
  upgradeLevel: ALL_UPGRADE_LEVELS,
  migrationLevel: ALL_LEVELS,
  level: ALL_LEVELS,
  category: ALL_CATEGORIES,
};

/** Every URL parameter the portfolio query owns (the blast radius has its own). */
const QUERY_PARAMS = [
  ...LIST_FILTERS,
  'migration',
  'q',
  'groupBy',
  'heatmapBy',
  'page',
  'pageSize',
  'sort',
  'order',
];

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
): T | undefined {
  return value && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The page's state lives in the URL (`?upgradeLevel=broken-now&owner=...`),
 * so a drill-down is a link and a view can be shared. Unknown values in a
 * hand-edited URL are dropped rather than sent to the backend. Rows come
 * worst first unless another sort is asked for.
 */
export function parsePortfolioQuery(params: URLSearchParams): PortfolioQuery {
  const query: PortfolioQuery = {};
  for (const key of LIST_FILTERS) {
    const allowed = ALLOWED[key];
    const values = params
      .getAll(key)
      .map(v => v.trim())
      .filter(v => v && (!allowed || allowed.includes(v)));
    (query as Record<string, string[]>)[key] = values;
  }
  query.migration = oneOf(params.get('migration'), ['planned', 'none']);
  query.q = params.get('q') ?? undefined;
  query.groupBy = oneOf(params.get('groupBy'), PORTFOLIO_GROUP_BYS) ?? 'owner';
  query.heatmapBy =
    oneOf(params.get('heatmapBy'), ['upgrade', 'migration'] as const) ??
    'upgrade';
  query.page = positive(params.get('page')) ?? 1;
  query.pageSize = positive(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE;
  query.sort = oneOf(params.get('sort'), PORTFOLIO_SORT_FIELDS) ?? 'worst';
  query.order = oneOf(params.get('order'), ['asc', 'desc']) ?? 'asc';
  return query;
}

/**
 * Writes the query into the URL's parameters, keeping the parameters other
 * panels own (the blast radius's platform and version, the tab). Defaults
 * stay out of the URL.
 */
export function withPortfolioQuery(
  previous: URLSearchParams,
  query: PortfolioQuery,
): URLSearchParams {
  const params = new URLSearchParams(previous);
  for (const key of QUERY_PARAMS) params.delete(key);
  for (const key of LIST_FILTERS) {
    for (const value of query[key] ?? []) params.append(key, value);
  }
  if (query.migration) params.set('migration', query.migration);
  if (query.q) params.set('q', query.q);
  if (query.groupBy && query.groupBy !== 'owner') {
    params.set('groupBy', query.groupBy);
  }
  if (query.heatmapBy && query.heatmapBy !== 'upgrade') {
    params.set('heatmapBy', query.heatmapBy);
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(query.pageSize));
  }
  if (query.sort && query.sort !== 'worst') params.set('sort', query.sort);
  if (query.order && query.order !== 'asc') params.set('order', query.order);
  return params;
}

/** Just the filter part, for export and blast radius. */
export function filterOf(query: PortfolioQuery): PortfolioFilter {
  const filter: PortfolioFilter = {};
  for (const key of LIST_FILTERS) {
    const values = query[key];
    if (values && values.length > 0) {
      (filter as Record<string, string[]>)[key] = values as string[];
    }
  }
  if (query.migration) filter.migration = query.migration;
  if (query.q?.trim()) filter.q = query.q.trim();
  return filter;
}

export function hasFilters(query: PortfolioQuery): boolean {
  return Object.keys(filterOf(query)).length > 0;
}

/** The query with every filter removed (grouping, view and sort kept). */
export function withoutFilters(query: PortfolioQuery): PortfolioQuery {
  const cleared: PortfolioQuery = { ...query, page: 1 };
  for (const key of LIST_FILTERS) cleared[key] = [];
  cleared.migration = undefined;
  cleared.q = undefined;
  return cleared;
}
