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

import { DataVersion } from '../database/EvaluationStore';
import { IncrementalTable } from './IncrementalTable';

/** A table over an in-memory "database" with change numbers. */
function tableOver(writes: 'patch' | 'copy') {
  let seq = 0;
  let removedSeq = 0;
  const stored = new Map<string, { value: string; seq: number }>();
  const reads: Array<number | undefined> = [];
  const table = new IncrementalTable<string>(
    async options => {
      reads.push(options?.changedAfter);
      return [...stored]
        .filter(([, row]) => row.seq > (options?.changedAfter ?? 0))
        .map(([key, row]) => [key, row.value] as [string, string]);
    },
    { writes },
  );
  const version = (): DataVersion => ({
    changeSeq: seq,
    rowsRemovedSeq: removedSeq,
    historyRemovedSeq: 0,
  });
  return {
    table,
    reads,
    version,
    write: (key: string, value: string) => {
      stored.set(key, { value, seq: ++seq });
    },
    remove: (key: string) => {
      stored.delete(key);
      removedSeq = ++seq;
    },
  };
}

describe('IncrementalTable', () => {
  /** Rows nobody writes again: a patch covers at most a quarter of the table. */
  const withOthers = (db: ReturnType<typeof tableOver>) => {
    for (let i = 0; i < 12; i++) db.write(`other-${i}`, 'unchanged');
    return db;
  };

  it('a write reads only the changed rows and patches the one map in place, keeping each value before and after', async () => {
    const db = withOthers(tableOver('patch'));
    db.write('a', 'a1');
    db.write('b', 'b1');
    const first = await db.table.at(db.version());
    first.derived.set('order', 'derived from a1, b1');

    db.write('a', 'a2');
    db.write('c', 'c1');
    const second = await db.table.at(db.version());
    expect(db.reads).toEqual([undefined, 14]);
    expect(second.byKey).toBe(first.byKey);
    expect(['a', 'b', 'c'].map(key => second.byKey.get(key))).toEqual([
      'a2',
      'b1',
      'c1',
    ]);
    expect(second.updated?.derived.get('order')).toBe('derived from a1, b1');
    expect([...second.updated!.changes]).toEqual([
      ['a', { before: 'a1', after: 'a2' }],
      ['c', { before: undefined, after: 'c1' }],
    ]);
    expect(db.table.latest).toBe(second);
    // Nothing written since: the same snapshot, nothing read.
    expect(await db.table.at(db.version())).toBe(second);
    expect(db.reads).toHaveLength(2);
  });

  it('carries the changes of snapshots nothing was derived from, so the last derived value is patched with all of them', async () => {
    const db = withOthers(tableOver('patch'));
    db.write('a', 'a1');
    const first = await db.table.at(db.version());
    first.derived.set('order', 'from a1');
    db.write('a', 'a2');
    await db.table.at(db.version());
    db.write('a', 'a3');
    db.write('b', 'b1');
    const third = await db.table.at(db.version());
    expect(third.updated?.derived.get('order')).toBe('from a1');
    expect([...third.updated!.changes]).toEqual([
      ['a', { before: 'a1', after: 'a3' }],
      ['b', { before: undefined, after: 'b1' }],
    ]);
  });

  it('with copies, each write makes a new map and the earlier snapshot keeps its values', async () => {
    const db = tableOver('copy');
    db.write('a', 'a1');
    const first = await db.table.at(db.version());
    db.write('a', 'a2');
    const second = await db.table.at(db.version());
    expect(second.byKey).not.toBe(first.byKey);
    expect(first.byKey.get('a')).toBe('a1');
    expect(second.byKey.get('a')).toBe('a2');
  });

  it('reads the whole table again after a removal, with nothing to patch', async () => {
    const db = tableOver('patch');
    db.write('a', 'a1');
    db.write('b', 'b1');
    const first = await db.table.at(db.version());
    first.derived.set('order', 'from a1, b1');
    db.remove('a');
    const second = await db.table.at(db.version());
    expect(db.reads).toEqual([undefined, undefined]);
    expect([...second.byKey.keys()]).toEqual(['b']);
    expect(second.updated).toBeUndefined();
    // The earlier snapshot's map was not touched.
    expect([...first.byKey.keys()]).toEqual(['a', 'b']);
  });

  it('stops patching when more than a quarter of the rows changed: deriving anew costs less', async () => {
    const db = tableOver('patch');
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      db.write(key, `${key}1`);
    }
    (await db.table.at(db.version())).derived.set('order', 'all');
    db.write('a', 'a2');
    db.write('b', 'b2');
    db.write('c', 'c2');
    expect((await db.table.at(db.version())).updated).toBeUndefined();
  });
});
