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
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesCheckerModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { manifestsOf } from './estate';
import { CHECKS, manifestFacts } from './facts';
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

const RETRIEVER = 'runtimeModeManifestFacts';

/**
 * The retriever a Tech Insights user would write for the same question: for
 * each Component, read its manifests (from the same files Runtime Mode
 * reads) and turn them into facts.
 */
function manifestFactsModule(root: string) {
  return createBackendModule({
    pluginId: 'tech-insights',
    moduleId: 'peer-bench-manifest-facts',
    register(env) {
      env.registerInit({
        deps: {
          retrievers: techInsightsFactRetrieversExtensionPoint,
          catalog: catalogServiceRef,
          auth: coreServices.auth,
        },
        async init({ retrievers, catalog, auth }) {
          retrievers.addFactRetrievers({
            [RETRIEVER]: {
              id: RETRIEVER,
              version: '1.0.0',
              entityFilter: [{ kind: 'component' }],
              schema: Object.fromEntries(
                Object.values(CHECKS).map(([fact]) => [
                  fact,
                  { type: 'boolean', description: fact },
                ]),
              ),
              handler: async ({ entityFilter }) => {
                const { items } = await catalog.getEntities(
                  { filter: entityFilter },
                  { credentials: await auth.getOwnServiceCredentials() },
                );
                return items.map(entity => ({
                  entity: {
                    namespace: entity.metadata.namespace ?? 'default',
                    kind: entity.kind,
                    name: entity.metadata.name,
                  },
                  facts: {
                    ...manifestFacts(manifestsOf(root, entity.metadata.name)),
                  },
                }));
              },
            },
          });
        },
      });
    },
  });
}

/**
 * Tech Insights with its JSON rules checker, published versions, behind its
 * REST API, SQLite in memory. "Evaluate everything" is one run of the fact
 * retriever's scheduled task (read, parse, store facts); the portfolio view
 * is `POST /checks/run` for every entity, which its overview page calls and
 * which runs every check again; one component `POST /checks/run/:ns/:kind/:name`.
 */
export async function runTechInsights(
  root: string,
  entities: Entity[],
  workload: Workload,
): Promise<SideResult> {
  const scheduler = manualScheduler();
  const checks = Object.keys(CHECKS);
  const backend = await startTestBackend({
    features: [
      techInsightsPlugin,
      jsonRulesCheckerModule,
      manifestFactsModule(root),
      indexedCatalog(entities),
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          techInsights: {
            factRetrievers: {
              // Never due during the run: the benchmark starts it.
              [RETRIEVER]: { cadence: '0 3 * * *' },
            },
            factChecker: {
              checks: Object.fromEntries(
                Object.entries(CHECKS).map(([id, [fact, value]]) => [
                  id,
                  {
                    type: 'json-rules-engine',
                    name: id,
                    description: `${fact} is ${value}`,
                    factIds: [RETRIEVER],
                    rule: {
                      conditions: { all: [{ fact, operator: 'equal', value }] },
                    },
                  },
                ]),
              ),
            },
          },
        },
      }),
    ],
  });
  try {
    const [, evaluateAllMs] = await timed(() =>
      scheduler.triggerTask(RETRIEVER),
    );
    let lastView = '';
    const views = await measureViews(workload.portfolioViews, async () => {
      lastView = await call(backend, 'POST', '/api/tech-insights/checks/run', {
        checks,
        entities: [],
      });
      return lastView;
    });
    const rows = JSON.parse(lastView) as Array<{
      results: Array<{ check: { id: string }; result: boolean }>;
    }>;
    lastView = '';
    if (rows.length !== entities.length) {
      throw new Error(
        `Tech Insights checked ${rows.length} of ${entities.length} components`,
      );
    }
    const calls = await measureEntityCalls(
      entities,
      workload.entityCalls,
      name =>
        call(
          backend,
          'POST',
          `/api/tech-insights/checks/run/default/component/${name}`,
          {
            checks,
          },
        ),
    );
    const removed = rows.filter(row =>
      row.results.some(r => r.check.id === 'noRemovedApis' && !r.result),
    ).length;
    return {
      tool: 'Tech Insights (jsonfc)',
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
