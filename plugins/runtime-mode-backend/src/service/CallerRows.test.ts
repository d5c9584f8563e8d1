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

import { portfolioRow } from '../testUtils/rows';
import { CallerRows } from './CallerRows';
import { rowComparator, sortRows } from './rows/rowOrder';
import { SortedRows } from './rows/SortedRows';
import type { SortQuery } from './schemas';

const byName: SortQuery = { sort: 'name', order: 'asc' };
const rows = Array.from({ length: 9000 }, (_, i) =>
  portfolioRow(`svc-${String(i).padStart(4, '0')}`, {
    system: i % 2 ? 'system:default/open' : 'system:default/closed',
    domain: 'domain:default/d',
  }),
);
// Every third component, and one of the two Systems.
const view = {
  components: new Set(rows.filter((_, i) => i % 3 === 0).map(r => r.entityRef)),
  systems: new Set(['system:default/open']),
};
const estate = (all: typeof rows) => ({
  order: SortedRows.of(sortRows(all, byName)),
  byRef: new Map(all.map(r => [r.entityRef, r])),
  version: 1,
});
const names = (caller: CallerRows) => caller.toArray().map(r => r.name);

describe('CallerRows', () => {
  it('walks only the rows the caller may read, with the domain shown only for a System the caller may read', () => {
    const caller = CallerRows.seenBy(view, estate(rows));
    expect(caller.length).toBe(3000);
    const seen = caller.toArray();
    expect(seen.every(r => view.components.has(r.entityRef))).toBe(true);
    expect(
      seen.every(r =>
        r.system === 'system:default/open'
          ? r.domain === 'domain:default/d'
          : r.domain === undefined,
      ),
    ).toBe(true);
    expect(caller.get(rows[1].entityRef)).toBeUndefined();
    expect(caller.get(rows[3].entityRef)?.domain).toBe('domain:default/d');
    // Asked again for the same order: the same copy, walked again.
    expect(CallerRows.seenBy(view, estate(rows)).length).toBe(3000);
  });

  it("makes the caller's copy of an order after a write from the copy before it, with the written rows only", () => {
    const before = estate(rows);
    const first = CallerRows.seenBy(view, before);
    const changed = [
      portfolioRow('svc-0003', {
        system: 'system:default/open',
        level: 'blocked',
      }),
      portfolioRow('svc-0004', { system: 'system:default/open' }),
      portfolioRow('svc-9999', { system: 'system:default/closed' }),
    ];
    const byRef = new Map(before.byRef);
    const removed = changed.flatMap(r => byRef.get(r.entityRef) ?? []);
    for (const r of changed) byRef.set(r.entityRef, r);
    const compare = rowComparator(byName);
    const added = sortRows(changed, byName);
    const order = before.order.replace(removed, added, compare)!;
    const after = CallerRows.seenBy(view, {
      order,
      byRef,
      version: 2,
      patch: { from: before.order, removed, added, compare },
    });
    const expected = CallerRows.seenBy(view, {
      order: SortedRows.of(sortRows([...byRef.values()], byName)),
      byRef,
      version: 2,
    });
    expect(names(after)).toEqual(names(expected));
    expect(names(after)).toContain('svc-0003');
    expect(names(after)).not.toContain('svc-0004');
    // Chunks the write did not touch are the caller's earlier ones.
    const earlier = new Set(
      (first as unknown as { order: SortedRows }).order.chunks,
    );
    const kept = (after as unknown as { order: SortedRows }).order.chunks;
    expect(kept).toHaveLength(3);
    expect(kept.filter(chunk => earlier.has(chunk))).toHaveLength(2);
  });
});
