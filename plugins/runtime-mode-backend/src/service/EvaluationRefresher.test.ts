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

import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { EvaluationRefresher } from './EvaluationRefresher';
import { EntityRead, ManifestReader } from './ManifestReader';
import { readPluginConfig } from './readPluginConfig';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  refuseTitle,
  system,
  visibilityAwareCatalog,
} from '../testUtils/fixtures';

jest.setTimeout(60_000);

const failedRead = (failure: string): EntityRead => ({
  findings: [],
  sources: [{ status: 'failed', source: 'path:deploy/', failure }],
});

describe('EvaluationRefresher', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(
    databaseId: TestDatabaseId,
    options: {
      entities?: (root: string) => Entity[];
      config?: Record<string, unknown>;
    } = {},
  ) {
    const tree = createManifestTree({
      'a/deploy/web.yaml': DEPLOYMENT,
      'b/deploy/web.yaml': DEPLOYMENT,
      'c/deploy/web.yaml': DEPLOYMENT,
    });
    const entities =
      options.entities?.(tree.root) ??
      ['a', 'b', 'c'].map(name =>
        component(name, {
          root: `${tree.root}/${name}`,
          manifests: 'deploy/',
        }),
      );
    const { catalog } = visibilityAwareCatalog([
      ...entities,
      system('shop', 'commerce'),
    ]);
    const knex = await databases.init(databaseId);
    await DatabaseEvaluationStore.migrateUp(knex);
    const store = DatabaseEvaluationStore.fromClient(knex);
    const logger = mockServices.logger.mock();
    const reader = new ManifestReader({
      urlReader: mockServices.urlReader.mock(),
      logger,
      maxFiles: 50,
      maxFileBytes: 1_000_000,
    });
    const makeRefresher = (targets: Record<string, string>) =>
      new EvaluationRefresher({
        catalog,
        auth: mockServices.auth(),
        store,
        reader,
        config: readPluginConfig(
          new ConfigReader({
            runtimeMode: { apiPolicy: { targets }, ...options.config },
          }),
        ),
        logger,
      });
    return {
      knex,
      tree,
      entities,
      catalog,
      store,
      reader,
      refresher: makeRefresher({ k8s: '1.34' }),
      makeRefresher,
    };
  }

  it.each(databases.eachSupportedId())(
    're-evaluates only what changed, %p',
    async databaseId => {
      const { tree, store, refresher, makeRefresher } = await setup(databaseId);
      try {
        expect(await refresher.refreshAll()).toMatchObject({
          seen: 3,
          evaluated: 3,
          unchanged: 0,
          aborted: false,
        });
        expect(await refresher.refreshAll()).toMatchObject({
          seen: 3,
          evaluated: 0,
          unchanged: 3,
        });

        tree.write('b/deploy/web.yaml', `${DEPLOYMENT}---\n${OLD_INGRESS}`);
        expect(await refresher.refreshAll()).toMatchObject({
          evaluated: 1,
          unchanged: 2,
        });
        const b = await store.getEvaluation('component:default/b');
        expect(
          b?.result?.findings.some(
            f => f.kind === 'Ingress' && f.severity === 'critical',
          ),
        ).toBe(true);
        expect(b?.entityUid).toBe('uid-b');
        const history = (name: string) =>
          store.getHistory(
            {
              entityRef: `component:default/${name}`,
              entityUid: `uid-${name}`,
            },
            10,
          );
        expect(await history('b')).toHaveLength(2);
        expect(await history('a')).toHaveLength(1);

        // A config change (other targets) re-evaluates everything once.
        const other = makeRefresher({ k8s: '1.21' });
        expect(await other.refreshAll()).toMatchObject({ evaluated: 3 });
        expect(await other.refreshAll()).toMatchObject({
          evaluated: 0,
          unchanged: 3,
        });
      } finally {
        tree.cleanup();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the previous result, marked stale, when a source fails, and forgets removed entities with their history, %p',
    async databaseId => {
      const { tree, store, refresher, catalog, entities, reader } = await setup(
        databaseId,
      );
      try {
        await refresher.refreshAll();
        const before = await store.getEvaluation('component:default/a');

        // The source of `a` fails (e.g. the SCM answers 503) while its manifest changed.
        tree.write('a/deploy/web.yaml', OLD_INGRESS);
        const realRead = reader.read.bind(reader);
        jest
          .spyOn(reader, 'read')
          .mockImplementation(async (entity, previous, options) =>
            entity.metadata.name === 'a'
              ? failedRead('GitHub answered 503')
              : realRead(entity, previous, options),
          );
        expect(await refresher.refreshAll()).toMatchObject({
          stale: 1,
          unchanged: 2,
        });
        const after = await store.getEvaluation('component:default/a');
        expect(after).toMatchObject({
          status: 'stale',
          staleReason: 'GitHub answered 503',
        });
        expect(after?.result).toEqual(before?.result);

        // The source recovers: the new manifest is evaluated and the mark is cleared.
        jest.mocked(reader.read).mockImplementation(realRead);
        await refresher.refreshAll();
        const recovered = await store.getEvaluation('component:default/a');
        expect(recovered).toMatchObject({ status: 'fresh' });
        expect(recovered?.staleReason).toBeUndefined();
        expect(recovered?.result?.objects.map(o => o.kind)).toEqual([
          'Ingress',
        ]);

        // Entity c leaves the catalog: its stored result and history go too.
        const remaining = entities.filter(e => e.metadata.name !== 'c');
        const stream = catalog.streamEntities.getMockImplementation()!;
        catalog.streamEntities.mockImplementation((request, options) =>
          (async function* filtered() {
            for await (const page of stream(request, options)) {
              yield page.filter(
                e => e.kind !== 'Component' || remaining.includes(e),
              );
            }
          })(),
        );
        expect(await refresher.refreshAll()).toMatchObject({ removed: 1 });
        expect(
          await store.getEvaluation('component:default/c'),
        ).toBeUndefined();
        expect(
          await store.getHistory({ entityRef: 'component:default/c' }, 10),
        ).toEqual([]);
      } finally {
        tree.cleanup();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps stored results when the catalog answers with no Component at all, %p',
    async databaseId => {
      const { tree, store, refresher, catalog } = await setup(databaseId);
      try {
        await refresher.refreshAll();
        expect(await store.getEvaluation('component:default/a')).toBeDefined();

        // A catalog still loading (or misconfigured) lists nothing.
        catalog.streamEntities.mockImplementation(() =>
          (async function* empty() {})(),
        );
        expect(await refresher.refreshAll()).toMatchObject({
          seen: 0,
          removed: 0,
        });
        expect(await store.getEvaluation('component:default/a')).toBeDefined();
      } finally {
        tree.cleanup();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'stops at the abort signal, keeps what it evaluated and deletes nothing, %p',
    async databaseId => {
      const names = Array.from({ length: 20 }, (_, i) => `s${i}`);
      const { tree, store, refresher, reader } = await setup(databaseId, {
        entities: root =>
          names.map(name =>
            component(name, { root: `${root}/${name}`, manifests: 'deploy/' }),
          ),
      });
      try {
        for (const name of names) {
          tree.write(`${name}/deploy/web.yaml`, DEPLOYMENT);
        }
        await refresher.refreshAll();
        for (const name of names) {
          tree.write(`${name}/deploy/web.yaml`, OLD_INGRESS);
        }
        const controller = new AbortController();
        const realRead = reader.read.bind(reader);
        const read = jest
          .spyOn(reader, 'read')
          .mockImplementation(async (entity, previous, options) => {
            const result = await realRead(entity, previous, options);
            // The scheduler's timeout fires once the first entity is read.
            controller.abort();
            return result;
          });
        const deleteEntities = jest.spyOn(store, 'deleteEntities');
        const pruneHistory = jest.spyOn(store, 'pruneHistory');

        const stats = await refresher.refreshAll({ signal: controller.signal });
        expect(stats).toMatchObject({ aborted: true });
        expect(read.mock.calls[0][2]?.signal).toBe(controller.signal);
        // Reads already in flight may finish; none starts after the abort.
        expect(read.mock.calls.length).toBeLessThanOrEqual(8);
        expect(stats.seen).toBeGreaterThanOrEqual(1);
        expect(stats.evaluated).toBe(stats.seen);
        expect(deleteEntities).not.toHaveBeenCalled();
        expect(pruneHistory).not.toHaveBeenCalled();
        const rows = await store.listRows();
        expect(rows).toHaveLength(20);
        expect(rows.filter(r => r.critical > 0).length).toBe(stats.evaluated);

        // The next run completes what the aborted one left.
        read.mockImplementation(realRead);
        expect(await refresher.refreshAll()).toMatchObject({
          aborted: false,
          evaluated: 20 - stats.evaluated,
        });
      } finally {
        tree.cleanup();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'stores every other entity when one cannot be stored, and records its error, %p',
    async databaseId => {
      const { knex, tree, store, refresher } = await setup(databaseId, {
        entities: root =>
          ['a', 'b', 'c'].map(name =>
            component(name, {
              root: `${root}/${name}`,
              manifests: 'deploy/',
              title: name === 'b' ? 'poison' : `Service ${name}`,
            }),
          ),
      });
      try {
        await refuseTitle(knex);
        expect(await refresher.refreshAll()).toMatchObject({
          evaluated: 2,
          failed: 1,
        });
        expect(await store.getEvaluation('component:default/b')).toMatchObject({
          status: 'pending',
          staleReason: expect.stringContaining('refuses the title poison'),
        });
        expect(
          (await store.listRows()).filter(r => r.status === 'fresh'),
        ).toHaveLength(2);
        // The failed entity is tried again at the next run; the others are unchanged.
        expect(await refresher.refreshAll()).toMatchObject({
          unchanged: 2,
          failed: 1,
        });
      } finally {
        tree.cleanup();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'never overwrites a forced refresh with an older scheduled evaluation, %p',
    async databaseId => {
      const { tree, store, refresher, reader, entities } = await setup(
        databaseId,
      );
      try {
        let releaseScheduled = () => {};
        const scheduledRead = new Promise<void>(resolve => {
          releaseScheduled = resolve;
        });
        let started = () => {};
        const scheduledStarted = new Promise<void>(resolve => {
          started = resolve;
        });
        const realRead = reader.read.bind(reader);
        jest
          .spyOn(reader, 'read')
          .mockImplementation(async (entity, previous, options) => {
            const result = await realRead(entity, previous, options);
            if (entity.metadata.name === 'a' && options?.runBudget) {
              started();
              await scheduledRead;
            }
            return result;
          });
        // The scheduled run reads `a` (a Deployment) and waits ...
        const scheduled = refresher.refreshAll();
        await scheduledStarted;
        // ... while the file changes and a forced refresh stores a newer result.
        tree.write('a/deploy/web.yaml', OLD_INGRESS);
        await new Promise(resolve => setTimeout(resolve, 5));
        expect(
          await refresher.refreshEntity(entities[0], { force: true }),
        ).toBe('evaluated');
        releaseScheduled();
        expect(await scheduled).toMatchObject({ superseded: 1 });

        const a = await store.getEvaluation('component:default/a');
        expect(a?.result?.objects.map(o => o.kind)).toEqual(['Ingress']);
        expect(
          await store.getHistory({ entityRef: 'component:default/a' }, 10),
        ).toHaveLength(1);
      } finally {
        tree.cleanup();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'runs one forced refresh per entity at a time and looks up only its own System, %p',
    async databaseId => {
      const { tree, store, refresher, reader, catalog } = await setup(
        databaseId,
        {
          entities: root => [
            component('a', {
              root: `${root}/a`,
              manifests: 'deploy/',
              system: 'shop',
            }),
          ],
        },
      );
      try {
        const read = jest.spyOn(reader, 'read');
        catalog.getEntities.mockClear();
        catalog.streamEntities.mockClear();
        const entity = (await catalog.getEntityByRef('component:default/a'))!;
        const outcomes = await Promise.all([
          refresher.refreshEntity(entity, { force: true }),
          refresher.refreshEntity(entity, { force: true }),
          refresher.refreshEntity(entity, { force: true }),
        ]);
        expect(outcomes).toEqual(['evaluated', 'evaluated', 'evaluated']);
        expect(read).toHaveBeenCalledTimes(1);
        expect(catalog.getEntities).not.toHaveBeenCalled();
        expect(catalog.streamEntities).not.toHaveBeenCalled();
        expect(await store.getEvaluation('component:default/a')).toMatchObject({
          system: 'system:default/shop',
          domain: 'domain:default/commerce',
        });
        // Once it is done, the next request runs again.
        await refresher.refreshEntity(entity, { force: true });
        expect(read).toHaveBeenCalledTimes(2);

        // The scheduled run reads the Systems page by page, never all at once.
        await refresher.refreshAll();
        expect(catalog.getEntities).not.toHaveBeenCalled();
        expect(catalog.streamEntities).toHaveBeenCalledWith(
          expect.objectContaining({ filter: { kind: 'System' } }),
          expect.anything(),
        );
      } finally {
        tree.cleanup();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes history older than runtimeMode.history.retentionDays after a full run, %p',
    async databaseId => {
      const { tree, store, refresher } = await setup(databaseId, {
        config: { history: { retentionDays: 30 } },
      });
      try {
        const prune = jest.spyOn(store, 'pruneHistory');
        const before = Date.now();
        expect(await refresher.refreshAll()).toMatchObject({
          prunedHistory: 0,
        });
        const cutoff = prune.mock.calls[0][0].getTime();
        expect(before - cutoff).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
        expect(before - cutoff).toBeLessThan(31 * 86_400_000);
      } finally {
        tree.cleanup();
      }
    },
  );
});
