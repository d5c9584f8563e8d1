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
import { createRouter } from '../service/router';

type Layer = { route?: { path: string; methods: Record<string, boolean> } };

describe('openapi.yaml', () => {
  const doc = parse(
    fs.readFileSync(path.resolve(__dirname, 'openapi.yaml'), 'utf8'),
  ) as { openapi: string; paths: Record<string, Record<string, unknown>> };

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
});
