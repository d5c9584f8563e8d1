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
  UPGRADE_LEVEL_LABELS,
} from '../../plugins/runtime-mode-common/src/labels';
import {
  runtimeModeCard,
  screenshotPath,
  signInAsGuest,
  storedEvaluation,
} from './helpers';

// Titles of some example components (the catalog table shows titles).
const EXAMPLE_COMPONENTS = [
  'Checkout API',
  'Cart Service',
  'Payments Gateway',
  'Legacy Billing VM',
  'vRouter VNF',
  'Legacy CRM',
];

test('the catalog lists the example components', async ({ page }) => {
  await signInAsGuest(page);
  // All components, not only the guest's own.
  await page.goto('/?filters[kind]=component&filters[user]=all');
  for (const title of EXAMPLE_COMPONENTS) {
    await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
  }
});

test('the runtime-mode card shows what the backend computed', async ({
  page,
  request,
}) => {
  const stored = await storedEvaluation(request, 'payments-gateway');
  const mode = stored.result.mode.value as keyof typeof MODE_LABELS;
  const upgrade = stored.result.upgrade
    .level as keyof typeof UPGRADE_LEVEL_LABELS;

  await signInAsGuest(page);
  await page.goto('/catalog/default/component/payments-gateway');
  const card = runtimeModeCard(page);
  await expect(card).toBeVisible();
  await expect(card.getByText(MODE_LABELS[mode]).first()).toBeVisible();
  await expect(card.getByTestId('runtime-mode-upgrade')).toContainText(
    UPGRADE_LEVEL_LABELS[upgrade],
  );
  await page.screenshot({
    path: screenshotPath('component-overview'),
    fullPage: true,
  });
});
