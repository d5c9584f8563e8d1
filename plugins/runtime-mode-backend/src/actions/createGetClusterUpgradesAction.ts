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

import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { RuntimeModeConfig } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { EvaluationStore } from '../database/EvaluationStore';
import {
  computeClusterUpgradeDetail,
  computeClusterUpgrades,
} from '../service/clusters/computeClusterUpgrades';
import { describeApi } from '../service/clusters/describeApi';
import { loadComponentPlacements } from '../service/clusters/loadComponentPlacements';
import { ReadableEntities, rowsVisibleTo } from '../service/ReadableEntities';
import { StoredRowsCache } from '../service/StoredRowsCache';

/** Components listed when one step is asked for. */
const MAX_COMPONENTS = 50;
/** Reasons listed per step of the overview. */
const MAX_REASONS = 5;

/** Registers `get-cluster-upgrades`: what each cluster's next versions break. */
export function createGetClusterUpgradesAction(options: {
  readable: ReadableEntities;
  rowsCache: StoredRowsCache;
  store: EvaluationStore;
  engine: RuntimeModeConfig;
  actionsRegistry: ActionsRegistryService;
}) {
  const { readable, rowsCache, store, engine, actionsRegistry } = options;
  actionsRegistry.register({
    name: 'get-cluster-upgrades',
    title: 'What upgrading each cluster breaks',
    description: `For each cluster configured in runtimeMode.clusters: its runtime mode, the versions it runs
today (Kubernetes, KubeVirt, CDI, ...), how many components run on it, and for each next version (every
Kubernetes minor up to the planned target, the planned KubeVirt/CDI targets) how many of those components
are already broken there, break at that version (an API it removes) or degrade (deprecated APIs only), with
the APIs responsible. Give cluster, component and version to list the components of one step with why.
Only components the caller may read are counted. It reads stored results only and changes nothing.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          cluster: z
            .string()
            .optional()
            .describe('Only this cluster, e.g. kv-prod-01'),
          component: z
            .string()
            .optional()
            .describe(
              'With cluster and version: the platform component of the step, e.g. k8s or kubevirt',
            ),
          version: z
            .string()
            .optional()
            .describe(
              'With cluster and component: the version of the step, e.g. 1.33',
            ),
        }),
      output: z =>
        z.object({
          knowledgeBaseAsOf: z
            .string()
            .describe('Date of the API deprecation knowledge base'),
          clusters: z
            .array(
              z.object({
                name: z.string().describe('Cluster name'),
                mode: z.string().describe('Runtime mode of the cluster'),
                versions: z
                  .array(
                    z.object({ component: z.string(), version: z.string() }),
                  )
                  .describe('Versions it runs today'),
                components: z
                  .number()
                  .describe('Evaluated components running on it'),
                withoutObjects: z
                  .number()
                  .describe(
                    'Components with no manifest object: nothing judged, not safe',
                  ),
                steps: z
                  .array(
                    z.object({
                      component: z.string().describe('k8s, kubevirt, cdi, ...'),
                      from: z.string().describe('Version today'),
                      version: z.string().describe('Next version'),
                      planned: z
                        .boolean()
                        .describe('Whether it is the planned target'),
                      alreadyBroken: z
                        .number()
                        .describe('Components already broken on the cluster'),
                      breaking: z
                        .number()
                        .describe('Components this version breaks'),
                      degrading: z
                        .number()
                        .describe('Components with deprecated APIs only'),
                      why: z
                        .array(z.string())
                        .describe('The APIs responsible, worst first'),
                    }),
                  )
                  .describe('Next versions, Kubernetes minors first'),
              }),
            )
            .describe('The clusters'),
          components: z
            .array(
              z.object({
                entityRef: z.string().describe('Component ref'),
                status: z
                  .string()
                  .describe('already-broken, newly-breaks or deprecated'),
                why: z.array(z.string()).describe('Its APIs responsible'),
              }),
            )
            .optional()
            .describe(
              `With cluster, component and version: up to ${MAX_COMPONENTS} components of that step, worst first`,
            ),
          total: z
            .number()
            .optional()
            .describe('Components of that step, all of them'),
        }),
    },
    examples: [
      { title: 'Every cluster', input: {} },
      {
        title: 'Who breaks when kv-prod-01 moves to Kubernetes 1.33',
        input: { cluster: 'kv-prod-01', component: 'k8s', version: '1.33' },
      },
    ],
    action: async ({ input, credentials }) => {
      if (Boolean(input.component) !== Boolean(input.version)) {
        throw new InputError(
          'Give component and version together (e.g. component k8s, version 1.33), or neither',
        );
      }
      if (input.component && !input.cluster) {
        throw new InputError(
          'A step (component and version) needs the cluster it is taken on',
        );
      }
      const view = await readable.callerView(credentials);
      const rows = rowsVisibleTo(view, await rowsCache.rows());
      const data = {
        rows,
        placements: await loadComponentPlacements(
          store,
          rows,
          await rowsCache.apiUsage(),
        ),
        config: engine,
      };
      const all = computeClusterUpgrades(data);
      const clusters = input.cluster
        ? all.clusters.filter(c => c.name === input.cluster)
        : all.clusters;
      if (input.cluster && clusters.length === 0) {
        throw new InputError(
          `No cluster named "${
            input.cluster
          }" is configured in runtimeMode.clusters; configured: ${
            all.clusters.map(c => c.name).join(', ') || 'none'
          }`,
        );
      }
      const detail =
        input.cluster && input.component && input.version
          ? computeClusterUpgradeDetail(data, {
              cluster: input.cluster,
              component: input.component,
              version: input.version.replace(/^v/, ''),
              page: 1,
              pageSize: MAX_COMPONENTS,
            })
          : undefined;
      return {
        output: {
          knowledgeBaseAsOf: all.knowledgeBaseAsOf,
          clusters: clusters.map(({ steps, platform: _p, ...cluster }) => ({
            ...cluster,
            steps: steps.map(({ apis, ...step }) => ({
              ...step,
              why: apis
                .slice(0, MAX_REASONS)
                .map(
                  api =>
                    `${describeApi(api)} (${api.components} component${
                      api.components === 1 ? '' : 's'
                    })`,
                ),
            })),
          })),
          ...(detail
            ? {
                total: detail.total,
                components: detail.items.map(item => ({
                  entityRef: item.entityRef,
                  status: item.status,
                  why: item.apis.map(describeApi),
                })),
              }
            : {}),
        },
      };
    },
  });
}
