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

import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceMock,
  metricsServiceMock,
} from '@backstage/backend-test-utils/alpha';
import { runtimeModePlugin } from '../plugin';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  visibilityAwareCatalog,
} from '../testUtils/fixtures';

jest.setTimeout(90_000);

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Two replicas on one PostgreSQL database, with Backstage's real scheduler:
 * the global refresh task must run once between them, not once per replica.
 */
describe('scheduled refresh across replicas', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  const tree = createManifestTree({ 'deploy/web.yaml': DEPLOYMENT });
  afterAll(() => tree.cleanup());

  it.each(databases.eachSupportedId())(
    'runs each scheduled refresh once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const entities = [
        component('web', { root: tree.root, manifests: 'deploy/' }),
      ];
      const runs: string[] = [];

      const startReplica = async (name: string) => {
        const { catalog, factory } = visibilityAwareCatalog(entities);
        const stream = catalog.streamEntities.getMockImplementation()!;
        // Only the scheduled refresh streams components in this test.
        catalog.streamEntities.mockImplementation((request, options) => {
          if ((request?.filter as { kind?: string })?.kind === 'Component') {
            runs.push(name);
          }
          return stream(request, options);
        });
        return startTestBackend({
          features: [
            runtimeModePlugin,
            factory,
            schedulerServiceFactory,
            metricsServiceMock.factory(),
            actionsRegistryServiceMock.factory(),
            mockServices.database.factory({ knex }),
            mockServices.rootConfig.factory({
              data: {
                runtimeMode: {
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 1 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            }),
          ],
        });
      };

      const first = await startReplica('first');
      const second = await startReplica('second');
      try {
        for (let i = 0; i < 40 && runs.length === 0; i++) {
          await sleep(500);
        }
        expect(runs.length).toBe(1);
        // Longer than the scheduler's 5 s work-check interval: the other replica had its chance.
        await sleep(8_000);
        expect(runs).toHaveLength(1);
        const rows = await knex('runtime_mode_evaluations').select(
          'entity_ref',
          'status',
        );
        expect(rows).toEqual([
          { entity_ref: 'component:default/web', status: 'fresh' },
        ]);
      } finally {
        await first.stop();
        await second.stop();
      }
    },
  );
});
