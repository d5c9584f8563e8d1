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
import type {
  BlastRadius,
  PortfolioSummary,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { PortfolioPage } from './PortfolioPage';
import { runtimeModeApiRef } from '../../api';
import {
  blastRadius,
  makePortfolio,
  ruleCatalog,
} from '../../__testUtils__/fixtures';
import {
  baseUrl,
  defaultHandlers,
  errorResponse,
  testClient,
} from '../../__testUtils__/msw';

/** Shows the page's address, to see what the page writes into it. */
function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.search}</div>;
}

// Full MUI pages under user-event are slow on a busy two-core machine.
jest.setTimeout(60_000);

describe('PortfolioPage', () => {
  const server = setupServer(...defaultHandlers());
  registerMswTestHooks(server);

  /** What each endpoint was asked, by path, newest last. */
  let asked: Record<string, URLSearchParams[]>;
  beforeEach(() => {
    asked = {};
    server.use(...defaultHandlers());
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      (asked[url.pathname] ??= []).push(url.searchParams);
    });
  });
  afterEach(() => server.events.removeAllListeners());

  const portfolioAsked = () => asked['/api/runtime-mode/v1/portfolio'] ?? [];
  const lastPortfolio = () => portfolioAsked()[portfolioAsked().length - 1];
  const blastAsked = () => asked['/api/runtime-mode/v1/blast-radius'] ?? [];
  const lastBlast = () => blastAsked()[blastAsked().length - 1];

  const servePortfolio = (
    answer: (params: URLSearchParams) => PortfolioSummary,
  ) =>
    server.use(
      http.get(`${baseUrl}/v1/portfolio`, ({ request }) =>
        HttpResponse.json(answer(new URL(request.url).searchParams)),
      ),
    );

  const render = (url = '/') =>
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

  it('states the planned targets and who breaks at them on the first screen', async () => {
    await render();
    expect(
      await screen.findByTestId('runtime-mode-planned-targets'),
    ).toHaveTextContent('Planned targets: Kubernetes 1.34, KubeVirt 1.6.0');
    expect(
      screen.getByTestId('runtime-mode-upgrade-headline'),
    ).toHaveTextContent('At the planned upgrade: 3 break, 5 already broken');
    expect(
      screen.getByTestId('runtime-mode-migration-headline'),
    ).toHaveTextContent('Planned moves: 6 of 60 components');
    expect(screen.getByText('2026-12-01')).toBeInTheDocument();
  });

  it('names every tile as a sentence that starts with what it shows', async () => {
    await render();
    const tiles = await screen.findByTestId('runtime-mode-upgrade-tiles');
    expect(
      within(tiles).getByRole('button', {
        name: '5 components Broken now 8% of 60',
      }),
    ).toHaveAttribute('aria-pressed', 'false');
    const migration = screen.getByTestId('runtime-mode-migration-tiles');
    expect(
      within(migration).getByRole('button', {
        name: '1 component Ready 2% of 60',
      }),
    ).toBeInTheDocument();
  });

  it('filters on a tile and keeps the counts of its own facet', async () => {
    servePortfolio(params =>
      // The server filters the rows, but a facet is counted without its own filter.
      params.get('upgradeLevel') === 'broken-now'
        ? makePortfolio({ total: 5 })
        : makePortfolio(),
    );
    await render();
    const tiles = await screen.findByTestId('runtime-mode-upgrade-tiles');
    await userEvent.click(
      within(tiles).getByRole('button', { name: /^5 components Broken now/ }),
    );
    await waitFor(() =>
      expect(lastPortfolio().getAll('upgradeLevel')).toEqual(['broken-now']),
    );
    await waitFor(() =>
      expect(
        within(tiles).getByRole('button', { name: /^5 components Broken now/ }),
      ).toHaveAttribute('aria-pressed', 'true'),
    );
    expect(
      within(tiles).getByRole('button', { name: /^30 components Clean/ }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(
      '?upgradeLevel=broken-now',
    );
  });

  it('tells "no move planned" apart from the levels of a planned move', async () => {
    await render();
    const tiles = await screen.findByTestId('runtime-mode-migration-tiles');
    await userEvent.click(
      within(tiles).getByRole('button', { name: /No move planned/ }),
    );
    await waitFor(() => expect(lastPortfolio().get('migration')).toBe('none'));
    await userEvent.click(
      within(tiles).getByRole('button', { name: /^2 components Blocked/ }),
    );
    await waitFor(() =>
      expect(lastPortfolio().getAll('migrationLevel')).toEqual(['blocked']),
    );
    expect(lastPortfolio().has('migration')).toBe(false);
  });

  it('shows the heatmap for the upgrade and leads from a number to the list', async () => {
    await render();
    const heatmap = await screen.findByTestId('runtime-mode-heatmap');
    expect(lastPortfolio().get('heatmapBy')).toBe('upgrade');
    const cell = within(heatmap).getByRole('button', {
      name: '1 component Broken now on KubeVirt VMs in team-virt',
    });
    expect(cell).toHaveTextContent('1');
    await userEvent.click(cell);
    await waitFor(() => {
      const params = lastPortfolio();
      expect(params.getAll('owner')).toEqual(['group:default/team-virt']);
      expect(params.getAll('mode')).toEqual(['container-virtualization']);
      expect(params.getAll('upgradeLevel')).toEqual(['broken-now']);
    });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        document.getElementById('runtime-mode-components'),
      ),
    );
  });

  it('switches the heatmap to the migration question', async () => {
    await render();
    const heatmap = await screen.findByTestId('runtime-mode-heatmap');
    await userEvent.click(
      within(heatmap).getByRole('button', { name: 'Migration' }),
    );
    await waitFor(() =>
      expect(lastPortfolio().get('heatmapBy')).toBe('migration'),
    );
    expect(
      await within(heatmap).findByRole('button', {
        name: '8 components No move planned on KubeVirt VMs in team-virt',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(
      'heatmapBy=migration',
    );
  });

  it('shows a placeholder, not the other view, while the heatmap view changes', async () => {
    // Still the upgrade view while the migration view is asked for.
    servePortfolio(() => makePortfolio({}));
    await render('/?heatmapBy=migration');
    const heatmap = await screen.findByTestId('runtime-mode-heatmap');
    expect(
      within(heatmap).getByTestId('runtime-mode-loading'),
    ).toHaveTextContent('Loading the heatmap…');
    expect(heatmap).not.toHaveTextContent('counts all concerns together');
  });

  it('says so when an older backend counts all concerns together', async () => {
    const old = makePortfolio();
    servePortfolio(() => ({
      ...old,
      facets: undefined,
      heatmap: {
        groupBy: 'owner',
        groups: old.heatmap.groups.map(({ key, total, cells }) => ({
          key,
          total,
          cells,
        })),
      },
    }));
    await render();
    const heatmap = await screen.findByTestId('runtime-mode-heatmap');
    expect(heatmap).toHaveTextContent(
      'This backend counts all concerns together',
    );
    expect(
      within(heatmap).getByRole('button', {
        name: '5 components Blocked on KubeVirt VMs in team-virt',
      }),
    ).toBeInTheDocument();
  });

  it('says "no component matches" where the tiles were, with a way back', async () => {
    servePortfolio(params =>
      params.get('q')
        ? makePortfolio({ total: 0, items: [] })
        : makePortfolio(),
    );
    await render('/?q=nothing-like-this');
    const none = await screen.findByTestId('runtime-mode-no-match');
    expect(none).toHaveTextContent(
      'No evaluated component matches these filters.',
    );
    expect(
      screen.queryByTestId('runtime-mode-upgrade-tiles'),
    ).not.toBeInTheDocument();
    await userEvent.click(
      within(none).getByRole('button', { name: 'Clear filters' }),
    );
    expect(
      await screen.findByTestId('runtime-mode-upgrade-tiles'),
    ).toBeInTheDocument();
  });

  it('lists components worst first, with both answers and the top blocker, and sorts by a column', async () => {
    await render();
    const table = await screen.findByTestId('runtime-mode-portfolio-table');
    expect(lastPortfolio().get('sort')).toBe('worst');
    expect(table).toHaveTextContent('Sorted by worst first');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Legacy Billing VM');
    expect(rows[1]).toHaveTextContent('Broken now1 broken now');
    expect(rows[1]).toHaveTextContent(
      'No move plannedsuggested: Containers on VMs',
    );
    expect(
      within(rows[1]).getByRole('link', {
        name: /DataVolume "billing-archive" uses cdi.kubevirt.io\/v1alpha1/,
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/vm-billing-legacy/runtime',
    );
    expect(rows[1]).toHaveTextContent(
      'manifests/vm-billing-legacy/datavolume.yaml:1 · 2 critical, 2 warnings open',
    );
    expect(rows[2]).toHaveTextContent(
      'To KubeVirt VMsReady with warnings5 of 7 checks passing',
    );
    expect(rows[2]).toHaveTextContent('Stale (2026-11-24 10:00 UTC)');

    await userEvent.click(
      within(table).getByRole('button', { name: 'Component' }),
    );
    await waitFor(() => expect(lastPortfolio().get('sort')).toBe('name'));
    expect(await within(table).findByText('Sorted by component')).toBeVisible();
    await userEvent.click(
      within(table).getByRole('button', { name: 'Worst first' }),
    );
    await waitFor(() => expect(lastPortfolio().get('sort')).toBe('worst'));
  });

  it('reads filters from the URL and drops values it does not know', async () => {
    await render(
      '/?upgradeLevel=broken-now&upgradeLevel=bogus&mode=bogus&owner=group:default/team-virt&page=2&sort=owner&order=desc',
    );
    await screen.findByTestId('runtime-mode-upgrade-tiles');
    const params = lastPortfolio();
    expect(params.getAll('upgradeLevel')).toEqual(['broken-now']);
    expect(params.getAll('mode')).toEqual([]);
    expect(params.getAll('owner')).toEqual(['group:default/team-virt']);
    expect(params.get('page')).toBe('2');
    expect(params.get('sort')).toBe('owner');
    expect(params.get('order')).toBe('desc');
    expect(screen.getByText('Owner: team-virt')).toBeInTheDocument();
  });

  it('searches by name after the user stops typing', async () => {
    await render();
    await screen.findByTestId('runtime-mode-upgrade-tiles');
    await userEvent.type(
      screen.getByLabelText('Search name or title'),
      'billing',
    );
    await waitFor(() => expect(lastPortfolio().get('q')).toBe('billing'));
    // One request for the whole word, not one per keystroke.
    expect(portfolioAsked().filter(p => p.get('q')).length).toBe(1);
  });

  it('exports what the table shows: its filters and its order, under the name the server gives', async () => {
    server.use(
      http.get(`${baseUrl}/v1/portfolio/export`, () =>
        HttpResponse.text('entityRef\n', {
          headers: {
            'Content-Type': 'text/csv',
            'Content-Disposition':
              'attachment; filename="runtime-mode-portfolio-2026-12-01.csv"',
          },
        }),
      ),
    );
    (URL as any).createObjectURL = jest.fn().mockReturnValue('blob:portfolio');
    (URL as any).revokeObjectURL = jest.fn();
    const downloads: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        downloads.push(this.download);
      });
    await render('/?migration=none&sort=owner&order=desc');
    await screen.findByTestId('runtime-mode-upgrade-tiles');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(downloads).toEqual(['runtime-mode-portfolio-2026-12-01.csv']),
    );
    const params = asked['/api/runtime-mode/v1/portfolio/export'][0];
    expect(params.get('format')).toBe('csv');
    expect(params.get('migration')).toBe('none');
    expect(params.get('sort')).toBe('owner');
    expect(params.get('order')).toBe('desc');
    click.mockRestore();
  });

  it('answers the blast radius at the planned target at once, each cluster marked', async () => {
    await render();
    const panel = await screen.findByTestId('runtime-mode-blast-radius');
    const summary = await within(panel).findByTestId('blast-radius-summary');
    expect(lastBlast().get('component')).toBe('k8s');
    expect(lastBlast().get('version')).toBe('1.34');
    expect(summary).toHaveTextContent(
      'At Kubernetes 1.34: 1 newly breaks, 1 already broken today, 1 use deprecated APIs only, of 60 components examined.',
    );
    expect(
      within(panel).getByRole('button', { name: 'Kubernetes 1.34 planned' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(panel).getByRole('button', {
        name: 'Kubernetes 1.31 today: bm-prod-01',
      }),
    ).toBeInTheDocument();
    expect(
      within(panel).getByTestId('blast-radius-clusters'),
    ).toHaveTextContent(
      'Clusters today: bm-prod-01 (Bare-metal containers) 1.31 · kv-prod-01 (KubeVirt VMs) 1.32; no version stated: tanzu-prod-01',
    );
    const table = within(panel).getByRole('table', {
      name: 'Components affected by the upgrade',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Already broken todayruns 1.31 today');
    expect(rows[1]).toHaveTextContent('Cart Service');
    expect(rows[2]).toHaveTextContent('Newly breaks at 1.34');
    expect(rows[3]).toHaveTextContent('Deprecated only');
  });

  it('keeps the blast-radius choice in the address: version, platform and page', async () => {
    const answers: Record<string, BlastRadius> = {
      kubevirt: {
        ...blastRadius,
        component: 'kubevirt',
        version: '1.6.0',
        configuredTarget: '1.6.0',
        clusters: [
          {
            name: 'kv-prod-01',
            mode: 'container-virtualization',
            version: '1.5.0',
          },
        ],
        total: 25,
      },
    };
    server.use(
      http.get(`${baseUrl}/v1/blast-radius`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        return HttpResponse.json(
          answers[params.get('component')!] ?? {
            ...blastRadius,
            version: params.get('version'),
          },
        );
      }),
    );
    await render();
    const panel = await screen.findByTestId('runtime-mode-blast-radius');
    await within(panel).findByTestId('blast-radius-summary');
    await userEvent.click(
      within(panel).getByRole('button', { name: /^Kubernetes 1.31/ }),
    );
    await waitFor(() => expect(lastBlast().get('version')).toBe('1.31'));
    expect(screen.getByTestId('location')).toHaveTextContent('?version=1.31');

    await userEvent.click(
      within(panel).getByRole('button', { name: 'KubeVirt' }),
    );
    await waitFor(() => {
      expect(lastBlast().get('component')).toBe('kubevirt');
      expect(lastBlast().get('version')).toBe('1.6.0');
    });
    expect(screen.getByTestId('location')).toHaveTextContent(
      '?platform=kubevirt',
    );
    expect(
      await within(panel).findByRole('button', {
        name: 'KubeVirt 1.5.0 today: kv-prod-01',
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      within(panel).getByRole('button', { name: /next page/i }),
    );
    await waitFor(() => expect(lastBlast().get('page')).toBe('2'));
    expect(screen.getByTestId('location')).toHaveTextContent('brPage=2');
  });

  it('accepts another version and refuses what is not one', async () => {
    await render();
    const panel = await screen.findByTestId('runtime-mode-blast-radius');
    const other = within(panel).getByLabelText('Other version');
    await userEvent.type(other, 'latest');
    await userEvent.click(within(panel).getByRole('button', { name: 'Show' }));
    expect(
      within(panel).getByText('A version such as 1.35 or 1.6.0'),
    ).toBeInTheDocument();
    await userEvent.clear(other);
    await userEvent.type(other, '1.36');
    await userEvent.click(within(panel).getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(lastBlast().get('version')).toBe('1.36'));
  });

  it('keeps every other panel when the portfolio call fails, and retries', async () => {
    let calls = 0;
    server.use(
      http.get(`${baseUrl}/v1/portfolio`, () => {
        calls += 1;
        return calls === 1
          ? errorResponse(500, 'the store timed out')
          : HttpResponse.json(makePortfolio());
      }),
    );
    await render('/?version=1.34');
    const error = await screen.findByTestId('runtime-mode-panel-error');
    expect(error).toHaveTextContent('Could not load the portfolio');
    expect(error).toHaveTextContent('the store timed out (HTTP 500)');
    expect(
      await screen.findByTestId('blast-radius-summary'),
    ).toBeInTheDocument();
    await userEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByTestId('runtime-mode-upgrade-tiles'),
    ).toBeInTheDocument();
  });

  it('keeps the portfolio when the blast radius fails', async () => {
    server.use(
      http.get(`${baseUrl}/v1/blast-radius`, () =>
        errorResponse(400, 'version must look like 1.32'),
      ),
    );
    await render();
    const error = await screen.findByTestId('runtime-mode-panel-error');
    expect(error).toHaveTextContent(
      'Could not load the blast radius at Kubernetes 1.34',
    );
    expect(error).toHaveTextContent('version must look like 1.32 (HTTP 400)');
    expect(
      screen.getByTestId('runtime-mode-upgrade-tiles'),
    ).toBeInTheDocument();
    expect(
      screen.getByTestId('runtime-mode-portfolio-table'),
    ).toBeInTheDocument();
  });

  it('keeps rule definitions on their own tab', async () => {
    await render();
    await screen.findByTestId('runtime-mode-upgrade-tiles');
    expect(screen.queryByTestId('runtime-mode-rules')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('tab', { name: 'Rules and scoring' }),
    );
    const rules = await screen.findByTestId('runtime-mode-rules');
    expect(screen.getByTestId('location')).toHaveTextContent('?tab=rules');
    const row = within(rules).getByRole('row', { name: /api-removed/ });
    expect(
      within(row).getByRole('link', {
        name: /Docs: API removed at the target \(kubernetes.io\)/,
      }),
    ).toHaveAttribute(
      'href',
      'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
    );
  });

  it('asks for the portfolio only on its own tab, and names the rule set in the header on every tab', async () => {
    await render('/?tab=clusters');
    expect(
      await screen.findByRole('tab', { name: 'Clusters', selected: true }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(ruleCatalog.ruleSetVersion),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(asked['/api/runtime-mode/v1/clusters']).toHaveLength(1),
    );
    expect(portfolioAsked()).toHaveLength(0);

    await userEvent.click(screen.getByRole('tab', { name: 'Portfolio' }));
    await screen.findByTestId('runtime-mode-upgrade-tiles');
    expect(portfolioAsked()).toHaveLength(1);
    expect(screen.getByText(ruleCatalog.ruleSetVersion)).toBeInTheDocument();
  });

  it('shows the trend only once it has two days of data', async () => {
    servePortfolio(() => makePortfolio({ trend: [makePortfolio().trend[1]] }));
    await render();
    await screen.findByTestId('runtime-mode-upgrade-tiles');
    expect(screen.queryByText('Trend')).not.toBeInTheDocument();
  });

  it('offers a skip link to the component list', async () => {
    await render();
    await screen.findByTestId('runtime-mode-portfolio-table');
    const skip = screen.getByRole('link', {
      name: 'Skip to the component list',
    });
    await userEvent.click(skip);
    expect(document.activeElement).toBe(
      document.getElementById('runtime-mode-components'),
    );
  });
});
