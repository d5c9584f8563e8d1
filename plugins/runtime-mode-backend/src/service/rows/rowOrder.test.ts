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
import { sortRows } from './rowOrder';

const sorted = (
  rows: ReturnType<typeof portfolioRow>[],
  params: Record<string, string>,
) => sortRows(rows, portfolioQuery(params)).map(r => r.name);

describe('sortRows', () => {
  it('sorts the component column as displayed: the title where there is one, else the name, whatever the case', () => {
    const rows = [
      portfolioRow('zeta', { title: 'Alpha Service' }),
      portfolioRow('beta'),
      portfolioRow('alpha', { title: 'Gamma' }),
      portfolioRow('cart-service', { title: 'Cart Service' }),
    ];
    expect(sorted(rows, { sort: 'name' })).toEqual([
      'zeta',
      'beta',
      'cart-service',
      'alpha',
    ]);
    expect(sorted(rows, { sort: 'name', order: 'desc' })).toEqual([
      'alpha',
      'cart-service',
      'beta',
      'zeta',
    ]);
  });

  it('sorts modes by their label, as the table shows them', () => {
    const rows = [
      portfolioRow('u', { mode: 'unknown' }),
      portfolioRow('v', { mode: 'virtualized-container' }),
      portfolioRow('k', { mode: 'container-virtualization' }),
      portfolioRow('b', { mode: 'bare-metal-container' }),
    ];
    // Bare-metal containers, Containers on VMs, KubeVirt VMs, Unknown.
    expect(sorted(rows, { sort: 'mode' })).toEqual(['b', 'v', 'k', 'u']);
  });

  it('puts the worst first with sort=worst: broken now, breaks at the upgrade, a blocked migration, then the most critical concerns', () => {
    const rows = [
      portfolioRow('many-criticals', { critical: 5, level: 'blocked' }),
      portfolioRow('clean'),
      portfolioRow('blocked-move', {
        migrationLevel: 'blocked',
        critical: 1,
        level: 'blocked',
      }),
      portfolioRow('breaks-later', { upgradeLevel: 'breaks-at-upgrade' }),
      portfolioRow('broken-now', { upgradeLevel: 'broken-now' }),
      portfolioRow('warnings', { warning: 2, level: 'ready-with-warnings' }),
      portfolioRow('unanswered', { upgradeLevel: undefined }),
    ];
    expect(sorted(rows, { sort: 'worst' })).toEqual([
      'broken-now',
      'breaks-later',
      'blocked-move',
      'many-criticals',
      'warnings',
      'clean',
      'unanswered',
    ]);
  });

  it('keeps sorting by name when no sort is asked for (v1 default)', () => {
    const rows = [
      portfolioRow('b', { upgradeLevel: 'broken-now' }),
      portfolioRow('a'),
    ];
    expect(sorted(rows, {})).toEqual(['a', 'b']);
  });

  it('sorts upgrade and migration levels worst first, no move planned last, and top blockers by their text', () => {
    const rows = [
      portfolioRow('clean'),
      portfolioRow('unknown', { upgradeLevel: 'unknown' }),
      portfolioRow('deprecated', {
        upgradeLevel: 'deprecated',
        migrationLevel: 'ready',
        topBlocker: { ruleId: 'api-deprecated', message: 'Uses a beta API' },
      }),
      portfolioRow('broken', {
        upgradeLevel: 'broken-now',
        migrationLevel: 'blocked',
        topBlocker: { ruleId: 'api-removed', message: 'uses a removed API' },
      }),
    ];
    expect(sorted(rows, { sort: 'upgradeLevel' })).toEqual([
      'broken',
      'deprecated',
      'unknown',
      'clean',
    ]);
    expect(sorted(rows, { sort: 'migrationLevel' })).toEqual([
      'broken',
      'deprecated',
      'clean',
      'unknown',
    ]);
    expect(sorted(rows, { sort: 'topBlocker' })).toEqual([
      'clean',
      'unknown',
      'deprecated',
      'broken',
    ]);
  });
});
