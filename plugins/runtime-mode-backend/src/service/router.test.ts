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
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { runtimeModePlugin } from '../plugin';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  RESTRICTED_USER,
  system,
  VIRTUAL_MACHINE,
  visibilityAwareCatalog,
} from '../testUtils/fixtures';

jest.setTimeout(60_000);

const API = '/api/runtime-mode/v1';
const restricted = () => mockCredentials.user.header(RESTRICTED_USER);

describe('REST API v1', () => {
  const tree = createManifestTree({
    'web/deploy/web.yaml': DEPLOYMENT,
    'legacy/deploy/web.yaml': DEPLOYMENT,
    'legacy/deploy/ingress.yaml': OLD_INGRESS,
    'vm/deploy/vm.yaml': VIRTUAL_MACHINE,
    'secret/deploy/ingress.yaml': OLD_INGRESS,
  });
  const entities = [
    component('web', {
      root: `${tree.root}/web`,
      manifests: 'deploy/',
      owner: 'team-a',
      system: 'shop',
      annotations: { 'runtime-mode.dev/clusters': 'bm' },
    }),
    component('legacy', {
      root: `${tree.root}/legacy`,
      manifests: 'deploy/',
      owner: 'team-b',
      system: 'shop',
      annotations: { 'runtime-mode.dev/clusters': 'bm' },
    }),
    component('vm', {
      root: `${tree.root}/vm`,
      manifests: 'deploy/',
      owner: 'team-b',
      lifecycle: 'experimental',
      system: 'vault',
      annotations: { 'runtime-mode.dev/clusters': 'kv' },
    }),
    component('secret', {
      root: `${tree.root}/secret`,
      manifests: 'deploy/',
      owner: 'team-c',
    }),
    component('empty', { owner: 'team-c' }),
    system('shop', 'commerce'),
    // Readable components can be part of a System the caller may not read.
    system('vault', 'secret-ops'),
  ];
  const config = {
    runtimeMode: {
      schedule: false,
      clusters: [
        { name: 'bm', mode: 'bare-metal-container', kubernetesVersion: '1.31' },
        {
          name: 'kv',
          mode: 'container-virtualization',
          kubernetesVersion: '1.32',
          kubevirtVersion: '1.5.0',
          hardwareVirtualization: true,
        },
      ],
      apiPolicy: { targets: { k8s: '1.34', kubevirt: '1.6.0' } },
      profiles: {
        'virtualized-container': { operationalComplexity: 'medium' },
      },
      api: {
        maxRequestBytes: 20_000,
        readableCacheMs: 0,
        forcedRefreshesPerMinute: 1000,
      },
    },
  };

  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    const { factory } = visibilityAwareCatalog(entities, [
      'component:default/secret',
      'system:default/vault',
    ]);
    ({ server } = await startTestBackend({
      features: [
        runtimeModePlugin,
        factory,
        actionsRegistryServiceMock.factory(),
        mockServices.rootConfig.factory({ data: config }),
      ],
    }));
    for (const name of ['web', 'legacy', 'vm', 'secret']) {
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

  describe('authentication', () => {
    it.each([
      ['get', '/rules'],
      ['get', '/profiles'],
      ['get', '/portfolio'],
      ['get', '/portfolio/export'],
      ['get', '/blast-radius?component=k8s&version=1.32'],
      ['get', '/entities/default/component/web'],
      ['get', '/entities/default/component/web/history'],
      ['post', '/entities/default/component/web/refresh'],
      ['post', '/entities/default/component/web/what-if'],
      ['post', '/evaluate'],
      ['get', '/verdicts'],
      ['post', '/verdicts/by-refs'],
    ])('%s %s needs credentials', async (method, path) => {
      const res = await (request(server) as any)
        [method](`${API}${path}`)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
    });
  });

  describe('GET /entities/:namespace/:kind/:name/history', () => {
    it('lists changes, newest first', async () => {
      const res = await request(server).get(
        `${API}/entities/default/component/legacy/history`,
      );
      expect(res.status).toBe(200);
      expect(res.body.entityRef).toBe('component:default/legacy');
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        level: 'blocked',
        mode: 'bare-metal-container',
      });
      expect(res.body.items[0].critical).toBeGreaterThan(0);
    });

    it('rejects a bad limit and 404s an unknown or hidden entity', async () => {
      const bad = await request(server).get(
        `${API}/entities/default/component/web/history?limit=zero`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("query parameter 'limit'");
      expect(
        (
          await request(server).get(
            `${API}/entities/default/component/nope/history`,
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await request(server)
            .get(`${API}/entities/default/component/secret/history`)
            .set('Authorization', restricted())
        ).status,
      ).toBe(404);
    });
  });

  describe('GET /portfolio', () => {
    it('summarises the stored results with KPIs, heatmap and trend', async () => {
      const res = await request(server).get(`${API}/portfolio`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(4);
      expect(res.body.kpis.byMode).toMatchObject({
        'bare-metal-container': 2,
        'container-virtualization': 1,
        // `secret` names no cluster and its manifests decide nothing: unknown, never a guess.
        unknown: 1,
      });
      expect(res.body.kpis.byLevel.blocked).toBeGreaterThanOrEqual(2);
      expect(res.body.heatmap.groupBy).toBe('owner');
      expect(
        res.body.heatmap.groups.map((g: { key: string }) => g.key).sort(),
      ).toEqual([
        'group:default/team-a',
        'group:default/team-b',
        'group:default/team-c',
      ]);
      const today = res.body.trend[res.body.trend.length - 1];
      expect(today.date).toBe(new Date().toISOString().slice(0, 10));
      expect(
        Object.values(today.byLevel as Record<string, number>).reduce(
          (a, b) => a + b,
          0,
        ),
      ).toBe(4);
    });

    it('filters, sorts and pages', async () => {
      const byOwner = await request(server).get(
        `${API}/portfolio?owner=team-b&sort=name&order=desc`,
      );
      expect(byOwner.body.items.map((r: { name: string }) => r.name)).toEqual([
        'vm',
        'legacy',
      ]);
      const byMode = await request(server).get(
        `${API}/portfolio?mode=container-virtualization`,
      );
      expect(byMode.body.items.map((r: { name: string }) => r.name)).toEqual([
        'vm',
      ]);
      const byCategory = await request(server).get(
        `${API}/portfolio?category=api-compatibility&level=blocked`,
      );
      expect(
        byCategory.body.items.map((r: { name: string }) => r.name).sort(),
      ).toEqual(['legacy', 'secret']);
      const byText = await request(server).get(`${API}/portfolio?q=LEG`);
      expect(byText.body.items.map((r: { name: string }) => r.name)).toEqual([
        'legacy',
      ]);
      const bySystem = await request(server).get(
        `${API}/portfolio?system=shop&lifecycle=production&groupBy=system`,
      );
      expect(bySystem.body.total).toBe(2);
      expect(bySystem.body.heatmap.groups[0]).toMatchObject({
        key: 'system:default/shop',
        total: 2,
      });
      const paged = await request(server).get(
        `${API}/portfolio?pageSize=2&page=2&sort=name`,
      );
      expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(paged.body.items.map((r: { name: string }) => r.name)).toEqual([
        'vm',
        'web',
      ]);
    });

    it('shows only the components the caller may read', async () => {
      const res = await request(server)
        .get(`${API}/portfolio`)
        .set('Authorization', restricted());
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((r: { name: string }) => r.name)).not.toContain(
        'secret',
      );
    });

    it.each([
      ['page=0', "'page'"],
      ['page=0x10', "'page'"],
      ['pageSize=1e2', "'pageSize'"],
      ['pageSize=1000', "'pageSize'"],
      ['sort=colour', "'sort'"],
      ['order=up', "'order'"],
      ['groupBy=planet', "'groupBy'"],
      ['mode=mainframe', "'mode"],
      ['level=great', "'level"],
      ['category=vibes', "'category"],
      ['trendDays=9999', "'trendDays'"],
      ['heatmapBy=planet', "'heatmapBy'"],
      ['upgradeLevel=fine', "'upgradeLevel"],
      ['migration=maybe', "'migration'"],
      ['migrationLevel=none', "'migrationLevel"],
      ['bogus=1', 'bogus'],
    ])('rejects %s with a clear 400', async (query, mention) => {
      const res = await request(server).get(`${API}/portfolio?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(mention);
    });
  });

  describe('POST /verdicts/by-refs', () => {
    const verdicts = (entityRefs: unknown, user?: string) => {
      const req = request(server).post(`${API}/verdicts/by-refs`);
      if (user) req.set('Authorization', user);
      return req.send({ entityRefs });
    };

    it('answers the stored verdict of each evaluated ref, the same as the portfolio row', async () => {
      const portfolio = await request(server).get(`${API}/portfolio`);
      const rowOf = (name: string) =>
        portfolio.body.items.find((r: { name: string }) => r.name === name);
      const res = await verdicts([
        'component:default/web',
        'component:default/vm',
      ]);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual(
        ['web', 'vm'].map(name => ({
          entityRef: `component:default/${name}`,
          mode: rowOf(name).mode,
          level: rowOf(name).level,
          score: rowOf(name).score,
          status: rowOf(name).status,
          upgradeLevel: rowOf(name).upgradeLevel,
          migrationLevel: rowOf(name).migrationLevel,
        })),
      );
      expect(res.body.items[1].mode).toBe('container-virtualization');
      // The two answers, as the card gives them.
      expect(res.body.items[0].upgradeLevel).toEqual(expect.any(String));
    });

    it('leaves out refs without an evaluation, unknown refs and other kinds', async () => {
      const res = await verdicts([
        'component:default/empty',
        'component:default/nosuch',
        'system:default/shop',
        'Component:default/Legacy',
        'component:default/legacy',
      ]);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((v: { entityRef: string }) => v.entityRef),
      ).toEqual(['component:default/legacy']);
    });

    it('answers a hidden ref exactly like an unknown one: absent', async () => {
      const asAdmin = await verdicts(['component:default/secret']);
      expect(asAdmin.body.items).toHaveLength(1);
      const hidden = await verdicts(
        ['component:default/secret', 'component:default/web'],
        restricted(),
      );
      expect(hidden.status).toBe(200);
      expect(
        hidden.body.items.map((v: { entityRef: string }) => v.entityRef),
      ).toEqual(['component:default/web']);
    });

    it('takes an empty list and answers no items', async () => {
      const res = await verdicts([]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [] });
    });

    it.each([
      ['a missing list', undefined, "body parameter 'entityRefs': Required"],
      ['a list that is not one', 'component:default/web', 'Expected array'],
      [
        'a ref that is not one',
        ['not a ref'],
        "'not a ref' is not an entity ref",
      ],
      [
        'more refs than one request takes',
        Array.from({ length: 501 }, (_, i) => `component:default/c${i}`),
        'at most 500 entity refs per request',
      ],
    ])(
      'rejects %s with a 400 that says why',
      async (_case, entityRefs, message) => {
        const res = await verdicts(entityRefs);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain(message);
      },
    );

    it('rejects a body that is not JSON with a 400', async () => {
      const res = await request(server)
        .post(`${API}/verdicts/by-refs`)
        .set('Content-Type', 'text/plain')
        .send('component:default/web');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'POST /v1/verdicts/by-refs expects a JSON body (Content-Type: application/json) with entityRefs',
      );
    });
  });

  describe('GET /portfolio/export', () => {
    it('exports CSV', async () => {
      const res = await request(server).get(
        `${API}/portfolio/export?format=csv&owner=team-b`,
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="runtime-mode-portfolio-.*\.csv"/,
      );
      const lines = res.text.trim().split('\r\n');
      expect(lines[0].split(',').slice(0, 3)).toEqual([
        'entityRef',
        'name',
        'namespace',
      ]);
      expect(
        lines
          .slice(1)
          .map(l => l.split(',')[1])
          .sort(),
      ).toEqual(['legacy', 'vm']);
    });

    it('exports JSON, filtered by what the caller may read', async () => {
      const res = await request(server)
        .get(`${API}/portfolio/export?format=json`)
        .set('Authorization', restricted());
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((r: { name: string }) => r.name)).not.toContain(
        'secret',
      );
    });

    it('rejects an unknown format', async () => {
      const res = await request(server).get(
        `${API}/portfolio/export?format=xlsx`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("'format'");
    });
  });

  describe('GET /blast-radius', () => {
    it('lists the components that break at a Kubernetes version', async () => {
      const res = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.22`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        component: 'k8s',
        version: '1.22',
        examined: 4,
        breaking: 2,
      });
      expect(
        res.body.items.map((i: { name: string }) => i.name).sort(),
      ).toEqual(['legacy', 'secret']);
      expect(res.body.items[0].findings[0]).toMatchObject({
        severity: 'critical',
        kind: 'Ingress',
        apiVersion: 'extensions/v1beta1',
      });

      expect(res.body).toMatchObject({ alreadyBroken: 1, newlyBreaking: 1 });

      // Before the removal, only what its 1.31 cluster already refuses breaks.
      const before = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.15`,
      );
      expect(before.body).toMatchObject({ breaking: 1, alreadyBroken: 1 });
      expect(
        before.body.items.map((i: { name: string; status: string }) => [
          i.name,
          i.status,
        ]),
      ).toEqual([
        ['legacy', 'already-broken'],
        ['secret', 'deprecated'],
      ]);
    });

    it('judges a component alias as the component it names', async () => {
      const res = await request(server).get(
        `${API}/blast-radius?component=kubernetes&version=1.22`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ component: 'k8s', breaking: 2 });
    });

    it('answers for KubeVirt too, and hides unreadable components', async () => {
      const kv = await request(server).get(
        `${API}/blast-radius?component=kubevirt&version=1.6.0`,
      );
      expect(kv.status).toBe(200);
      expect(kv.body.component).toBe('kubevirt');
      const hidden = await request(server)
        .get(`${API}/blast-radius?component=k8s&version=1.22`)
        .set('Authorization', restricted());
      expect(hidden.body.items.map((i: { name: string }) => i.name)).toEqual([
        'legacy',
      ]);
      expect(hidden.body.examined).toBe(3);
    });

    it.each([
      ['version=1.32', "'component'"],
      ['component=k8s', "'version'"],
      ['component=k8s&version=latest', 'release number'],
      ['component=K8S!&version=1.2', "'component'"],
      ['component=nosuch&version=1.2', 'Unknown target component'],
      ['component=k8s&version=1.99999999999999999999', 'Malformed target'],
    ])('rejects %s', async (query, mention) => {
      const res = await request(server).get(`${API}/blast-radius?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(mention);
    });
  });

  describe('POST /evaluate', () => {
    it('evaluates posted manifests without storing them', async () => {
      const res = await request(server)
        .post(`${API}/evaluate`)
        .send({
          manifests: [{ path: 'ingress.yaml', content: OLD_INGRESS }],
          targets: { k8s: '1.22' },
        });
      expect(res.status).toBe(200);
      expect(res.body.schemaVersion).toBe(1);
      expect(
        res.body.findings.some(
          (f: { severity: string; kind: string }) =>
            f.severity === 'critical' && f.kind === 'Ingress',
        ),
      ).toBe(true);
      const portfolio = await request(server).get(`${API}/portfolio`);
      expect(portfolio.body.total).toBe(4);
    });

    it.each([
      [{}, "'manifests'"],
      [{ manifests: [] }, 'at least one manifest'],
      [{ manifests: [{ path: 'a.yaml' }] }, "'manifests.0.content'"],
      [
        {
          manifests: [{ path: 'a.yaml', content: 'x' }],
          targets: { k8s: 'newest' },
        },
        "'targets.k8s'",
      ],
      [
        {
          manifests: [{ path: 'a.yaml', content: 'x' }],
          targetMode: 'mainframe',
        },
        "'targetMode'",
      ],
    ])('rejects %j with a clear 400', async (body, mention) => {
      const res = await request(server).post(`${API}/evaluate`).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(mention);
    });

    it('rejects malformed JSON with a 400', async () => {
      const res = await request(server)
        .post(`${API}/evaluate`)
        .set('Content-Type', 'application/json')
        .send('{"manifests": [');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('not valid JSON');
    });

    it('rejects a body that is not JSON, and one over the size limit', async () => {
      const text = await request(server)
        .post(`${API}/evaluate`)
        .set('Content-Type', 'text/plain')
        .send('kind: Pod');
      expect(text.status).toBe(400);
      expect(text.body.error.message).toContain('JSON body');
      const big = await request(server)
        .post(`${API}/evaluate`)
        .send({ manifests: [{ path: 'a.yaml', content: 'x'.repeat(30_000) }] });
      expect(big.status).toBe(413);
    });

    it('turns malformed YAML into findings, not errors', async () => {
      const res = await request(server)
        .post(`${API}/evaluate`)
        .send({
          manifests: [
            { path: 'bad.yaml', content: 'a: [unclosed\n  b: {{ .Values.x }}' },
          ],
        });
      expect(res.status).toBe(200);
      expect(
        res.body.findings.some(
          (f: { category: string }) => f.category === 'manifest',
        ),
      ).toBe(true);
    });
  });

  describe('POST /entities/:namespace/:kind/:name/what-if', () => {
    it('re-evaluates the stored manifests with a planned move, and never below the version a cluster runs', async () => {
      const now = await request(server)
        .post(`${API}/entities/default/component/legacy/what-if`)
        .send({
          targets: { k8s: '1.15' },
          targetMode: 'container-virtualization',
        });
      expect(now.status).toBe(200);
      // Its cluster runs 1.31 already: a plan of 1.15 cannot undo a removal.
      expect(now.body.targets).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ component: 'k8s', version: '1.31' }),
        ]),
      );
      expect(
        now.body.findings.find(
          (f: { id: string; kind: string }) =>
            f.id === 'api-removed' && f.kind === 'Ingress',
        ),
      ).toEqual(expect.objectContaining({ timing: 'now' }));
      expect(now.body.upgrade.level).toBe('broken-now');
      expect(now.body.migration).toEqual(
        expect.objectContaining({
          targetMode: 'container-virtualization',
          targetSource: 'option',
        }),
      );
      // The stored result is unchanged: no move is planned there.
      const stored = await request(server).get(
        `${API}/entities/default/component/legacy`,
      );
      expect(stored.body.result.readiness.level).toBe('blocked');
      expect(stored.body.result.migration).toBeNull();
    });

    it('validates the body and the entity', async () => {
      const bad = await request(server)
        .post(`${API}/entities/default/component/legacy/what-if`)
        .send({ targets: { k8s: 'x' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("'targets.k8s'");
      const extra = await request(server)
        .post(`${API}/entities/default/component/legacy/what-if`)
        .send({ target: '1.2' });
      expect(extra.status).toBe(400);
      const notJson = await request(server)
        .post(`${API}/entities/default/component/legacy/what-if`)
        .set('Content-Type', 'text/plain')
        .send('{"targets":{"k8s":"x"}}');
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.message).toContain('application/json');
      const noBody = await request(server).post(
        `${API}/entities/default/component/legacy/what-if`,
      );
      expect(noBody.status).toBe(200);
      expect(
        (
          await request(server)
            .post(`${API}/entities/default/component/nope/what-if`)
            .send({})
        ).status,
      ).toBe(404);
      expect(
        (
          await request(server)
            .post(`${API}/entities/default/component/secret/what-if`)
            .set('Authorization', restricted())
            .send({})
        ).status,
      ).toBe(404);
      const neverRead = await request(server)
        .post(`${API}/entities/default/component/empty/what-if`)
        .send({});
      expect(neverRead.status).toBe(409);
      expect(neverRead.body.error.message).toContain('refresh it first');
    });
  });

  describe('POST /entities/:namespace/:kind/:name/refresh', () => {
    it('404s an unknown entity and a hidden one alike', async () => {
      expect(
        (
          await request(server).post(
            `${API}/entities/default/component/nope/refresh`,
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await request(server)
            .post(`${API}/entities/default/component/secret/refresh`)
            .set('Authorization', restricted())
        ).status,
      ).toBe(404);
    });
  });

  describe('entities the caller may not read', () => {
    const call = (method: 'get' | 'post', path: string, user?: string) => {
      const req = (request(server) as any)[method](`${API}${path}`);
      if (user) req.set('Authorization', user);
      return method === 'post' ? req.send({}) : req;
    };

    it.each([
      ['get', ''],
      ['get', '/history'],
      ['post', '/refresh'],
      ['post', '/what-if'],
    ] as const)(
      '%s %s answers a hidden entity exactly like one that does not exist',
      async (method, suffix) => {
        const hidden = await call(
          method,
          `/entities/default/component/secret${suffix}`,
          restricted(),
        );
        const missing = await call(
          method,
          `/entities/default/component/nosuch${suffix}`,
          restricted(),
        );
        expect(hidden.status).toBe(404);
        expect(missing.status).toBe(404);
        expect(JSON.stringify(hidden.body).replace(/secret/g, 'NAME')).toEqual(
          JSON.stringify(missing.body).replace(/nosuch/g, 'NAME'),
        );
      },
    );

    it('shows no domain of a System the caller may not read, and filters by none', async () => {
      const all = await request(server).get(
        `${API}/portfolio?domain=secret-ops`,
      );
      expect(all.body.items.map((r: { name: string }) => r.name)).toEqual([
        'vm',
      ]);

      const probe = await request(server)
        .get(`${API}/portfolio?domain=secret-ops`)
        .set('Authorization', restricted());
      expect(probe.body.total).toBe(0);
      const vm = await request(server)
        .get(`${API}/portfolio?q=vm&groupBy=domain`)
        .set('Authorization', restricted());
      expect(vm.body.items).toEqual([
        expect.objectContaining({ name: 'vm', system: 'system:default/vault' }),
      ]);
      expect(vm.body.items[0].domain).toBeUndefined();
      expect(vm.body.heatmap.groups.map((g: { key: string }) => g.key)).toEqual(
        ['(none)'],
      );
      const exported = await request(server)
        .get(`${API}/portfolio/export?format=csv&q=vm`)
        .set('Authorization', restricted());
      expect(exported.text).not.toContain('secret-ops');
      // A System the caller may read keeps its domain.
      const shop = await request(server)
        .get(`${API}/portfolio?domain=commerce`)
        .set('Authorization', restricted());
      expect(shop.body.total).toBe(2);
    });
  });

  describe('request bodies', () => {
    it('is not parsed on routes that take none', async () => {
      const res = await request(server)
        .get(`${API}/portfolio`)
        .set('Content-Type', 'application/json')
        .send('{"not json');
      expect(res.status).toBe(200);
    });

    it('is not read before the caller is authenticated', async () => {
      const res = await request(server)
        .post(`${API}/evaluate`)
        .set('Authorization', mockCredentials.none.header())
        .set('Content-Type', 'application/json')
        .send('{"not json');
      expect(res.status).toBe(401);
    });
  });

  describe('GET /blast-radius paging', () => {
    it('pages the affected components, critical first, with the totals of all pages', async () => {
      const first = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.22&pageSize=1`,
      );
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        breaking: 2,
        total: 2,
        page: 1,
        pageSize: 1,
      });
      expect(first.body.items).toHaveLength(1);
      const second = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.22&pageSize=1&page=2`,
      );
      expect(second.body.items).toHaveLength(1);
      expect(
        [...first.body.items, ...second.body.items]
          .map((i: { name: string }) => i.name)
          .sort(),
      ).toEqual(['legacy', 'secret']);
      expect(second.body.items[0].findings[0]).toMatchObject({
        severity: 'critical',
        file: 'deploy/ingress.yaml',
      });
      const bad = await request(server).get(
        `${API}/blast-radius?component=k8s&version=1.22&pageSize=5000`,
      );
      expect(bad.status).toBe(400);
    });
  });

  describe('GET /verdicts', () => {
    it('pages the stored verdicts in ref order, with counts per category and removed APIs at the targets', async () => {
      const first = await request(server).get(`${API}/verdicts?limit=2`);
      expect(first.status).toBe(200);
      expect(
        first.body.items.map((i: { entityRef: string }) => i.entityRef),
      ).toEqual(['component:default/legacy', 'component:default/secret']);
      expect(first.body.nextCursor).toBe('component:default/secret');
      const legacy = first.body.items[0];
      expect(legacy).toMatchObject({
        status: 'fresh',
        mode: 'bare-metal-container',
        level: 'blocked',
        apis: { removed: 1 },
        targets: { k8s: '1.34' },
      });
      expect(legacy.concerns['api-compatibility'].critical).toBe(1);
      expect(Object.keys(legacy.concerns)).toHaveLength(8);

      const second = await request(server).get(
        `${API}/verdicts?limit=2&cursor=${first.body.nextCursor}`,
      );
      expect(
        second.body.items.map((i: { entityRef: string }) => i.entityRef),
      ).toEqual(['component:default/vm', 'component:default/web']);
      expect(second.body.nextCursor).toBeUndefined();
    });

    it('leaves out the components the caller may not read', async () => {
      const res = await request(server)
        .get(`${API}/verdicts`)
        .set('Authorization', restricted());
      expect(
        res.body.items.map((i: { entityRef: string }) => i.entityRef),
      ).not.toContain('component:default/secret');
      expect(res.body.items).toHaveLength(3);
    });

    it.each(['limit=0', 'limit=501', 'cursor=web', 'page=2'])(
      'answers 400 to ?%s',
      async query => {
        const res = await request(server).get(`${API}/verdicts?${query}`);
        expect(res.status).toBe(400);
      },
    );
  });

  describe('GET /rules and /profiles', () => {
    it('lists the rule catalog with the scoring rule', async () => {
      const res = await request(server).get(`${API}/rules`);
      expect(res.status).toBe(200);
      expect(res.body.rules.length).toBeGreaterThan(5);
      expect(res.body.rules[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          category: expect.any(String),
        }),
      );
      expect(res.body.scoring.length).toBeGreaterThan(0);
    });

    it('lists the comparison profiles in force', async () => {
      const res = await request(server).get(`${API}/profiles`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual([
        'bare-metal-container',
        'container-virtualization',
        'virtualized-container',
      ]);
      // The override from runtimeMode.profiles is in force; the rest is built in.
      expect(res.body['virtualized-container'].operationalComplexity).toBe(
        'medium',
      );
      expect(res.body['bare-metal-container'].performanceOverhead).toEqual({
        min: 0,
        max: 0,
      });
    });
  });
});

describe('REST API v1 permissions', () => {
  it('refuses refresh, what-if and evaluate without the plugin permissions', async () => {
    const { factory } = visibilityAwareCatalog([component('web')]);
    const { server } = await startTestBackend({
      features: [
        runtimeModePlugin,
        factory,
        actionsRegistryServiceMock.factory(),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        mockServices.rootConfig.factory({
          data: { runtimeMode: { schedule: false } },
        }),
      ],
    });
    const refresh = await request(server).post(
      `${API}/entities/default/component/web/refresh`,
    );
    expect(refresh.status).toBe(403);
    expect(refresh.body.error.message).toContain(
      'runtime-mode.evaluation.refresh',
    );
    const evaluate = await request(server)
      .post(`${API}/evaluate`)
      .send({ manifests: [{ path: 'a.yaml', content: DEPLOYMENT }] });
    expect(evaluate.status).toBe(403);
    expect(evaluate.body.error.message).toContain(
      'runtime-mode.evaluation.run',
    );
    const whatIf = await request(server)
      .post(`${API}/entities/default/component/web/what-if`)
      .send({});
    expect(whatIf.status).toBe(403);
    // The body of a caller without the permission is never read.
    for (const path of [
      '/evaluate',
      '/entities/default/component/web/what-if',
    ]) {
      const unread = await request(server)
        .post(`${API}${path}`)
        .set('Content-Type', 'application/json')
        .send('{"manifests": [');
      expect(unread.status).toBe(403);
    }
    // Reading stays open to readers of the catalog.
    expect(
      (await request(server).get(`${API}/entities/default/component/web`))
        .status,
    ).toBe(200);
  });
});

describe('REST API v1 forced refresh limits', () => {
  it('answers 429 with Retry-After once a caller passes its refreshes per minute', async () => {
    const tree = createManifestTree({ 'deploy/web.yaml': DEPLOYMENT });
    try {
      const { factory } = visibilityAwareCatalog([
        component('web', { root: tree.root, manifests: 'deploy/' }),
      ]);
      const { server } = await startTestBackend({
        features: [
          runtimeModePlugin,
          factory,
          actionsRegistryServiceMock.factory(),
          mockServices.rootConfig.factory({
            data: {
              runtimeMode: {
                schedule: false,
                api: { forcedRefreshesPerMinute: 2 },
              },
            },
          }),
        ],
      });
      const refresh = (user?: string) => {
        const req = request(server).post(
          `${API}/entities/default/component/web/refresh`,
        );
        return user ? req.set('Authorization', user) : req;
      };
      expect((await refresh()).status).toBe(200);
      // An unknown entity counts too: a 429 tells nothing about existence.
      expect(
        (
          await request(server).post(
            `${API}/entities/default/component/nosuch/refresh`,
          )
        ).status,
      ).toBe(404);
      const limited = await refresh();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(limited.body.error.message).toContain(
        'runtimeMode.api.forcedRefreshesPerMinute',
      );
      // Another caller has its own allowance.
      expect(
        (await refresh(mockCredentials.user.header('user:default/other')))
          .status,
      ).toBe(200);
    } finally {
      tree.cleanup();
    }
  });
});
