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

import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import type { ClusterUpgrades } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { RuntimeModeClient } from './RuntimeModeClient';
import {
  blastRadius,
  makePortfolio,
  makeStored,
} from '../__testUtils__/fixtures';

const baseUrl = 'http://backstage:7007/api/runtime-mode';

describe('RuntimeModeClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new RuntimeModeClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backstage:7007/api/${id}`,
    },
    fetchApi: new MockFetchApi(),
  });
  const ref = {
    kind: 'Component',
    namespace: 'default',
    name: 'vm-billing-legacy',
  };

  it('reads an entity evaluation from the v1 path, lower-casing the kind', async () => {
    const stored = makeStored();
    let seenPath = '';
    server.use(
      http.get(
        `${baseUrl}/v1/entities/:namespace/:kind/:name`,
        ({ request }) => {
          seenPath = new URL(request.url).pathname;
          return HttpResponse.json(stored);
        },
      ),
    );
    await expect(client.getEvaluation(ref)).resolves.toEqual(stored);
    expect(seenPath).toBe(
      '/api/runtime-mode/v1/entities/default/component/vm-billing-legacy',
    );
  });

  it('escapes path segments', async () => {
    let seenPath = '';
    server.use(
      http.get(
        `${baseUrl}/v1/entities/:namespace/:kind/:name/history`,
        ({ request }) => {
          seenPath = new URL(request.url).pathname;
          return HttpResponse.json({ entityRef: 'x', items: [] });
        },
      ),
    );
    await client.getHistory({
      kind: 'Component',
      namespace: 'a b',
      name: 'c/d',
    });
    expect(seenPath).toBe(
      '/api/runtime-mode/v1/entities/a%20b/component/c%2Fd/history',
    );
  });

  it('turns a Backstage JSON error into a ResponseError that keeps the cause', async () => {
    server.use(
      http.get(`${baseUrl}/v1/entities/:namespace/:kind/:name`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'No component vm-billing-legacy',
            },
            request: {
              method: 'GET',
              url: '/v1/entities/default/component/vm-billing-legacy',
            },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await client.getEvaluation(ref).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.cause.message).toBe('No component vm-billing-legacy');
    expect(error.cause.name).toBe('NotFoundError');
    expect(error.response.status).toBe(404);
  });

  it('sends multi-valued filters as repeated parameters with paging and sorting', async () => {
    let params = new URLSearchParams();
    server.use(
      http.get(`${baseUrl}/v1/portfolio`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json(makePortfolio());
      }),
    );
    await client.getPortfolio({
      mode: ['container-virtualization', 'unknown'],
      level: ['blocked'],
      upgradeLevel: ['broken-now', 'breaks-at-upgrade'],
      migrationLevel: ['blocked'],
      migration: 'planned',
      owner: ['group:default/team-virt'],
      q: '  billing ',
      groupBy: 'system',
      heatmapBy: 'migration',
      page: 3,
      pageSize: 50,
      sort: 'worst',
      order: 'desc',
    });
    expect(params.getAll('mode')).toEqual([
      'container-virtualization',
      'unknown',
    ]);
    expect(params.getAll('level')).toEqual(['blocked']);
    expect(params.getAll('upgradeLevel')).toEqual([
      'broken-now',
      'breaks-at-upgrade',
    ]);
    expect(params.getAll('migrationLevel')).toEqual(['blocked']);
    expect(params.get('migration')).toBe('planned');
    expect(params.getAll('owner')).toEqual(['group:default/team-virt']);
    expect(params.get('q')).toBe('billing');
    expect(params.get('groupBy')).toBe('system');
    expect(params.get('heatmapBy')).toBe('migration');
    expect(params.get('page')).toBe('3');
    expect(params.get('pageSize')).toBe('50');
    expect(params.get('sort')).toBe('worst');
    expect(params.get('order')).toBe('desc');
    expect(params.has('system')).toBe(false);
  });

  it('posts what-if requests as JSON', async () => {
    let body: unknown;
    server.use(
      http.post(
        `${baseUrl}/v1/entities/:namespace/:kind/:name/what-if`,
        async ({ request }) => {
          body = await request.json();
          return HttpResponse.json(makeStored().result);
        },
      ),
    );
    await client.whatIf(ref, {
      targetMode: 'bare-metal-container',
      targets: { k8s: '1.33' },
    });
    expect(body).toEqual({
      targetMode: 'bare-metal-container',
      targets: { k8s: '1.33' },
    });
  });

  it('posts refresh requests', async () => {
    const methods: string[] = [];
    server.use(
      http.post(
        `${baseUrl}/v1/entities/:namespace/:kind/:name/refresh`,
        ({ request }) => {
          methods.push(request.method);
          return HttpResponse.json(makeStored({ status: 'fresh' }));
        },
      ),
    );
    await expect(client.refresh(ref)).resolves.toMatchObject({
      status: 'fresh',
    });
    expect(methods).toEqual(['POST']);
  });

  it('asks the blast radius for a component and version with the filters, statuses and page', async () => {
    let params = new URLSearchParams();
    server.use(
      http.get(`${baseUrl}/v1/blast-radius`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json(blastRadius);
      }),
    );
    await expect(
      client.getBlastRadius({
        component: 'kubevirt',
        version: '1.6.0',
        filter: { system: ['billing'], migration: 'none' },
        status: ['already-broken', 'newly-breaks'],
        page: 2,
        pageSize: 10,
        cluster: 'kv-prod-01',
      }),
    ).resolves.toEqual(blastRadius);
    expect(params.get('cluster')).toBe('kv-prod-01');
    expect(params.get('component')).toBe('kubevirt');
    expect(params.get('version')).toBe('1.6.0');
    expect(params.getAll('system')).toEqual(['billing']);
    expect(params.get('migration')).toBe('none');
    expect(params.getAll('status')).toEqual(['already-broken', 'newly-breaks']);
    expect(params.get('page')).toBe('2');
    expect(params.get('pageSize')).toBe('10');
  });

  it('reads the cluster upgrade view from GET /v1/clusters', async () => {
    const clusters: ClusterUpgrades = {
      ruleSetVersion: '2026.12.2',
      knowledgeBaseAsOf: '2026-12-01',
      newestKnownKubernetes: '1.37',
      clusters: [
        {
          name: 'kv-prod-01',
          mode: 'container-virtualization',
          versions: [{ component: 'k8s', version: '1.32' }],
          components: 3,
          withoutObjects: 0,
          steps: [],
        },
      ],
    };
    let asked = '';
    server.use(
      http.get(`${baseUrl}/v1/clusters`, ({ request }) => {
        asked = new URL(request.url).search;
        return HttpResponse.json(clusters);
      }),
    );
    await expect(client.getClusterUpgrades()).resolves.toEqual(clusters);
    expect(asked).toBe('');
  });

  it('exports CSV in the asked order with the server-given file name', async () => {
    let params = new URLSearchParams();
    server.use(
      http.get(`${baseUrl}/v1/portfolio/export`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return new HttpResponse(
          'entityRef,mode\ncomponent:default/a,unknown\n',
          {
            headers: {
              'Content-Type': 'text/csv; charset=utf-8',
              'Content-Disposition':
                'attachment; filename="portfolio-2026-11-25.csv"',
            },
          },
        );
      }),
    );
    const file = await client.exportPortfolio(
      { upgradeLevel: ['broken-now'], sort: 'worst', order: 'asc' },
      'csv',
    );
    expect(params.get('format')).toBe('csv');
    expect(params.getAll('upgradeLevel')).toEqual(['broken-now']);
    expect(params.get('sort')).toBe('worst');
    expect(params.get('order')).toBe('asc');
    expect(file.filename).toBe('portfolio-2026-11-25.csv');
    expect(file.contentType).toContain('text/csv');
    expect(file.content).toContain('component:default/a,unknown');
  });

  it('falls back to a default export file name', async () => {
    server.use(
      http.get(`${baseUrl}/v1/portfolio/export`, () => HttpResponse.json([])),
    );
    const file = await client.exportPortfolio({}, 'json');
    expect(file.filename).toBe('runtime-mode-portfolio.json');
  });

  it('posts the refs of a page of rows in one request and returns the verdicts', async () => {
    const bodies: unknown[] = [];
    const verdict = {
      entityRef: 'component:default/vm-billing-legacy',
      mode: 'container-virtualization',
      level: 'blocked',
      score: 35,
      status: 'fresh',
    };
    server.use(
      http.post(`${baseUrl}/v1/verdicts/by-refs`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ items: [verdict] });
      }),
    );
    await expect(
      client.getVerdicts([
        'component:default/vm-billing-legacy',
        'component:default/never-evaluated',
      ]),
    ).resolves.toEqual([verdict]);
    expect(bodies).toEqual([
      {
        entityRefs: [
          'component:default/vm-billing-legacy',
          'component:default/never-evaluated',
        ],
      },
    ]);
  });

  it('asks nothing for no refs', async () => {
    await expect(client.getVerdicts([])).resolves.toEqual([]);
  });
});
