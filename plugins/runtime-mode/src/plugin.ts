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
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { RuntimeModeClient, runtimeModeApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The Runtime Mode plugin for the legacy frontend system.
 *
 * @public
 */
export const runtimeModePlugin = createPlugin({
  id: 'runtime-mode',
  apis: [
    createApiFactory({
      api: runtimeModeApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RuntimeModeClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * Overview card for a component page: runtime mode, readiness, top concerns.
 *
 * @public
 */
export const EntityRuntimeModeCard: () => JSX.Element | null =
  runtimeModePlugin.provide(
    createComponentExtension({
      name: 'EntityRuntimeModeCard',
      component: {
        lazy: () =>
          import('./components/RuntimeModeCard').then(m => m.RuntimeModeCard),
      },
    }),
  );

/**
 * The Runtime tab of a component page: mode comparison, concerns, objects,
 * history and what-if.
 *
 * @public
 */
export const EntityRuntimeModeContent: () => JSX.Element | null =
  runtimeModePlugin.provide(
    createComponentExtension({
      name: 'EntityRuntimeModeContent',
      component: {
        lazy: () =>
          import('./components/RuntimeModeContent').then(
            m => m.RuntimeModeContent,
          ),
      },
    }),
  );

/**
 * The portfolio page for architecture boards: KPIs, heatmap, blast radius and
 * the filterable table.
 *
 * @public
 */
export const RuntimeModePortfolioPage: () => JSX.Element | null =
  runtimeModePlugin.provide(
    createRoutableExtension({
      name: 'RuntimeModePortfolioPage',
      component: () =>
        import('./components/PortfolioPage').then(m => m.PortfolioPage),
      mountPoint: rootRouteRef,
    }),
  );
