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
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
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
import eventsPlugin from '@backstage/plugin-events-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { runtimeModePlugin } from '../plugin';
import { ChangingCatalog } from '../testUtils/ChangingCatalog';
import { deploymentManifest, oldIngressManifest } from '../testUtils/estate';
import { FakeScm } from '../testUtils/FakeScm';
import {
  githubEventsModules,
  githubPush,
  WEBHOOK_SECRET,
} from '../testUtils/githubPush';
import { reportMeasurement } from '../testUtils/reliabilityReport';

jest.setTimeout(120_000);

/** Each plugin's own database, as in production: Runtime Mode's and the events backend's. */
function databasesOf(knex: { runtimeMode: Knex; events: Knex }) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory: ({ pluginMetadata }) =>
      mockServices.database({
        knex:
          pluginMetadata.getId() === 'events' ? knex.events : knex.runtimeMode,
      }),
  });
}

async function startReplica(
  knex: { runtimeMode: Knex; events: Knex },
  catalog: ChangingCatalog,
  scm: FakeScm,
) {
  return startTestBackend({
    features: [
      runtimeModePlugin,
      eventsPlugin,
      ...githubEventsModules(),
      eventsServiceFactory,
      schedulerServiceFactory,
      metricsServiceMock.factory(),
      actionsRegistryServiceMock.factory(),
      databasesOf(knex),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog.service,
      }),
      createServiceFactory({
        service: coreServices.urlReader,
        deps: {},
        factory: () => scm,
      }),
      mockServices.rootConfig.factory({
        data: {
          events: {
            // Each replica receives its own webhooks here; the bus between
            // replicas is not what is tested.
            useEventBus: 'never',
            modules: { github: { webhookSecret: WEBHOOK_SECRET } },
          },
          runtimeMode: {
            apiPolicy: { targets: { k8s: '1.34' } },
            schedule: {
              frequency: { hours: 1 },
              initialDelay: { seconds: 1 },
            },
            catalogChanges: {
              frequency: { seconds: 1 },
              initialDelay: { seconds: 1 },
            },
          },
        },
      }),
    ],
  });
}

async function waitFor(condition: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(200);
  }
  return condition();
}

/**
 * Two backends on one PostgreSQL database, each with the events backend and
 * the GitHub module: a push is handled once however many replicas it reaches,
 * and a newly registered component is evaluated once between them.
 */
describe('change triggers on two backends sharing one PostgreSQL database', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'a push delivered to both replicas refreshes its entity once; a new component is evaluated once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const events = await databases.init(databaseId);
      const scm = new FakeScm();
      const catalog = new ChangingCatalog();
      for (const entity of scm.hostComponents(['shop', 'billing'], name => ({
        'deploy/app.yaml': deploymentManifest(name),
      }))) {
        catalog.set(entity);
      }
      const levelOf = async (name: string) =>
        (
          await knex('runtime_mode_evaluations')
            .where({ entity_ref: `component:default/${name}` })
            .first('level', 'status')
        )?.level;
      const replicas = [
        await startReplica({ runtimeMode: knex, events }, catalog, scm),
        await startReplica({ runtimeMode: knex, events }, catalog, scm),
      ];
      try {
        expect(
          await waitFor(
            async () => (await levelOf('shop')) !== undefined,
            30_000,
          ),
        ).toBe(true);

        // A fix pushed to acme/shop; GitHub's delivery reaches one replica,
        // its redelivery the other.
        scm.setFiles('acme/shop', {
          'deploy/app.yaml': `${deploymentManifest(
            'shop',
          )}---\n${oldIngressManifest('shop')}`,
        });
        const readsBefore = scm.calls.length;
        const pushedAt = Date.now();
        const push = githubPush({
          repository: 'acme/shop',
          files: ['deploy/app.yaml'],
        });
        for (const { server } of replicas) {
          await request(server)
            .post('/api/events/http/github')
            .set(push.headers)
            .send(push.body)
            .expect(202);
        }
        expect(
          await waitFor(
            async () => (await levelOf('shop')) === 'blocked',
            60_000,
          ),
        ).toBe(true);
        const pushSeconds = (Date.now() - pushedAt) / 1000;
        expect(
          await waitFor(
            async () =>
              Number(
                (
                  await knex('runtime_mode_push_queue').count({ n: '*' })
                )[0].n,
              ) === 0,
            30_000,
          ),
        ).toBe(true);
        const shopReads = scm.calls
          .slice(readsBefore)
          .filter(url => url.includes('/acme/shop/'));
        expect(shopReads).toHaveLength(1);

        // A component registered while both replicas run.
        const registeredAt = Date.now();
        for (const entity of scm.hostComponents(['search'], name => ({
          'deploy/app.yaml': deploymentManifest(name),
        }))) {
          catalog.set(entity);
        }
        expect(
          await waitFor(
            async () => (await levelOf('search')) !== undefined,
            60_000,
          ),
        ).toBe(true);
        const registrationSeconds = (Date.now() - registeredAt) / 1000;
        await sleep(2500); // a few more passes on both replicas
        const searchReads = scm.calls.filter(url =>
          url.includes('/acme/search/'),
        );
        expect(searchReads).toHaveLength(1);
        expect(await levelOf('billing')).toBeDefined();

        reportMeasurement(
          'push and new component across two backends',
          databaseId,
          {
            pushDeliveries: replicas.length,
            shopReadsAfterPush: shopReads.length,
            secondsFromPushToResult: Math.round(pushSeconds * 10) / 10,
            newComponentReads: searchReads.length,
            secondsFromRegistrationToResult:
              Math.round(registrationSeconds * 10) / 10,
          },
        );
      } finally {
        for (const replica of replicas) await replica.stop();
      }
    },
  );
});
