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
import { DatabaseEvaluationStore } from './DatabaseEvaluationStore';
import type { StoredSources } from './EvaluationStore';
import type { RepositoryPush } from '../service/changes/pushEvents';

const sources = (
  name: string,
  targets: string[],
  readAt: string,
): StoredSources => ({
  entityRef: `component:default/${name}`,
  entityHash: `e-${name}`,
  manifestsHash: 'm',
  records: targets.map(target => ({
    source: `url:${target}`,
    target,
    manifests: [],
    findings: [],
  })),
  readAt,
});

const push = (id: string): RepositoryPush => ({
  id,
  repository: 'github.com/acme/shop',
  refs: ['main'],
  paths: ['deploy/app.yaml'],
});

/** The store's part in push events and the catalog pass. */
describe('DatabaseEvaluationStore change triggers', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await DatabaseEvaluationStore.migrateUp(knex);
    return { knex, store: DatabaseEvaluationStore.fromClient(knex) };
  }

  it.each(databases.eachSupportedId())(
    'keeps the watched locations of each entity in step with its stored sources, and deletes them with it, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeBatch([
        {
          entityRef: 'component:default/shop',
          sources: sources(
            'shop',
            [
              'https://github.com/acme/shop/blob/main/deploy/',
              'https://github.com/acme/shop/blob/main/k8s/vm.yaml',
            ],
            '2026-12-01T10:00:00.000Z',
          ),
        },
      ]);
      expect(
        (await store.listWatchedLocations('github.com/acme/shop')).map(
          l => l.refPath,
        ),
      ).toEqual(expect.arrayContaining(['main/deploy', 'main/k8s/vm.yaml']));

      // The annotation now names another repository only.
      await store.writeBatch([
        {
          entityRef: 'component:default/shop',
          sources: sources(
            'shop',
            ['https://github.com/acme/platform/blob/main/shop/'],
            '2026-12-01T11:00:00.000Z',
          ),
        },
      ]);
      expect(await store.listWatchedLocations('github.com/acme/shop')).toEqual(
        [],
      );
      expect(
        await store.listWatchedLocations('github.com/acme/platform'),
      ).toEqual([
        {
          entityRef: 'component:default/shop',
          repository: 'github.com/acme/platform',
          refPath: 'main/shop',
          kind: 'tree',
        },
      ]);

      await store.deleteEntities(['component:default/shop']);
      expect(
        await store.listWatchedLocations('github.com/acme/platform'),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'indexes sources stored before locations were kept, once, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      for (const name of ['a', 'b', 'c']) {
        await knex('runtime_mode_sources').insert({
          entity_ref: `component:default/${name}`,
          entity_hash: 'e',
          manifests_hash: 'm',
          source_reads: JSON.stringify(
            sources(
              name,
              [`https://github.com/acme/${name}/blob/main/deploy/`],
              '',
            ).records,
          ),
          read_at: '2026-11-30T10:00:00.000Z',
          locations_indexed: false,
        });
      }

      expect(await store.indexWatchedLocations(2)).toBe(2);
      expect(await store.indexWatchedLocations(2)).toBe(1);
      expect(await store.indexWatchedLocations(2)).toBe(0);
      expect(await store.listWatchedLocations('github.com/acme/c')).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/c',
          refPath: 'main/deploy',
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'queues a push once however often it is delivered, and keeps it until it is removed, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.enqueuePush(push('p1'))).toBe(true);
      expect(await store.enqueuePush(push('p1'))).toBe(false);
      expect(await store.enqueuePush(push('p2'))).toBe(true);

      const queued = await store.nextPushes(10);
      expect(queued.map(q => q.push)).toEqual([push('p1'), push('p2')]);
      await store.removePush(queued[0].queueId);
      expect((await store.nextPushes(10)).map(q => q.push.id)).toEqual(['p2']);
    },
  );

  it.each(databases.eachSupportedId())(
    'records catalog etags, replaces them, and forgets them with the entity, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.setCatalogMarks([
        { entityRef: 'component:default/a', etag: '1' },
        { entityRef: 'component:default/b', etag: '1' },
      ]);
      await store.setCatalogMarks([
        { entityRef: 'component:default/a', etag: '2' },
      ]);
      await store.deleteEntities(['component:default/b']);
      expect(await store.getCatalogMarks()).toEqual(
        new Map([['component:default/a', '2']]),
      );
    },
  );
});
