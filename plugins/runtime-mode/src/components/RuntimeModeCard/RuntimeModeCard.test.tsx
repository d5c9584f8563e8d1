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

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  MockFetchApi,
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { RuntimeModeCard } from './RuntimeModeCard';
import { RuntimeModeClient, runtimeModeApiRef } from '../../api';
import {
  bareEntity,
  kubevirtEntity,
  makeResult,
  makeStored,
} from '../../testUtils/fixtures';

const entityUrl =
  'http://backstage:7007/api/runtime-mode/v1/entities/default/component/vm-billing-legacy';

// Full MUI pages under user-event are slow on a busy two-core machine.
jest.setTimeout(30_000);

describe('RuntimeModeCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new RuntimeModeClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backstage:7007/api/${id}`,
    },
    fetchApi: new MockFetchApi(),
  });

  const render = (entity: Entity = kubevirtEntity) =>
    renderInTestApp(
      <TestApiProvider apis={[[runtimeModeApiRef, client]]}>
        <EntityProvider entity={entity}>
          <RuntimeModeCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

  it('shows the mode, readiness, score, target and top concerns the backend returns', async () => {
    server.use(http.get(entityUrl, () => HttpResponse.json(makeStored())));
    await render();

    expect(await screen.findByText('KubeVirt VMs')).toBeInTheDocument();
    expect(
      screen.getByTestId('runtime-mode-summary-sentence'),
    ).toHaveTextContent(
      'Runs on KubeVirt VMs. Blocked to stay on KubeVirt VMs: 1 critical concern and 2 warnings.' +
        'Next step: Change apiVersion to kubevirt.io/v1',
    );
    expect(screen.getByLabelText('Readiness: Blocked')).toBeInTheDocument();
    expect(screen.getByLabelText('Score: 35 of 100')).toBeInTheDocument();
    expect(screen.getByText(/Target mode:/).parentElement).toHaveTextContent(
      'KubeVirt VMs (set by the target-mode annotation)',
    );
    // Critical first, waived and expired-waiver ones are told apart.
    const concerns = screen.getByTestId('runtime-mode-top-concerns');
    expect(concerns.firstElementChild).toHaveTextContent('Critical');
    expect(concerns.firstElementChild).toHaveTextContent(
      'Next step: Change apiVersion to kubevirt.io/v1',
    );
    expect(screen.getByText('Top concerns (3 open)')).toBeInTheDocument();
    expect(screen.queryByText('No readiness probe')).not.toBeInTheDocument();
    expect(screen.getByText(/as of 2026-08-13/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Details, what-if and history/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/vm-billing-legacy/runtime',
    );
  });

  it('shows the evidence for the mode on hover', async () => {
    server.use(http.get(entityUrl, () => HttpResponse.json(makeStored())));
    await render();
    await userEvent.hover(await screen.findByText('KubeVirt VMs'));
    expect(
      await screen.findByText(/kubevirt.io VirtualMachine billing-vm/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/manifests\/vm-billing-legacy\/vm.yaml:1/),
    ).toBeInTheDocument();
  });

  it('says unknown in words, never as a pass', async () => {
    const result = makeResult({
      mode: {
        value: 'unknown',
        source: 'none',
        confidence: 'none',
        evidence: [],
        conflict: false,
      },
      readiness: {
        targetMode: null,
        targetSource: 'none',
        level: 'unknown',
        score: null,
        explanation: [],
      },
      findings: [],
    });
    server.use(
      http.get(entityUrl, () => HttpResponse.json(makeStored({ result }))),
    );
    await render();
    expect(
      await screen.findByLabelText('Runtime mode: Unknown'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Readiness: Unknown')).toBeInTheDocument();
    expect(screen.getByLabelText('Score: unknown')).toBeInTheDocument();
    expect(screen.getByText(/readiness is unknown/)).toBeInTheDocument();
    expect(screen.getByText(/Target mode:/).parentElement).toHaveTextContent(
      'none. Readiness is not judged',
    );
  });

  it('says which object the next step is about', async () => {
    server.use(http.get(entityUrl, () => HttpResponse.json(makeStored())));
    await render();
    expect(
      await screen.findByTestId('runtime-mode-summary-sentence'),
    ).toHaveTextContent(
      'Next step: Change apiVersion to kubevirt.io/v1 (VirtualMachine billing-vm)',
    );
  });

  it('does not claim a best fit when no requirements are stated', async () => {
    const base = makeResult();
    const result = makeResult({
      fit: { ...base.fit, requirements: {}, bestFit: null, dimensions: [] },
      readiness: { ...base.readiness, targetSource: 'current' },
    });
    server.use(
      http.get(entityUrl, () => HttpResponse.json(makeStored({ result }))),
    );
    await render();
    const target = (await screen.findByText(/Target mode:/)).parentElement!;
    expect(target).toHaveTextContent(
      'KubeVirt VMs (its current mode: no requirements are stated, so none fits better)',
    );
    expect(target).not.toHaveTextContent('fits its requirements best');
  });

  it('names the best fit when requirements chose it', async () => {
    const base = makeResult();
    const result = makeResult({
      readiness: {
        ...base.readiness,
        targetMode: 'virtualized-container',
        targetSource: 'best-fit',
      },
    });
    server.use(
      http.get(entityUrl, () => HttpResponse.json(makeStored({ result }))),
    );
    await render();
    expect(
      (await screen.findByText(/Target mode:/)).parentElement,
    ).toHaveTextContent(
      'Containers on VMs (the mode that fits its requirements best)',
    );
  });

  it('says a stale result is stale, with the reason', async () => {
    server.use(
      http.get(entityUrl, () =>
        HttpResponse.json(
          makeStored({
            status: 'stale',
            staleReason: 'manifests/vm.yaml could not be read (404)',
          }),
        ),
      ),
    );
    await render();
    expect(
      await screen.findByTestId('runtime-mode-status-stale'),
    ).toHaveTextContent(
      'Stale: showing the last good result, from 2026-11-25 10:00 UTC. Why: manifests/vm.yaml could not be read (404)',
    );
    // The last good result is still shown.
    expect(screen.getByText('KubeVirt VMs')).toBeInTheDocument();
  });

  it('offers to evaluate a pending component now', async () => {
    let refreshed = 0;
    server.use(
      http.get(entityUrl, () =>
        HttpResponse.json(
          makeStored({
            status: 'pending',
            result: null,
            evaluatedAt: undefined,
          }),
        ),
      ),
      http.post(`${entityUrl}/refresh`, () => {
        refreshed += 1;
        return HttpResponse.json(makeStored());
      }),
    );
    await render();
    expect(await screen.findByText('Not evaluated yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh now' }));
    expect(await screen.findByText('KubeVirt VMs')).toBeInTheDocument();
    expect(refreshed).toBe(1);
  });

  it('shows the backend error', async () => {
    server.use(
      http.get(entityUrl, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database is unavailable' },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    await render();
    expect(
      (await screen.findAllByText(/database is unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('shows a how-to with the annotations to add, without asking the backend', async () => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      requests.push(request.url);
    });
    await render(bareEntity);
    expect(screen.getByTestId('runtime-mode-howto')).toHaveTextContent(
      'Runtime mode not set up for this component',
    );
    expect(
      screen.getAllByText(/runtime-mode.dev\/manifests/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText(/runtime-mode.dev\/target-mode/).length,
    ).toBeGreaterThan(0);
    await waitFor(() => expect(requests).toEqual([]));
    server.events.removeAllListeners();
  });
});
