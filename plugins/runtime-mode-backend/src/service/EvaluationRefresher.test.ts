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

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { EvaluationRefresher } from './EvaluationRefresher';
import { ManifestReader } from './ManifestReader';
import { readPluginConfig } from './readPluginConfig';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  visibilityAwareCatalog,
} from '../testUtils/fixtures';

jest.setTimeout(60_000);

describe('EvaluationRefresher', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(options: { targets?: Record<string, string> } = {}) {
    const tree = createManifestTree({
      'a/deploy/web.yaml': DEPLOYMENT,
      'b/deploy/web.yaml': DEPLOYMENT,
      'c/deploy/web.yaml': DEPLOYMENT,
    });
    const entities = ['a', 'b', 'c'].map(name =>
      component(name, { root: `${tree.root}/${name}`, manifests: 'deploy/' }),
    );
    const { catalog } = visibilityAwareCatalog(entities);
    const knex = await databases.init('SQLITE_3');
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
          new ConfigReader({ runtimeMode: { apiPolicy: { targets } } }),
        ),
        logger,
      });
    return {
      tree,
      entities,
      catalog,
      store,
      reader,
      refresher: makeRefresher(options.targets ?? { k8s: '1.34' }),
      makeRefresher,
    };
  }

  it('re-evaluates only what changed', async () => {
    const { tree, store, refresher, makeRefresher } = await setup();
    try {
      expect(await refresher.refreshAll()).toMatchObject({
        seen: 3,
        evaluated: 3,
        unchanged: 0,
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
      expect(await store.getHistory('component:default/b', 10)).toHaveLength(2);
      expect(await store.getHistory('component:default/a', 10)).toHaveLength(1);

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
  });

  it('keeps the previous result, marked stale, when a source fails, and forgets removed entities', async () => {
    const { tree, store, refresher, catalog, entities, reader } = await setup();
    try {
      await refresher.refreshAll();
      const before = await store.getEvaluation('component:default/a');

      // The source of `a` fails (e.g. the SCM answers 503) while its manifest changed.
      tree.write('a/deploy/web.yaml', OLD_INGRESS);
      const realRead = reader.read.bind(reader);
      jest.spyOn(reader, 'read').mockImplementation(async (entity, previous) =>
        entity.metadata.name === 'a'
          ? {
              manifests: [],
              findings: [],
              unchanged: false,
              failure: 'GitHub answered 503',
            }
          : realRead(entity, previous),
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
      expect(recovered?.result?.objects.map(o => o.kind)).toEqual(['Ingress']);

      // Entity c leaves the catalog: its stored result goes too.
      const remaining = entities.filter(e => e.metadata.name !== 'c');
      const stream = catalog.streamEntities.getMockImplementation()!;
      catalog.streamEntities.mockImplementation((request, options) =>
        (async function* filtered() {
          for await (const page of stream(request, options)) {
            yield page.filter(e => remaining.includes(e));
          }
        })(),
      );
      expect(await refresher.refreshAll()).toMatchObject({ removed: 1 });
      expect(await store.getEvaluation('component:default/c')).toBeUndefined();
    } finally {
      tree.cleanup();
    }
  });

  it('keeps stored results when the catalog answers with no Component at all', async () => {
    const { tree, store, refresher, catalog } = await setup();
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
  });
});
