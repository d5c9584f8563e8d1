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
import { UPGRADE_LEVELS } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { buildPortfolioSummary } from '../service/portfolio';
import { ReadableEntities } from '../service/ReadableEntities';
import { CallerRows } from '../service/CallerRows';
import { HistoryWindow } from '../service/rows/HistoryWindow';
import { portfolioQuerySchema } from '../service/schemas';
import { StoredRowsCache } from '../service/StoredRowsCache';

/** Registers `summarise-portfolio`: KPIs and the components that need work. */
export function createSummarisePortfolioAction(options: {
  readable: ReadableEntities;
  rowsCache: StoredRowsCache;
  /** The planned upgrade (`apiPolicy.targets`). */
  plannedTargets: Record<string, string>;
  actionsRegistry: ActionsRegistryService;
}) {
  const { readable, rowsCache, plannedTargets, actionsRegistry } = options;
  actionsRegistry.register({
    name: 'summarise-portfolio',
    title: 'Summarise the runtime mode portfolio',
    description: `Summarises the stored Runtime Mode results of all components the caller may read: how many run in
each runtime mode, how many are ready, ready with warnings, blocked or unknown, and the blocked components
with the most critical findings. It answers two questions apart: upgrade readiness (does a component break
at the planned upgrade, byUpgradeLevel: broken-now = already broken on its clusters, breaks-at-upgrade =
breaks at plannedTargets) and migration readiness (can it move to the mode planned for it, byMigrationLevel;
none = no move planned). Optional filters narrow it down by owner, system, lifecycle, mode, level, upgrade
level or planned move. It reads stored results only and changes nothing.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          owner: z
            .string()
            .optional()
            .describe('Owner name or ref, e.g. team-payments'),
          system: z.string().optional().describe('System name or ref'),
          lifecycle: z.string().optional().describe('e.g. production'),
          mode: z
            .enum([
              'bare-metal-container',
              'virtualized-container',
              'container-virtualization',
              'unknown',
            ])
            .optional()
            .describe('Only components in this runtime mode'),
          level: z
            .enum(['ready', 'ready-with-warnings', 'blocked', 'unknown'])
            .optional()
            .describe('Only components at this readiness level'),
          upgradeLevel: z
            .enum([...UPGRADE_LEVELS])
            .optional()
            .describe(
              'Only components at this upgrade level, e.g. breaks-at-upgrade',
            ),
          migration: z
            .enum(['planned', 'none'])
            .optional()
            .describe(
              'planned: only components with a planned move; none: only those without',
            ),
        }),
      output: z =>
        z.object({
          total: z.number().describe('Components matching the filters'),
          byMode: z.record(z.number()).describe('Components per runtime mode'),
          byLevel: z
            .record(z.number())
            .describe('Components per readiness level'),
          byUpgradeLevel: z
            .record(z.number())
            .describe(
              'Components per upgrade level: broken-now (already broken on its clusters), breaks-at-upgrade, deprecated, clean, unknown',
            ),
          byMigrationLevel: z
            .record(z.number())
            .describe(
              'Components per migration level of their planned move; none = no move planned',
            ),
          plannedTargets: z
            .array(z.object({ component: z.string(), version: z.string() }))
            .describe(
              'The planned upgrade, per knowledge-base component (k8s = Kubernetes)',
            ),
          worst: z
            .array(
              z.object({
                entityRef: z.string().describe('Component ref'),
                level: z.string().describe('Readiness level'),
                critical: z.number().describe('Critical findings'),
                warning: z.number().describe('Warning findings'),
                upgradeLevel: z
                  .string()
                  .optional()
                  .describe('Upgrade level; absent until evaluated'),
                migrationLevel: z
                  .string()
                  .nullable()
                  .optional()
                  .describe('Level of the planned move; null when none'),
                topBlocker: z
                  .string()
                  .optional()
                  .describe('The worst open concern: rule id and message'),
              }),
            )
            .describe('Up to 10 components with the most critical findings'),
        }),
    },
    examples: [
      {
        title: 'Blocked production components',
        input: { level: 'blocked', lifecycle: 'production' },
      },
    ],
    action: async ({ input, credentials }) => {
      const query = portfolioQuerySchema.parse({
        ...input,
        sort: 'critical',
        order: 'desc',
        pageSize: '10',
      });
      const view = await readable.callerView(credentials);
      const summary = buildPortfolioSummary({
        rows: CallerRows.seenBy(view, await rowsCache.rowsInOrder(query)),
        history: HistoryWindow.of([]),
        query,
        trendSince: new Date(),
        plannedTargets,
      });
      return {
        output: {
          total: summary.total,
          byMode: summary.kpis.byMode,
          byLevel: summary.kpis.byLevel,
          byUpgradeLevel: summary.kpis.byUpgradeLevel ?? {},
          byMigrationLevel: summary.kpis.byMigrationLevel ?? {},
          plannedTargets: summary.kpis.plannedTargets ?? [],
          worst: summary.items.map(r => ({
            entityRef: r.entityRef,
            level: r.level,
            critical: r.critical,
            warning: r.warning,
            upgradeLevel: r.upgradeLevel,
            migrationLevel: r.migrationLevel,
            topBlocker: r.topBlocker
              ? `${r.topBlocker.ruleId}: ${r.topBlocker.message}`
              : undefined,
          })),
        },
      };
    },
  });
}
