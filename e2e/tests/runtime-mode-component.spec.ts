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
  LEVEL_LABELS,
  MODE_LABELS,
} from '../../plugins/runtime-mode/src/components/common/labels';
import { screenshotPath, signInAsGuest, storedEvaluation } from './helpers';

const KUBEVIRT = 'vm-billing-legacy';

test.describe('Runtime mode on a KubeVirt component', () => {
  test('the card says what it runs on, how ready it is, and links to the tab', async ({
    page,
    request,
  }) => {
    const stored = await storedEvaluation(request, KUBEVIRT);
    const mode = stored.result.mode.value as keyof typeof MODE_LABELS;
    const level = stored.result.readiness.level as keyof typeof LEVEL_LABELS;
    expect(mode).toBe('container-virtualization');

    await signInAsGuest(page);
    await page.goto(`/catalog/default/component/${KUBEVIRT}`);
    const card = page
      .locator('article, [class*="MuiCard-root"]')
      .filter({ has: page.getByText('Runtime mode', { exact: true }) })
      .first();
    await expect(card).toBeVisible();

    const chip = card.getByTestId('runtime-mode-chip');
    await expect(chip).toContainText(MODE_LABELS[mode]);
    await expect(card.getByTestId('runtime-mode-level')).toContainText(
      LEVEL_LABELS[level],
    );
    const score = stored.result.readiness.score;
    await expect(card.getByTestId('runtime-mode-score')).toHaveAttribute(
      'aria-label',
      score === null ? 'Score: unknown' : `Score: ${score} of 100`,
    );
    await expect(card).toContainText('Target mode:');
    await expect(card).toContainText(
      /API knowledge base as of \d{4}-\d{2}-\d{2}/,
    );

    await card.screenshot({ path: screenshotPath('runtime-mode-card') });

    // The evidence behind the mode is one hover away.
    await chip.hover();
    const firstEvidence = stored.result.mode.evidence[0];
    await expect(page.getByRole('tooltip')).toContainText(firstEvidence.reason);
    await page.screenshot({
      path: screenshotPath('runtime-mode-card-evidence'),
      fullPage: true,
    });

    await card
      .getByRole('link', { name: /Details, what-if and history/ })
      .click();
    await expect(page).toHaveURL(
      new RegExp(`/catalog/default/component/${KUBEVIRT}/runtime`),
    );
    await expect(page.getByText('Mode comparison')).toBeVisible();
  });

  test('the Runtime tab explains the verdict and answers a what-if', async ({
    page,
    request,
  }) => {
    const stored = await storedEvaluation(request, KUBEVIRT);
    const result = stored.result;

    await signInAsGuest(page);
    await page.goto(`/catalog/default/component/${KUBEVIRT}/runtime`);

    // Comparison matrix: the current mode's column says so in words.
    const current = page.getByTestId(`matrix-head-${result.mode.value}`);
    await expect(current).toContainText('Current');
    if (result.readiness.targetMode) {
      await expect(
        page.getByTestId(`matrix-head-${result.readiness.targetMode}`),
      ).toContainText('Target');
    }

    // Every concern the backend found is listed, with its rule id.
    const findings = page.getByTestId('runtime-mode-finding');
    await expect(findings).toHaveCount(result.findings.length);
    const critical = result.findings.find(
      (f: any) => f.severity === 'critical',
    );
    if (critical) {
      await expect(
        findings.filter({ hasText: `rule ${critical.id}` }).first(),
      ).toContainText('Critical');
    }
    // The expired waiver of the example estate counts again, and says so.
    const expired = result.findings.find((f: any) => f.waiver?.expired);
    if (expired) {
      await expect(page.getByText(/Waiver expired/).first()).toBeVisible();
    }

    // Objects with their API status.
    await expect(
      page.getByText(`Objects in the manifests (${result.objects.length})`),
    ).toBeVisible();
    await expect(
      page.getByText(/API knowledge base as of/).first(),
    ).toBeVisible();
    await page.screenshot({
      path: screenshotPath('runtime-mode-tab'),
      fullPage: true,
    });

    // What-if: move it to bare-metal containers on Kubernetes 1.36.
    await page.getByRole('button', { name: /Target mode/ }).click();
    await page
      .getByRole('option', { name: MODE_LABELS['bare-metal-container'] })
      .click();
    await page
      .getByRole('button', { name: /Target Kubernetes version/ })
      .click();
    await page.getByRole('option', { name: 'Kubernetes 1.36' }).click();
    const whatIf = page.waitForResponse(
      r =>
        r.url().includes(`/${KUBEVIRT}/what-if`) &&
        r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Evaluate what-if' }).click();
    const response = await whatIf;
    expect(response.ok()).toBeTruthy();
    const answer = await response.json();
    const panel = page.getByTestId('runtime-mode-what-if-result');
    await expect(panel).toContainText(
      `Readiness: ${
        LEVEL_LABELS[result.readiness.level as keyof typeof LEVEL_LABELS]
      }`,
    );
    await expect(panel).toContainText(
      LEVEL_LABELS[answer.readiness.level as keyof typeof LEVEL_LABELS],
    );
    await expect(panel).toContainText(MODE_LABELS['bare-metal-container']);
    await panel.screenshot({ path: screenshotPath('runtime-mode-what-if') });
  });
});
