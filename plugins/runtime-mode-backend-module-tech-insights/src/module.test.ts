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
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
// The facts are read from the real Runtime Mode backend, in the same test backend.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import runtimeModePlugin from '@runtime-mode/backstage-plugin-runtime-mode-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import techInsightsModuleJsonRulesChecker from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import techInsightsModuleRuntimeModeFacts from './index';

jest.setTimeout(60_000);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const OLD_INGRESS = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  backend:
    serviceName: web
    servicePort: 80
`;

/** A Component whose manifests are the given files in a fresh folder. */
function componentWith(
  root: string,
  name: string,
  files: Record<string, string>,
  annotations: Record<string, string> = {},
): Entity {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, name, 'deploy'), { recursive: true });
    fs.writeFileSync(path.join(root, name, 'deploy', file), content);
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      annotations: {
        'backstage.io/managed-by-location': `file:${root}/${name}/catalog-info.yaml`,
        'runtime-mode.dev/manifests': 'deploy/',
        'runtime-mode.dev/clusters': 'bm',
        ...annotations,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/** The first example check of the README: nothing breaks at the planned upgrade. */
const UPGRADE_SAFE_CHECK = {
  type: 'json-rules-engine',
  name: 'Safe to upgrade the cluster',
  description: 'Every API it uses is still served at the target versions',
  factIds: ['runtimeModeFactRetriever'],
  rule: {
    conditions: {
      all: [
        {
          fact: 'upgradeLevel',
          operator: 'in',
          value: ['clean', 'deprecated'],
        },
      ],
    },
  },
};

/** The second example check of the README: a planned move is not blocked; no plan, no failure. */
const MOVE_NOT_BLOCKED_CHECK = {
  type: 'json-rules-engine',
  name: 'Planned move not blocked',
  description: 'A component with a planned move can make it',
  factIds: ['runtimeModeFactRetriever'],
  rule: {
    conditions: {
      all: [{ fact: 'migrationLevel', operator: 'notEqual', value: 'blocked' }],
    },
  },
};

describe('Runtime Mode facts in Tech Insights', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-ti-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function startPortal() {
    let scheduler: SchedulerService | undefined;
    const schedulerHandle = createBackendModule({
      pluginId: 'tech-insights',
      moduleId: 'test-scheduler-handle',
      register(env) {
        env.registerInit({
          deps: { s: coreServices.scheduler },
          async init({ s }) {
            scheduler = s;
          },
        });
      },
    });
    const entities = [
      componentWith(root, 'modern', { 'web.yaml': DEPLOYMENT }),
      componentWith(root, 'legacy', {
        'web.yaml': DEPLOYMENT,
        'ingress.yaml': OLD_INGRESS,
      }),
      // A move to KubeVirt its overhead budget cannot afford.
      componentWith(
        root,
        'moving',
        { 'web.yaml': DEPLOYMENT },
        {
          'runtime-mode.dev/target-mode': 'container-virtualization',
          'runtime-mode.dev/max-overhead': '1%',
        },
      ),
    ];
    const { server } = await startTestBackend({
      features: [
        runtimeModePlugin,
        techInsightsPlugin,
        techInsightsModuleJsonRulesChecker,
        techInsightsModuleRuntimeModeFacts,
        schedulerHandle,
        catalogServiceMock.factory({ entities }),
        actionsRegistryServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            runtimeMode: {
              schedule: false,
              catalogChanges: false,
              notifications: { enabled: false },
              clusters: [
                {
                  name: 'bm',
                  mode: 'bare-metal-container',
                  kubernetesVersion: '1.31',
                },
              ],
              apiPolicy: { targets: { k8s: '1.34' } },
              api: { forcedRefreshesPerMinute: 1000 },
            },
            techInsights: {
              factRetrievers: {
                runtimeModeFactRetriever: { cadence: '0 * * * *' },
              },
              factChecker: {
                checks: {
                  runtimeModeUpgradeSafe: UPGRADE_SAFE_CHECK,
                  runtimeModeMoveNotBlocked: MOVE_NOT_BLOCKED_CHECK,
                },
              },
            },
          },
        }),
      ],
    });
    for (const name of ['modern', 'legacy', 'moving']) {
      const res = await request(server).post(
        `/api/runtime-mode/v1/entities/default/component/${name}/refresh`,
      );
      expect(res.status).toBe(200);
    }
    await scheduler!.triggerTask('runtimeModeFactRetriever');
    return server;
  }

  /** The latest Runtime Mode facts Tech Insights stored for a component. */
  async function factsOf(
    server: Awaited<ReturnType<typeof startPortal>>,
    name: string,
  ) {
    const res = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({
        entity: `component:default/${name}`,
        ids: ['runtimeModeFactRetriever'],
      });
    expect(res.status).toBe(200);
    return res.body.runtimeModeFactRetriever.facts;
  }

  it('stores the verdicts as facts, and a JSON rules check on them passes and fails for real components', async () => {
    const server = await startPortal();

    expect(await factsOf(server, 'legacy')).toMatchObject({
      mode: 'bare-metal-container',
      // Its cluster runs 1.31: the Ingress API was removed in 1.22.
      upgradeLevel: 'broken-now',
      migrationLevel: 'none',
      targetMode: 'none',
      readinessLevel: 'blocked',
      removedApis: 1,
      apiCompatibilityCritical: 1,
      apiTargets: ['k8s@1.34'],
      stale: false,
    });

    const run = async (name: string, check: string) => {
      const res = await request(server)
        .post(`/api/tech-insights/checks/run/default/component/${name}`)
        .send({ checks: [check] });
      expect(res.status).toBe(200);
      return res.body[0].result;
    };
    expect(await run('modern', 'runtimeModeUpgradeSafe')).toBe(true);
    expect(await run('legacy', 'runtimeModeUpgradeSafe')).toBe(false);
    expect(await run('moving', 'runtimeModeUpgradeSafe')).toBe(true);

    // No move planned is not a blocked move, whatever the other concerns say.
    expect(await run('legacy', 'runtimeModeMoveNotBlocked')).toBe(true);
    expect(await run('moving', 'runtimeModeMoveNotBlocked')).toBe(false);
  });

  it('gives the planned move its own level and target mode', async () => {
    const server = await startPortal();
    expect(await factsOf(server, 'moving')).toMatchObject({
      upgradeLevel: 'clean',
      migrationLevel: 'blocked',
      targetMode: 'container-virtualization',
    });
  });
});
