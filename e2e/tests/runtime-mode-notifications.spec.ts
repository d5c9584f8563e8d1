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
import { commit, deliverPush, ScmFile } from './fakeScm';
import { api, guestToken, screenshotPath, signInAsGuest } from './helpers';

/** The component's manifest on the stand-in Git host. */
const MANIFEST: ScmFile = {
  repository: 'acme/notify-demo',
  path: 'deploy/app.yaml',
};

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: notify-demo
  labels: { app: notify-demo }
spec:
  replicas: 2
  selector:
    matchLabels: { app: notify-demo }
  template:
    metadata:
      labels: { app: notify-demo }
    spec:
      containers:
        - name: notify-demo
          image: registry.example.com/notify-demo:1.0.0
`;

/** The same workload with a PodDisruptionBudget in policy/v1beta1, removed in Kubernetes 1.25. */
const withRemovedApi = `${deployment}---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: notify-demo
spec:
  minAvailable: 1
  selector:
    matchLabels: { app: notify-demo }
`;

/** The stored answer to "does it break at the planned upgrade?". */
async function upgradeLevelOf(request: APIRequestContext, token: string) {
  const res = await request.get(
    api('/api/runtime-mode/v1/entities/default/component/notify-demo'),
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!res.ok()) return undefined;
  return (await res.json()).result?.upgrade?.level as string | undefined;
}

const REMOVAL_TITLE =
  'Notify Demo uses policy/v1beta1 PodDisruptionBudget, removed in Kubernetes v1.25.0';

/** The guest's notifications about notify-demo, from the notifications backend. */
async function notificationTitles(request: APIRequestContext, token: string) {
  const res = await request.get(api('/api/notifications/notifications'), {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.ok()).toBeTruthy();
  const body = await res.json();
  return (body.notifications as Array<{ payload: { title: string } }>)
    .map(n => n.payload.title)
    .filter(title => title.startsWith('Notify Demo'))
    .sort();
}

test.describe('Owners hear when their component gets worse', () => {
  test.skip(
    Boolean(process.env.PLAYWRIGHT_URL),
    'needs the stand-in Git host and e2e/app-config.e2e.yaml that the suite starts itself',
  );

  test("a pushed manifest with a removed API puts one notification in the owner's bell, linking to the Runtime tab", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const token = await guestToken(request);
    await commit(request, MANIFEST, deployment);
    await deliverPush(request, MANIFEST);
    await expect
      .poll(() => upgradeLevelOf(request, token), { timeout: 60_000 })
      .toBe('clean');
    expect(await notificationTitles(request, token)).toEqual([]);

    await commit(request, MANIFEST, withRemovedApi);
    await deliverPush(request, MANIFEST);
    // Its cluster runs a Kubernetes past 1.25: broken now, and one
    // notification that names the API (not a second one for the level).
    await expect
      .poll(() => upgradeLevelOf(request, token), { timeout: 60_000 })
      .toBe('broken-now');
    await expect
      .poll(() => notificationTitles(request, token), { timeout: 30_000 })
      .toEqual([REMOVAL_TITLE]);

    // Another push of the same content changes nothing: no new notification.
    await deliverPush(request, MANIFEST);
    const token2 = await guestToken(request);
    expect(await upgradeLevelOf(request, token2)).toBe('broken-now');
    expect(await notificationTitles(request, token2)).toEqual([REMOVAL_TITLE]);

    await signInAsGuest(page);
    await page.goto('/notifications');
    const removal = page.getByText(REMOVAL_TITLE);
    await expect(removal).toBeVisible();
    await page.screenshot({
      path: screenshotPath('runtime-mode-notifications'),
    });
    await removal.click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/component\/notify-demo\/runtime/,
    );
  });
});
