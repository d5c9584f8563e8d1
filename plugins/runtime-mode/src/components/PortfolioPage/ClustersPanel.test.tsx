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

import { useLocation } from 'react-router-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  TestApiProvider,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { PortfolioPage } from './PortfolioPage';
import { runtimeModeApiRef } from '../../api';
import { clusterUpgrades } from '../../__testUtils__/fixtures';
import {
  baseUrl,
  defaultHandlers,
  errorResponse,
  testClient,
} from '../../__testUtils__/msw';

function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.search}</div>;
}

// Full MUI pages under user-event are slow on a busy two-core machine.
jest.setTimeout(60_000);

describe('The Clusters tab of the portfolio page', () => {
  const server = setupServer(...defaultHandlers());
  registerMswTestHooks(server);

  let blastAsked: URLSearchParams[];
  beforeEach(() => {
    blastAsked = [];
    server.use(...defaultHandlers());
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/v1/blast-radius')) {
        blastAsked.push(url.searchParams);
      }
    });
  });
  afterEach(() => server.events.removeAllListeners());

  const render = (url = '/?tab=clusters') =>
    renderInTestApp(
      <TestApiProvider apis={[[runtimeModeApiRef, testClient()]]}>
        <PortfolioPage />
        <Location />
      </TestApiProvider>,
      {
        routeEntries: [url],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

  it('lists each cluster with its mode, versions today and component counts', async () => {
    await render();
    const bm = await screen.findByTestId('runtime-mode-cluster-bm-prod-01');
    expect(bm).toHaveTextContent('bm-prod-01');
    expect(bm).toHaveTextContent('kubeadm on bare metal');
    expect(bm).toHaveTextContent('Bare-metal container');
    expect(bm).toHaveTextContent('Kubernetes 1.31');
    expect(bm).toHaveTextContent('4 components');
    expect(bm).toHaveTextContent('1 without manifests: not judged');
    const kv = screen.getByTestId('runtime-mode-cluster-kv-prod-01');
    expect(kv).toHaveTextContent('Kubernetes 1.33 · KubeVirt 1.5.0');
  });

  it('says per next version how many break, are already broken or degrade, and why', async () => {
    await render();
    const bm = await screen.findByTestId('runtime-mode-cluster-bm-prod-01');
    expect(bm).toHaveTextContent('Kubernetes 1.32: 2 break · 1 already broken');
    expect(bm).toHaveTextContent(
      'Kubernetes 1.33 (planned): 2 break · 1 already broken · 1 degrades',
    );
    expect(bm).toHaveTextContent(
      'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema removed in v1.32.0 → flowcontrol.apiserver.k8s.io/v1 (2 components)',
    );
    const kv = screen.getByTestId('runtime-mode-cluster-kv-prod-01');
    expect(kv).toHaveTextContent(
      'KubeVirt 1.6.0 (planned): nothing breaks or degrades',
    );
  });

  it('opens the blast radius of that cluster and version from a next version', async () => {
    await render();
    const bm = await screen.findByTestId('runtime-mode-cluster-bm-prod-01');
    await userEvent.click(
      within(bm).getByRole('button', {
        name: /^Kubernetes 1\.32 on bm-prod-01: 2 break · 1 already broken\. Show these components in the blast radius$/,
      }),
    );
    const panel = await screen.findByTestId('blast-radius-cluster');
    expect(panel).toHaveTextContent(
      'Only the components on cluster bm-prod-01, judged from its own version today.',
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '?version=1.32&cluster=bm-prod-01',
    );
    await waitFor(() => expect(blastAsked.length).toBeGreaterThan(0));
    const last = blastAsked[blastAsked.length - 1];
    expect(last.get('component')).toBe('k8s');
    expect(last.get('version')).toBe('1.32');
    expect(last.get('cluster')).toBe('bm-prod-01');
  });

  it('lets the blast radius go back to every cluster', async () => {
    await render('/?version=1.32&cluster=bm-prod-01');
    await userEvent.click(
      await screen.findByRole('button', { name: 'All clusters' }),
    );
    expect(screen.queryByTestId('blast-radius-cluster')).toBeNull();
    expect(screen.getByTestId('location')).toHaveTextContent('?version=1.32');
    expect(blastAsked[blastAsked.length - 1].get('cluster')).toBeNull();
  });

  it('shows a loading state, then the clusters', async () => {
    let release: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      release = resolve;
    });
    server.use(
      http.get(`${baseUrl}/v1/clusters`, async () => {
        await answered;
        return HttpResponse.json(clusterUpgrades);
      }),
    );
    await render();
    expect(
      await screen.findByText('Loading the clusters…'),
    ).toBeInTheDocument();
    release();
    expect(
      await screen.findByTestId('runtime-mode-clusters'),
    ).toBeInTheDocument();
  });

  it('says how to configure clusters when none is', async () => {
    server.use(
      http.get(`${baseUrl}/v1/clusters`, () =>
        HttpResponse.json({ ...clusterUpgrades, clusters: [] }),
      ),
    );
    await render();
    expect(
      await screen.findByTestId('runtime-mode-clusters-empty'),
    ).toHaveTextContent('No cluster is configured');
  });

  it('says so when a cluster has no known next version', async () => {
    server.use(
      http.get(`${baseUrl}/v1/clusters`, () =>
        HttpResponse.json({
          ...clusterUpgrades,
          clusters: [{ ...clusterUpgrades.clusters[1], steps: [] }],
        }),
      ),
    );
    await render();
    expect(
      await screen.findByTestId('runtime-mode-cluster-kv-prod-01'),
    ).toHaveTextContent('No next version known');
  });

  it('shows the server error with a retry that loads again', async () => {
    server.use(
      http.get(`${baseUrl}/v1/clusters`, () =>
        errorResponse(500, 'the database is away'),
      ),
    );
    await render();
    expect(
      await screen.findByText('Could not load the clusters'),
    ).toBeInTheDocument();
    expect(screen.getByText(/the database is away/)).toBeInTheDocument();
    server.use(
      http.get(`${baseUrl}/v1/clusters`, () =>
        HttpResponse.json(clusterUpgrades),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: /retry/i }));
    expect(
      await screen.findByTestId('runtime-mode-cluster-bm-prod-01'),
    ).toBeInTheDocument();
  });
});
