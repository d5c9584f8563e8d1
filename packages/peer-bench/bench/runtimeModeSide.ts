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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import runtimeModePlugin from '@runtime-mode/backstage-plugin-runtime-mode-backend';
import {
  call,
  indexedCatalog,
  manualScheduler,
  measureEntityCalls,
  measureViews,
  peakRssMiB,
  SideResult,
  timed,
  Workload,
} from './measure';

/**
 * Runtime Mode as an adopter installs it: the published plugin behind its
 * REST API, SQLite in memory, the estate in the catalog. "Evaluate
 * everything" is one run of its scheduled refresh (read every manifest from
 * disk, evaluate, store); the portfolio view is `GET /v1/portfolio`, one
 * component `GET /v1/entities/...`.
 */
export async function runRuntimeMode(
  entities: Entity[],
  workload: Workload,
): Promise<SideResult> {
  const scheduler = manualScheduler();
  const backend = await startTestBackend({
    features: [
      runtimeModePlugin,
      indexedCatalog(entities),
      actionsRegistryServiceMock.factory(),
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          runtimeMode: {
            clusters: [
              {
                name: 'bm-prod',
                mode: 'bare-metal-container',
                kubernetesVersion: '1.31',
              },
              {
                name: 'kv-prod',
                mode: 'container-virtualization',
                kubernetesVersion: '1.32',
                kubevirtVersion: '1.5.0',
                hardwareVirtualization: true,
              },
            ],
            apiPolicy: { targets: { k8s: '1.34', kubevirt: '1.6.0' } },
            catalogChanges: false,
            pushEvents: false,
          },
        },
      }),
    ],
  });
  try {
    const [, evaluateAllMs] = await timed(() =>
      scheduler.triggerTask('runtime-mode-refresh'),
    );
    const views = await measureViews(workload.portfolioViews, () =>
      call(backend, 'GET', '/api/runtime-mode/v1/portfolio'),
    );
    const calls = await measureEntityCalls(
      entities,
      workload.entityCalls,
      name =>
        call(
          backend,
          'GET',
          `/api/runtime-mode/v1/entities/default/component/${name}`,
        ),
    );
    const exported = JSON.parse(
      await call(
        backend,
        'GET',
        '/api/runtime-mode/v1/portfolio/export?format=json',
      ),
    ) as { items: Array<{ entityRef: string; level: string }> };
    const evaluated = exported.items.filter(r => r.level !== 'unknown');
    if (evaluated.length !== entities.length) {
      throw new Error(
        `Runtime Mode evaluated ${evaluated.length} of ${entities.length} components`,
      );
    }
    const removed = await removedApiComponents(backend);
    return {
      tool: 'Runtime Mode',
      components: entities.length,
      evaluateAllMs,
      ...views,
      ...calls,
      peakRssMiB: peakRssMiB(),
      removedApiComponents: removed,
    };
  } finally {
    await backend.stop();
  }
}

/** Components that break at Kubernetes 1.34 (an API removed by then), from the blast radius. */
async function removedApiComponents(
  backend: Awaited<ReturnType<typeof startTestBackend>>,
) {
  const body = JSON.parse(
    await call(
      backend,
      'GET',
      '/api/runtime-mode/v1/blast-radius?component=k8s&version=1.34&pageSize=1',
    ),
  ) as { breaking: number };
  return body.breaking;
}
