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
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { DatabaseEvaluationStore } from '../../database/DatabaseEvaluationStore';
import { runtimeModePlugin } from '../../plugin';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  summaryOf,
  visibilityAwareCatalog,
} from '../../testUtils/fixtures';
import {
  NOTIFICATION_MAX_ATTEMPTS,
  NOTIFICATION_RETRY_AFTER_MS,
  OwnerNotifier,
} from './OwnerNotifier';
import {
  evaluate,
  readRuntimeModeConfig,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

jest.setTimeout(60_000);

const REFRESH = '/api/runtime-mode/v1/entities/default/component/web/refresh';

/** A notifications service that records what it was asked to send. */
function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    factory: createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({
        async send(options: NotificationSendOptions) {
          sent.push(options);
        },
      }),
    }),
  };
}

async function startPortal(options: { notifications?: boolean } = {}) {
  const tree = createManifestTree({ 'web/deploy/web.yaml': DEPLOYMENT });
  const { factory: catalog } = visibilityAwareCatalog([
    component('web', {
      root: `${tree.root}/web`,
      manifests: 'deploy/',
      owner: 'team-a',
      title: 'Web shop',
      annotations: { 'runtime-mode.dev/clusters': 'bm' },
    }),
  ]);
  const notifications = recordingNotifications();
  const { server } = await startTestBackend({
    features: [
      runtimeModePlugin,
      catalog,
      notifications.factory,
      actionsRegistryServiceMock.factory(),
      mockServices.rootConfig.factory({
        data: {
          runtimeMode: {
            schedule: false,
            catalogChanges: false,
            clusters: [
              {
                name: 'bm',
                mode: 'bare-metal-container',
                kubernetesVersion: '1.31',
              },
            ],
            apiPolicy: { targets: { k8s: '1.34' } },
            api: { readableCacheMs: 0, forcedRefreshesPerMinute: 1000 },
            ...(options.notifications === undefined
              ? {}
              : { notifications: { enabled: options.notifications } }),
          },
        },
      }),
    ],
  });
  const refresh = async () => {
    const res = await request(server).post(REFRESH);
    expect(res.status).toBe(200);
    return res.body.result.upgrade.level as string;
  };
  const writeManifest = (file: string, content?: string) => {
    const full = path.join(tree.root, 'web/deploy', file);
    if (content === undefined) fs.rmSync(full);
    else fs.writeFileSync(full, content);
  };
  return { sent: notifications.sent, refresh, writeManifest, tree };
}

describe('owner notifications', () => {
  it('notifies the owner once when an API its cluster no longer serves appears', async () => {
    const portal = await startPortal();
    try {
      expect(await portal.refresh()).toBe('clean');
      expect(portal.sent).toEqual([]);

      portal.writeManifest('ingress.yaml', OLD_INGRESS);
      expect(await portal.refresh()).toBe('broken-now');
      expect(portal.sent.map(s => s.payload.title)).toEqual([
        'Web shop uses extensions/v1beta1 Ingress, removed in Kubernetes v1.22.0',
      ]);
      expect(portal.sent[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: 'group:default/team-a' },
        payload: {
          severity: 'critical',
          topic: 'runtime-mode',
          link: '/catalog/default/component/web/runtime',
        },
      });

      await portal.refresh();
      await portal.refresh();
      expect(portal.sent).toHaveLength(1);
    } finally {
      portal.tree.cleanup();
    }
  });

  it('sends nothing when the component gets better', async () => {
    const portal = await startPortal();
    try {
      portal.writeManifest('ingress.yaml', OLD_INGRESS);
      expect(await portal.refresh()).toBe('broken-now');
      portal.writeManifest('ingress.yaml');
      expect(await portal.refresh()).toBe('clean');
      expect(portal.sent).toEqual([]);
    } finally {
      portal.tree.cleanup();
    }
  });

  it('sends nothing when runtimeMode.notifications.enabled is false', async () => {
    const portal = await startPortal({ notifications: false });
    try {
      await portal.refresh();
      portal.writeManifest('ingress.yaml', OLD_INGRESS);
      expect(await portal.refresh()).toBe('broken-now');
      expect(portal.sent).toEqual([]);
    } finally {
      portal.tree.cleanup();
    }
  });
});

/** `web` gaining an Ingress on extensions/v1beta1: one removal to notify. */
function removalChange() {
  const config = readRuntimeModeConfig({
    clusters: [
      { name: 'bm', mode: 'bare-metal-container', kubernetesVersion: '1.31' },
    ],
    apiPolicy: { targets: { k8s: '1.34' } },
  });
  const entity = {
    metadata: {
      name: 'web',
      annotations: { 'runtime-mode.dev/clusters': 'bm' },
    },
  };
  const before = evaluate({
    manifests: [{ path: 'web.yaml', content: DEPLOYMENT }],
    config,
    entity,
  });
  const after = evaluate({
    manifests: [
      { path: 'web.yaml', content: DEPLOYMENT },
      { path: 'ingress.yaml', content: OLD_INGRESS },
    ],
    config,
    entity,
  });
  return {
    summary: summaryOf('web', { owner: 'group:default/team-a' }),
    previous: { result: before, evaluatedAt: '2026-12-01T10:00:00.000Z' },
    result: after,
  };
}

describe('OwnerNotifier across replicas', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'sends an event once when two replicas see the same change, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await DatabaseEvaluationStore.migrateUp(knex);
      const store = DatabaseEvaluationStore.fromClient(knex);
      const sent: NotificationSendOptions[] = [];
      const replica = () =>
        new OwnerNotifier({
          notifications: { send: async options => void sent.push(options) },
          store,
          logger: mockServices.logger.mock(),
        });
      const change = removalChange();
      const counts = await Promise.all([
        replica().notify([change]),
        replica().notify([change]),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(sent.length);
      expect(sent.length).toBeGreaterThan(0);
      expect(new Set(sent.map(s => s.payload.scope)).size).toBe(sent.length);
      await knex.destroy();
    },
  );
});

describe('OwnerNotifier when the notifications backend fails', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  /** A notifier on a real store, with a clock and a backend that fails while `down` is true. */
  async function notifierWithFlakyBackend() {
    const knex = await databases.init('SQLITE_3');
    await DatabaseEvaluationStore.migrateUp(knex);
    const backend = { down: true, sent: [] as NotificationSendOptions[] };
    const clock = { now: Date.parse('2026-12-01T10:00:00.000Z') };
    const logger = mockServices.logger.mock();
    const notifier = new OwnerNotifier({
      notifications: {
        async send(options) {
          if (backend.down) throw new Error('connect ECONNREFUSED');
          backend.sent.push(options);
        },
      },
      store: DatabaseEvaluationStore.fromClient(knex),
      logger,
      now: () => clock.now,
    });
    return { notifier, backend, clock, logger, knex };
  }

  it('tries a failed send again five minutes later, and sends it once', async () => {
    const { notifier, backend, clock, knex } = await notifierWithFlakyBackend();
    expect(await notifier.notify([removalChange()])).toBe(0);

    backend.down = false;
    clock.now += 60_000;
    expect(await notifier.notify([])).toBe(0); // not due yet
    clock.now += NOTIFICATION_RETRY_AFTER_MS;
    expect(await notifier.notify([])).toBe(1);
    expect(backend.sent.map(s => s.payload.title)).toEqual([
      expect.stringContaining('extensions/v1beta1 Ingress'),
    ]);
    expect(backend.sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/team-a',
    });

    clock.now += 2 * NOTIFICATION_RETRY_AFTER_MS;
    expect(await notifier.notify([removalChange()])).toBe(0);
    expect(backend.sent).toHaveLength(1);
    await knex.destroy();
  });

  it('gives up after the last attempt and says so in the log', async () => {
    const { notifier, backend, clock, logger, knex } =
      await notifierWithFlakyBackend();
    await notifier.notify([removalChange()]);
    for (let attempt = 2; attempt <= NOTIFICATION_MAX_ATTEMPTS + 2; attempt++) {
      clock.now += NOTIFICATION_RETRY_AFTER_MS + 1000;
      await notifier.notify([]);
    }
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining(`after ${NOTIFICATION_MAX_ATTEMPTS} attempts`),
      expect.anything(),
    );
    backend.down = false;
    clock.now += NOTIFICATION_RETRY_AFTER_MS + 1000;
    expect(await notifier.notify([])).toBe(0);
    expect(backend.sent).toEqual([]);
    await knex.destroy();
  });
});
