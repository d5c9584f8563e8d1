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
import request from 'supertest';
import { runtimeModePlugin } from './plugin';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  RESTRICTED_USER,
  visibilityAwareCatalog,
} from './testUtils/fixtures';

describe('runtimeModePlugin', () => {
  const tree = createManifestTree({
    'deploy/web.yaml': DEPLOYMENT,
    'deploy/ingress.yaml': OLD_INGRESS,
  });
  afterAll(() => tree.cleanup());

  async function startBackend() {
    const entities = [
      component('web', { root: tree.root, manifests: 'deploy/' }),
      component('secret', { root: tree.root, manifests: 'deploy/web.yaml' }),
    ];
    const { factory } = visibilityAwareCatalog(entities, [
      'component:default/secret',
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
              clusters: [
                {
                  name: 'bm',
                  mode: 'bare-metal-container',
                  kubernetesVersion: '1.31',
                },
              ],
              apiPolicy: { targets: { k8s: '1.34' } },
            },
          },
        }),
      ],
    });
    return server;
  }

  it('answers health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/runtime-mode/v1/health')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      ruleSetVersion: expect.any(String),
      knowledgeBaseAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('serves a stored evaluation after an on-demand refresh', async () => {
    const server = await startBackend();
    const before = await request(server).get(
      '/api/runtime-mode/v1/entities/default/component/web',
    );
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      entityRef: 'component:default/web',
      status: 'pending',
      result: null,
    });

    const refreshed = await request(server).post(
      '/api/runtime-mode/v1/entities/default/component/web/refresh',
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.status).toBe('fresh');

    const after = await request(server).get(
      '/api/runtime-mode/v1/entities/default/component/web',
    );
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('fresh');
    expect(
      after.body.result.objects.map((o: { kind: string }) => o.kind).sort(),
    ).toEqual(['Deployment', 'Ingress']);
    const removed = after.body.result.findings.find(
      (f: { kind?: string; severity: string }) =>
        f.kind === 'Ingress' && f.severity === 'critical',
    );
    expect(removed).toBeDefined();
  });

  it('requires credentials for entity results', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/runtime-mode/v1/entities/default/component/web')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('returns the same 404 for an unknown entity and for one the user may not read', async () => {
    const server = await startBackend();
    const unknown = await request(server).get(
      '/api/runtime-mode/v1/entities/default/component/nope',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('component:default/nope');

    const hidden = await request(server)
      .get('/api/runtime-mode/v1/entities/default/component/secret')
      .set('Authorization', mockCredentials.user.header(RESTRICTED_USER));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toEqual({
      name: 'NotFoundError',
      message: 'No entity component:default/secret was found',
    });
    expect(unknown.body.error).toEqual({
      name: 'NotFoundError',
      message: 'No entity component:default/nope was found',
    });
  });

  it('rejects a bad kind with a clear 400', async () => {
    const server = await startBackend();
    const res = await request(server).get(
      '/api/runtime-mode/v1/entities/default/system/web',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("only kind 'component'");
  });
});
