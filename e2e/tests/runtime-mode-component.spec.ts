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

import { expect, test, type Page } from '@playwright/test';
import {
  MODE_LABELS,
  READINESS_LEVEL_LABELS,
  UPGRADE_LEVEL_LABELS,
} from '../../plugins/runtime-mode-common/src/labels';
import {
  apiGet,
  runtimeModeCard,
  screenshotPath,
  signInAsGuest,
  storedEvaluation,
} from './helpers';

const KUBEVIRT = 'vm-billing-legacy';

/** The card's height fits the window it is read in. */
async function expectCardFitsScreen(page: Page) {
  const card = runtimeModeCard(page);
  await expect(card.getByTestId('runtime-mode-verdict')).toBeVisible();
  const box = await card.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.height).toBeLessThanOrEqual(viewport.height);
}

test.describe('The component page answers two questions apart', () => {
  test('vm-billing-legacy: the upgrade is judged; with no move planned, the best fit is only a suggestion', async ({
    page,
    request,
  }) => {
    const { result } = await storedEvaluation(request, KUBEVIRT);
    expect(result.mode.value).toBe('container-virtualization');
    expect(result.migration).toBeNull();
    expect(result.suggestion).not.toBeNull();

    await signInAsGuest(page);
    await page.goto(`/catalog/default/component/${KUBEVIRT}`);
    const card = runtimeModeCard(page);
    await expect(card.getByTestId('runtime-mode-chip')).toContainText(
      MODE_LABELS['container-virtualization'],
    );
    const upgrade = card.getByTestId('runtime-mode-upgrade');
    await expect(upgrade).toContainText(
      UPGRADE_LEVEL_LABELS[
        result.upgrade.level as keyof typeof UPGRADE_LEVEL_LABELS
      ],
    );
    await expect(upgrade).toContainText(
      `${result.upgrade.checks.passing} of ${result.upgrade.checks.total} objects passing`,
    );
    // Today's versions and the planned ones, in words.
    await expect(upgrade).toContainText('Kubernetes 1.32 → 1.34');
    await expect(upgrade).toContainText('KubeVirt 1.5.0 → 1.6.0');

    const migration = card.getByTestId('runtime-mode-migration');
    await expect(migration).toContainText('No move planned.');
    await expect(
      migration.getByTestId('runtime-mode-suggestion'),
    ).toContainText(
      `Suggestion: ${
        MODE_LABELS[result.suggestion.mode as keyof typeof MODE_LABELS]
      } fits its requirements better (fit ${result.suggestion.fitScore} / 100)`,
    );
    await expect(migration).toContainText(
      `runtime-mode.dev/target-mode: ${result.suggestion.mode}`,
    );
    await expect(card).not.toContainText('Blocked to move');
    await expect(card).not.toContainText(/Score\b/);
    await expect(card.getByTestId('runtime-mode-level')).toHaveCount(0);

    // One next step and three concerns, none repeated.
    await expect(card.getByTestId('runtime-mode-next')).toBeVisible();
    const concerns = card
      .getByTestId('runtime-mode-top-concerns')
      .getByRole('listitem');
    await expect(concerns).toHaveCount(3);
    const texts = await concerns.allTextContents();
    expect(new Set(texts).size).toBe(3);

    await expectCardFitsScreen(page);
    await card.screenshot({ path: screenshotPath('runtime-mode-card') });
    await page.screenshot({ path: screenshotPath('component-overview') });

    await page.setViewportSize({ width: 390, height: 844 });
    await expectCardFitsScreen(page);
    await card.screenshot({ path: screenshotPath('runtime-mode-card-phone') });
  });

  test('cart-service: staying where it runs is not a move, so nothing reads "blocked to stay"', async ({
    page,
    request,
  }) => {
    const { result } = await storedEvaluation(request, 'cart-service');
    expect(result.migration).toBeNull();

    await signInAsGuest(page);
    await page.goto('/catalog/default/component/cart-service');
    const card = runtimeModeCard(page);
    await expect(card.getByTestId('runtime-mode-upgrade')).toContainText(
      UPGRADE_LEVEL_LABELS[
        result.upgrade.level as keyof typeof UPGRADE_LEVEL_LABELS
      ],
    );
    await expect(card.getByTestId('runtime-mode-migration')).toContainText(
      'No move planned.',
    );
    await expect(card).not.toContainText(/Blocked to stay on|stay on/i);
    await expectCardFitsScreen(page);
  });

  test('ledger-service: a planned move reads "n of m checks passing" with its level', async ({
    page,
    request,
  }) => {
    const { result } = await storedEvaluation(request, 'ledger-service');
    const { migration } = result;
    expect(migration.targetSource).toBe('annotation');

    await signInAsGuest(page);
    await page.goto('/catalog/default/component/ledger-service');
    const answer = runtimeModeCard(page).getByTestId('runtime-mode-migration');
    await expect(answer).toContainText(
      `Move to ${
        MODE_LABELS[migration.targetMode as keyof typeof MODE_LABELS]
      }`,
    );
    await expect(answer).toContainText(
      READINESS_LEVEL_LABELS[
        migration.level as keyof typeof READINESS_LEVEL_LABELS
      ],
    );
    await expect(answer).toContainText(
      `${migration.checks.passing} of ${migration.checks.total} checks passing`,
    );
    await expect(answer).not.toContainText(String(migration.score));

    // The breakdown opens from the keyboard.
    const breakdown = runtimeModeCard(page).getByRole('button', {
      name: 'How it was judged',
    });
    await breakdown.focus();
    await page.keyboard.press('Enter');
    await expect(breakdown).toHaveAttribute('aria-expanded', 'true');
    await expect(
      page.getByText(migration.explanation[migration.explanation.length - 1]),
    ).toBeVisible();
  });

  test('evidence opens the file at its line in source control', async ({
    page,
  }) => {
    // The example estate is loaded from local files, which have no source
    // control: give the entity a repository as its source location, as the
    // catalog does for an entity registered from a URL (whose manifest paths
    // the backend then gives from the repository root).
    await page.route(
      `**/api/catalog/entities/by-name/component/default/${KUBEVIRT}`,
      async route => {
        const response = await route.fetch();
        const entity = await response.json();
        entity.metadata.annotations['backstage.io/source-location'] =
          'url:https://github.com/runtime-mode/runtime-mode/tree/main/';
        await route.fulfill({ response, json: entity });
      },
    );
    await signInAsGuest(page);
    await page.goto(`/catalog/default/component/${KUBEVIRT}`);
    const evidence = runtimeModeCard(page)
      .getByTestId('runtime-mode-top-concerns')
      .getByRole('link')
      .first();
    await expect(evidence).toHaveAttribute(
      'href',
      /^https:\/\/github\.com\/runtime-mode\/runtime-mode\/tree\/main\/manifests\/vm-billing-legacy\/[a-z-]+\.yaml#L\d+$/,
    );
    await expect(evidence).toHaveText(/\.yaml:\d+/);
  });

  test('the card links to the tab, where the what-if sits beside the verdict and lives in the address', async ({
    page,
    request,
  }) => {
    const { result } = await storedEvaluation(request, KUBEVIRT);
    await signInAsGuest(page);
    await page.goto(`/catalog/default/component/${KUBEVIRT}`);

    const whatIf = page.waitForResponse(
      r =>
        r.url().includes(`/${KUBEVIRT}/what-if`) &&
        r.request().method() === 'POST',
    );
    await runtimeModeCard(page)
      .getByRole('link', { name: 'Try it in the what-if' })
      .click();
    await expect(page).toHaveURL(
      new RegExp(
        `/catalog/default/component/${KUBEVIRT}/runtime\\?whatIfMode=${result.suggestion.mode}`,
      ),
    );
    const answer = await (await whatIf).json();
    const open = (r: any, severity: string) =>
      r.findings.filter((f: any) => !f.waived && f.severity === severity)
        .length;

    const panel = page.getByTestId('runtime-mode-what-if-result');
    await expect(panel).toContainText(
      `Open critical concerns: ${open(result, 'critical')}${
        open(result, 'critical') === open(answer, 'critical')
          ? ' (unchanged)'
          : ` → ${open(answer, 'critical')}`
      }`,
    );
    await expect(panel).toContainText(
      `Migration: No move planned → Move to ${
        MODE_LABELS[result.suggestion.mode as keyof typeof MODE_LABELS]
      }: ${
        READINESS_LEVEL_LABELS[
          answer.migration.level as keyof typeof READINESS_LEVEL_LABELS
        ]
      }, ${answer.migration.checks.passing} of ${
        answer.migration.checks.total
      } checks passing`,
    );
    const snippet = panel.getByTestId('runtime-mode-what-if-snippet');
    await expect(snippet).toContainText(
      `runtime-mode.dev/target-mode: ${result.suggestion.mode}`,
    );
    await expect(snippet.getByRole('button')).toBeVisible();

    // The verdict and the what-if share the first row.
    const verdict = await page
      .getByTestId('runtime-mode-summary')
      .boundingBox();
    const whatIfBox = await page
      .getByTestId('runtime-mode-what-if')
      .boundingBox();
    expect(Math.abs(verdict!.y - whatIfBox!.y)).toBeLessThan(200);
    await page
      .getByTestId('runtime-mode-what-if')
      .screenshot({ path: screenshotPath('runtime-mode-what-if') });

    // Another Kubernetes version goes into the address too.
    await page.getByRole('button', { name: /Kubernetes version/ }).click();
    await page.getByRole('option', { name: 'Kubernetes 1.36' }).click();
    await expect(page).toHaveURL(/whatIfK8s=1\.36/);
    await expect(panel).toContainText('at Kubernetes 1.36');
  });

  test('the Runtime tab lists every concern, with docs that say what they document', async ({
    page,
    request,
  }) => {
    const { result } = await storedEvaluation(request, KUBEVIRT);
    const rules = await apiGet(request, '/v1/rules');
    await signInAsGuest(page);
    await page.goto(`/catalog/default/component/${KUBEVIRT}/runtime`);

    const findings = page.getByTestId('runtime-mode-finding');
    await expect(findings).toHaveCount(result.findings.length);
    const critical = result.findings.find(
      (f: any) => f.severity === 'critical' && f.docsUrl,
    );
    const title = rules.rules.find((r: any) => r.id === critical.id).title;
    const item = findings.filter({ hasText: `rule ${critical.id}` }).first();
    await expect(
      item.getByRole('link', { name: new RegExp(`^Docs: ${title}`) }),
    ).toHaveAttribute('href', critical.docsUrl);
    await expect(page.getByRole('link', { name: 'Documentation' })).toHaveCount(
      0,
    );
    await expect(page.getByText(/Waiver expired/).first()).toBeVisible();
    await expect(
      page.getByText(`Objects in the manifests (${result.objects.length})`),
    ).toBeVisible();
    await page.screenshot({
      path: screenshotPath('runtime-mode-tab'),
      fullPage: true,
    });
  });

  test('one failed call never blanks the tab: the panel says why and retries', async ({
    page,
  }) => {
    let failures = 1;
    await page.route(`**/api/runtime-mode/v1/entities/**/history`, route => {
      if (failures-- > 0) {
        return route.fulfill({
          status: 503,
          json: {
            error: {
              name: 'ServiceUnavailableError',
              message: 'history store is restarting',
            },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 503 },
          },
        });
      }
      return route.fallback();
    });
    await signInAsGuest(page);
    await page.goto(`/catalog/default/component/${KUBEVIRT}/runtime`);
    const error = page.getByTestId('runtime-mode-panel-error');
    await expect(error).toContainText('Could not load the history');
    await expect(error).toContainText('history store is restarting (HTTP 503)');
    await expect(page.getByTestId('runtime-mode-summary')).toBeVisible();
    await error.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByTestId('runtime-mode-history')).toBeVisible();
  });
});
