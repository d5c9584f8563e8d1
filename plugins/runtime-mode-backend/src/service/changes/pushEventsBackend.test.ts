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
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import request from 'supertest';
import { runtimeModePlugin } from '../../plugin';
import { FakeScm } from '../../testUtils/FakeScm';
import { component, visibilityAwareCatalog } from '../../testUtils/fixtures';
import { deploymentManifest, oldIngressManifest } from '../../testUtils/estate';
import {
  githubEventsModules,
  githubPush,
  WEBHOOK_SECRET,
} from '../../testUtils/githubPush';

/**
 * The test backend's scheduler, which runs a task when it is triggered (and,
 * unless told otherwise, the tasks without initial delay at start-up). Its
 * `factory` is not in the package's published types.
 */
function manualScheduler() {
  return mockServices.scheduler() as SchedulerService & {
    factory(options?: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
  };
}

const homeOf = (repository: string) => ({
  'backstage.io/managed-by-location': `url:https://github.com/${repository}/blob/main/catalog-info.yaml`,
});

/**
 * The real events backend with its HTTP ingress and the GitHub module that
 * validates the webhook signature and publishes `github.push`, in front of
 * the Runtime Mode backend.
 */
async function startBackend(scm: FakeScm) {
  scm.setFiles('acme/shop', {
    'deploy/app.yaml': deploymentManifest('shop'),
    'jobs/cron.yaml': deploymentManifest('shop-jobs'),
  });
  scm.setFiles('acme/billing', {
    'deploy/app.yaml': deploymentManifest('billing'),
  });
  const entities = [
    component('shop', {
      manifests: 'deploy/',
      annotations: homeOf('acme/shop'),
    }),
    component('shop-jobs', {
      manifests: 'jobs/*.yaml',
      annotations: homeOf('acme/shop'),
    }),
    component('billing', {
      manifests: 'deploy/app.yaml',
      annotations: homeOf('acme/billing'),
    }),
  ];
  const scheduler = manualScheduler();
  const backend = await startTestBackend({
    features: [
      runtimeModePlugin,
      eventsPlugin,
      ...githubEventsModules(),
      eventsServiceFactory,
      scheduler.factory(),
      visibilityAwareCatalog(entities).factory,
      actionsRegistryServiceMock.factory(),
      createServiceFactory({
        service: coreServices.urlReader,
        deps: {},
        factory: () => scm,
      }),
      mockServices.rootConfig.factory({
        data: {
          events: {
            // One backend needs no event bus between replicas (and its long
            // poll would hold up the test backend's shutdown).
            useEventBus: 'never',
            modules: { github: { webhookSecret: WEBHOOK_SECRET } },
          },
          runtimeMode: { apiPolicy: { targets: { k8s: '1.34' } } },
        },
      }),
    ],
  });
  await scheduler.triggerTask('runtime-mode-refresh');
  return backend;
}

async function levelOf(server: any, name: string) {
  const res = await request(server)
    .get(`/api/runtime-mode/v1/entities/default/component/${name}`)
    .set('Authorization', mockCredentials.user.header());
  return res.body.result?.readiness.level;
}

function post(server: any, push: ReturnType<typeof githubPush>) {
  return request(server)
    .post('/api/events/http/github')
    .set(push.headers)
    .send(push.body);
}

describe('push events through the events backend', () => {
  it('a GitHub push refreshes exactly the entities whose manifests it changed', async () => {
    const scm = new FakeScm();
    const { server } = await startBackend(scm);
    expect(await levelOf(server, 'shop')).not.toBe('blocked');
    const before = scm.calls.length;

    scm.setFiles('acme/shop', {
      'deploy/app.yaml': `${deploymentManifest(
        'shop',
      )}---\n${oldIngressManifest('shop')}`,
      'jobs/cron.yaml': deploymentManifest('shop-jobs'),
    });
    const res = await post(
      server,
      githubPush({ repository: 'acme/shop', files: ['deploy/app.yaml'] }),
    );

    expect(res.status).toBe(202);
    // Only the component reading deploy/ was read again: not the one
    // reading jobs/ in the same repository, not the other repository's.
    expect(scm.calls.slice(before)).toEqual([
      'https://github.com/acme/shop/blob/main/deploy/',
    ]);
    expect(await levelOf(server, 'shop')).toBe('blocked');
  });

  it('a push to another branch, or of files no entity reads, refreshes nothing', async () => {
    const scm = new FakeScm();
    const { server } = await startBackend(scm);
    const before = scm.calls.length;

    await post(
      server,
      githubPush({
        repository: 'acme/shop',
        ref: 'feature/x',
        files: ['deploy/app.yaml'],
      }),
    ).expect(202);
    await post(
      server,
      githubPush({
        repository: 'acme/shop',
        files: ['README.md', 'jobs/notes.txt'],
        after: 'c'.repeat(40),
      }),
    ).expect(202);

    expect(scm.calls.slice(before)).toEqual([]);
  });

  it('a webhook whose signature does not match is refused and refreshes nothing', async () => {
    const scm = new FakeScm();
    const { server } = await startBackend(scm);
    const before = scm.calls.length;

    const res = await post(
      server,
      githubPush({
        repository: 'acme/shop',
        files: ['deploy/app.yaml'],
        secret: 'not-the-secret',
      }),
    );

    expect(res.status).toBe(403);
    expect(scm.calls.slice(before)).toEqual([]);
  });
});
