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

import { APIRequestContext, expect, test } from '@playwright/test';
import { UPGRADE_LEVEL_LABELS } from '../../plugins/runtime-mode-common/src/labels';
import type { UpgradeLevel } from '../../plugins/runtime-mode-common/src/types';
import { commit, deliverPush, ScmFile } from './fakeScm';
import { api, guestToken, signInAsGuest, storedEvaluation } from './helpers';

/** The component's manifest on the stand-in Git host. */
const MANIFEST: ScmFile = {
  repository: 'acme/push-demo',
  path: 'deploy/app.yaml',
};

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: push-demo
  labels: { app: push-demo }
spec:
  replicas: 2
  selector:
    matchLabels: { app: push-demo }
  template:
    metadata:
      labels: { app: push-demo }
    spec:
      containers:
        - name: push-demo
          image: registry.example.com/push-demo:1.0.0
`;

/** The same workload with an Ingress in extensions/v1beta1, removed in Kubernetes 1.22. */
const withRemovedApi = `${deployment}---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: push-demo
spec:
  backend:
    serviceName: push-demo
    servicePort: 80
`;

/** The stored answer to "does it break at the planned upgrade?". */
async function upgradeLevelOf(request: APIRequestContext, token: string) {
  const res = await request.get(
    api('/api/runtime-mode/v1/entities/default/component/push-demo'),
    { headers: { Authorization: `Bearer ${token}` } },
  );
  return (await res.json()).result?.upgrade?.level as UpgradeLevel | undefined;
}

test.describe('A pushed change reaches the page', () => {
  test.skip(
    Boolean(process.env.PLAYWRIGHT_URL),
    'needs the stand-in Git host and e2e/app-config.e2e.yaml that the suite starts itself',
  );

  test('a push webhook re-evaluates the component and its card changes within a minute', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const token = await guestToken(request);
    // Start from the clean manifest, whatever an earlier attempt left.
    await commit(request, MANIFEST, deployment);
    await deliverPush(request, MANIFEST);
    await storedEvaluation(request, 'push-demo');
    // push-demo plans no move: the push changes the upgrade answer.
    await expect
      .poll(() => upgradeLevelOf(request, token), { timeout: 60_000 })
      .toBe('clean');

    await signInAsGuest(page);
    await page.goto('/catalog/default/component/push-demo');
    const level = page.getByTestId('runtime-mode-upgrade-level').first();
    await expect(level).toContainText(UPGRADE_LEVEL_LABELS.clean);

    // The change that breaks it: an API bm-prod-01 (1.31) no longer serves.
    await commit(request, MANIFEST, withRemovedApi);
    const pushedAt = Date.now();
    await deliverPush(request, MANIFEST);

    await expect
      .poll(
        async () => {
          await page.reload();
          return (await level.textContent({ timeout: 15_000 })) ?? '';
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toContain(UPGRADE_LEVEL_LABELS['broken-now']);
    const seconds = (Date.now() - pushedAt) / 1000;
    expect(seconds).toBeLessThan(60);
    test.info().annotations.push({
      type: 'push to card',
      description: `${seconds.toFixed(1)} s`,
    });
  });
});
