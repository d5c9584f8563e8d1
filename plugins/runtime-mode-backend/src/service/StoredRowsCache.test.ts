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

import { TestDatabases } from '@backstage/backend-test-utils';
import { evaluate } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { DEPLOYMENT } from '../testUtils/fixtures';
import { StoredRowsCache, trendStart } from './StoredRowsCache';

describe('StoredRowsCache', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('serves rows from memory until the database changes', async () => {
    const knex = await databases.init('SQLITE_3');
    await DatabaseEvaluationStore.migrateUp(knex);
    const store = DatabaseEvaluationStore.fromClient(knex);
    const listRows = jest.spyOn(store, 'listRows');
    const cache = new StoredRowsCache(store);
    const result = evaluate({
      manifests: [{ path: 'd.yaml', content: DEPLOYMENT }],
    });
    const save = (name: string, at: string) =>
      store.saveResult({
        summary: {
          entityRef: `component:default/${name}`,
          namespace: 'default',
          name,
        },
        result,
        inputHash: name,
        evaluatedAt: new Date(at),
      });

    await save('a', '2026-11-01T00:00:00.000Z');
    expect((await cache.rows()).map(r => r.name)).toEqual(['a']);
    expect((await cache.rows()).map(r => r.name)).toEqual(['a']);
    expect(listRows).toHaveBeenCalledTimes(1);

    // A write loads only the rows written since the last read.
    await save('b', '2026-11-02T00:00:00.000Z');
    expect((await cache.rows()).map(r => r.name).sort()).toEqual(['a', 'b']);
    expect(listRows).toHaveBeenCalledTimes(2);
    expect(listRows).toHaveBeenLastCalledWith({
      checkedSince: expect.any(Date),
    });

    // A deletion makes it start over.
    await store.deleteEntities(['component:default/a']);
    expect((await cache.rows()).map(r => r.name)).toEqual(['b']);
    expect(listRows).toHaveBeenLastCalledWith();

    const since = trendStart(30, new Date('2026-11-10T12:00:00.000Z'));
    expect(since.toISOString()).toBe('2026-10-11T00:00:00.000Z');
    const listHistory = jest.spyOn(store, 'listHistorySince');
    expect(
      (await cache.historySince(since)).map(h => h.entityRef).sort(),
    ).toEqual(['component:default/a', 'component:default/b']);
    await save('c', '2026-11-03T00:00:00.000Z');
    expect(
      (await cache.historySince(since)).map(h => h.entityRef).sort(),
    ).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/c',
    ]);
    expect(listHistory).toHaveBeenLastCalledWith(since, {
      afterId: expect.any(Number),
    });
  });
});
