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
  ModeLevelCounts,
  ModeValue,
  PortfolioRow,
  PortfolioSummary,
  ReadinessLevel,
  RULE_SET_VERSION,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { FilterQuery, PortfolioQuery } from './schemas';

const MODE_VALUES: ModeValue[] = [
  'bare-metal-container',
  'virtualized-container',
  'container-virtualization',
  'unknown',
];
const LEVELS: ReadinessLevel[] = [
  'ready',
  'ready-with-warnings',
  'blocked',
  'unknown',
];
/** Worst first, so "sort by level" puts the components that need work on top. */
const LEVEL_RANK: Record<string, number> = {
  blocked: 0,
  'ready-with-warnings': 1,
  unknown: 2,
  ready: 3,
};
const NO_GROUP = '(none)';

type Filter = Omit<FilterQuery, 'format'>;

function zeroLevels(): Record<ReadinessLevel, number> {
  return { ready: 0, 'ready-with-warnings': 0, blocked: 0, unknown: 0 };
}

function zeroModes(): Record<ModeValue, number> {
  return {
    'bare-metal-container': 0,
    'virtualized-container': 0,
    'container-virtualization': 0,
    unknown: 0,
  };
}

function zeroCells(): ModeLevelCounts {
  const cells = {} as ModeLevelCounts;
  for (const mode of MODE_VALUES) {
    cells[mode] = zeroLevels();
  }
  return cells;
}

/** `team-a` matches `group:default/team-a`; a full ref matches exactly. */
function refMatcher(values: string[] | undefined) {
  if (!values?.length) {
    return undefined;
  }
  const wanted = values.map(v => v.toLocaleLowerCase('en-US'));
  return (ref: string | undefined) => {
    if (!ref) {
      return false;
    }
    const lower = ref.toLocaleLowerCase('en-US');
    const shortName = lower.slice(lower.lastIndexOf('/') + 1);
    return wanted.some(w =>
      w.includes(':') || w.includes('/') ? w === lower : w === shortName,
    );
  };
}

/** Applies the portfolio filters (all of them must match). */
export function filterRows(rows: PortfolioRow[], filter: Filter) {
  const owner = refMatcher(filter.owner);
  const system = refMatcher(filter.system);
  const domain = refMatcher(filter.domain);
  const lifecycle = filter.lifecycle?.length ? new Set(filter.lifecycle) : null;
  const mode = filter.mode?.length ? new Set<string>(filter.mode) : null;
  const level = filter.level?.length ? new Set<string>(filter.level) : null;
  const category = filter.category?.length ? filter.category : null;
  const q = filter.q?.trim().toLocaleLowerCase('en-US');
  return rows.filter(
    row =>
      (!owner || owner(row.owner)) &&
      (!system || system(row.system)) &&
      (!domain || domain(row.domain)) &&
      (!lifecycle || lifecycle.has(row.lifecycle ?? '')) &&
      (!mode || mode.has(row.mode)) &&
      (!level || level.has(row.level)) &&
      (!category ||
        category.some(c => (row.categories as string[]).includes(c))) &&
      (!q ||
        row.name.toLocaleLowerCase('en-US').includes(q) ||
        (row.title ?? '').toLocaleLowerCase('en-US').includes(q)),
  );
}

/**
 * Code-unit order, not localeCompare: sorting 10,000 rows with
 * localeCompare costs over 100 ms; names and refs are ASCII anyway.
 */
function compareText(a?: string, b?: string): number {
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

function compareBy(sort: PortfolioQuery['sort']) {
  const text = compareText;
  switch (sort) {
    case 'owner':
      return (a: PortfolioRow, b: PortfolioRow) => text(a.owner, b.owner);
    case 'system':
      return (a: PortfolioRow, b: PortfolioRow) => text(a.system, b.system);
    case 'mode':
      return (a: PortfolioRow, b: PortfolioRow) => text(a.mode, b.mode);
    case 'level':
      return (a: PortfolioRow, b: PortfolioRow) =>
        LEVEL_RANK[a.level] - LEVEL_RANK[b.level];
    case 'score':
      // Unknown scores (null) sort below every known score.
      return (a: PortfolioRow, b: PortfolioRow) =>
        (a.score ?? -1) - (b.score ?? -1);
    case 'critical':
      return (a: PortfolioRow, b: PortfolioRow) => a.critical - b.critical;
    case 'evaluatedAt':
      return (a: PortfolioRow, b: PortfolioRow) =>
        text(a.evaluatedAt, b.evaluatedAt);
    default:
      return (a: PortfolioRow, b: PortfolioRow) => text(a.name, b.name);
  }
}

/** Daily counts per level from the change history (a row only when something changed). */
function buildTrend(
  history: Array<{ entityRef: string; evaluatedAt: string; level: string }>,
  included: Set<string>,
  since: Date,
  now: Date,
): PortfolioSummary['trend'] {
  const events = history
    .filter(h => included.has(h.entityRef))
    .sort((a, b) => compareText(a.evaluatedAt, b.evaluatedAt));
  const current = new Map<string, string>();
  const counts = zeroLevels() as Record<string, number>;
  const trend: PortfolioSummary['trend'] = [];
  let next = 0;
  const day = new Date(
    Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate()),
  );
  while (day.getTime() <= now.getTime()) {
    const dayEnd = new Date(day.getTime() + 86_400_000).toISOString();
    while (next < events.length && events[next].evaluatedAt < dayEnd) {
      const event = events[next++];
      const previous = current.get(event.entityRef);
      if (previous !== undefined) {
        counts[previous] -= 1;
      }
      current.set(event.entityRef, event.level);
      counts[event.level] = (counts[event.level] ?? 0) + 1;
    }
    const byLevel = zeroLevels();
    for (const level of LEVELS) {
      byLevel[level] = counts[level] ?? 0;
    }
    trend.push({ date: day.toISOString().slice(0, 10), byLevel });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return trend;
}

/** The portfolio response: one page of rows plus KPIs, heatmap and trend over all matching rows. */
export function buildPortfolioSummary(
  readableRows: PortfolioRow[],
  history: Array<{ entityRef: string; evaluatedAt: string; level: string }>,
  query: PortfolioQuery,
  trendSince: Date,
  now: Date = new Date(),
): PortfolioSummary {
  const rows = filterRows(readableRows, query);
  const byMode = zeroModes();
  const byLevel = zeroLevels();
  const groups = new Map<string, { total: number; cells: ModeLevelCounts }>();
  for (const row of rows) {
    byMode[row.mode] = (byMode[row.mode] ?? 0) + 1;
    byLevel[row.level] = (byLevel[row.level] ?? 0) + 1;
    const key = row[query.groupBy] ?? NO_GROUP;
    let group = groups.get(key);
    if (!group) {
      group = { total: 0, cells: zeroCells() };
      groups.set(key, group);
    }
    group.total += 1;
    group.cells[row.mode][row.level] += 1;
  }

  const compare = compareBy(query.sort);
  const direction = query.order === 'desc' ? -1 : 1;
  const sorted = [...rows].sort(
    (a, b) =>
      direction * compare(a, b) || compareText(a.entityRef, b.entityRef),
  );
  const start = (query.page - 1) * query.pageSize;

  return {
    ruleSetVersion: RULE_SET_VERSION,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    items: sorted.slice(start, start + query.pageSize),
    kpis: { byMode, byLevel },
    heatmap: {
      groupBy: query.groupBy,
      groups: [...groups.entries()]
        .map(([key, group]) => ({ key, ...group }))
        .sort((a, b) => b.total - a.total || compareText(a.key, b.key)),
    },
    trend: buildTrend(
      history,
      new Set(rows.map(r => r.entityRef)),
      trendSince,
      now,
    ),
  };
}
