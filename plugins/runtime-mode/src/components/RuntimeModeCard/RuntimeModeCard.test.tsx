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
import { setupServer } from 'msw/node';
import { delay, http, HttpResponse } from 'msw';
import {
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import type { Entity } from '@backstage/catalog-model';
import { RuntimeModeCard } from './RuntimeModeCard';
import { runtimeModeApiRef } from '../../api';
import {
  bareEntity,
  kubevirtEntity,
  makeLegacyResult,
  makePlannedMoveResult,
  makeResult,
  makeStored,
} from '../../__testUtils__/fixtures';
import {
  baseUrl,
  defaultHandlers,
  errorResponse,
  recordRequests,
  testClient,
} from '../../__testUtils__/msw';

const entityUrl = `${baseUrl}/v1/entities/default/component/vm-billing-legacy`;

// Full MUI pages under user-event are slow on a busy two-core machine.
jest.setTimeout(30_000);

describe('RuntimeModeCard', () => {
  const server = setupServer(...defaultHandlers());
  registerMswTestHooks(server);
  beforeEach(() => server.use(...defaultHandlers()));

  const render = (
    entity: Entity = kubevirtEntity,
    scm = ScmIntegrationsApi.fromConfig(mockApis.config()),
  ) =>
    renderInTestApp(
      <TestApiProvider
        apis={[
          [runtimeModeApiRef, testClient()],
          [scmIntegrationsApiRef, scm],
        ]}
      >
        <EntityProvider entity={entity}>
          <RuntimeModeCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

  const serve = (result = makeResult()) =>
    server.use(
      http.get(entityUrl, () => HttpResponse.json(makeStored({ result }))),
    );

  it('answers the upgrade and, with no move planned, only suggests the best fit', async () => {
    serve();
    await render();
    const upgrade = await screen.findByTestId('runtime-mode-upgrade');
    expect(upgrade).toHaveTextContent('Broken now');
    expect(upgrade).toHaveTextContent('1 of 2 objects passing');
    expect(upgrade).toHaveTextContent(
      'Kubernetes 1.32 → 1.34 · KubeVirt 1.5.0 → 1.6.0 · CDI 1.60.0 (unchanged)',
    );
    const migration = screen.getByTestId('runtime-mode-migration');
    expect(migration).toHaveTextContent('No move planned.');
    expect(
      within(migration).getByTestId('runtime-mode-suggestion'),
    ).toHaveTextContent(
      'Suggestion: Containers on VMs fits its requirements better (fit 100 / 100).',
    );
    expect(migration).toHaveTextContent(
      'Plan it with runtime-mode.dev/target-mode: virtualized-container',
    );
    expect(
      within(migration).getByRole('link', { name: 'Try it in the what-if' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/vm-billing-legacy/runtime?whatIfMode=virtualized-container',
    );
    const card = screen.getByTestId('runtime-mode-verdict');
    expect(card).not.toHaveTextContent(/Blocked to|Score|ready to move/i);
    expect(screen.queryByTestId('runtime-mode-level')).not.toBeInTheDocument();
  });

  it('never judges staying where it runs as a move', async () => {
    const base = makeResult();
    serve(
      makeResult({
        mode: { ...base.mode, value: 'bare-metal-container' },
        fit: { ...base.fit, bestFit: 'bare-metal-container' },
        suggestion: null,
      }),
    );
    await render();
    const migration = await screen.findByTestId('runtime-mode-migration');
    expect(migration).toHaveTextContent(
      'No move planned. Where it runs fits its stated requirements best.',
    );
    expect(screen.getByTestId('runtime-mode-verdict')).not.toHaveTextContent(
      /Blocked to stay|stay on/,
    );
  });

  it('judges a planned move by its checks and level, never by a bare number', async () => {
    serve(makePlannedMoveResult());
    await render();
    const migration = await screen.findByTestId('runtime-mode-migration');
    expect(migration).toHaveTextContent(
      'Move to KubeVirt VMsBlocked5 of 7 checks passing',
    );
    expect(migration).toHaveTextContent(
      'planned by the runtime-mode.dev/target-mode annotation',
    );
    // The 0-100 score stays in the breakdown, behind its explanation.
    expect(migration).not.toHaveTextContent(/50|score/i);
  });

  it('shows the one next step and the top three concerns once each, without their remediation', async () => {
    const base = makeResult();
    serve(
      makeResult({
        findings: [
          ...base.findings,
          // The same concern on another object says nothing new.
          { ...base.findings[1], name: 'billing-vm-2', line: 40 },
        ],
      }),
    );
    await render();
    expect(await screen.findByTestId('runtime-mode-next')).toHaveTextContent(
      'Move to cdi.kubevirt.io/v1beta1. (DataVolume billing-archive, datavolume.yaml:1)',
    );
    const concerns = screen.getByTestId('runtime-mode-top-concerns');
    const items = within(concerns).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      expect.stringMatching(/^Critical datavolume.yaml:1 DataVolume/),
      expect.stringMatching(/^Critical vm.yaml:5 VirtualMachine "billing-vm"/),
      expect.stringMatching(/^Warning vm.yaml:14 No evictionStrategy/),
    ]);
    expect(concerns).not.toHaveTextContent('Move to cdi.kubevirt.io');
    expect(screen.getByText('Top concerns (3 of 5 open)')).toBeInTheDocument();
  });

  it('links evidence to the line in source control when the entity has a source location', async () => {
    serve();
    await render({
      ...kubevirtEntity,
      metadata: {
        ...kubevirtEntity.metadata,
        annotations: {
          ...kubevirtEntity.metadata.annotations,
          'backstage.io/source-location':
            'url:https://github.com/acme/billing/tree/main/',
        },
      },
    });
    const concerns = await screen.findByTestId('runtime-mode-top-concerns');
    expect(
      within(concerns).getByRole('link', { name: /datavolume.yaml:1/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/billing/tree/main/manifests/vm-billing-legacy/datavolume.yaml#L1',
    );
  });

  it('shows evidence as plain text where there is no source control to link', async () => {
    serve();
    await render();
    const concerns = await screen.findByTestId('runtime-mode-top-concerns');
    expect(within(concerns).queryByRole('link')).not.toBeInTheDocument();
    expect(concerns).toHaveTextContent('datavolume.yaml:1');
  });

  it('opens how the answers were judged with the keyboard, not only on hover', async () => {
    serve(makePlannedMoveResult());
    await render();
    const button = await screen.findByRole('button', {
      name: 'How it was judged',
    });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(
      await screen.findByText('How the move to KubeVirt VMs was judged'),
    ).toBeVisible();
    expect(screen.getByText('5 of 7 checks passing.')).toBeVisible();
  });

  it('copes with a result stored before the two questions: says so, and keeps a guessed target a suggestion', async () => {
    serve(makeLegacyResult());
    await render();
    expect(await screen.findByTestId('runtime-mode-upgrade')).toHaveTextContent(
      'Not answered by this result: rules 2026.11.2 judged every concern together. Refresh to judge the upgrade on its own.',
    );
    expect(screen.getByTestId('runtime-mode-migration')).toHaveTextContent(
      'No move planned.Suggestion: Containers on VMs fits its requirements better (fit 100 / 100).',
    );
    expect(screen.getByTestId('runtime-mode-all-concerns')).toHaveTextContent(
      'Blocked',
    );
  });

  it('shows the evidence for the mode on hover', async () => {
    serve();
    await render();
    await userEvent.hover(await screen.findByText('KubeVirt VMs'));
    expect(
      await screen.findByText(/kubevirt.io VirtualMachine billing-vm/),
    ).toBeInTheDocument();
  });

  it('says a stale result is stale, with the reason, and keeps showing it', async () => {
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

  it('shows a placeholder shaped like the verdict while loading', async () => {
    server.use(
      http.get(entityUrl, async () => {
        await delay('infinite');
        return HttpResponse.json(makeStored());
      }),
    );
    await render();
    expect(await screen.findByTestId('runtime-mode-loading')).toHaveTextContent(
      'Loading the runtime mode verdict…',
    );
  });

  it("shows the server's message and retries on request", async () => {
    let calls = 0;
    server.use(
      http.get(entityUrl, () => {
        calls += 1;
        return calls === 1
          ? errorResponse(503, 'database is unavailable')
          : HttpResponse.json(makeStored());
      }),
    );
    await render();
    const error = await screen.findByTestId('runtime-mode-panel-error');
    expect(error).toHaveTextContent('Could not load the runtime mode verdict');
    expect(error).toHaveTextContent('database is unavailable (HTTP 503)');
    await userEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByTestId('runtime-mode-upgrade'),
    ).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('shows a how-to with the annotations to add, without asking the backend', async () => {
    const requests = recordRequests(server);
    await render(bareEntity);
    expect(screen.getByTestId('runtime-mode-howto')).toHaveTextContent(
      'Runtime mode not set up for this component',
    );
    expect(
      screen.getAllByText(/runtime-mode.dev\/target-mode/).length,
    ).toBeGreaterThan(0);
    await waitFor(() => expect(requests).toEqual([]));
    server.events.removeAllListeners();
  });
});
