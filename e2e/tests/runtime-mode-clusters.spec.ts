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

import { expect, test } from '@playwright/test';
import { apiGet, screenshotPath, signInAsGuest } from './helpers';

test.describe('cluster upgrade view', () => {
  test('lists every configured cluster and opens the blast radius of one cluster at one version', async ({
    page,
    request,
  }) => {
    // The example estate: wait until the refresh placed components on clusters.
    let view: any;
    await expect
      .poll(
        async () => {
          view = await apiGet(request, '/v1/clusters');
          return view.clusters.reduce(
            (sum: number, c: any) => sum + c.components,
            0,
          );
        },
        { timeout: 60_000, intervals: [1000, 2000] },
      )
      .toBeGreaterThan(5);
    expect(view.clusters.map((c: any) => c.name)).toEqual([
      'bm-prod-01',
      'tanzu-prod-01',
      'sks-prod-01',
      'kv-prod-01',
      'kv-lab-01',
    ]);
    // A step with someone breaking or already broken, to click through.
    const cluster = view.clusters.find((c: any) =>
      c.steps.some((s: any) => s.breaking + s.alreadyBroken > 0),
    );
    expect(
      cluster,
      'a cluster whose next version breaks something',
    ).toBeTruthy();
    const step = cluster.steps.find(
      (s: any) => s.breaking + s.alreadyBroken > 0,
    );

    await signInAsGuest(page);
    await page.goto('/runtime-mode');
    await page.getByRole('tab', { name: 'Clusters' }).click();
    await expect(page).toHaveURL(/tab=clusters/);
    const table = page.getByTestId('runtime-mode-clusters');
    for (const c of view.clusters) {
      const row = table.getByTestId(`runtime-mode-cluster-${c.name}`);
      await expect(row).toContainText(c.name);
      await expect(row).toContainText(
        `${c.components} component${c.components === 1 ? '' : 's'}`,
      );
    }
    const row = table.getByTestId(`runtime-mode-cluster-${cluster.name}`);
    const label = `${
      step.component === 'k8s' ? 'Kubernetes' : step.component
    } ${step.version}`;
    const stepButton = row.getByRole('button', {
      name: new RegExp(
        `^${label.replace(/\./g, '\\.')}( \\(planned\\))? on ${cluster.name}:`,
      ),
    });
    await expect(stepButton).toBeVisible();
    // Tall enough for every cluster: the page scrolls inside its content.
    await page.setViewportSize({ width: 1440, height: 2200 });
    await page
      .getByTestId('runtime-mode-portfolio')
      .screenshot({ path: screenshotPath('runtime-mode-clusters') });

    await page.setViewportSize({ width: 1440, height: 900 });

    // Click through: the blast radius of that cluster at that version.
    await stepButton.click();
    await expect(page).not.toHaveURL(/tab=clusters/);
    await expect(page).toHaveURL(new RegExp(`cluster=${cluster.name}`));
    const panel = page.getByTestId('runtime-mode-blast-radius');
    await expect(panel.getByTestId('blast-radius-cluster')).toContainText(
      `Only the components on cluster ${cluster.name}`,
    );
    const radius = await apiGet(
      request,
      `/v1/blast-radius?component=${step.component}&version=${step.version}&cluster=${cluster.name}`,
    );
    expect(radius.alreadyBroken).toBe(step.alreadyBroken);
    expect(radius.newlyBreaking).toBe(step.breaking);
    expect(radius.deprecatedOnly).toBe(step.degrading);
    for (const item of radius.items.slice(0, 3)) {
      await expect(
        panel.getByRole('row', { name: new RegExp(item.title ?? item.name) }),
      ).toBeVisible();
    }
  });
});
