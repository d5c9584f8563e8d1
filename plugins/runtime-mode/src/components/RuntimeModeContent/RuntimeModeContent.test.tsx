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

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DEFAULT_MODE_PROFILES } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { RuntimeModeContent } from './RuntimeModeContent';
import { runtimeModeApiRef, type RuntimeModeApi } from '../../api';
import {
  bareEntity,
  kubevirtEntity,
  makeResult,
  makeStored,
  mockRuntimeModeApi,
} from '../../testUtils/fixtures';

function render(api: RuntimeModeApi, entity: Entity = kubevirtEntity) {
  return renderInTestApp(
    <TestApiProvider apis={[[runtimeModeApiRef, api]]}>
      <EntityProvider entity={entity}>
        <RuntimeModeContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

// Full MUI pages under user-event are slow on a busy two-core machine.
jest.setTimeout(30_000);

describe('RuntimeModeContent', () => {
  it('marks the current, target and best-fit modes and the fit per dimension', async () => {
    await render(mockRuntimeModeApi());
    const kubevirt = await screen.findByTestId(
      'matrix-head-container-virtualization',
    );
    expect(kubevirt).toHaveTextContent('Current');
    expect(kubevirt).toHaveTextContent('Target');
    expect(
      screen.getByTestId('matrix-head-virtualized-container'),
    ).toHaveTextContent('Best fit');
    expect(
      screen.getByTestId('matrix-head-bare-metal-container'),
    ).not.toHaveTextContent(/Current|Target|Best fit/);
    const matrix = screen.getByRole('table', {
      name: 'Runtime mode comparison',
    });
    const isolation = within(matrix).getByRole('row', { name: /^Isolation/ });
    const cells = within(isolation).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'Isolation',
      'strong',
      'weak (shared kernel)does not fit',
      'strong (VM isolation)fits',
      'medium (mixed)partly',
    ]);
    expect(
      within(matrix).getByRole('row', { name: /^Fit score/ }),
    ).toHaveTextContent('20 / 100100 / 10060 / 100');
  });

  it('shows the rest of the seed comparison as facts, from the configured profiles', async () => {
    const api = mockRuntimeModeApi({
      getProfiles: jest
        .fn()
        .mockResolvedValue(
          DEFAULT_MODE_PROFILES as unknown as Awaited<
            ReturnType<RuntimeModeApi['getProfiles']>
          >,
        ),
    });
    await render(api);
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
    expect(
      screen.getByTestId('matrix-row-performanceOverhead'),
    ).toHaveTextContent('0%5–15%5–10%');
    // Scored dimensions keep their fit marks and are not repeated as facts.
    expect(screen.queryByTestId('matrix-row-isolation')).toBeNull();
    expect(screen.queryByTestId('matrix-row-operationalComplexity')).toBeNull();
    const matrix = screen.getByRole('table', {
      name: 'Runtime mode comparison',
    });
    expect(
      within(matrix).getAllByRole('row', { name: /^Isolation/ }),
    ).toHaveLength(1);
  });

  it('groups concerns by category with evidence, remediation, docs and waiver state', async () => {
    await render(mockRuntimeModeApi());
    expect(await screen.findByText('API compatibility')).toBeInTheDocument();
    expect(screen.getByText('(1 critical)')).toBeInTheDocument();
    expect(screen.getByText('(1 waived)')).toBeInTheDocument();

    const findings = screen.getAllByTestId('runtime-mode-finding');
    const removed = findings.find(f =>
      f.textContent?.includes('rule api-removed'),
    )!;
    expect(removed).toHaveTextContent(
      'Evidence: manifests/vm-billing-legacy/vm.yaml:1 — kubevirt.io/v1alpha3 VirtualMachine billing-vm',
    );
    expect(removed).toHaveTextContent(
      'What to do: Change apiVersion to kubevirt.io/v1',
    );
    expect(
      within(removed).getByRole('link', { name: /Documentation/ }),
    ).toHaveAttribute('href', 'https://kubevirt.io/user-guide/');

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

  it('lists every object with its API status and the time left before removal', async () => {
    await render(mockRuntimeModeApi());
    const table = await screen.findByText('Objects in the manifests (2)');
    expect(table).toBeInTheDocument();
    const vmRow = screen
      .getByText('billing-vm', { selector: 'p *, p' })
      .closest('tr')!;
    expect(vmRow).toHaveTextContent('kubevirt.io/v1alpha3');
    expect(vmRow).toHaveTextContent('Removed in 1.32, deprecated in 1.0.0');
    expect(vmRow).toHaveTextContent('kubevirt.io/v1');
    expect(vmRow).toHaveTextContent(/Already removed .* ago/);
    const serviceRow = screen
      .getByText('billing', { selector: 'p *, p' })
      .closest('tr')!;
    expect(serviceRow).toHaveTextContent('Served at the target');
    expect(screen.getByText(/Judged against:/)).toHaveTextContent(
      'Kubernetes 1.34 (from cluster). API knowledge base as of 2026-08-13.',
    );
    expect(screen.getByText(/objects of/).parentElement).toHaveTextContent(
      'Not judged: objects of CDI, because no target version is known for it.',
    );
  });

  it('names every knowledge-base component it judged against in words', async () => {
    const api = mockRuntimeModeApi();
    api.getEvaluation.mockResolvedValue(
      makeStored({
        result: makeResult({
          targets: [
            { component: 'k8s', version: '1.34', source: 'config' },
            { component: 'vsphere-tkgs', version: '3.3.0', source: 'config' },
            {
              component: 'cluster-api-provider-vsphere',
              version: '1.16.0',
              source: 'config',
            },
          ],
        }),
      }),
    );
    await render(api);
    expect(await screen.findByText(/Judged against:/)).toHaveTextContent(
      'Kubernetes 1.34 (from config), vSphere TKG Service 3.3.0 (from config), Cluster API Provider vSphere 1.16.0 (from config).',
    );
  });

  it('never calls an object safe that was not judged', async () => {
    const api = mockRuntimeModeApi();
    api.getEvaluation.mockResolvedValue(
      makeStored({
        result: makeResult({
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
            {
              file: 'svc.yaml',
              line: 1,
              apiVersion: 'v1',
              kind: 'Service',
              name: 'svc-c',
            },
          ],
        }),
      }),
    );
    await render(api);
    const row = async (name: string) =>
      (await screen.findByText(name, { selector: 'p *, p' })).closest('tr')!;
    expect(await row('disk-a')).toHaveTextContent(
      'Not judged: no target version for CDI',
    );
    expect(await row('mon-b')).toHaveTextContent(
      'Not judged: the knowledge base has no data on this API',
    );
    expect(await row('svc-c')).toHaveTextContent('Served at the target');
  });

  it('shows the history of level and score', async () => {
    await render(mockRuntimeModeApi());
    const historyPanel = await screen.findByTestId('runtime-mode-history');
    const items = within(historyPanel)
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(items).toEqual([
      expect.stringContaining('Blocked, score 35, 1 critical, 2 warnings'),
      expect.stringContaining(
        'Ready with warnings, score 70, 0 critical, 2 warnings',
      ),
    ]);
  });

  it('re-evaluates a what-if through the API and compares it with the stored result', async () => {
    const whatIfResult = makeResult({
      readiness: {
        targetMode: 'bare-metal-container',
        targetSource: 'option',
        level: 'ready',
        score: 100,
        explanation: ['start at 100', 'no concerns'],
      },
      findings: [],
    });
    const api = mockRuntimeModeApi({
      whatIf: jest.fn().mockResolvedValue(whatIfResult),
    });
    await render(api);

    await userEvent.click(
      await screen.findByRole('button', { name: /Target mode/ }),
    );
    await userEvent.click(
      screen.getByRole('option', { name: 'Bare-metal containers' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: /Target Kubernetes version/ }),
    );
    await userEvent.click(
      screen.getByRole('option', { name: 'Kubernetes 1.36' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Evaluate what-if' }),
    );

    const result = await screen.findByTestId('runtime-mode-what-if-result');
    expect(api.whatIf).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'vm-billing-legacy' },
      { targetMode: 'bare-metal-container', targets: { k8s: '1.36' } },
    );
    expect(result).toHaveTextContent(
      'Target mode: KubeVirt VMs → Bare-metal containers',
    );
    expect(result).toHaveTextContent('Readiness: Blocked → Ready');
    expect(result).toHaveTextContent('Score: 35 → 100');
    expect(result).toHaveTextContent('Open critical concerns: 1 → 0');
    expect(screen.getByTestId('what-if-added')).toHaveTextContent(
      'New concerns at this target (0)',
    );
    const cleared = screen.getByTestId('what-if-cleared');
    expect(cleared).toHaveTextContent('Concerns this target clears (3)');
    // The critical one first; the waived one was never open.
    expect(within(cleared).getAllByRole('listitem')[0]).toHaveTextContent(
      'Critical kubevirt.io/v1alpha3 VirtualMachine is removed at the target',
    );
    expect(cleared).not.toHaveTextContent('No readiness probe');
  });

  it('lists the concerns a what-if target adds', async () => {
    const current = makeResult();
    const added = {
      ...current.findings[0],
      id: 'hardware-virtualization-missing',
      category: 'hardware' as const,
      message: 'Cluster kv-lab-01 has no VT-x/AMD-V',
      file: undefined,
      line: undefined,
    };
    const api = mockRuntimeModeApi({
      whatIf: jest
        .fn()
        .mockResolvedValue(
          makeResult({ findings: [...current.findings, added] }),
        ),
    });
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Evaluate what-if' }),
    );
    const list = await screen.findByTestId('what-if-added');
    expect(list).toHaveTextContent('New concerns at this target (1)');
    expect(list).toHaveTextContent(
      'Critical Cluster kv-lab-01 has no VT-x/AMD-V',
    );
    expect(screen.getByTestId('what-if-cleared')).toHaveTextContent(
      'Concerns this target clears (0)',
    );
  });

  it('shows the configured Kubernetes version in the what-if form before any choice', async () => {
    await render(mockRuntimeModeApi());
    expect(
      await screen.findByRole('button', { name: /Target Kubernetes version/ }),
    ).toHaveTextContent('As configured (1.34)');
    expect(
      screen.getByRole('button', { name: /Target mode/ }),
    ).toHaveTextContent('KubeVirt VMs');
  });

  it('sends no override for values left as configured', async () => {
    const api = mockRuntimeModeApi();
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: /Target mode/ }),
    );
    await userEvent.click(
      screen.getByRole('option', { name: 'As configured' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Evaluate what-if' }),
    );
    await screen.findByTestId('runtime-mode-what-if-result');
    expect(api.whatIf).toHaveBeenCalledWith(expect.anything(), {});
  });

  it('explains how to set up a component without annotations', async () => {
    const api = mockRuntimeModeApi();
    await render(api, bareEntity);
    expect(screen.getByTestId('runtime-mode-howto')).toBeInTheDocument();
    expect(api.getEvaluation).not.toHaveBeenCalled();
  });

  it('shows an error panel when the evaluation cannot be loaded', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message: 'You may not read this component',
        },
        request: { method: 'GET', url: '/' },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await render(
      mockRuntimeModeApi({ getEvaluation: jest.fn().mockRejectedValue(error) }),
    );
    expect(
      (await screen.findAllByText(/You may not read this component/)).length,
    ).toBeGreaterThan(0);
  });

  it('says a pending component is not evaluated yet', async () => {
    await render(
      mockRuntimeModeApi({
        getEvaluation: jest
          .fn()
          .mockResolvedValue(makeStored({ status: 'pending', result: null })),
      }),
    );
    expect(
      await screen.findByTestId('runtime-mode-status-pending'),
    ).toHaveTextContent('Not evaluated yet.');
    expect(screen.queryByText('Mode comparison')).not.toBeInTheDocument();
  });
});
