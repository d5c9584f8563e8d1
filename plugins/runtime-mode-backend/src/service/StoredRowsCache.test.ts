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

import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { evaluate } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import {
  DEPLOYMENT,
  OLD_INGRESS,
  resultWrite,
  staleWrite,
  summaryOf,
} from '../testUtils/fixtures';
import { StoredRowsCache, trendStart } from './StoredRowsCache';
import type { SortQuery } from './schemas';

jest.setTimeout(60_000);

const ok = evaluate({ manifests: [{ path: 'd.yaml', content: DEPLOYMENT }] });
const blocked = evaluate({
  manifests: [{ path: 'i.yaml', content: OLD_INGRESS }],
  options: { targets: { k8s: '1.22' } },
});

describe('StoredRowsCache', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await DatabaseEvaluationStore.migrateUp(knex);
    const store = DatabaseEvaluationStore.fromClient(knex);
    const save = (name: string, at: string, result = ok) =>
      store.writeBatch([
        resultWrite(summaryOf(name), result, { at: new Date(at) }),
      ]);
    return { store, save, cache: new StoredRowsCache(store) };
  }

  it.each(databases.eachSupportedId())(
    'serves rows from memory until the database changes, %p',
    async databaseId => {
      const { store, save, cache } = await setup(databaseId);
      const listRows = jest.spyOn(store, 'listRows');

      await save('a', '2026-11-01T00:00:00.000Z');
      expect((await cache.rows()).map(r => r.name)).toEqual(['a']);
      expect((await cache.rows()).map(r => r.name)).toEqual(['a']);
      expect(listRows).toHaveBeenCalledTimes(1);

      // A write loads only the rows written since the last read.
      await save('b', '2026-11-02T00:00:00.000Z');
      expect((await cache.rows()).map(r => r.name).sort()).toEqual(['a', 'b']);
      expect(listRows).toHaveBeenCalledTimes(2);
      expect(listRows).toHaveBeenLastCalledWith({
        changedAfter: expect.any(Number),
      });

      // A deletion makes it start over.
      await store.deleteEntities(['component:default/a']);
      expect((await cache.rows()).map(r => r.name)).toEqual(['b']);
      expect(listRows).toHaveBeenLastCalledWith(undefined);

      const since = trendStart(30, new Date('2026-11-10T12:00:00.000Z'));
      expect(since.toISOString()).toBe('2026-10-11T00:00:00.000Z');
      const listHistory = jest.spyOn(store, 'listHistorySince');
      expect(
        (await cache.historySince(since)).toArray().map(h => h.entityRef),
      ).toEqual(['component:default/b']);
      await save('c', '2026-11-03T00:00:00.000Z');
      expect(
        (await cache.historySince(since))
          .toArray()
          .map(h => h.entityRef)
          .sort(),
      ).toEqual(['component:default/b', 'component:default/c']);
      expect(listHistory).toHaveBeenLastCalledWith(since, {
        changedAfter: expect.any(Number),
      });
      // Nothing written since: no query but the change number.
      listHistory.mockClear();
      await cache.historySince(since);
      expect(listHistory).not.toHaveBeenCalled();
    },
  );

  it.each(databases.eachSupportedId())(
    'sorts the rows once per order asked for, and again only after a write, %p',
    async databaseId => {
      const { save, cache } = await setup(databaseId);
      await save('a', '2026-11-01T00:00:00.000Z');
      await save('b', '2026-11-01T00:00:00.000Z', blocked);
      const byLevel = { sort: 'level', order: 'asc' } as const;

      const names = async (order: SortQuery) =>
        (await cache.rowsInOrder(order)).order.toArray().map(r => r.name);
      const first = (await cache.rowsInOrder(byLevel)).order;
      expect(first.toArray().map(r => r.name)).toEqual(['b', 'a']);
      expect((await cache.rowsInOrder(byLevel)).order).toBe(first);
      expect(await names({ sort: 'name', order: 'desc' })).toEqual(['b', 'a']);

      await save('c', '2026-11-02T00:00:00.000Z', blocked);
      expect(await names(byLevel)).toEqual(['b', 'c', 'a']);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the APIs each entity uses up to date for the blast radius, reading only what changed, %p',
    async databaseId => {
      const { store, save, cache } = await setup(databaseId);
      const ingress = 'extensions/v1beta1\tIngress';
      await save('a', '2026-11-01T00:00:00.000Z');
      await save('b', '2026-11-01T00:00:00.000Z', blocked);
      expect(
        (await cache.apiUsage()).get('component:default/a')?.apiKinds,
      ).not.toContain(ingress);
      expect(
        (await cache.apiUsage()).get('component:default/b')?.apiKinds,
      ).toContain(ingress);

      const listApiUsage = jest.spyOn(store, 'listApiUsage');
      await save('a', '2026-11-02T00:00:00.000Z', blocked);
      expect(
        (await cache.apiUsage()).get('component:default/a')?.apiKinds,
      ).toContain(ingress);
      expect(listApiUsage).toHaveBeenLastCalledWith({
        changedAfter: expect.any(Number),
      });

      await store.deleteEntities(['component:default/b']);
      expect([...(await cache.apiUsage()).keys()]).toEqual([
        'component:default/a',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'picks up a batch that commits after a newer write was read, %p',
    async databaseId => {
      const { store, save, cache } = await setup(databaseId);
      const since = trendStart(30, new Date('2026-11-10T12:00:00.000Z'));
      await store.writeBatch([
        staleWrite(
          summaryOf('late'),
          'not read yet',
          new Date('2026-11-05T09:00:00.000Z'),
        ),
      ]);
      // A forced refresh of `a` commits and a reader sees it ...
      await save('a', '2026-11-05T10:05:00.000Z');
      expect((await cache.rows()).map(r => [r.name, r.level]).sort()).toEqual([
        ['a', ok.readiness.level],
        ['late', 'unknown'],
      ]);
      expect((await cache.historySince(since)).length).toBe(1);
      // ... then a scheduled batch evaluated minutes earlier commits.
      await save('late', '2026-11-05T10:00:00.000Z', blocked);

      const late = (await cache.rows()).find(r => r.name === 'late');
      expect(late).toMatchObject({ level: 'blocked', status: 'fresh' });
      // Both points, in the order they were evaluated (the trend's order).
      expect(
        (await cache.historySince(since))
          .toArray()
          .map(h => [h.entityRef, h.level]),
      ).toEqual([
        ['component:default/late', 'blocked'],
        ['component:default/a', ok.readiness.level],
      ]);
    },
  );
});
