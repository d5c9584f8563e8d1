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

import { portfolioQuery, portfolioRow } from '../testUtils/rows';
import { buildPortfolioSummary } from './portfolio';
import { sortRows } from './rows/rowOrder';
import { CallerRows } from './CallerRows';
import { HistoryWindow } from './rows/HistoryWindow';
import { SortedRows } from './rows/SortedRows';

const rows = [
  portfolioRow('clean'),
  portfolioRow('broken', {
    upgradeLevel: 'broken-now',
    brokenNow: 1,
    breaksAtUpgrade: 1,
  }),
  portfolioRow('breaks-1', { upgradeLevel: 'breaks-at-upgrade' }),
  portfolioRow('breaks-2', {
    upgradeLevel: 'breaks-at-upgrade',
    mode: 'container-virtualization',
    migrationLevel: 'blocked',
    targetMode: 'virtualized-container',
  }),
  portfolioRow('pending', {
    status: 'pending',
    mode: 'unknown',
    level: 'unknown',
    upgradeLevel: undefined,
    migrationLevel: undefined,
  }),
];

const summarise = (params: Record<string, string> = {}) => {
  const query = portfolioQuery(params);
  return buildPortfolioSummary({
    rows: CallerRows.of(sortRows(rows, query)),
    history: HistoryWindow.of([]),
    query,
    trendSince: new Date('2026-12-01T00:00:00Z'),
    now: new Date('2026-12-01T12:00:00Z'),
    plannedTargets: { k8s: '1.34', kubevirt: '1.6.0' },
  });
};

describe('buildPortfolioSummary', () => {
  it('answers "at the planned upgrade: N break, M already broken" in one summary, with the planned targets', () => {
    const { kpis } = summarise();
    expect(kpis.plannedTargets).toEqual([
      { component: 'k8s', version: '1.34' },
      { component: 'kubevirt', version: '1.6.0' },
    ]);
    expect(kpis.byUpgradeLevel).toEqual({
      clean: 1,
      deprecated: 0,
      'breaks-at-upgrade': 2,
      'broken-now': 1,
      unknown: 1,
    });
    expect(kpis.byMigrationLevel).toEqual({
      blocked: 1,
      'ready-with-warnings': 0,
      unknown: 0,
      ready: 0,
      none: 4,
    });
  });

  it('counts mode × readiness level always, and mode × upgrade or migration level when asked', () => {
    const readiness = summarise().heatmap;
    expect(readiness.by).toBe('readiness');
    expect(readiness.groups[0].upgradeCells).toBeUndefined();
    expect(readiness.groups[0].migrationCells).toBeUndefined();

    const upgrade = summarise({ heatmapBy: 'upgrade' }).heatmap;
    const [teamA] = upgrade.groups;
    expect(teamA.key).toBe('group:default/team-a');
    expect(teamA.cells['bare-metal-container'].ready).toBe(3);
    expect(teamA.upgradeCells!['bare-metal-container']).toEqual({
      clean: 1,
      deprecated: 0,
      'breaks-at-upgrade': 1,
      'broken-now': 1,
      unknown: 0,
    });
    expect(teamA.upgradeCells!.unknown.unknown).toBe(1);

    const migration = summarise({ heatmapBy: 'migration' }).heatmap;
    expect(
      migration.groups[0].migrationCells!['container-virtualization'],
    ).toEqual({
      blocked: 1,
      'ready-with-warnings': 0,
      unknown: 0,
      ready: 0,
      none: 0,
    });
  });

  it('returns facets beside the rows, and pages the rows worst first when asked', () => {
    const summary = summarise({
      upgradeLevel: 'breaks-at-upgrade',
      sort: 'worst',
      pageSize: '1',
    });
    expect(summary.total).toBe(2);
    expect(summary.items.map(r => r.name)).toEqual(['breaks-2']);
    expect(summary.facets?.upgradeLevel['broken-now']).toBe(1);
    expect(summary.facets?.mode).toMatchObject({
      'bare-metal-container': 1,
      'container-virtualization': 1,
    });
  });

  it('pages a filtered list page by page, with the same counts on every page', () => {
    const params = {
      upgradeLevel: 'breaks-at-upgrade,broken-now',
      pageSize: '2',
    };
    const first = summarise(params);
    const second = summarise({ ...params, page: '2' });
    expect(first.items.map(r => r.name)).toEqual(['breaks-1', 'breaks-2']);
    expect(second.items.map(r => r.name)).toEqual(['broken']);
    expect(second.total).toBe(3);
    expect(second.facets).toEqual(first.facets);
    expect(second.kpis).toEqual(first.kpis);
  });

  it('gives a caller who may read some components only those rows and counts, the trend included, and a domain only with its System', () => {
    const estate = [
      portfolioRow('mine', {
        system: 'system:default/open',
        domain: 'domain:default/d',
        evaluatedAt: '2026-12-01T08:00:00.000Z',
      }),
      portfolioRow('mine-hidden-system', {
        system: 'system:default/closed',
        domain: 'domain:default/secret',
        level: 'blocked',
        evaluatedAt: '2026-12-01T08:00:00.000Z',
      }),
      portfolioRow('theirs', {
        level: 'blocked',
        evaluatedAt: '2026-12-01T08:00:00.000Z',
      }),
    ];
    const query = portfolioQuery({ groupBy: 'domain' });
    const view = {
      components: new Set([estate[0].entityRef, estate[1].entityRef]),
      systems: new Set(['system:default/open']),
    };
    const summary = buildPortfolioSummary({
      rows: CallerRows.seenBy(view, {
        order: SortedRows.of(sortRows(estate, query)),
        byRef: new Map(estate.map(r => [r.entityRef, r])),
        version: 1,
      }),
      history: HistoryWindow.of(
        estate.map(r => ({
          entityRef: r.entityRef,
          evaluatedAt: r.evaluatedAt!,
          level: r.level,
        })),
      ),
      query,
      trendSince: new Date('2026-12-01T00:00:00Z'),
      now: new Date('2026-12-01T12:00:00Z'),
      plannedTargets: {},
    });
    expect(summary.total).toBe(2);
    expect(summary.items.map(r => [r.name, r.domain])).toEqual([
      ['mine', 'domain:default/d'],
      ['mine-hidden-system', undefined],
    ]);
    expect(summary.kpis.byLevel).toMatchObject({ ready: 1, blocked: 1 });
    expect(summary.facets?.domain).toEqual({ 'domain:default/d': 1 });
    expect(summary.heatmap.groups.map(g => g.key).sort()).toEqual([
      '(none)',
      'domain:default/d',
    ]);
    expect(summary.trend.at(-1)?.byLevel).toMatchObject({
      ready: 1,
      blocked: 1,
    });
  });
});
