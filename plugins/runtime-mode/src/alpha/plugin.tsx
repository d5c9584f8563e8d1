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
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  compatWrapper,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import DeviceHubIcon from '@material-ui/icons/DeviceHub';
import { RuntimeModeClient, runtimeModeApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { RUNTIME_TAB_PATH } from '../components/common/useRuntimeTabLink';

/** @alpha */
export const runtimeModeApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: runtimeModeApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RuntimeModeClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const runtimeModeEntityCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('../components/RuntimeModeCard').then(m =>
        compatWrapper(<m.RuntimeModeCard />),
      ),
  },
});

/** @alpha */
export const runtimeModeEntityContent = EntityContentBlueprint.make({
  name: 'runtime',
  params: {
    path: RUNTIME_TAB_PATH,
    title: 'Runtime',
    filter: { kind: 'component' },
    loader: () =>
      import('../components/RuntimeModeContent').then(m =>
        compatWrapper(<m.RuntimeModeContent />),
      ),
  },
});

/** @alpha */
export const runtimeModePortfolioPage = PageBlueprint.make({
  params: {
    path: '/runtime-mode',
    title: 'Runtime Mode',
    icon: <DeviceHubIcon />,
    routeRef: convertLegacyRouteRefs({ root: rootRouteRef }).root,
    loader: () =>
      import('../components/PortfolioPage').then(m =>
        compatWrapper(<m.PortfolioPage />),
      ),
  },
});

/**
 * The runtime mode and readiness filter of the catalog's entity list, among
 * the catalog page's filters (`catalog-filter:runtime-mode/runtime-mode`).
 *
 * @alpha
 */
export const runtimeModeCatalogFilter = CatalogFilterBlueprint.make({
  name: 'runtime-mode',
  params: {
    loader: () =>
      import('../components/CatalogList').then(m =>
        compatWrapper(<m.RuntimeModeCatalogPicker />),
      ),
  },
});

/**
 * The Runtime Mode plugin for the new frontend system: API, entity card,
 * Runtime tab, the catalog list filter and the portfolio page (which also
 * gives the nav item).
 *
 * @alpha
 */
export const runtimeModeFrontendPlugin = createFrontendPlugin({
  pluginId: 'runtime-mode',
  title: 'Runtime Mode',
  icon: <DeviceHubIcon />,
  info: { packageJson: () => import('../../package.json') },
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  extensions: [
    runtimeModeApi,
    runtimeModeEntityCard,
    runtimeModeEntityContent,
    runtimeModePortfolioPage,
    runtimeModeCatalogFilter,
  ],
});
