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
import { runtimeModePermissions } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DatabaseEvaluationStore } from './database/DatabaseEvaluationStore';
import { createEvaluateManifestsAction } from './actions/createEvaluateManifestsAction';
import { createGetEntityEvaluationAction } from './actions/createGetEntityEvaluationAction';
import { createSummarisePortfolioAction } from './actions/createSummarisePortfolioAction';
import { EvaluationRefresher } from './service/EvaluationRefresher';
import { EvaluationService } from './service/EvaluationService';
import { ManifestReader } from './service/ManifestReader';
import { ReadableEntities } from './service/ReadableEntities';
import { StoredRowsCache } from './service/StoredRowsCache';
import { readPluginConfig } from './service/readPluginConfig';
import { createRouter } from './service/router';

/** Id of the scheduled refresh task (one run at a time across all replicas). */
export const REFRESH_TASK_ID = 'runtime-mode-refresh';

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
            fn: async signal => {
              try {
                await refresher.refreshAll({ signal });
              } catch (error) {
                throw new ForwardedError('Runtime mode refresh failed', error);
              }
            },
          });
        } else {
          logger.warn(
            'Scheduled runtime mode refresh is disabled (runtimeMode.schedule: false); results change only on demand',
          );
        }

        const deps = { auth, readable, store, evaluations, rowsCache };
        createGetEntityEvaluationAction({ ...deps, actionsRegistry });
        createSummarisePortfolioAction({
          ...deps,
          plannedTargets: pluginConfig.engine.apiPolicy.targets,
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
