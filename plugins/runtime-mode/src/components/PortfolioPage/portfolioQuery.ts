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
  type ConcernCategory,
  type ModeValue,
  type PortfolioFilter,
  type ReadinessLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { PortfolioQuery } from '../../api';
import { ALL_CATEGORIES, ALL_LEVELS, ALL_MODE_VALUES } from '../common/labels';

export const DEFAULT_PAGE_SIZE = 25;

/** The multi-valued filters, in the order the filter bar shows them. */
export const LIST_FILTERS = [
  'mode',
  'level',
  'category',
  'owner',
  'system',
  'domain',
  'lifecycle',
] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

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
 * The page's state lives in the URL (`?mode=...&level=...&owner=...`), so a
 * heatmap click-through is a link and a filtered view can be shared. Unknown
 * values in a hand-edited URL are dropped rather than sent to the backend.
 */
export function parsePortfolioQuery(params: URLSearchParams): PortfolioQuery {
  const strings = (key: string) =>
    params
      .getAll(key)
      .map(v => v.trim())
      .filter(Boolean);
  const query: PortfolioQuery = {
    mode: strings('mode').filter((v): v is ModeValue =>
      (ALL_MODE_VALUES as readonly string[]).includes(v),
    ),
    level: strings('level').filter((v): v is ReadinessLevel =>
      (ALL_LEVELS as readonly string[]).includes(v),
    ),
    category: strings('category').filter((v): v is ConcernCategory =>
      (ALL_CATEGORIES as readonly string[]).includes(v),
    ),
    owner: strings('owner'),
    system: strings('system'),
    domain: strings('domain'),
    lifecycle: strings('lifecycle'),
    q: params.get('q') ?? undefined,
    groupBy: oneOf(params.get('groupBy'), PORTFOLIO_GROUP_BYS) ?? 'owner',
    page: positive(params.get('page')) ?? 1,
    pageSize: positive(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE,
    sort: oneOf(params.get('sort'), PORTFOLIO_SORT_FIELDS),
    order: oneOf(params.get('order'), ['asc', 'desc']),
  };
  return query;
}

export function serializePortfolioQuery(
  query: PortfolioQuery,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_FILTERS) {
    for (const value of query[key] ?? []) params.append(key, value);
  }
  if (query.q) params.set('q', query.q);
  if (query.groupBy && query.groupBy !== 'owner')
    params.set('groupBy', query.groupBy);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('pageSize', String(query.pageSize));
  }
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
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
  if (query.q?.trim()) filter.q = query.q.trim();
  return filter;
}

export function hasFilters(query: PortfolioQuery): boolean {
  return Object.keys(filterOf(query)).length > 0;
}
