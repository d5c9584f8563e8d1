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

import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import {
  KNOWLEDGE_BASE_COMPONENTS,
  MODE_LABELS,
  RUNTIME_MODES,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { runtimeModePlugin } from '../plugin';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  VIRTUAL_MACHINE,
  visibilityAwareCatalog,
} from '../testUtils/fixtures';

jest.setTimeout(60_000);

const API = '/api/runtime-mode/v1';

/** Served by Kubernetes 1.31 (deprecated since 1.29), removed in 1.32. */
const FLOW_SCHEMA = `apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata:
  name: controller
spec:
  priorityLevelConfiguration:
    name: workload-low
  matchingPrecedence: 1000
  rules:
    - subjects:
        - kind: ServiceAccount
          serviceAccount: { name: controller, namespace: ops }
      resourceRules:
        - verbs: ['list', 'watch']
          apiGroups: ['']
          resources: ['configmaps']
          namespaces: ['*']
`;

type Row = { name: string };
const names = (items: Row[]) => items.map(item => item.name);

describe('REST API v1: the two questions', () => {
  const tree = createManifestTree({
    'flow/deploy/web.yaml': DEPLOYMENT,
    'flow/deploy/flow.yaml': FLOW_SCHEMA,
    'legacy/deploy/ingress.yaml': OLD_INGRESS,
    'mover/deploy/web.yaml': DEPLOYMENT,
    'vm/deploy/vm.yaml': VIRTUAL_MACHINE,
  });
  const onBareMetal = { 'runtime-mode.dev/clusters': 'bm' };
  const entities = [
    component('flow', {
      title: 'Zeta Flow Controller',
      root: `${tree.root}/flow`,
      manifests: 'deploy/',
      owner: 'team-platform',
      annotations: onBareMetal,
    }),
    component('legacy', {
      title: 'Legacy Shop',
      root: `${tree.root}/legacy`,
      manifests: 'deploy/',
      annotations: onBareMetal,
    }),
    component('mover', {
      root: `${tree.root}/mover`,
      manifests: 'deploy/',
      annotations: {
        ...onBareMetal,
        'runtime-mode.dev/target-mode': 'container-virtualization',
      },
    }),
    component('vm', {
      title: 'Accounting VM',
      root: `${tree.root}/vm`,
      manifests: 'deploy/',
      owner: 'team-virt',
      annotations: { 'runtime-mode.dev/clusters': 'kv' },
    }),
  ];
  const config = {
    app: { baseUrl: 'https://portal.example' },
    runtimeMode: {
      schedule: false,
      clusters: [
        { name: 'bm', mode: 'bare-metal-container', kubernetesVersion: '1.31' },
        {
          name: 'kv',
          mode: 'container-virtualization',
          kubernetesVersion: '1.32',
          kubevirtVersion: '1.5.0',
          versions: { cdi: '1.60.0' },
        },
      ],
      apiPolicy: { targets: { k8s: '1.34', kubevirt: '1.6.0' } },
      api: { readableCacheMs: 0, forcedRefreshesPerMinute: 1000 },
    },
  };

  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        runtimeModePlugin,
        visibilityAwareCatalog(entities).factory,
        actionsRegistryServiceMock.factory(),
        mockServices.rootConfig.factory({ data: config }),
      ],
    }));
    for (const entity of entities) {
      const res = await request(server).post(
        `${API}/entities/default/component/${entity.metadata.name}/refresh`,
      );
      if (res.status !== 200) {
        throw new Error(`refresh answered ${res.status}: ${res.text}`);
      }
    }
  });
  afterAll(() => tree.cleanup());

  describe('GET /portfolio', () => {
    it('answers "at the planned upgrade: N break, M already broken" in one request, with the planned targets', async () => {
      const res = await request(server).get(`${API}/portfolio`);
      expect(res.status).toBe(200);
      expect(res.body.kpis.plannedTargets).toEqual([
        { component: 'k8s', version: '1.34' },
        { component: 'kubevirt', version: '1.6.0' },
      ]);
      expect(res.body.kpis.byUpgradeLevel).toMatchObject({
        'breaks-at-upgrade': 1,
        'broken-now': 1,
      });
      expect(res.body.kpis.byMigrationLevel.none).toBe(3);
      const flow = res.body.items.find((r: Row) => r.name === 'flow');
      expect(flow).toMatchObject({
        upgradeLevel: 'breaks-at-upgrade',
        breaksAtUpgrade: 1,
        brokenNow: 0,
        migrationLevel: null,
        checksPassing: null,
        topBlocker: {
          ruleId: 'api-removed',
          file: 'deploy/flow.yaml',
          line: 1,
          message: expect.stringContaining('flowcontrol.apiserver.k8s.io'),
        },
      });
      const mover = res.body.items.find((r: Row) => r.name === 'mover');
      expect(mover.migrationLevel).toEqual(expect.any(String));
      expect(mover.checksTotal).toBeGreaterThan(0);
    });

    it('filters by the two questions, and counts each facet without its own filter', async () => {
      const broken = await request(server).get(
        `${API}/portfolio?upgradeLevel=broken-now`,
      );
      expect(names(broken.body.items)).toEqual(['legacy']);
      expect(broken.body.facets.upgradeLevel).toMatchObject({
        'broken-now': 1,
        'breaks-at-upgrade': 1,
      });
      expect(broken.body.facets.owner).toEqual({
        'group:default/team-a': 1,
      });

      const planned = await request(server).get(
        `${API}/portfolio?migration=planned`,
      );
      expect(names(planned.body.items)).toEqual(['mover']);
      expect(planned.body.facets.migrationLevel.none).toBe(3);

      const bad = await request(server).get(
        `${API}/portfolio?upgradeLevel=fine`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("'upgradeLevel");
    });

    it('sorts worst first when asked, and by the title as displayed by default', async () => {
      const worst = await request(server).get(`${API}/portfolio?sort=worst`);
      expect(names(worst.body.items).slice(0, 2)).toEqual(['legacy', 'flow']);
      const byName = await request(server).get(`${API}/portfolio`);
      // Accounting VM, Legacy Shop, mover, Zeta Flow Controller.
      expect(names(byName.body.items)).toEqual([
        'vm',
        'legacy',
        'mover',
        'flow',
      ]);
    });

    it('counts mode × upgrade level in the heatmap with heatmapBy=upgrade', async () => {
      const res = await request(server).get(
        `${API}/portfolio?heatmapBy=upgrade&groupBy=owner`,
      );
      const teamA = res.body.heatmap.groups.find(
        (g: { key: string }) => g.key === 'group:default/team-a',
      );
      expect(res.body.heatmap.by).toBe('upgrade');
      expect(teamA.upgradeCells['bare-metal-container']['broken-now']).toBe(1);
      expect(teamA.cells['bare-metal-container']).toBeDefined();
    });
  });

  describe('GET /portfolio/export', () => {
    it('follows the sort and filters, and carries the top blocker and a link to the Runtime tab, in a dated file', async () => {
      const res = await request(server).get(
        `${API}/portfolio/export?format=csv&sort=worst&owner=team-a,team-platform`,
      );
      expect(res.status).toBe(200);
      const today = new Date().toISOString().slice(0, 10);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="runtime-mode-portfolio-${today}.csv"`,
      );
      const [header, ...records] = parse(res.text) as string[][];
      const at = (name: string) => header.indexOf(name);
      expect(records.map(r => r[at('name')])).toEqual([
        'legacy',
        'flow',
        'mover',
      ]);
      expect(records[0][at('topBlocker')]).toContain('extensions/v1beta1');
      expect(records[0][at('upgradeLevelLabel')]).toBe('Broken now');
      expect(records[0][at('runtimeTabUrl')]).toBe(
        'https://portal.example/catalog/default/component/legacy/runtime',
      );

      const json = await request(server).get(
        `${API}/portfolio/export?format=json&sort=name&order=desc&upgradeLevel=breaks-at-upgrade,broken-now`,
      );
      expect(json.headers['content-disposition']).toBe(
        `attachment; filename="runtime-mode-portfolio-${today}.json"`,
      );
      expect(names(json.body.items)).toEqual(['flow', 'legacy']);
      expect(json.body.items[0].runtimeTabUrl).toBe(
        'https://portal.example/catalog/default/component/flow/runtime',
      );
    });
  });

  describe('GET /blast-radius', () => {
    it('tells what is already broken from what newly breaks, and differs between 1.31 and 1.34', async () => {
      const at131 = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.31`,
      );
      const at134 = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.34`,
      );
      expect(at131.body).toMatchObject({
        alreadyBroken: 1,
        newlyBreaking: 0,
        breaking: 1,
        deprecatedOnly: 1,
      });
      expect(at134.body).toMatchObject({
        alreadyBroken: 1,
        newlyBreaking: 1,
        breaking: 2,
        deprecatedOnly: 0,
        configuredTarget: '1.34',
      });
      const statusOf = (body: any, name: string) =>
        body.items.find((i: Row) => i.name === name)?.status;
      expect(statusOf(at131.body, 'flow')).toBe('deprecated');
      expect(statusOf(at134.body, 'flow')).toBe('newly-breaks');
      expect(statusOf(at134.body, 'legacy')).toBe('already-broken');
      const flow = at134.body.items.find((i: Row) => i.name === 'flow');
      expect(flow).toMatchObject({
        title: 'Zeta Flow Controller',
        currentVersion: '1.31',
        findings: [
          expect.objectContaining({
            status: 'newly-breaks',
            severity: 'critical',
            kind: 'FlowSchema',
            file: 'deploy/flow.yaml',
          }),
        ],
      });
      expect(at134.body.clusters).toEqual([
        { name: 'bm', mode: 'bare-metal-container', version: '1.31' },
        { name: 'kv', mode: 'container-virtualization', version: '1.32' },
      ]);
    });

    it('judges a component at the version its clusters run when the choice is lower', async () => {
      const res = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.16`,
      );
      // Removed in 1.22: broken on the 1.31 cluster whatever version is chosen.
      expect(res.body.items).toEqual([
        expect.objectContaining({ name: 'legacy', status: 'already-broken' }),
        expect.objectContaining({ name: 'flow', status: 'deprecated' }),
      ]);
    });

    it('lists one status at a time when asked, with the counts of all', async () => {
      const res = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.34&status=newly-breaks`,
      );
      expect(names(res.body.items)).toEqual(['flow']);
      expect(res.body).toMatchObject({ total: 1, breaking: 2 });
      const bad = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.34&status=fine`,
      );
      expect(bad.status).toBe(400);
    });

    it('accepts every platform component of the knowledge base, and their aliases in any case', async () => {
      for (const id of KNOWLEDGE_BASE_COMPONENTS) {
        const res = await request(server).get(
          `${API}/blast-radius?component=${id}&version=1.0`,
        );
        expect({ id, status: res.status }).toEqual({ id, status: 200 });
        expect(res.body.component).toBe(id);
      }
      for (const [alias, id] of [
        ['Kubernetes', 'k8s'],
        ['KubeVirt', 'kubevirt'],
        ['CDI', 'cdi'],
        ['capi', 'cluster-api'],
        ['TKG', 'vsphere-tkgs'],
        ['tkg-service', 'vsphere-tkgs'],
      ]) {
        const res = await request(server).get(
          `${API}/blast-radius?component=${alias}&version=1.6.0`,
        );
        expect(res.body.component).toBe(id);
      }
      const cdi = await request(server).get(
        `${API}/blast-radius?component=cdi&version=1.60.0`,
      );
      expect(cdi.body.clusters).toContainEqual({
        name: 'kv',
        mode: 'container-virtualization',
        version: '1.60.0',
      });
      expect(cdi.body.configuredTarget).toBeNull();
    });
  });

  describe('one vocabulary', () => {
    it('documents the two questions in the scoring rule of GET /rules', async () => {
      const res = await request(server).get(`${API}/rules`);
      const scoring = (res.body.scoring as string[]).join('\n');
      expect(scoring).toContain('Upgrade level');
      expect(scoring).toContain('Migration checks');
      expect(scoring).toContain('suggestion');
    });

    it('labels the modes as the card, the table and the CSV do, and no reader sees internal wording', async () => {
      const profiles = await request(server).get(`${API}/profiles`);
      for (const mode of RUNTIME_MODES) {
        expect(profiles.body[mode].label).toBe(MODE_LABELS[mode]);
      }
      const rules = await request(server).get(`${API}/rules`);
      const text = JSON.stringify([profiles.body, rules.body]);
      expect(text).not.toMatch(/\bseed\b|§/i);
    });
  });
});
