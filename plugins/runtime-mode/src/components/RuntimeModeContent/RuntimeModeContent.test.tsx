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
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_MODE_PROFILES,
  type EvaluationResult,
  type WhatIfRequest,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { RuntimeModeContent } from './RuntimeModeContent';
import { runtimeModeApiRef } from '../../api';
import {
  bareEntity,
  kubevirtEntity,
  makePlannedMoveResult,
  makeResult,
  makeStored,
} from '../../__testUtils__/fixtures';
import {
  baseUrl,
  defaultHandlers,
  errorResponse,
  testClient,
} from '../../__testUtils__/msw';

const entityUrl = `${baseUrl}/v1/entities/default/component/vm-billing-legacy`;

/** Shows the page's address, to see what the what-if writes into it. */
function Location() {
  const location = useLocation();
  return <div data-testid="location">{location.search}</div>;
}

// Full MUI pages under user-event are slow on a busy two-core machine.
jest.setTimeout(60_000);

describe('RuntimeModeContent', () => {
  const server = setupServer(...defaultHandlers());
  registerMswTestHooks(server);
  beforeEach(() => server.use(...defaultHandlers()));

  const render = (entity: Entity = kubevirtEntity, url = '/') =>
    renderInTestApp(
      <TestApiProvider apis={[[runtimeModeApiRef, testClient()]]}>
        <EntityProvider entity={entity}>
          <RuntimeModeContent />
          <Location />
        </EntityProvider>
      </TestApiProvider>,
      {
        routeEntries: [url],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

  const serve = (result: EvaluationResult) =>
    server.use(
      http.get(entityUrl, () => HttpResponse.json(makeStored({ result }))),
    );

  /** Answers what-ifs with `answer` and records what was asked. */
  const whatIfs = (answer: EvaluationResult) => {
    const asked: WhatIfRequest[] = [];
    server.use(
      http.post(`${entityUrl}/what-if`, async ({ request }) => {
        asked.push((await request.json()) as WhatIfRequest);
        return HttpResponse.json(answer);
      }),
    );
    return asked;
  };

  it('marks the current mode, the planned move and the best fit; the fit score says it is fit', async () => {
    serve(makePlannedMoveResult());
    await render();
    expect(
      await screen.findByTestId('matrix-head-virtualized-container'),
    ).toHaveTextContent(/Current.*Best fit/);
    expect(
      screen.getByTestId('matrix-head-container-virtualization'),
    ).toHaveTextContent('Planned move');
    const matrix = screen.getByRole('table', {
      name: 'Runtime mode comparison',
    });
    expect(
      within(matrix).getByRole('row', { name: /^Fit with its requirements/ }),
    ).toHaveTextContent('fit 20 / 100fit 100 / 100fit 60 / 100');
  });

  it('never marks the best fit as a target when no move is planned', async () => {
    await render();
    expect(
      await screen.findByTestId('matrix-head-virtualized-container'),
    ).toHaveTextContent('Best fit');
    for (const mode of [
      'bare-metal-container',
      'virtualized-container',
      'container-virtualization',
    ]) {
      expect(screen.getByTestId(`matrix-head-${mode}`)).not.toHaveTextContent(
        /Planned move|Target/,
      );
    }
  });

  it('shows the rest of the comparison as facts, from the configured profiles', async () => {
    server.use(
      http.get(`${baseUrl}/v1/profiles`, () =>
        HttpResponse.json(DEFAULT_MODE_PROFILES),
      ),
    );
    await render();
    const runsOn = await screen.findByTestId('matrix-row-kubernetesRunsOn');
    expect(
      within(runsOn)
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([
      'Kubernetes runs on',
      '—',
      'physical machines',
      'virtual machines',
      'physical machines',
    ]);
    expect(screen.queryByTestId('matrix-row-isolation')).toBeNull();
  });

  it('answers both questions with their breakdown in view', async () => {
    serve(makePlannedMoveResult());
    await render();
    const summary = await screen.findByTestId('runtime-mode-summary');
    expect(summary).toHaveTextContent('Clean3 of 3 objects passing');
    expect(summary).toHaveTextContent(
      'Move to KubeVirt VMsBlocked5 of 7 checks passing',
    );
    expect(
      within(summary).getByText('How the move to KubeVirt VMs was judged'),
    ).toBeVisible();
    expect(within(summary).getByText('5 of 7 checks passing.')).toBeVisible();
    expect(summary).toHaveTextContent('Why it runs on Containers on VMs');
    expect(summary).toHaveTextContent(
      'cluster config sks-prod-01: runs on sks-prod-01 → Containers on VMs',
    );
  });

  it('groups concerns with their evidence, what to do, docs that say what they document, and waiver state', async () => {
    await render();
    expect(await screen.findByText('API compatibility')).toBeInTheDocument();
    const findings = await screen.findAllByTestId('runtime-mode-finding');
    const removed = findings.find(f =>
      f.textContent?.includes('rule api-removed'),
    )!;
    expect(removed).toHaveTextContent('Critical · broken now');
    expect(removed).toHaveTextContent(
      'Evidence: manifests/vm-billing-legacy/datavolume.yaml:1 — cdi.kubevirt.io/v1alpha1 DataVolume billing-archive',
    );
    expect(removed).toHaveTextContent(
      'What to do: Move to cdi.kubevirt.io/v1beta1.',
    );
    await waitFor(() =>
      expect(
        within(removed).getByRole('link', {
          name: /Docs: API removed at the target \(kubernetes.io\)/,
        }),
      ).toHaveAttribute(
        'href',
        'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
      ),
    );
    const waivers = screen
      .getAllByTestId('runtime-mode-waiver')
      .map(w => w.textContent);
    expect(waivers).toContain(
      'Waiver expired on 2026-01-31: this concern counts again. Reason given: Guest agent rollout',
    );
    expect(waivers).toContain(
      'Waived until 2027-03-31: Probes land with the v5 rewrite',
    );
  });

  it('says which objects are broken today and which break at the planned upgrade', async () => {
    await render();
    await screen.findByText('Objects in the manifests (3)');
    const dvRow = screen
      .getByText('billing-archive', { selector: 'p *, p' })
      .closest('tr')!;
    expect(dvRow).toHaveTextContent(
      'Broken now: a cluster it runs on no longer serves it',
    );
    expect(dvRow).toHaveTextContent('cdi.kubevirt.io/v1beta1');
    const serviceRow = screen
      .getByText('billing', { selector: 'p *, p' })
      .closest('tr')!;
    expect(serviceRow).toHaveTextContent('Served at the planned version');
    expect(screen.getByText(/Judged against:/)).toHaveTextContent(
      'Kubernetes 1.34 (planned), KubeVirt 1.6.0 (planned). API knowledge base as of 2026-08-13.',
    );
  });

  it('never calls an object safe that was not judged', async () => {
    serve(
      makeResult({
        findings: [],
        notJudged: ['cdi'],
        objects: [
          {
            file: 'dv.yaml',
            line: 1,
            apiVersion: 'cdi.kubevirt.io/v1beta1',
            kind: 'DataVolume',
            name: 'disk-a',
          },
          {
            file: 'mon.yaml',
            line: 1,
            apiVersion: 'monitoring.coreos.com/v1',
            kind: 'ServiceMonitor',
            name: 'mon-b',
          },
        ],
      }),
    );
    await render();
    const row = async (name: string) =>
      (await screen.findByText(name, { selector: 'p *, p' })).closest('tr')!;
    expect(await row('disk-a')).toHaveTextContent(
      'Not judged: no target version for CDI',
    );
    expect(await row('mon-b')).toHaveTextContent(
      'Not judged: the knowledge base has no data on this API',
    );
  });

  it('attributes a Cluster API infrastructure object to its provider by kind, never to another provider', async () => {
    serve(
      makeResult({
        findings: [],
        notJudged: ['cluster-api-provider-vsphere'],
        objects: [
          {
            file: 'infra.yaml',
            line: 1,
            apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
            kind: 'VSphereCluster',
            name: 'vsphere-a',
          },
          {
            file: 'infra.yaml',
            line: 9,
            apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
            kind: 'AWSCluster',
            name: 'aws-b',
          },
        ],
      }),
    );
    await render();
    const row = async (name: string) =>
      (await screen.findByText(name, { selector: 'p *, p' })).closest('tr')!;
    expect(await row('vsphere-a')).toHaveTextContent(
      'Not judged: no target version for',
    );
    expect(await row('aws-b')).toHaveTextContent(
      'Not judged: the knowledge base has no data on this API',
    );
  });

  it('tells the history as counts of open concerns, not as a score', async () => {
    await render();
    const historyPanel = await screen.findByTestId('runtime-mode-history');
    const items = within(historyPanel)
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(items).toEqual([
      expect.stringContaining(
        '1 critical, 2 warnings (all concerns: Blocked), on KubeVirt VMs',
      ),
      expect.stringContaining(
        '0 critical, 2 warnings (all concerns: Ready with warnings)',
      ),
    ]);
    expect(historyPanel).not.toHaveTextContent(/score/i);
  });

  it('answers a what-if from the address, with what changes and the snippet that makes it the plan', async () => {
    const answer = makePlannedMoveResult({
      mode: makeResult().mode,
      migration: {
        ...makePlannedMoveResult().migration!,
        targetMode: 'virtualized-container',
        targetSource: 'option',
        checks: { passing: 3, total: 7 },
      },
      findings: makeResult().findings.slice(1),
    });
    const asked = whatIfs(answer);
    await render(
      kubevirtEntity,
      '/?whatIfMode=virtualized-container&whatIfK8s=1.35',
    );
    const result = await screen.findByTestId('runtime-mode-what-if-result');
    expect(asked).toEqual([
      { targetMode: 'virtualized-container', targets: { k8s: '1.35' } },
    ]);
    expect(result).toHaveTextContent(
      'With a move to Containers on VMs at Kubernetes 1.35',
    );
    expect(result).toHaveTextContent(
      'Upgrade: Broken now, 1 of 2 objects passing → Clean, 3 of 3 objects passing',
    );
    expect(result).toHaveTextContent(
      'Migration: No move planned → Move to Containers on VMs: Blocked, 3 of 7 checks passing',
    );
    expect(result).toHaveTextContent('Open critical concerns: 2 → 1');
    expect(within(result).getByTestId('what-if-cleared')).toHaveTextContent(
      'Concerns this choice clears (1)',
    );
    const snippet = within(result).getByTestId('runtime-mode-what-if-snippet');
    expect(snippet).toHaveTextContent(
      'runtime-mode.dev/target-mode: virtualized-container',
    );
    expect(
      within(snippet).getByRole('button', { name: /copy/i }),
    ).toBeInTheDocument();
  });

  it('keeps the what-if choice in the address', async () => {
    const asked = whatIfs(makeResult());
    await render();
    await screen.findByTestId('runtime-mode-what-if');
    expect(asked).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: /^Move/ }));
    await userEvent.click(
      screen.getByRole('option', { name: 'Move to Bare-metal containers' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '?whatIfMode=bare-metal-container',
      ),
    );
    await waitFor(() =>
      expect(asked).toEqual([{ targetMode: 'bare-metal-container' }]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(/^$/),
    );
  });

  it('says that staying where it runs is not a move, and offers no snippet', async () => {
    whatIfs(makeResult());
    await render(kubevirtEntity, '/?whatIfMode=container-virtualization');
    const result = await screen.findByTestId('runtime-mode-what-if-result');
    expect(result).toHaveTextContent(
      'Staying on KubeVirt VMs is not a move: there is no migration to judge.',
    );
    expect(
      within(result).queryByTestId('runtime-mode-what-if-snippet'),
    ).not.toBeInTheDocument();
  });

  it('shows the planned Kubernetes version in the what-if before any choice', async () => {
    await render();
    expect(await screen.findByTestId('runtime-mode-what-if')).toHaveTextContent(
      'As planned (1.34)',
    );
  });

  it('keeps the page when one panel fails: the history says why and retries', async () => {
    let calls = 0;
    server.use(
      http.get(`${entityUrl}/history`, () => {
        calls += 1;
        return errorResponse(500, 'history table is locked');
      }),
    );
    await render();
    const error = await screen.findByTestId('runtime-mode-panel-error');
    expect(error).toHaveTextContent('Could not load the history');
    expect(error).toHaveTextContent('history table is locked (HTTP 500)');
    expect(screen.getByTestId('runtime-mode-summary')).toBeInTheDocument();
    expect(
      screen.getAllByTestId('runtime-mode-finding').length,
    ).toBeGreaterThan(0);
    await userEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toBe(2));
  });

  it("shows the server's message when the evaluation cannot be loaded", async () => {
    server.use(http.get(entityUrl, () => errorResponse(503, 'store is down')));
    await render();
    expect(
      await screen.findByTestId('runtime-mode-panel-error'),
    ).toHaveTextContent('store is down (HTTP 503)');
  });

  it('explains how to set up a component without annotations', async () => {
    await render(bareEntity);
    expect(screen.getByTestId('runtime-mode-howto')).toBeInTheDocument();
  });

  it('says a pending component is not evaluated yet', async () => {
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
    );
    await render();
    expect(await screen.findByText('Not evaluated yet.')).toBeInTheDocument();
  });
});
