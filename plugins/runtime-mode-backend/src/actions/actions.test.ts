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
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { EvaluationRefresher } from '../service/EvaluationRefresher';
import { EvaluationService } from '../service/EvaluationService';
import { ManifestReader } from '../service/ManifestReader';
import { ReadableEntities } from '../service/ReadableEntities';
import { StoredRowsCache } from '../service/StoredRowsCache';
import { readPluginConfig } from '../service/readPluginConfig';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  RESTRICTED_USER,
  visibilityAwareCatalog,
} from '../testUtils/fixtures';
import { createEvaluateManifestsAction } from './createEvaluateManifestsAction';
import { createGetEntityEvaluationAction } from './createGetEntityEvaluationAction';
import { createSummarisePortfolioAction } from './createSummarisePortfolioAction';

jest.setTimeout(60_000);

describe('actions', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const tree = createManifestTree({
    'ok/deploy/web.yaml': DEPLOYMENT,
    'old/deploy/ingress.yaml': OLD_INGRESS,
  });
  afterAll(() => tree.cleanup());

  async function setup(
    decision:
      | AuthorizeResult.ALLOW
      | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  ) {
    const entities = [
      component('ok', { root: `${tree.root}/ok`, manifests: 'deploy/' }),
      component('old', {
        root: `${tree.root}/old`,
        manifests: 'deploy/',
        owner: 'team-b',
      }),
    ];
    const { catalog } = visibilityAwareCatalog(entities, [
      'component:default/old',
    ]);
    const knex = await databases.init('SQLITE_3');
    await DatabaseEvaluationStore.migrateUp(knex);
    const store = DatabaseEvaluationStore.fromClient(knex);
    const config = readPluginConfig(
      new ConfigReader({
        runtimeMode: { apiPolicy: { targets: { k8s: '1.34' } } },
      }),
    );
    const auth = mockServices.auth();
    await new EvaluationRefresher({
      catalog,
      auth,
      store,
      reader: new ManifestReader({
        urlReader: mockServices.urlReader.mock(),
        logger: mockServices.logger.mock(),
        maxFiles: 10,
        maxFileBytes: 1_000_000,
      }),
      config,
      logger: mockServices.logger.mock(),
    }).refreshAll();
    const readable = new ReadableEntities({ catalog, cacheMs: 0 });
    const evaluations = new EvaluationService(store, config);
    const actionsRegistry = actionsRegistryServiceMock();
    createGetEntityEvaluationAction({
      auth,
      readable,
      evaluations,
      actionsRegistry,
    });
    createSummarisePortfolioAction({
      readable,
      rowsCache: new StoredRowsCache(store),
      plannedTargets: config.engine.apiPolicy.targets,
      actionsRegistry,
    });
    createEvaluateManifestsAction({
      permissions: mockServices.permissions({ result: decision }),
      evaluations,
      actionsRegistry,
    });
    return actionsRegistry;
  }

  it('get-entity-evaluation returns the stored result, for readable entities only', async () => {
    const actions = await setup();
    const { output } = await actions.invoke({
      id: 'test:get-entity-evaluation',
      input: { entityRef: 'old' },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({
      entityRef: 'component:default/old',
      status: 'fresh',
      level: 'blocked',
      findings: expect.arrayContaining([
        expect.objectContaining({
          severity: 'critical',
          category: 'api-compatibility',
        }),
      ]),
    });
    await expect(
      actions.invoke({
        id: 'test:get-entity-evaluation',
        input: { entityRef: 'component:default/old' },
        credentials: mockCredentials.user(RESTRICTED_USER),
      }),
    ).rejects.toThrow('No entity component:default/old was found');
    await expect(
      actions.invoke({
        id: 'test:get-entity-evaluation',
        input: { entityRef: 'component:default/nosuch' },
        credentials: mockCredentials.user(RESTRICTED_USER),
      }),
    ).rejects.toThrow('No entity component:default/nosuch was found');
    await expect(
      actions.invoke({
        id: 'test:get-entity-evaluation',
        input: { entityRef: 'system:default/shop' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow('Only components are evaluated');
  });

  it('summarise-portfolio counts only readable components', async () => {
    const actions = await setup();
    const all = await actions.invoke({
      id: 'test:summarise-portfolio',
      input: {},
      credentials: mockCredentials.user(),
    });
    expect(all.output).toMatchObject({ total: 2, byLevel: { blocked: 1 } });
    expect((all.output as any).worst[0].entityRef).toBe(
      'component:default/old',
    );
    const restricted = await actions.invoke({
      id: 'test:summarise-portfolio',
      input: {},
      credentials: mockCredentials.user(RESTRICTED_USER),
    });
    expect(restricted.output).toMatchObject({
      total: 1,
      byLevel: { blocked: 0 },
    });
  });

  it('get-entity-evaluation and summarise-portfolio answer the two questions apart', async () => {
    const actions = await setup();
    const { output: entity } = await actions.invoke({
      id: 'test:get-entity-evaluation',
      input: { entityRef: 'old' },
      credentials: mockCredentials.user(),
    });
    expect(entity).toMatchObject({
      upgrade: {
        level: 'breaks-at-upgrade',
        breaksAtUpgrade: 1,
        brokenNow: 0,
        versions: [{ component: 'k8s', current: null, planned: '1.34' }],
      },
      migration: null,
      suggestion: null,
    });

    const { output: portfolio } = await actions.invoke({
      id: 'test:summarise-portfolio',
      input: { upgradeLevel: 'breaks-at-upgrade' },
      credentials: mockCredentials.user(),
    });
    expect(portfolio).toMatchObject({
      total: 1,
      byUpgradeLevel: { 'breaks-at-upgrade': 1, clean: 0 },
      byMigrationLevel: { none: 1 },
      plannedTargets: [{ component: 'k8s', version: '1.34' }],
      worst: [
        {
          entityRef: 'component:default/old',
          upgradeLevel: 'breaks-at-upgrade',
          migrationLevel: null,
          topBlocker: expect.stringMatching(/^api-removed: /),
        },
      ],
    });
  });

  it('evaluate-manifests evaluates posted text, behind the evaluate permission', async () => {
    const actions = await setup();
    const { output } = await actions.invoke({
      id: 'test:evaluate-manifests',
      input: {
        manifests: [{ path: 'i.yaml', content: OLD_INGRESS }],
        targets: { k8s: '1.22' },
      },
      credentials: mockCredentials.user(),
    });
    expect(output).toMatchObject({ level: expect.any(String) });
    expect((output as any).findings[0]).toMatchObject({ severity: 'critical' });

    const denied = await setup(AuthorizeResult.DENY);
    await expect(
      denied.invoke({
        id: 'test:evaluate-manifests',
        input: { manifests: [{ path: 'i.yaml', content: OLD_INGRESS }] },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow('runtime-mode.evaluation.run');
  });
});
