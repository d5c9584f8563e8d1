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
import fs from 'node:fs/promises';
import {
  api,
  guestToken,
  screenshotPath,
  signInAsGuest,
  storedEvaluation,
} from './helpers';

test.describe('Runtime mode portfolio', () => {
  test.beforeEach(async ({ request }) => {
    // The first scheduled refresh has run once a known component has a result.
    await storedEvaluation(request, 'vm-billing-legacy');
  });

  test('who breaks at a Kubernetes version, in two clicks', async ({
    page,
    request,
  }) => {
    await signInAsGuest(page);
    // Click 1: the nav item.
    await page
      .getByRole('link', { name: 'Runtime Mode' })
      .filter({ visible: true })
      .click();
    await expect(page).toHaveURL(/\/runtime-mode/);
    await expect(page.getByTestId('runtime-mode-kpis')).toBeVisible();

    // Click 2: the version.
    await page.getByRole('button', { name: 'Kubernetes 1.32' }).click();
    const summary = page.getByTestId('blast-radius-summary');
    await expect(summary).toBeVisible();

    const token = await guestToken(request);
    const res = await request.get(
      api('/api/runtime-mode/v1/blast-radius?component=k8s&version=1.32'),
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(res.ok()).toBeTruthy();
    const radius = await res.json();
    await expect(summary).toContainText(
      `At Kubernetes 1.32: ${radius.breaking} of ${radius.examined} component`,
    );
    await expect(summary).toContainText(
      `${radius.deprecatedOnly} more use deprecated APIs`,
    );
    const table = page.getByRole('table', {
      name: 'Components affected by the upgrade',
    });
    if (radius.items.length > 0) {
      await expect(table.getByRole('row')).toHaveCount(radius.items.length + 1);
      await expect(table).toContainText(radius.items[0].findings[0].apiVersion);
    }
    // The page scrolls inside its content area: shoot the panel itself.
    await page
      .getByTestId('runtime-mode-blast-radius')
      .screenshot({ path: screenshotPath('runtime-mode-blast-radius') });
  });

  test('a filter narrows KPIs, heatmap and table, and the heatmap leads to the list', async ({
    page,
    request,
  }) => {
    const token = await guestToken(request);
    const res = await request.get(
      api(
        '/api/runtime-mode/v1/portfolio?mode=container-virtualization&pageSize=100',
      ),
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const kubevirt = await res.json();
    expect(kubevirt.total).toBeGreaterThan(0);

    await signInAsGuest(page);
    await page.goto('/runtime-mode');
    await expect(page.getByTestId('runtime-mode-heatmap')).toBeVisible();
    await page.screenshot({
      path: screenshotPath('runtime-mode-portfolio'),
      fullPage: true,
    });
    await page
      .getByTestId('runtime-mode-heatmap')
      .screenshot({ path: screenshotPath('runtime-mode-heatmap') });

    await page
      .getByTestId('runtime-mode-kpis')
      .getByRole('button', { name: /on KubeVirt VMs/ })
      .click();
    await expect(page).toHaveURL(/mode=container-virtualization/);
    await expect(
      page.getByText(`${kubevirt.total} component`, { exact: false }).first(),
    ).toBeVisible();
    const rows = page
      .getByTestId('runtime-mode-portfolio-table')
      .locator('tbody tr');
    await expect(rows).toHaveCount(Math.min(kubevirt.total, 25));
    for (const row of await rows.all()) {
      await expect(row).toContainText('KubeVirt VMs');
    }

    // From a heatmap number to the components behind it.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const cell = page
      .getByTestId('runtime-mode-heatmap')
      .getByRole('button', { name: / on KubeVirt VMs in / })
      .first();
    const label = (await cell.getAttribute('aria-label')) ?? '';
    const count = Number(label.split(' ')[0]);
    await cell.click();
    await expect(page).toHaveURL(/mode=container-virtualization/);
    await expect(page).toHaveURL(/level=/);
    await expect(page).toHaveURL(/owner=/);
    await expect(rows).toHaveCount(Math.min(count, 25));
  });

  test('exports the filtered portfolio as CSV', async ({ page }) => {
    await signInAsGuest(page);
    await page.goto('/runtime-mode?mode=container-virtualization');
    await expect(
      page.getByTestId('runtime-mode-portfolio-table'),
    ).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await fs.readFile((await file.path())!, 'utf8');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['entityRef', 'mode', 'level', 'score']),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(csv).toContain('component:default/vm-billing-legacy');
    const modeColumn = header.split(',').indexOf('mode');
    for (const line of lines) {
      expect(line.split(',')[modeColumn]).toBe('container-virtualization');
    }
  });
});
