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
  expectNoSeriousViolations,
  screenshotPath,
  signInWithTheme,
  storedEvaluation,
  type Theme,
} from './helpers';

// axe-core scans of what the plugin draws, in both themes: no serious or
// critical WCAG 2.1 A/AA violation (contrast, names, roles, structure).
for (const theme of ['light', 'dark'] as Theme[]) {
  test.describe(`Accessibility in the ${theme} theme`, () => {
    test.beforeEach(async ({ page, request }) => {
      await storedEvaluation(request, 'vm-billing-legacy');
      await signInWithTheme(page, theme);
    });

    test('the card', async ({ page }) => {
      await page.goto('/catalog/default/component/ledger-service');
      await expect(page.getByTestId('runtime-mode-verdict')).toBeVisible();
      await expectNoSeriousViolations(
        page,
        '[data-testid="runtime-mode-card"]',
        `the card (${theme})`,
      );
    });

    test('the Runtime tab with a what-if', async ({ page }) => {
      await page.goto(
        '/catalog/default/component/vm-billing-legacy/runtime?whatIfMode=virtualized-container',
      );
      await expect(
        page.getByTestId('runtime-mode-what-if-result'),
      ).toBeVisible();
      await expect(page.getByTestId('runtime-mode-history')).toBeVisible();
      await expectNoSeriousViolations(
        page,
        '[data-testid="runtime-mode-tab"]',
        `the Runtime tab (${theme})`,
      );
    });

    test('the portfolio and its rules tab', async ({ page }) => {
      await page.goto('/runtime-mode');
      await expect(page.getByTestId('blast-radius-summary')).toBeVisible();
      await expect(
        page.getByTestId('runtime-mode-portfolio-table'),
      ).toBeVisible();
      await expectNoSeriousViolations(
        page,
        '[data-testid="runtime-mode-portfolio"]',
        `the portfolio (${theme})`,
      );
      if (theme === 'dark') {
        await page.screenshot({
          path: screenshotPath('runtime-mode-portfolio-dark'),
        });
      }
      await page.getByRole('tab', { name: 'Rules and scoring' }).click();
      await expect(page.getByTestId('runtime-mode-rules')).toBeVisible();
      await expectNoSeriousViolations(
        page,
        '[data-testid="runtime-mode-portfolio"]',
        `the rules tab (${theme})`,
      );
    });

    test('the clusters tab', async ({ page }) => {
      await page.goto('/runtime-mode');
      await page.getByRole('tab', { name: 'Clusters' }).click();
      await expect(page.getByTestId('runtime-mode-clusters')).toBeVisible();
      await expectNoSeriousViolations(
        page,
        '[data-testid="runtime-mode-portfolio"]',
        `the clusters tab (${theme})`,
      );
    });

    test('the catalog list column and filter', async ({ page }) => {
      await page.goto('/?filters[kind]=component&filters[user]=all');
      await expect(
        page.getByTestId('runtime-mode-catalog-cell').first(),
      ).toBeVisible();
      await expectNoSeriousViolations(
        page,
        '[data-testid="runtime-mode-catalog-picker"]',
        `the catalog filter (${theme})`,
      );
      await expectNoSeriousViolations(
        page,
        '[data-testid="runtime-mode-catalog-cell"]',
        `the catalog column (${theme})`,
      );
    });
  });
}
