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

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { PortfolioPage } from './PortfolioPage';
import { runtimeModeApiRef, type RuntimeModeApi } from '../../api';
import { makePortfolio, mockRuntimeModeApi } from '../../testUtils/fixtures';

function render(api: RuntimeModeApi, url = '/') {
  return renderInTestApp(
    <TestApiProvider apis={[[runtimeModeApiRef, api]]}>
      <PortfolioPage />
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

function lastQuery(api: jest.Mocked<RuntimeModeApi>) {
  return api.getPortfolio.mock.calls[api.getPortfolio.mock.calls.length - 1][0];
}

// Full MUI pages under user-event are slow on a busy two-core machine.
jest.setTimeout(30_000);

describe('PortfolioPage', () => {
  it('shows KPIs by mode and level with their share, and filters on a click', async () => {
    const api = mockRuntimeModeApi();
    await render(api);
    const kpis = await screen.findByTestId('runtime-mode-kpis');
    expect(
      within(kpis).getByRole('button', {
        name: '8 components on KubeVirt VMs',
      }),
    ).toHaveTextContent('8KubeVirt VMs13% of 60');
    expect(
      within(kpis).getByRole('button', { name: '15 components Blocked' }),
    ).toBeInTheDocument();
    expect(screen.getByText('60 components')).toBeInTheDocument();
    expect(screen.getByText('2026-08-13')).toBeInTheDocument();

    await userEvent.click(
      within(kpis).getByRole('button', {
        name: '8 components on KubeVirt VMs',
      }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        mode: ['container-virtualization'],
        page: 1,
      }),
    );
  });

  it('reads filters from the URL and drops values it does not know', async () => {
    const api = mockRuntimeModeApi();
    await render(
      api,
      '/?level=blocked&mode=bogus&owner=group:default/team-virt&page=2&sort=score&order=desc',
    );
    await screen.findByTestId('runtime-mode-kpis');
    expect(lastQuery(api)).toMatchObject({
      level: ['blocked'],
      mode: [],
      owner: ['group:default/team-virt'],
      page: 2,
      sort: 'score',
      order: 'desc',
    });
    expect(screen.getByText('Owner: team-virt')).toBeInTheDocument();
  });

  it('goes from a heatmap cell to the list filtered by group, mode and level', async () => {
    const api = mockRuntimeModeApi();
    await render(api);
    const heatmap = await screen.findByTestId('runtime-mode-heatmap');
    const cell = within(heatmap).getByRole('button', {
      name: '5 Blocked on KubeVirt VMs in team-virt',
    });
    expect(cell).toHaveTextContent('5');
    await userEvent.click(cell);
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        owner: ['group:default/team-virt'],
        mode: ['container-virtualization'],
        level: ['blocked'],
        page: 1,
      }),
    );
  });

  it('groups the heatmap by system when asked', async () => {
    const api = mockRuntimeModeApi();
    await render(api);
    await screen.findByTestId('runtime-mode-heatmap');
    await userEvent.click(screen.getByRole('button', { name: /Group by/ }));
    await userEvent.click(screen.getByRole('option', { name: 'System' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ groupBy: 'system' }),
    );
  });

  it('answers who breaks at a Kubernetes version in one click', async () => {
    const api = mockRuntimeModeApi();
    await render(api);
    await screen.findByTestId('runtime-mode-blast-radius');
    await userEvent.click(
      screen.getByRole('button', { name: 'Kubernetes 1.32' }),
    );
    expect(await screen.findByTestId('blast-radius-summary')).toHaveTextContent(
      'At Kubernetes 1.32: 1 of 60 components break (removed APIs), 1 more use deprecated APIs.',
    );
    expect(api.getBlastRadius).toHaveBeenCalledWith({
      component: 'k8s',
      version: '1.32',
      filter: {},
    });
    const table = screen.getByRole('table', {
      name: 'Components affected by the upgrade',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    // Breaking components first, with the reason.
    expect(rows[0]).toHaveTextContent('vm-billing-legacy');
    expect(rows[0]).toHaveTextContent('Breaks');
    expect(rows[0]).toHaveTextContent(
      'Removed in 1.32; use flowcontrol.apiserver.k8s.io/v1 (manifests/vm-billing-legacy/flow.yaml:3)',
    );
    expect(rows[1]).toHaveTextContent('Deprecated only');
    expect(rows[1]).toHaveTextContent(
      'Deprecated in 1.23, removed in 1.36; use autoscaling/v2',
    );
  });

  it('passes the page filters to the blast radius', async () => {
    const api = mockRuntimeModeApi();
    await render(api, '/?system=system:default/billing');
    await screen.findByTestId('runtime-mode-blast-radius');
    await userEvent.click(
      screen.getByRole('button', { name: 'Kubernetes 1.33' }),
    );
    await waitFor(() =>
      expect(api.getBlastRadius).toHaveBeenCalledWith({
        component: 'k8s',
        version: '1.33',
        filter: { system: ['system:default/billing'] },
      }),
    );
  });

  it('lists components with mode, readiness and status in words, sorts and pages on the server', async () => {
    const api = mockRuntimeModeApi();
    await render(api);
    const table = await screen.findByTestId('runtime-mode-portfolio-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Legacy Billing VM');
    expect(rows[0]).toHaveTextContent('KubeVirt VMs');
    expect(rows[0]).toHaveTextContent('Blocked');
    expect(rows[0]).toHaveTextContent('1 critical, 2 warnings');
    expect(rows[0]).toHaveTextContent('API compatibility, Live migration');
    // Info concerns count too, so the column does not call them blockers.
    expect(
      within(table).getByRole('columnheader', { name: 'Concern categories' }),
    ).toBeInTheDocument();
    expect(within(table).queryByText(/Blocking/)).not.toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Bare-metal containers (conflict)');
    expect(rows[1]).toHaveTextContent('unknown');
    expect(rows[1]).toHaveTextContent('Stale (2026-11-24 10:00 UTC)');
    expect(within(table).getByText('1-25 of 60')).toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ sort: 'score', order: 'asc' }),
    );

    api.getPortfolio.mockResolvedValue(makePortfolio({ page: 2 }));
    await userEvent.click(
      within(table).getByRole('button', { name: /next page/i }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ page: 2, sort: 'score' }),
    );
  });

  it('searches by name after the user stops typing', async () => {
    const api = mockRuntimeModeApi();
    await render(api);
    await screen.findByTestId('runtime-mode-kpis');
    await userEvent.type(
      screen.getByLabelText('Search name or title'),
      'billing',
    );
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ q: 'billing' }));
    // One request for the whole word, not one per keystroke.
    expect(api.getPortfolio.mock.calls.filter(([q]) => q.q).length).toBe(1);
  });

  it('exports the filtered portfolio as CSV', async () => {
    const api = mockRuntimeModeApi({
      exportPortfolio: jest.fn().mockResolvedValue({
        filename: 'portfolio.csv',
        contentType: 'text/csv',
        content: 'entityRef\n',
      }),
    });
    const createObjectURL = jest.fn().mockReturnValue('blob:portfolio');
    (URL as any).createObjectURL = createObjectURL;
    (URL as any).revokeObjectURL = jest.fn();
    const downloads: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(`${this.download} <- ${this.href}`);
      });

    await render(api, '/?level=blocked');
    await screen.findByTestId('runtime-mode-kpis');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(downloads).toEqual(['portfolio.csv <- blob:portfolio']),
    );
    expect(api.exportPortfolio).toHaveBeenCalledWith(
      { level: ['blocked'] },
      'csv',
    );
    expect(createObjectURL.mock.calls[0][0]).toBeInstanceOf(Blob);
    click.mockRestore();
  });

  it('explains how scores are computed, from the rule catalog', async () => {
    await render(mockRuntimeModeApi());
    const rules = await screen.findByTestId('runtime-mode-rules');
    expect(rules).toHaveTextContent(
      'How levels and scores are computed (rules 2026.11.0)',
    );
    expect(rules).toHaveTextContent(
      'Each open critical concern: -30; each warning: -10.',
    );
    await userEvent.click(
      within(rules).getByText('The 1 rule that can raise a concern'),
    );
    const row = within(rules).getByRole('row', { name: /api-removed/ });
    expect(row).toHaveTextContent('API compatibility');
    expect(row).toHaveTextContent('Critical');
    expect(
      within(row).getByRole('link', { name: /Documentation/ }),
    ).toHaveAttribute(
      'href',
      'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
    );
  });

  it('shows an error when the portfolio cannot be loaded', async () => {
    const api = mockRuntimeModeApi({
      getPortfolio: jest
        .fn()
        .mockRejectedValue(new Error('pageSize must be at most 500')),
    });
    await render(api);
    expect(
      (await screen.findAllByText(/pageSize must be at most 500/)).length,
    ).toBeGreaterThan(0);
  });
});
