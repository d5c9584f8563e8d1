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
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/** The example check of the README: no API removed at the targets, and not blocked. */
const UPGRADE_SAFE_CHECK = {
  type: 'json-rules-engine',
  name: 'Safe to upgrade the cluster',
  description: 'No API removed at the target versions, and not blocked',
  factIds: ['runtimeModeFactRetriever'],
  rule: {
    conditions: {
      all: [
        { fact: 'removedApis', operator: 'equal', value: 0 },
        { fact: 'readinessLevel', operator: 'notEqual', value: 'blocked' },
      ],
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
                checks: { runtimeModeUpgradeSafe: UPGRADE_SAFE_CHECK },
              },
            },
          },
        }),
      ],
    });
    for (const name of ['modern', 'legacy']) {
      const res = await request(server).post(
        `/api/runtime-mode/v1/entities/default/component/${name}/refresh`,
      );
      expect(res.status).toBe(200);
    }
    await scheduler!.triggerTask('runtimeModeFactRetriever');
    return server;
  }

  it('stores the verdicts as facts, and a JSON rules check on them passes and fails for real components', async () => {
    const server = await startPortal();

    const facts = await request(server)
      .get('/api/tech-insights/facts/latest')
      .query({
        entity: 'component:default/legacy',
        ids: ['runtimeModeFactRetriever'],
      });
    expect(facts.status).toBe(200);
    expect(facts.body.runtimeModeFactRetriever.facts).toMatchObject({
      mode: 'bare-metal-container',
      readinessLevel: 'blocked',
      removedApis: 1,
      apiCompatibilityCritical: 1,
      apiTargets: ['k8s@1.34'],
      stale: false,
    });

    const run = async (name: string) => {
      const res = await request(server)
        .post(`/api/tech-insights/checks/run/default/component/${name}`)
        .send({ checks: ['runtimeModeUpgradeSafe'] });
      expect(res.status).toBe(200);
      return res.body[0].result;
    };
    expect(await run('modern')).toBe(true);
    expect(await run('legacy')).toBe(false);
  });
});
