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

import { mockServices } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  evaluate,
  readRuntimeModeConfig,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { z } from 'zod';
import { computeBlastRadius } from '../service/blastRadius/computeBlastRadius';
import {
  computeClusterUpgradeDetail,
  computeClusterUpgrades,
} from '../service/clusters/computeClusterUpgrades';
import { buildPortfolioSummary } from '../service/portfolio';
import { CallerRows } from '../service/CallerRows';
import { HistoryWindow } from '../service/rows/HistoryWindow';
import { createRouter } from '../service/router';
import {
  blastRadiusQuerySchema,
  clusterUpgradeQuerySchema,
  emptyQuerySchema,
  exportQuerySchema,
  historyQuerySchema,
  portfolioQuerySchema,
  verdictsQuerySchema,
} from '../service/schemas';
import { verdictPage } from '../service/verdicts/verdictPage';
import type { EvaluationStore } from '../database/EvaluationStore';
import { OLD_INGRESS } from '../testUtils/fixtures';
import { portfolioQuery, portfolioRow } from '../testUtils/rows';

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  items?: Schema;
};
type Parameter = { $ref?: string; name: string; in: string };

type Layer = { route?: { path: string; methods: Record<string, boolean> } };

describe('openapi.yaml', () => {
  const doc = parse(
    fs.readFileSync(path.resolve(__dirname, 'openapi.yaml'), 'utf8'),
  ) as {
    openapi: string;
    paths: Record<string, Record<string, any>>;
    components: {
      parameters: Record<string, Parameter>;
      schemas: Record<string, Schema>;
    };
  };

  const resolve = <T extends { $ref?: string }>(value: T): T => {
    if (!value.$ref) return value;
    const [, , section, name] = value.$ref.split('/');
    return resolve((doc.components as any)[section][name]);
  };

  /** The properties a schema documents, through references and allOf. */
  const propertiesOf = (schema: Schema): Record<string, Schema> => {
    const resolved = resolve(schema);
    return Object.assign(
      {},
      ...(resolved.allOf ?? []).map(propertiesOf),
      resolved.properties ?? {},
    );
  };

  /** Every key of a value the API returns, object by object, is documented. */
  const expectDocumented = (value: unknown, schema: Schema, at: string) => {
    if (Array.isArray(value)) {
      const items = resolve(schema).items;
      if (items) value.forEach(v => expectDocumented(v, items, `${at}[]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const properties = propertiesOf(schema);
    if (!Object.keys(properties).length) return; // a map (additionalProperties)
    for (const [key, child] of Object.entries(value)) {
      expect({ at, key, documented: key in properties }).toEqual({
        at,
        key,
        documented: true,
      });
      expectDocumented(child, properties[key], `${at}.${key}`);
    }
  };

  it('documents exactly the routes the router serves', async () => {
    const router = await createRouter({
      logger: mockServices.logger.mock(),
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      store: {} as any,
      readable: {} as any,
      refresher: {} as any,
      evaluations: {} as any,
      rowsCache: {} as any,
      config: { maxRequestBytes: 1000 } as any,
    });
    const served = (router.stack as Layer[])
      .filter(layer => layer.route)
      .flatMap(layer =>
        Object.keys(layer.route!.methods).map(
          method => `${method} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      )
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) =>
        Object.keys(ops)
          .filter(k => k !== 'parameters')
          .map(method => `${method} ${p}`),
      )
      .sort();
    expect(doc.openapi).toMatch(/^3\./);
    expect(documented).toEqual(served);
  });

  it('marks only health as public', () => {
    const publicOps = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([, op]) =>
          Array.isArray((op as { security?: unknown[] }).security),
        )
        .map(([method]) => `${method} ${p}`),
    );
    expect(publicOps).toEqual(['get /v1/health']);
  });

  it('documents every query parameter each route accepts', () => {
    const routes: Array<[string, z.AnyZodObject]> = [
      ['/v1/portfolio', portfolioQuerySchema],
      ['/v1/portfolio/export', exportQuerySchema],
      ['/v1/blast-radius', blastRadiusQuerySchema],
      ['/v1/verdicts', verdictsQuerySchema],
      ['/v1/clusters/{name}/upgrade', clusterUpgradeQuerySchema],
      ['/v1/clusters', emptyQuerySchema],
      ['/v1/entities/{namespace}/{kind}/{name}/history', historyQuerySchema],
    ];
    for (const [route, schema] of routes) {
      const documented = (
        (doc.paths[route].get.parameters ?? []) as Parameter[]
      )
        .map(resolve)
        .filter(p => p.in === 'query')
        .map(p => p.name)
        .sort();
      expect({ route, parameters: documented }).toEqual({
        route,
        parameters: Object.keys(schema.shape).sort(),
      });
    }
  });

  it('documents every field of the portfolio, its rows and the blast radius', async () => {
    const rows = [
      portfolioRow('a', {
        title: 'A',
        system: 'system:default/s',
        domain: 'domain:default/d',
        evaluatedAt: new Date().toISOString(),
        topBlocker: { ruleId: 'api-removed', message: 'm', file: 'f', line: 1 },
      }),
    ];
    const summary = buildPortfolioSummary({
      rows: CallerRows.of(rows),
      history: HistoryWindow.of([]),
      query: portfolioQuery({ heatmapBy: 'upgrade' }),
      trendSince: new Date(),
      plannedTargets: { k8s: '1.34' },
    });
    expectDocumented(
      summary,
      { $ref: '#/components/schemas/PortfolioSummary' },
      'summary',
    );

    const result = evaluate({
      manifests: [{ path: 'i.yaml', content: OLD_INGRESS }],
      config: {
        clusters: [
          {
            name: 'bm',
            mode: 'bare-metal-container',
            kubernetesVersion: '1.31',
          },
        ],
      },
      entity: {
        metadata: {
          name: 'a',
          annotations: { 'runtime-mode.dev/clusters': 'bm' },
        },
      },
    });
    expectDocumented(
      result,
      { $ref: '#/components/schemas/EvaluationResult' },
      'result',
    );
    const usage = new Map([
      [
        rows[0].entityRef,
        {
          apiKinds: ['extensions/v1beta1\tIngress'],
          currentVersions: { k8s: '1.31' },
          clusters: ['bm'],
        },
      ],
    ]);
    const store = {
      listResults: async () => [{ entityRef: rows[0].entityRef, result }],
      listResultObjects: async () =>
        new Map([[rows[0].entityRef, result.objects]]),
    } as unknown as EvaluationStore;
    const radius = await computeBlastRadius(
      store,
      rows,
      {
        ...portfolioQuery(),
        component: 'k8s',
        version: '1.34',
        page: 1,
        pageSize: 10,
        status: undefined,
      } as any,
      readRuntimeModeConfig({
        clusters: [
          {
            name: 'bm',
            mode: 'bare-metal-container',
            kubernetesVersion: '1.31',
          },
        ],
        apiPolicy: { targets: { k8s: '1.34' } },
      }),
      usage,
    );
    const verdicts = await verdictPage(store, [rows[0], portfolioRow('b')], {
      limit: 1,
    });
    expect(verdicts.nextCursor).toBeDefined();
    expectDocumented(
      verdicts,
      { $ref: '#/components/schemas/VerdictPage' },
      'verdicts',
    );
    expect(radius.items).toHaveLength(1);
    expectDocumented(
      radius,
      { $ref: '#/components/schemas/BlastRadius' },
      'blastRadius',
    );
  });

  it('documents every field of the cluster upgrade view and of one step', () => {
    const input = {
      rows: [portfolioRow('web', { title: 'Web', system: 'shop' })],
      placements: new Map([
        [
          'component:default/web',
          {
            clusters: ['bm'],
            apiKinds: ['extensions/v1beta1\tIngress', 'v1\tEndpoints'],
          },
        ],
      ]),
      config: {
        clusters: [
          {
            name: 'bm',
            mode: 'bare-metal-container' as const,
            platform: 'kubeadm',
            kubernetesVersion: '1.32',
          },
        ],
        apiPolicy: {
          targets: { k8s: '1.33' },
          alphaInProduction: 'warning' as const,
          extraDeprecations: [],
        },
      },
    };
    const view = computeClusterUpgrades(input);
    expect(view.clusters[0].steps[0].apis.length).toBeGreaterThan(1);
    expectDocumented(
      view,
      { $ref: '#/components/schemas/ClusterUpgrades' },
      'clusters',
    );
    const detail = computeClusterUpgradeDetail(input, {
      cluster: 'bm',
      component: 'k8s',
      version: '1.33',
      page: 1,
      pageSize: 10,
    });
    expect(detail.items).toHaveLength(1);
    expectDocumented(
      detail,
      { $ref: '#/components/schemas/ClusterUpgradeDetail' },
      'detail',
    );
  });
});
