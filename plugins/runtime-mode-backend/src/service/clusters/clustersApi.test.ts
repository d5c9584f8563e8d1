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

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import request from 'supertest';
import { runtimeModePlugin } from '../../plugin';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  RESTRICTED_USER,
  VIRTUAL_MACHINE,
  visibilityAwareCatalog,
} from '../../testUtils/fixtures';

jest.setTimeout(60_000);

const API = '/api/runtime-mode/v1';
const restricted = () => mockCredentials.user.header(RESTRICTED_USER);

const FLOW_SCHEMA = `apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata:
  name: batch
spec:
  priorityLevelConfiguration: { name: workload-low }
`;

describe('cluster upgrade view (REST API v1)', () => {
  const tree = createManifestTree({
    'web/deploy/web.yaml': DEPLOYMENT,
    'flows/deploy/flow.yaml': FLOW_SCHEMA,
    'legacy/deploy/ingress.yaml': OLD_INGRESS,
    'vm/deploy/vm.yaml': VIRTUAL_MACHINE,
    'secret/deploy/flow.yaml': FLOW_SCHEMA,
  });
  const on = (clusters: string) => ({
    'runtime-mode.dev/clusters': clusters,
  });
  const entities = [
    component('web', {
      root: `${tree.root}/web`,
      manifests: 'deploy/',
      annotations: on('bm'),
    }),
    component('flows', {
      root: `${tree.root}/flows`,
      manifests: 'deploy/',
      annotations: on('bm'),
    }),
    component('legacy', {
      root: `${tree.root}/legacy`,
      manifests: 'deploy/',
      annotations: on('bm'),
    }),
    component('vm', {
      root: `${tree.root}/vm`,
      manifests: 'deploy/',
      annotations: on('kv'),
    }),
    component('secret', {
      root: `${tree.root}/secret`,
      manifests: 'deploy/',
      annotations: on('bm'),
    }),
  ];
  const config = {
    runtimeMode: {
      schedule: false,
      catalogChanges: false,
      clusters: [
        {
          name: 'bm',
          mode: 'bare-metal-container',
          platform: 'kubeadm',
          kubernetesVersion: '1.31',
        },
        {
          name: 'kv',
          mode: 'container-virtualization',
          kubernetesVersion: '1.32',
          kubevirtVersion: '1.5.0',
          hardwareVirtualization: true,
        },
      ],
      apiPolicy: { targets: { k8s: '1.33', kubevirt: '1.6.0' } },
      api: { readableCacheMs: 0, forcedRefreshesPerMinute: 1000 },
    },
  };

  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let actions: ReturnType<typeof actionsRegistryServiceMock>;

  beforeAll(async () => {
    const { factory } = visibilityAwareCatalog(entities, [
      'component:default/secret',
    ]);
    actions = actionsRegistryServiceMock();
    ({ server } = await startTestBackend({
      features: [
        runtimeModePlugin,
        factory,
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => actions,
        }),
        mockServices.rootConfig.factory({ data: config }),
      ],
    }));
    for (const name of ['web', 'flows', 'legacy', 'vm', 'secret']) {
      const res = await request(server).post(
        `${API}/entities/default/component/${name}/refresh`,
      );
      if (res.status !== 200) {
        throw new Error(
          `refresh of ${name} answered ${res.status}: ${res.text}`,
        );
      }
    }
  });
  afterAll(() => tree.cleanup());

  describe('GET /clusters', () => {
    it('lists each configured cluster with its versions, components and next versions', async () => {
      const res = await request(server).get(`${API}/clusters`);
      expect(res.status).toBe(200);
      expect(res.body.clusters.map((c: { name: string }) => c.name)).toEqual([
        'bm',
        'kv',
      ]);
      const [bm, kv] = res.body.clusters;
      expect(bm).toMatchObject({
        mode: 'bare-metal-container',
        platform: 'kubeadm',
        versions: [{ component: 'k8s', version: '1.31' }],
        components: 4,
        withoutObjects: 0,
      });
      expect(
        bm.steps.map((s: { version: string; planned: boolean }) => [
          s.version,
          s.planned,
        ]),
      ).toEqual([
        ['1.32', false],
        ['1.33', true],
      ]);
      expect(kv.steps.map((s: { component: string }) => s.component)).toEqual([
        'k8s',
        'kubevirt',
      ]);
    });

    it('says who breaks at a step and why, apart from who is already broken', async () => {
      const res = await request(server).get(`${API}/clusters`);
      const to132 = res.body.clusters[0].steps[0];
      expect(to132).toMatchObject({
        from: '1.31',
        alreadyBroken: 1,
        breaking: 2,
        degrading: 0,
      });
      expect(to132.apis[1]).toMatchObject({
        apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
        kind: 'FlowSchema',
        status: 'newly-breaks',
        components: 2,
      });
    });

    it('counts only the components the caller may read', async () => {
      const res = await request(server)
        .get(`${API}/clusters`)
        .set('Authorization', restricted());
      const [bm] = res.body.clusters;
      expect(bm.components).toBe(3);
      expect(bm.steps[0]).toMatchObject({ breaking: 1 });
      expect(bm.steps[0].apis[1].components).toBe(1);
    });

    it('needs credentials', async () => {
      const res = await request(server)
        .get(`${API}/clusters`)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    });

    it('rejects a query parameter it does not take with a one-sentence 400', async () => {
      const res = await request(server).get(`${API}/clusters?version=1.33`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Invalid request: query/);
    });
  });

  describe('GET /clusters/:name/upgrade', () => {
    it('lists the components of one step worst first, each with its APIs', async () => {
      const res = await request(server).get(
        `${API}/clusters/bm/upgrade?component=k8s&version=1.32`,
      );
      expect(res.status).toBe(200);
      expect(res.body.step).toMatchObject({ version: '1.32', breaking: 2 });
      expect(
        res.body.items.map((i: { name: string; status: string }) => [
          i.name,
          i.status,
        ]),
      ).toEqual([
        ['legacy', 'already-broken'],
        ['flows', 'newly-breaks'],
        ['secret', 'newly-breaks'],
      ]);
      expect(res.body.items[1].apis[0]).toMatchObject({
        kind: 'FlowSchema',
        removedIn: 'v1.32.0',
        replacement: 'flowcontrol.apiserver.k8s.io/v1',
      });
    });

    it('hides what the caller may not read', async () => {
      const res = await request(server)
        .get(`${API}/clusters/bm/upgrade?component=k8s&version=1.32`)
        .set('Authorization', restricted());
      expect(res.body.items.map((i: { name: string }) => i.name)).toEqual([
        'legacy',
        'flows',
      ]);
    });

    it('answers an unknown cluster with 404', async () => {
      const res = await request(server).get(
        `${API}/clusters/nope/upgrade?component=k8s&version=1.32`,
      );
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        'No cluster named "nope" is configured in runtimeMode.clusters',
      );
    });

    it.each([
      ['version=1.32', "query parameter 'component'"],
      ['component=k8s', "query parameter 'version'"],
      ['component=k8s&version=latest', "query parameter 'version'"],
      ['component=nosuch&version=1.2', 'Unknown target component "nosuch"'],
      ['component=kubevirt&version=1.6.0', 'states no kubevirt version'],
      ['component=k8s&version=1.32&pageSize=0', "query parameter 'pageSize'"],
    ])('rejects %s with a clear 400', async (query, message) => {
      const res = await request(server).get(
        `${API}/clusters/bm/upgrade?${query}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    });
  });

  describe('GET /blast-radius?cluster=', () => {
    it('lists only the components on the cluster, judged from its version today', async () => {
      const res = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.32&cluster=bm`,
      );
      expect(res.status).toBe(200);
      expect(res.body.cluster).toBe('bm');
      expect(
        res.body.items.map(
          (i: { name: string; status: string; currentVersion: string }) => [
            i.name,
            i.status,
            i.currentVersion,
          ],
        ),
      ).toEqual([
        ['legacy', 'already-broken', '1.31'],
        ['flows', 'newly-breaks', '1.31'],
        ['secret', 'newly-breaks', '1.31'],
      ]);
      expect(res.body.items[1].findings[0]).toMatchObject({
        file: 'deploy/flow.yaml',
        line: 1,
      });
    });

    it('finds no one on a cluster whose components use no such API', async () => {
      const res = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.32&cluster=kv`,
      );
      expect(res.body).toMatchObject({ breaking: 0, items: [] });
    });

    it('rejects an unknown cluster with a 400 naming the configured ones', async () => {
      const res = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.32&cluster=nope`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'Unknown cluster "nope"; configured clusters: bm, kv',
      );
    });
  });

  describe('action get-cluster-upgrades', () => {
    it('answers like GET /clusters, for the caller', async () => {
      const result = await actions.invoke({
        id: 'test:get-cluster-upgrades',
        input: {},
        credentials: mockCredentials.user(RESTRICTED_USER),
      });
      const bm = (result.output as any).clusters[0];
      expect(bm).toMatchObject({ name: 'bm', components: 3 });
      expect(bm.steps[0]).toMatchObject({ version: '1.32', breaking: 1 });
    });

    it('lists one step of one cluster with the components and why', async () => {
      const result = await actions.invoke({
        id: 'test:get-cluster-upgrades',
        input: { cluster: 'bm', component: 'k8s', version: '1.32' },
        credentials: mockCredentials.user(),
      });
      const output = result.output as any;
      expect(output.clusters).toHaveLength(1);
      expect(
        output.components.map((c: { entityRef: string }) => c.entityRef),
      ).toEqual([
        'component:default/legacy',
        'component:default/flows',
        'component:default/secret',
      ]);
      expect(output.components[1].why).toEqual([
        'flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema removed in v1.32.0; use flowcontrol.apiserver.k8s.io/v1',
      ]);
    });

    it('refuses an unknown cluster with a clear error', async () => {
      await expect(
        actions.invoke({
          id: 'test:get-cluster-upgrades',
          input: { cluster: 'nope' },
          credentials: mockCredentials.user(),
        }),
      ).rejects.toThrow('No cluster named "nope"');
    });
  });
});
