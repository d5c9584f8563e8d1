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
import {
  MODE_LABELS,
  READINESS_LEVEL_LABELS,
  UPGRADE_LEVEL_LABELS,
} from '../../plugins/runtime-mode-common/src/labels';
import {
  apiGet,
  screenshotPath,
  signInAsGuest,
  storedEvaluation,
} from './helpers';

type Row = {
  name: string;
  title?: string;
  mode: keyof typeof MODE_LABELS;
  upgradeLevel: keyof typeof UPGRADE_LEVEL_LABELS;
  /** Null when no move is planned. */
  migrationLevel: keyof typeof READINESS_LEVEL_LABELS | null;
};

test.describe('Runtime mode in the catalog list', () => {
  test.beforeEach(async ({ request }) => {
    // The first scheduled refresh has run once a known component has a result.
    await storedEvaluation(request, 'vm-billing-legacy');
  });

  test('shows each example component’s mode and two answers from one request, and filtering by a mode narrows the list', async ({
    page,
    request,
  }) => {
    const portfolio = await apiGet(request, '/v1/portfolio?pageSize=100');
    const rows: Row[] = portfolio.items;
    const kubevirt = rows.filter(r => r.mode === 'container-virtualization');
    const others = rows.filter(r => r.mode !== 'container-virtualization');
    expect(kubevirt.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);

    const verdictRequests: string[] = [];
    const perEntityRequests: string[] = [];
    page.on('request', req => {
      const url = req.url();
      if (url.includes('/api/runtime-mode/v1/verdicts/by-refs')) {
        verdictRequests.push(url);
      } else if (url.includes('/api/runtime-mode/v1/entities/')) {
        perEntityRequests.push(url);
      }
    });

    await signInAsGuest(page);
    await page.goto('/?filters[kind]=component&filters[user]=all');
    await expect(
      page.getByRole('columnheader', { name: 'Runtime mode' }),
    ).toBeVisible();

    const rowOf = (r: Row) =>
      page.getByRole('row').filter({
        has: page.getByRole('link', { name: r.title ?? r.name, exact: true }),
      });
    for (const r of rows) {
      const cell = rowOf(r).getByTestId('runtime-mode-catalog-cell');
      await expect(cell).toContainText(MODE_LABELS[r.mode]);
      await expect(cell).toContainText(UPGRADE_LEVEL_LABELS[r.upgradeLevel]);
      if (r.migrationLevel) {
        await expect(cell).toContainText(
          READINESS_LEVEL_LABELS[r.migrationLevel],
        );
      } else {
        // No move planned: nothing in the list reads "Blocked" for it.
        await expect(cell).not.toContainText(READINESS_LEVEL_LABELS.blocked);
      }
    }
    // The page of rows came in one request, never one per row.
    expect(verdictRequests).toHaveLength(1);
    expect(perEntityRequests).toEqual([]);

    await page.getByLabel('Runtime mode', { exact: true }).click();
    await page
      .getByRole('option', { name: MODE_LABELS['container-virtualization'] })
      .click();
    await page.keyboard.press('Escape');

    for (const r of others) {
      await expect(
        page.getByRole('link', { name: r.title ?? r.name, exact: true }),
      ).toHaveCount(0);
    }
    for (const r of kubevirt) {
      await expect(
        rowOf(r).getByTestId('runtime-mode-catalog-cell'),
      ).toContainText(MODE_LABELS['container-virtualization']);
    }
    // Wide enough for the catalog's eight columns side by side.
    await page.setViewportSize({ width: 1920, height: 900 });
    await page.screenshot({ path: screenshotPath('catalog-list') });
  });
});
