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

import type { Entity } from '@backstage/catalog-model';
import { CatalogTable } from '@backstage/plugin-catalog';
import {
  catalogApiRef,
  entityRouteRef,
  EntityKindPicker,
  EntityListProvider,
  MockEntityListContextProvider,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { EntityVerdict } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type RuntimeModeApi, runtimeModeApiRef } from '../../api';
import { createRuntimeModeColumn } from './createRuntimeModeColumn';
import { RuntimeModeCatalogPicker } from './RuntimeModeCatalogPicker';

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const verdicts: EntityVerdict[] = [
  {
    entityRef: 'component:default/checkout-api',
    mode: 'bare-metal-container',
    level: 'ready-with-warnings',
    score: 82,
    status: 'fresh',
    upgradeLevel: 'deprecated',
    // A move is planned.
    migrationLevel: 'ready-with-warnings',
  },
  {
    entityRef: 'component:default/vm-billing-legacy',
    mode: 'container-virtualization',
    level: 'blocked',
    score: 35,
    status: 'fresh',
    upgradeLevel: 'breaks-at-upgrade',
    // No move planned: its concerns about other modes are no verdict.
    migrationLevel: null,
  },
  {
    entityRef: 'component:default/vnf-router',
    mode: 'container-virtualization',
    // Stored by an older rule set: no upgrade or migration answer yet.
    level: 'ready',
    score: 100,
    status: 'stale',
  },
];

const entities = [
  component('checkout-api'),
  component('vm-billing-legacy'),
  component('vnf-router'),
  // Registered, but never evaluated: no verdict.
  component('docs-site'),
];

/** A Runtime Mode API that answers verdicts and records each request. */
function verdictsApi() {
  const getVerdicts = jest.fn(async (refs: string[]) =>
    verdicts.filter(v => refs.includes(v.entityRef)),
  );
  return { api: { getVerdicts } as unknown as RuntimeModeApi, getVerdicts };
}

/** The catalog's entity list as its index page composes it. */
function renderCatalogList(api: RuntimeModeApi) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [runtimeModeApiRef, api],
        [catalogApiRef, catalogApiMock({ entities })],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
      ]}
    >
      <EntityListProvider>
        <EntityKindPicker initialFilter="component" hidden />
        <RuntimeModeCatalogPicker />
        <CatalogTable
          columns={[
            CatalogTable.columns.createNameColumn(),
            createRuntimeModeColumn(),
          ]}
        />
      </EntityListProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function rowOf(name: string): HTMLElement {
  return screen.getByRole('link', { name }).closest('tr')!;
}

// The catalog's table is a heavy render on a shared machine.
jest.setTimeout(60_000);

describe('Runtime mode in the catalog list', () => {
  it('shows the mode and the two answers for every row from one request for the whole page', async () => {
    const { api, getVerdicts } = verdictsApi();
    await renderCatalogList(api);

    await waitFor(() =>
      expect(screen.getAllByTestId('runtime-mode-catalog-cell')).toHaveLength(
        3,
      ),
    );
    const vm = within(rowOf('vm-billing-legacy'));
    expect(vm.getByText('KubeVirt VMs')).toBeInTheDocument();
    expect(vm.getByText('Breaks at the upgrade')).toBeInTheDocument();
    // No move planned: the level of all its concerns is not its verdict.
    expect(vm.queryByText('Blocked')).not.toBeInTheDocument();
    expect(vm.queryByText(/\/100/)).not.toBeInTheDocument();

    const checkout = within(rowOf('checkout-api'));
    expect(checkout.getByText('Bare-metal containers')).toBeInTheDocument();
    expect(checkout.getByText('Deprecated APIs')).toBeInTheDocument();
    expect(checkout.getByText('Ready with warnings')).toBeInTheDocument();

    // A result of an older rule set says that its level is of all concerns.
    const older = within(rowOf('vnf-router'));
    expect(older.getByText('Ready')).toBeInTheDocument();
    expect(older.getByText('all concerns, 100/100')).toBeInTheDocument();

    expect(getVerdicts).toHaveBeenCalledTimes(1);
    expect([...getVerdicts.mock.calls[0][0]].sort()).toEqual(
      entities.map(e => `component:default/${e.metadata.name}`).sort(),
    );
  });

  it('leaves the cell of a component without an evaluation empty, not an error', async () => {
    const { api } = verdictsApi();
    await renderCatalogList(api);

    await waitFor(() =>
      expect(screen.getAllByTestId('runtime-mode-catalog-cell')).toHaveLength(
        3,
      ),
    );
    const docs = rowOf('docs-site');
    expect(
      within(docs).queryByTestId('runtime-mode-catalog-cell'),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows empty cells, not an error per row, when the API cannot answer', async () => {
    const api = {
      getVerdicts: jest.fn(async () => {
        throw new Error('backend down');
      }),
    } as unknown as RuntimeModeApi;
    await renderCatalogList(api);

    await screen.findByRole('link', { name: 'checkout-api' });
    await waitFor(() => expect(api.getVerdicts).toHaveBeenCalledTimes(1));
    expect(
      screen.queryByTestId('runtime-mode-catalog-cell'),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/backend down/)).not.toBeInTheDocument();
  });

  it('narrows the rows to the chosen mode, and then to the chosen readiness', async () => {
    const { api, getVerdicts } = verdictsApi();
    await renderCatalogList(api);
    await screen.findByRole('link', { name: 'docs-site' });

    await userEvent.click(screen.getByLabelText('Runtime mode'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'KubeVirt VMs' }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'checkout-api' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'vm-billing-legacy' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'vnf-router' })).toBeVisible();
    // Without a verdict, a component never matches a chosen mode.
    expect(
      screen.queryByRole('link', { name: 'docs-site' }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByLabelText('Upgrade'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Breaks at the upgrade' }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'vnf-router' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.getByRole('link', { name: 'vm-billing-legacy' }),
    ).toBeVisible();

    // The column and the filter shared the verdicts of the one request.
    expect(getVerdicts).toHaveBeenCalledTimes(1);
  });

  it('is disabled, saying why, when the catalog list is paginated', async () => {
    const { api, getVerdicts } = verdictsApi();
    await renderInTestApp(
      <TestApiProvider apis={[[runtimeModeApiRef, api]]}>
        <MockEntityListContextProvider
          value={{ backendEntities: entities, paginationMode: 'cursor' }}
        >
          <RuntimeModeCatalogPicker />
        </MockEntityListContextProvider>
      </TestApiProvider>,
    );
    expect(screen.getByLabelText('Runtime mode')).toBeDisabled();
    expect(screen.getByLabelText('Upgrade')).toBeDisabled();
    expect(
      screen.getByText(/needs the catalog list without pagination/),
    ).toBeInTheDocument();
    expect(getVerdicts).not.toHaveBeenCalled();
  });
});
