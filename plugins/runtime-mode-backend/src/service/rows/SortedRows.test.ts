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
import { rowComparator, sortRows } from './rowOrder';
import { SortedRows } from './SortedRows';

const levels = ['ready', 'blocked', 'ready-with-warnings', 'unknown'] as const;
const row = (i: number, revision = 0) =>
  portfolioRow(`svc-${String(i).padStart(5, '0')}`, {
    title: i % 3 ? `Service ${(i * 7 + revision) % 50}` : undefined,
    level: levels[(i + revision) % 4],
    score: (i * 13 + revision) % 100,
    critical: (i + revision) % 3,
    owner: `group:default/team-${(i + revision) % 5}`,
  });

/** The order after replacing `changed` (and adding new refs) in `before`. */
function replaced(
  before: ReturnType<typeof row>[],
  changed: ReturnType<typeof row>[],
  query: ReturnType<typeof portfolioQuery>,
) {
  const byRef = new Map(before.map(r => [r.entityRef, r]));
  const removed = changed.flatMap(r => byRef.get(r.entityRef) ?? []);
  for (const r of changed) byRef.set(r.entityRef, r);
  const start = SortedRows.of(sortRows(before, query));
  const next = start.replace(
    removed,
    sortRows(changed, query),
    rowComparator(query),
  );
  return { start, next, expected: sortRows([...byRef.values()], query) };
}

describe('SortedRows', () => {
  it.each(['name', 'score', 'level', 'owner', 'worst', 'critical'])(
    'gives the order a full sort gives after rows changed and were added, by %s',
    sort => {
      const before = Array.from({ length: 3000 }, (_, i) => row(i));
      const changed = [
        row(3, 1),
        row(40, 2),
        row(1777, 3),
        row(2999, 1),
        row(5000),
        row(5001),
      ];
      for (const order of ['asc', 'desc']) {
        const query = portfolioQuery({ sort, order });
        const { next, expected } = replaced(before, changed, query);
        expect(next?.toArray()).toEqual(expected);
        expect(next?.length).toBe(expected.length);
        expect([...next!]).toEqual(expected);
      }
    },
  );

  it('a write replaces only the chunks its rows leave or enter, and shares every other chunk', () => {
    const query = portfolioQuery({ sort: 'name' });
    const before = Array.from({ length: 10_000 }, (_, i) => row(i));
    // Same name, new level: the row stays in its place, in one chunk.
    const { start, next } = replaced(before, [row(5000, 1)], query);
    const shared = next!.chunks.filter(chunk => start.chunks.includes(chunk));
    expect(next!.chunks).toHaveLength(start.chunks.length);
    expect(shared).toHaveLength(start.chunks.length - 1);
    // The earlier value is unchanged: a request that holds it keeps its answer.
    expect(start.toArray()).toEqual(sortRows(before, query));
  });

  it('splits a chunk that grows past twice its size and drops one that empties', () => {
    const query = portfolioQuery({ sort: 'name' });
    const start = SortedRows.of(
      sortRows(
        Array.from({ length: 10 }, (_, i) => row(i)),
        query,
      ),
    );
    const compare = rowComparator(query);
    const many = sortRows(
      Array.from({ length: 5000 }, (_, i) => row(10 + i)),
      query,
    );
    const grown = start.replace([], many, compare)!;
    expect(grown.chunks.length).toBeGreaterThan(2);
    expect(Math.max(...grown.chunks.map(c => c.length))).toBeLessThanOrEqual(
      2048,
    );
    expect(grown.toArray()).toEqual(sortRows([...start, ...many], query));

    const emptied = grown.replace(grown.toArray(), [], compare)!;
    expect(emptied.chunks).toEqual([]);
    expect(emptied.length).toBe(0);
    expect(SortedRows.EMPTY.replace([], [row(1)], compare)?.toArray()).toEqual([
      row(1),
    ]);
  });

  it('answers undefined when a row to remove is not in the order, so the caller sorts again', () => {
    const query = portfolioQuery({ sort: 'name' });
    const start = SortedRows.of([row(1), row(2)]);
    // Equal fields, another object: not the row this order holds.
    expect(start.replace([row(1)], [], rowComparator(query))).toBeUndefined();
  });
});
