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
import { ConfigReader } from '@backstage/config';
import { DatabaseEvaluationStore } from '../../database/DatabaseEvaluationStore';
import { ChangingCatalog } from '../../testUtils/ChangingCatalog';
import { FakeScm } from '../../testUtils/FakeScm';
import { deploymentManifest, silentLogger } from '../../testUtils/estate';
import { EvaluationRefresher } from '../EvaluationRefresher';
import { ManifestReader } from '../ManifestReader';
import { readPluginConfig } from '../readPluginConfig';
import { CatalogChanges } from './CatalogChanges';

jest.setTimeout(60_000);

describe('CatalogChanges', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await DatabaseEvaluationStore.migrateUp(knex);
    const store = DatabaseEvaluationStore.fromClient(knex);
    const scm = new FakeScm();
    const catalog = new ChangingCatalog();
    const register = (names: string[]) => {
      for (const entity of scm.hostComponents(names, name => ({
        'deploy/app.yaml': deploymentManifest(name),
      }))) {
        catalog.set(entity);
      }
    };
    const config = readPluginConfig(
      new ConfigReader({
        runtimeMode: { apiPolicy: { targets: { k8s: '1.34' } } },
      }),
    );
    const auth = {
      getOwnServiceCredentials: async () => ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'service', subject: 'plugin:runtime-mode' },
      }),
    } as any;
    const refresher = new EvaluationRefresher({
      catalog: catalog.service,
      auth,
      store,
      reader: ManifestReader.fromConfig(config, {
        urlReader: scm,
        logger: silentLogger,
      }),
      config,
      logger: silentLogger,
    });
    const fullRefreshRequests: number[] = [];
    let fullRefreshScheduled = true;
    const changes = new CatalogChanges({
      catalog: catalog.service,
      auth,
      store,
      refresher,
      logger: silentLogger,
      requestFullRefresh: async () => {
        fullRefreshRequests.push(Date.now());
        return fullRefreshScheduled;
      },
    });
    const statusOf = async (name: string) =>
      (await store.getEvaluation(`component:default/${name}`))?.status;
    return {
      store,
      scm,
      catalog,
      register,
      refresher,
      changes,
      statusOf,
      fullRefreshRequests,
      withoutFullRefresh: () => {
        fullRefreshScheduled = false;
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'an unchanged catalog costs no SCM request, and the first pass after a full refresh only records etags, %p',
    async databaseId => {
      const { scm, register, refresher, changes } = await setup(databaseId);
      register(['a', 'b']);
      await refresher.refreshAll();
      const reads = scm.calls.length;

      expect(await changes.run()).toMatchObject({
        moved: 2,
        changed: 0,
        evaluated: 0,
      });
      expect(await changes.run()).toMatchObject({ moved: 0, changed: 0 });
      expect(scm.calls.length).toBe(reads);
    },
  );

  it.each(databases.eachSupportedId())(
    'a newly registered component is evaluated at the next pass, alone, %p',
    async databaseId => {
      const { scm, register, refresher, changes, statusOf } = await setup(
        databaseId,
      );
      register(['a', 'b']);
      await refresher.refreshAll();
      await changes.run();
      const reads = scm.calls.length;

      register(['c']);
      expect(await changes.run()).toMatchObject({
        moved: 1,
        changed: 1,
        evaluated: 1,
      });
      expect(await statusOf('c')).toBe('fresh');
      expect(scm.calls.slice(reads)).toEqual([
        'https://github.com/acme/c/blob/main/deploy/',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'an edited annotation is evaluated again; an edit the evaluation does not read is only recorded, %p',
    async databaseId => {
      const { store, scm, catalog, register, refresher, changes } = await setup(
        databaseId,
      );
      register(['a', 'b']);
      await refresher.refreshAll();
      await changes.run();
      const reads = scm.calls.length;
      const a = catalog.get('a');
      catalog.set({
        ...a,
        metadata: {
          ...a.metadata,
          annotations: {
            ...a.metadata.annotations,
            'runtime-mode.dev/target-mode': 'container-virtualization',
          },
        },
      });
      const b = catalog.get('b');
      catalog.set({
        ...b,
        metadata: {
          ...b.metadata,
          description: 'Only the description changed',
        },
      });

      expect(await changes.run()).toMatchObject({
        moved: 2,
        changed: 1,
        evaluated: 1,
      });
      expect(scm.calls.slice(reads)).toEqual([
        'https://github.com/acme/a/blob/main/deploy/',
      ]);
      const stored = await store.getEvaluation('component:default/a');
      expect(stored?.result?.readiness.targetMode).toBe(
        'container-virtualization',
      );
      expect(await changes.run()).toMatchObject({ moved: 0 });
    },
  );

  it.each(databases.eachSupportedId())(
    'components that appear after a start-up refresh saw an empty catalog are evaluated by the next pass, %p',
    async databaseId => {
      const { register, refresher, changes, statusOf } = await setup(
        databaseId,
      );
      expect((await refresher.refreshAll()).seen).toBe(0);

      register(['a', 'b', 'c']);
      expect(await changes.run()).toMatchObject({ evaluated: 3 });
      for (const name of ['a', 'b', 'c']) {
        expect(await statusOf(name)).toBe('fresh');
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'more changed components than one pass takes are left to the full refresh, or evaluated when there is none, %p',
    async databaseId => {
      const {
        scm,
        register,
        changes,
        statusOf,
        fullRefreshRequests,
        withoutFullRefresh,
      } = await setup(databaseId);
      const names = Array.from({ length: 201 }, (_, i) => `n${i}`);
      register(names);

      expect(await changes.run()).toMatchObject({
        changed: 201,
        evaluated: 0,
        handedToFullRefresh: true,
      });
      expect(fullRefreshRequests).toHaveLength(1);
      expect(scm.calls).toEqual([]);

      withoutFullRefresh();
      expect(await changes.run()).toMatchObject({
        changed: 201,
        evaluated: 201,
        handedToFullRefresh: false,
      });
      expect(await statusOf('n200')).toBe('fresh');
    },
  );
});
