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

import { ClusterConfig } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { portfolioRow } from '../../testUtils/rows';
import {
  ClusterUpgradeInput,
  computeClusterUpgradeDetail,
  computeClusterUpgrades,
  ComponentPlacement,
} from './computeClusterUpgrades';

const INGRESS_REMOVED_IN_1_22 = 'extensions/v1beta1\tIngress';
const FLOWSCHEMA_REMOVED_IN_1_32 =
  'flowcontrol.apiserver.k8s.io/v1beta3\tFlowSchema';
const ENDPOINTS_DEPRECATED_IN_1_33 = 'v1\tEndpoints';
const DEPLOYMENT = 'apps/v1\tDeployment';
const INSTANCETYPE_REMOVED_IN_KUBEVIRT_1_6 =
  'instancetype.kubevirt.io/v1alpha1\tVirtualMachineInstancetype';

const bm: ClusterConfig = {
  name: 'bm',
  mode: 'bare-metal-container',
  platform: 'kubeadm',
  kubernetesVersion: '1.31',
};
const kv: ClusterConfig = {
  name: 'kv',
  mode: 'container-virtualization',
  kubernetesVersion: '1.32',
  kubevirtVersion: '1.5.0',
  versions: { cdi: '1.60.0' },
};

function input(
  placements: Record<string, ComponentPlacement>,
  targets: Record<string, string> = { k8s: '1.33', kubevirt: '1.6.0' },
): ClusterUpgradeInput {
  return {
    rows: Object.keys(placements).map(name => portfolioRow(name)),
    placements: new Map(
      Object.entries(placements).map(([name, p]) => [
        `component:default/${name}`,
        p,
      ]),
    ),
    config: {
      clusters: [bm, kv],
      apiPolicy: {
        targets,
        alphaInProduction: 'warning',
        extraDeprecations: [],
      },
    },
    newestKnownKubernetes: '1.37',
  };
}

const estate = input({
  clean: { clusters: ['bm'], apiKinds: [DEPLOYMENT] },
  legacy: { clusters: ['bm'], apiKinds: [DEPLOYMENT, INGRESS_REMOVED_IN_1_22] },
  flows: { clusters: ['bm', 'kv'], apiKinds: [FLOWSCHEMA_REMOVED_IN_1_32] },
  endpoints: { clusters: ['bm'], apiKinds: [ENDPOINTS_DEPRECATED_IN_1_33] },
  vm: { clusters: ['kv'], apiKinds: [INSTANCETYPE_REMOVED_IN_KUBEVIRT_1_6] },
  nothing: { clusters: ['kv'], apiKinds: [] },
  nowhere: { clusters: [], apiKinds: [INGRESS_REMOVED_IN_1_22] },
});

describe('computeClusterUpgrades', () => {
  it('lists every configured cluster with its mode, platform and versions today', () => {
    const view = computeClusterUpgrades(estate);
    expect(view.clusters.map(c => c.name)).toEqual(['bm', 'kv']);
    expect(view.clusters[0]).toMatchObject({
      name: 'bm',
      mode: 'bare-metal-container',
      platform: 'kubeadm',
      versions: [{ component: 'k8s', version: '1.31' }],
    });
    expect(view.clusters[1].versions).toEqual([
      { component: 'k8s', version: '1.32' },
      { component: 'kubevirt', version: '1.5.0' },
      { component: 'cdi', version: '1.60.0' },
    ]);
    expect(view.newestKnownKubernetes).toBe('1.37');
  });

  it('counts the components that name a cluster, once per cluster they run on', () => {
    const [bmView, kvView] = computeClusterUpgrades(estate).clusters;
    expect(bmView.components).toBe(4);
    expect(kvView.components).toBe(3);
  });

  it('counts components with no manifest object apart: nothing judged is not safe', () => {
    const [bmView, kvView] = computeClusterUpgrades(estate).clusters;
    expect(bmView.withoutObjects).toBe(0);
    expect(kvView.withoutObjects).toBe(1);
  });

  it('steps through each Kubernetes minor up to the planned target, then the KubeVirt target', () => {
    const [bmView, kvView] = computeClusterUpgrades(estate).clusters;
    expect(bmView.steps.map(s => [s.component, s.version, s.planned])).toEqual([
      ['k8s', '1.32', false],
      ['k8s', '1.33', true],
    ]);
    expect(kvView.steps.map(s => [s.component, s.version, s.planned])).toEqual([
      ['k8s', '1.33', true],
      ['kubevirt', '1.6.0', true],
    ]);
  });

  it('judges a removal the step brings as breaking, apart from one the cluster already suffers', () => {
    const [bmView] = computeClusterUpgrades(estate).clusters;
    const to132 = bmView.steps[0];
    expect(to132).toMatchObject({
      from: '1.31',
      alreadyBroken: 1,
      breaking: 1,
      degrading: 0,
    });
    expect(to132.apis).toEqual([
      expect.objectContaining({
        apiVersion: 'extensions/v1beta1',
        kind: 'Ingress',
        status: 'already-broken',
        components: 1,
      }),
      expect.objectContaining({
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
        kind: 'FlowSchema',
        status: 'newly-breaks',
        removedIn: 'v1.32.0',
        replacement: 'flowcontrol.apiserver.k8s.io/v1',
        components: 1,
      }),
    ]);
  });

  it('counts a deprecated API as degrading, not breaking', () => {
    const to133 = computeClusterUpgrades(estate).clusters[0].steps[1];
    expect(to133.degrading).toBe(1);
    expect(to133.apis).toContainEqual(
      expect.objectContaining({
        apiVersion: 'v1',
        kind: 'Endpoints',
        status: 'deprecated',
        deprecatedIn: 'v1.33.0',
      }),
    );
  });

  it('judges each cluster from its own version: a removal in force there is already broken', () => {
    const kvTo133 = computeClusterUpgrades(estate).clusters[1].steps[0];
    // flows runs on kv at 1.32, where its FlowSchema is already gone.
    expect(kvTo133).toMatchObject({ alreadyBroken: 1, breaking: 0 });
  });

  it('judges a KubeVirt step against the KubeVirt APIs only', () => {
    const kubevirtStep = computeClusterUpgrades(estate).clusters[1].steps[1];
    expect(kubevirtStep).toMatchObject({
      component: 'kubevirt',
      from: '1.5.0',
      version: '1.6.0',
      alreadyBroken: 0,
      breaking: 1,
      degrading: 0,
    });
    expect(kubevirtStep.apis.map(a => a.kind)).toEqual([
      'VirtualMachineInstancetype',
    ]);
  });

  it('leaves out a component the caller may not read: its row is not given', () => {
    const visible = {
      ...estate,
      rows: estate.rows.filter(r => r.name !== 'legacy'),
    };
    const [bmView] = computeClusterUpgrades(visible).clusters;
    expect(bmView.components).toBe(3);
    expect(bmView.steps[0].alreadyBroken).toBe(0);
  });

  it('puts a component that was never evaluated on no cluster', () => {
    const pending = {
      ...estate,
      rows: [...estate.rows, portfolioRow('pending', { status: 'pending' })],
    };
    expect(computeClusterUpgrades(pending).clusters[0].components).toBe(4);
  });

  it('shows a step for the next minor when no Kubernetes target is planned', () => {
    const view = computeClusterUpgrades(
      input({ a: { clusters: ['bm'], apiKinds: [DEPLOYMENT] } }, {}),
    );
    expect(view.clusters[0].steps.map(s => s.version)).toEqual(['1.32']);
    expect(view.clusters[0].steps[0].planned).toBe(false);
  });

  it('gives no KubeVirt step to a cluster already at the KubeVirt target', () => {
    const view = computeClusterUpgrades(
      input({}, { k8s: '1.33', kubevirt: '1.5.0' }),
    );
    expect(view.clusters[1].steps.map(s => s.component)).toEqual(['k8s']);
  });
});

describe('computeClusterUpgradeDetail', () => {
  const ask = { component: 'k8s', version: '1.32', page: 1, pageSize: 100 };

  it('lists the components of one step worst first, each with the APIs why', () => {
    const detail = computeClusterUpgradeDetail(estate, {
      cluster: 'bm',
      ...ask,
    });
    expect(detail.total).toBe(2);
    expect(detail.items.map(i => [i.name, i.status])).toEqual([
      ['legacy', 'already-broken'],
      ['flows', 'newly-breaks'],
    ]);
    expect(detail.items[1].apis).toEqual([
      expect.objectContaining({ kind: 'FlowSchema', status: 'newly-breaks' }),
    ]);
    expect(detail.cluster).toMatchObject({ name: 'bm', components: 4 });
    expect(detail.step).toMatchObject({ version: '1.32', planned: false });
  });

  it('pages the list', () => {
    const detail = computeClusterUpgradeDetail(estate, {
      cluster: 'bm',
      ...ask,
      page: 2,
      pageSize: 1,
    });
    expect(detail.items.map(i => i.name)).toEqual(['flows']);
    expect(detail.total).toBe(2);
  });

  it('answers a version that is no listed step, judged the same way', () => {
    const detail = computeClusterUpgradeDetail(estate, {
      cluster: 'bm',
      ...ask,
      version: '1.34',
    });
    expect(detail.step).toMatchObject({ version: '1.34', degrading: 1 });
  });

  it('refuses an unknown cluster as not found', () => {
    expect(() =>
      computeClusterUpgradeDetail(estate, { cluster: 'nope', ...ask }),
    ).toThrow(
      expect.objectContaining({
        name: 'NotFoundError',
        message:
          'No cluster named "nope" is configured in runtimeMode.clusters',
      }),
    );
  });

  it('refuses a component the cluster states no version of', () => {
    expect(() =>
      computeClusterUpgradeDetail(estate, {
        cluster: 'bm',
        ...ask,
        component: 'kubevirt',
        version: '1.6.0',
      }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringContaining(
          'Cluster bm states no kubevirt version',
        ),
      }),
    );
  });

  it('refuses an unknown knowledge-base component', () => {
    expect(() =>
      computeClusterUpgradeDetail(estate, {
        cluster: 'bm',
        ...ask,
        component: 'nomad',
      }),
    ).toThrow(expect.objectContaining({ name: 'InputError' }));
  });
});
