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

import { portfolioQuery, portfolioRow } from '../../testUtils/rows';
import { filterWithFacets } from './facetCounts';
import { filterRows } from './rowFilters';

const rows = [
  portfolioRow('a'),
  portfolioRow('b', {
    mode: 'container-virtualization',
    level: 'blocked',
    critical: 1,
    categories: ['api-compatibility'],
    upgradeLevel: 'broken-now',
  }),
  portfolioRow('c', {
    owner: 'group:default/team-b',
    level: 'ready-with-warnings',
    categories: ['live-migration'],
    upgradeLevel: 'breaks-at-upgrade',
    migrationLevel: 'blocked',
    targetMode: 'container-virtualization',
  }),
  // Stored by an older rule set: the two questions are not answered yet.
  portfolioRow('d', {
    owner: 'group:default/team-b',
    mode: 'virtualized-container',
    upgradeLevel: undefined,
    migrationLevel: undefined,
  }),
];

describe('filterWithFacets', () => {
  it('counts each facet with every filter except its own, so picking a value does not shrink the facet it was picked in', () => {
    const { rows: matching, facets } = filterWithFacets(
      rows,
      portfolioQuery({ mode: 'bare-metal-container', owner: 'team-a' }),
    );
    expect(matching.map(r => r.name)).toEqual(['a']);
    // Owner team-a alone: a and b.
    expect(facets.mode).toEqual({
      'bare-metal-container': 1,
      'virtualized-container': 0,
      'container-virtualization': 1,
      unknown: 0,
    });
    // Mode bare-metal alone: a and c.
    expect(facets.owner).toEqual({
      'group:default/team-a': 1,
      'group:default/team-b': 1,
    });
    // Both filters: a alone.
    expect(facets.level).toEqual({
      ready: 1,
      'ready-with-warnings': 0,
      blocked: 0,
      unknown: 0,
    });
    expect(facets.upgradeLevel).toMatchObject({ clean: 1, 'broken-now': 0 });
  });

  it('counts the planned-move filter in the migration facet, an unanswered row as no move and upgrade unknown', () => {
    const { rows: matching, facets } = filterWithFacets(
      rows,
      portfolioQuery({ migration: 'planned' }),
    );
    expect(matching.map(r => r.name)).toEqual(['c']);
    expect(facets.migrationLevel).toEqual({
      blocked: 1,
      'ready-with-warnings': 0,
      unknown: 0,
      ready: 0,
      none: 3,
    });
    expect(facets.upgradeLevel).toMatchObject({ 'breaks-at-upgrade': 1 });

    const all = filterWithFacets(rows, portfolioQuery()).facets;
    expect(all.upgradeLevel).toEqual({
      clean: 1,
      deprecated: 0,
      'breaks-at-upgrade': 1,
      'broken-now': 1,
      unknown: 1,
    });
    expect(all.category).toMatchObject({
      'api-compatibility': 1,
      'live-migration': 1,
      hardware: 0,
    });
  });

  it('counts nothing a free-text search rejects, and filters exactly as the filters alone do', () => {
    const query = portfolioQuery({ q: 'no-such-component', mode: 'unknown' });
    const { rows: matching, facets } = filterWithFacets(rows, query);
    expect(matching).toEqual([]);
    expect(Object.values(facets.mode).every(count => count === 0)).toBe(true);
    expect(facets.owner).toEqual({});

    const filters: Array<Record<string, string | string[]>> = [
      { owner: 'team-b' },
      { upgradeLevel: ['broken-now', 'clean'] },
      { migration: 'none' },
      { migrationLevel: 'blocked' },
      { category: 'live-migration', lifecycle: 'production' },
    ];
    for (const params of filters) {
      const parsed = portfolioQuery(params);
      expect(filterWithFacets(rows, parsed).rows).toEqual(
        filterRows(rows, parsed),
      );
    }
  });
});
