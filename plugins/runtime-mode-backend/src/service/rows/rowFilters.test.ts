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
import { filterRows } from './rowFilters';

const rows = [
  portfolioRow('clean'),
  portfolioRow('broken', { upgradeLevel: 'broken-now', brokenNow: 2 }),
  portfolioRow('moving', {
    upgradeLevel: 'deprecated',
    migrationLevel: 'ready-with-warnings',
    targetMode: 'virtualized-container',
  }),
  portfolioRow('blocked-move', {
    migrationLevel: 'blocked',
    targetMode: 'container-virtualization',
  }),
  portfolioRow('pending', {
    status: 'pending',
    level: 'unknown',
    mode: 'unknown',
    upgradeLevel: undefined,
    migrationLevel: undefined,
  }),
];

const names = (params: Record<string, string | string[]>) =>
  filterRows(rows, portfolioQuery(params)).map(r => r.name);

describe('filterRows', () => {
  it('filters by upgrade level, a row without an answer being unknown', () => {
    expect(names({ upgradeLevel: 'broken-now' })).toEqual(['broken']);
    expect(names({ upgradeLevel: 'unknown,deprecated' })).toEqual([
      'moving',
      'pending',
    ]);
  });

  it('filters by a planned move or none, and by the level of the planned move', () => {
    expect(names({ migration: 'planned' })).toEqual(['moving', 'blocked-move']);
    expect(names({ migration: 'none' })).toEqual([
      'clean',
      'broken',
      'pending',
    ]);
    expect(names({ migrationLevel: ['blocked'] })).toEqual(['blocked-move']);
    expect(names({ migration: 'none', migrationLevel: 'blocked' })).toEqual([]);
  });

  it('rejects a level that does not exist', () => {
    expect(() => portfolioQuery({ upgradeLevel: 'fine' })).toThrow();
    expect(() => portfolioQuery({ migration: 'maybe' })).toThrow();
    expect(() => portfolioQuery({ migrationLevel: 'none' })).toThrow();
  });
});
