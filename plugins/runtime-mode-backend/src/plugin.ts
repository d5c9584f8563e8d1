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
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ForwardedError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { runtimeModePermissions } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DatabaseEvaluationStore } from './database/DatabaseEvaluationStore';
import { createEvaluateManifestsAction } from './actions/createEvaluateManifestsAction';
import { createGetClusterUpgradesAction } from './actions/createGetClusterUpgradesAction';
import { createGetEntityEvaluationAction } from './actions/createGetEntityEvaluationAction';
import { createSummarisePortfolioAction } from './actions/createSummarisePortfolioAction';
import { EvaluationRefresher } from './service/EvaluationRefresher';
import { EvaluationService } from './service/EvaluationService';
import { ManifestReader } from './service/ManifestReader';
import { ReadableEntities } from './service/ReadableEntities';
import { StoredRowsCache } from './service/StoredRowsCache';
import { readPluginConfig } from './service/readPluginConfig';
import { createRouter } from './service/router';
import { CatalogChanges } from './service/changes/CatalogChanges';
import { PushRefresher } from './service/changes/PushRefresher';
import { PUSH_TOPICS } from './service/changes/pushEvents';
import { OwnerNotifier } from './service/notifications/OwnerNotifier';

/** Id of the scheduled refresh task (one run at a time across all replicas). */
export const REFRESH_TASK_ID = 'runtime-mode-refresh';
/** Id of the frequent catalog pass that evaluates new and edited Components. */
export const CATALOG_CHANGES_TASK_ID = 'runtime-mode-catalog-changes';
/** Id of the task that refreshes the entities SCM pushes touched. */
export const PUSH_TASK_ID = 'runtime-mode-pushes';

/**
 * The push task runs when a push arrives; this tick only catches a push whose
 * trigger was missed (the task was running when it came).
 */
const PUSH_TASK_SCHEDULE = {
  frequency: { minutes: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

/** Runs a task function, with the task's name on its failure. */
function failingAs(
  message: string,
  fn: (signal: AbortSignal) => Promise<unknown>,
) {
  return async (signal: AbortSignal) => {
    try {
      await fn(signal);
    } catch (error) {
      throw new ForwardedError(message, error);
    }
  };
}

/**
 * The Runtime Mode backend plugin: stored, incremental, permission-aware
 * evaluations behind the REST API v1 at `/api/runtime-mode/v1`.
 *
 * @public
 */
export const runtimeModePlugin = createBackendPlugin({
  pluginId: 'runtime-mode',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        events: eventsServiceRef,
        notifications: notificationService,
      },
      async init({
        logger,
        config,
        database,
        httpRouter,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        scheduler,
        urlReader,
        catalog,
        actionsRegistry,
        events,
        notifications,
      }) {
        const pluginConfig = readPluginConfig(config);
        const store = await DatabaseEvaluationStore.create({ database });
        const readable = new ReadableEntities({
          catalog,
          cacheMs: pluginConfig.readableCacheMs,
        });
        const reader = ManifestReader.fromConfig(pluginConfig, {
          urlReader,
          logger,
        });
        const refresher = new EvaluationRefresher({
          catalog,
          auth,
          store,
          reader,
          config: pluginConfig,
          logger,
          notifier: pluginConfig.notificationsEnabled
            ? new OwnerNotifier({ notifications, store, logger })
            : undefined,
        });
        const evaluations = new EvaluationService(store, pluginConfig);
        const rowsCache = new StoredRowsCache(store);

        permissionsRegistry.addPermissions(runtimeModePermissions);

        if (pluginConfig.scheduleEnabled) {
          await scheduler.scheduleTask({
            id: REFRESH_TASK_ID,
            ...pluginConfig.schedule,
            // Always once across replicas, whatever the config says.
            scope: 'global',
            // The scheduler aborts the signal at the timeout: the run stops
            // then, so no other replica's run overlaps it.
            fn: failingAs('Runtime mode refresh failed', signal =>
              refresher.refreshAll({ signal }),
            ),
          });
        } else {
          logger.warn(
            'Scheduled runtime mode refresh is disabled (runtimeMode.schedule: false); results change only on demand',
          );
        }

        if (pluginConfig.catalogChanges) {
          const catalogChanges = new CatalogChanges({
            catalog,
            auth,
            store,
            refresher,
            logger,
            requestFullRefresh: async () => {
              if (!pluginConfig.scheduleEnabled) return false;
              await scheduler.triggerTask(REFRESH_TASK_ID).catch(error => {
                // Running already: it, or the next pass, takes them.
                if (error?.name !== 'ConflictError') throw error;
              });
              return true;
            },
          });
          await scheduler.scheduleTask({
            id: CATALOG_CHANGES_TASK_ID,
            ...pluginConfig.catalogChanges,
            scope: 'global',
            fn: failingAs('Runtime mode catalog changes failed', signal =>
              catalogChanges.run({ signal }),
            ),
          });
        }

        if (pluginConfig.pushEvents) {
          const pushes = new PushRefresher({
            catalog,
            auth,
            store,
            refresher,
            logger,
            requestRun: () => scheduler.triggerTask(PUSH_TASK_ID),
          });
          await scheduler.scheduleTask({
            id: PUSH_TASK_ID,
            ...PUSH_TASK_SCHEDULE,
            scope: 'global',
            fn: failingAs('Runtime mode push refresh failed', signal =>
              pushes.run({ signal }),
            ),
          });
          // Without an events backend and an SCM events module nothing is
          // published on these topics, and the plugin works as before.
          await events.subscribe({
            id: 'runtime-mode-pushes',
            topics: [...PUSH_TOPICS],
            onEvent: event => pushes.onEvent(event),
          });
        }

        const deps = { auth, readable, store, evaluations, rowsCache };
        createGetEntityEvaluationAction({ ...deps, actionsRegistry });
        createSummarisePortfolioAction({
          ...deps,
          plannedTargets: pluginConfig.engine.apiPolicy.targets,
          actionsRegistry,
        });
        createGetClusterUpgradesAction({
          ...deps,
          engine: pluginConfig.engine,
          actionsRegistry,
        });
        createEvaluateManifestsAction({
          ...deps,
          permissions,
          actionsRegistry,
        });

        httpRouter.use(
          await createRouter({
            logger,
            httpAuth,
            auth,
            permissions,
            store,
            readable,
            refresher,
            evaluations,
            rowsCache,
            config: pluginConfig,
          }),
        );
        httpRouter.addAuthPolicy({
          path: '/v1/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
