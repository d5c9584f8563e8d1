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

import { screen } from '@testing-library/react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  catalogApiRef,
  entityRouteRef,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import runtimeModePlugin from './index';
import { runtimeModeApiRef } from '../api';
import { kubevirtEntity, mockRuntimeModeApi } from '../__testUtils__/fixtures';

// Full MUI pages under user-event are slow on a busy two-core machine.
jest.setTimeout(30_000);

describe('runtime-mode plugin for the new frontend system', () => {
  it('provides the API, entity card, Runtime tab and portfolio page', () => {
    expect(runtimeModePlugin.pluginId).toBe('runtime-mode');
    expect(runtimeModePlugin.title).toBe('Runtime Mode');
    for (const id of [
      'api:runtime-mode',
      'entity-card:runtime-mode/overview',
      'entity-content:runtime-mode/runtime',
      'page:runtime-mode',
      'catalog-filter:runtime-mode/runtime-mode',
    ]) {
      expect(runtimeModePlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('renders the entity card on a component page', async () => {
    const api = mockRuntimeModeApi();
    await renderTestApp({
      extensions: [
        createTestEntityPage({ entity: kubevirtEntity }),
        runtimeModePlugin.getExtension('entity-card:runtime-mode/overview'),
      ],
      apis: [[runtimeModeApiRef, api]],
    });
    expect(await screen.findByText('KubeVirt VMs')).toBeInTheDocument();
    expect(screen.getByTestId('runtime-mode-upgrade')).toHaveTextContent(
      'Broken now',
    );
    expect(api.getEvaluation).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'vm-billing-legacy',
    });
  });

  it('leaves the card off pages of other kinds', async () => {
    const api = mockRuntimeModeApi();
    // A card without a filter that loads the same module: once it shows, ours
    // would have shown too if its filter let it.
    const sentinel = EntityCardBlueprint.make({
      name: 'sentinel',
      params: {
        loader: () =>
          import('../components/RuntimeModeCard').then(() => (
            <div>sentinel card</div>
          )),
      },
    });
    await renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: { ...kubevirtEntity, kind: 'System', spec: {} },
        }),
        runtimeModePlugin.getExtension('entity-card:runtime-mode/overview'),
        sentinel,
      ],
      apis: [[runtimeModeApiRef, api]],
    });
    expect(await screen.findByText('sentinel card')).toBeInTheDocument();
    expect(screen.queryByText('Runtime mode')).not.toBeInTheDocument();
    expect(api.getEvaluation).not.toHaveBeenCalled();
  });

  it('renders the Runtime tab on a component page', async () => {
    await renderTestApp({
      extensions: [
        createTestEntityPage({ entity: kubevirtEntity }),
        runtimeModePlugin.getExtension('entity-content:runtime-mode/runtime'),
      ],
      apis: [[runtimeModeApiRef, mockRuntimeModeApi()]],
    });
    expect(await screen.findByText('Mode comparison')).toBeInTheDocument();
  });

  it('serves the portfolio page at /runtime-mode', async () => {
    const api = mockRuntimeModeApi();
    await renderTestApp({
      extensions: [runtimeModePlugin.getExtension('page:runtime-mode')],
      initialRouteEntries: ['/runtime-mode'],
      apis: [[runtimeModeApiRef, api]],
    });
    expect(await screen.findByText('Upgrade blast radius')).toBeInTheDocument();
    expect(
      await screen.findByTestId('runtime-mode-upgrade-headline'),
    ).toHaveTextContent('At the planned upgrade: 3 break, 5 already broken');
    expect(api.getPortfolio).toHaveBeenCalled();
  });

  it("puts the runtime mode filter among the catalog page's filters", async () => {
    await renderTestApp({
      extensions: [
        catalogPlugin.getExtension('page:catalog'),
        runtimeModePlugin.getExtension(
          'catalog-filter:runtime-mode/runtime-mode',
        ),
      ],
      config: {
        app: {
          extensions: [{ 'page:catalog': { config: { pagination: false } } }],
        },
        backend: { baseUrl: 'http://localhost:7007' },
      },
      initialRouteEntries: ['/catalog'],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
      apis: [
        [runtimeModeApiRef, mockRuntimeModeApi()],
        [catalogApiRef, catalogApiMock({ entities: [kubevirtEntity] })],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
      ],
    });
    expect(await screen.findByLabelText('Runtime mode')).toBeEnabled();
    expect(screen.getByLabelText('Upgrade')).toBeEnabled();
  });
});
