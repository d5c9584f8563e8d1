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
import { parse } from 'csv-parse/sync';
import { componentLabel } from '../../plugins/runtime-mode-common/src/engine/apiGroups';
import {
  UPGRADE_LEVEL_LABELS,
  MIGRATION_LEVEL_LABELS,
} from '../../plugins/runtime-mode-common/src/labels';
import {
  apiGet,
  screenshotPath,
  signInAsGuest,
  storedEvaluation,
} from './helpers';

test.describe('Runtime mode portfolio', () => {
  test.beforeEach(async ({ request }) => {
    // The first scheduled refresh has run once a known component has a result.
    await storedEvaluation(request, 'vm-billing-legacy');
  });

  test('the first screen states the planned targets, who breaks at them, and the heatmap', async ({
    page,
    request,
  }) => {
    const summary = await apiGet(request, '/v1/portfolio?pageSize=1');
    const upgrade = summary.facets.upgradeLevel;
    await signInAsGuest(page);
    // Click 1: the nav item.
    await page
      .getByRole('link', { name: 'Runtime Mode' })
      .filter({ visible: true })
      .click();
    await expect(page).toHaveURL(/\/runtime-mode/);

    const targets = summary.kpis.plannedTargets
      .map((t: any) => `${componentLabel(t.component)} ${t.version}`)
      .join(', ');
    expect(targets).toMatch(/^Kubernetes 1\.34, KubeVirt 1\.6\.0/);
    await expect(page.getByTestId('runtime-mode-planned-targets')).toHaveText(
      `Planned targets: ${targets}`,
    );
    const breaking = upgrade['breaks-at-upgrade'];
    await expect(page.getByTestId('runtime-mode-upgrade-headline')).toHaveText(
      `At the planned upgrade: ${breaking} ${
        breaking === 1 ? 'breaks' : 'break'
      }, ${upgrade['broken-now']} already broken`,
    );
    const heatmap = page.getByTestId('runtime-mode-heatmap');
    await expect(heatmap).toBeVisible();
    // On the first screen, without scrolling.
    const viewport = page.viewportSize()!;
    for (const id of [
      'runtime-mode-planned-targets',
      'runtime-mode-upgrade-headline',
      'runtime-mode-heatmap',
    ]) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box!.y, id).toBeLessThan(viewport.height);
    }
    // Rule definitions live on their own tab; the trend waits for data.
    await expect(page.getByTestId('runtime-mode-rules')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('runtime-mode-portfolio') });
    await heatmap.screenshot({ path: screenshotPath('runtime-mode-heatmap') });

    await page.getByRole('tab', { name: 'Rules and scoring' }).click();
    await expect(page).toHaveURL(/tab=rules/);
    await expect(page.getByTestId('runtime-mode-rules')).toBeVisible();
  });

  test('the blast radius tells already broken from newly breaking, and differs between 1.31 and 1.34', async ({
    page,
    request,
  }) => {
    const at134 = await apiGet(
      request,
      '/v1/blast-radius?component=k8s&version=1.34',
    );
    const at131 = await apiGet(
      request,
      '/v1/blast-radius?component=k8s&version=1.31',
    );
    expect(at134.configuredTarget).toBe('1.34');
    expect(at134.newlyBreaking).toBeGreaterThan(at131.newlyBreaking);

    await signInAsGuest(page);
    await page.goto('/runtime-mode');
    const panel = page.getByTestId('runtime-mode-blast-radius');
    const summary = panel.getByTestId('blast-radius-summary');
    // The planned target is chosen before any click.
    await expect(
      panel.getByRole('button', { name: /^Kubernetes 1\.34 planned/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    const sentence = (r: any) =>
      `At Kubernetes ${r.version}: ${r.newlyBreaking} newly ${
        r.newlyBreaking === 1 ? 'breaks' : 'break'
      }, ${r.alreadyBroken} already broken today, ${
        r.deprecatedOnly
      } use deprecated APIs only, of ${r.examined} components examined.`;
    await expect(summary).toHaveText(sentence(at134));
    // Each cluster's version today is marked on the picker.
    for (const cluster of at134.clusters.filter((c: any) => c.version)) {
      await expect(
        panel.getByRole('button', {
          name: new RegExp(
            `^Kubernetes ${cluster.version.replace('.', '\\.')} .*${
              cluster.name
            }`,
          ),
        }),
      ).toBeVisible();
    }
    const newly = at134.items.find((i: any) => i.status === 'newly-breaks');
    await expect(
      panel.getByRole('row', { name: new RegExp(newly.title ?? newly.name) }),
    ).toContainText('Newly breaks at 1.34');
    await panel.screenshot({
      path: screenshotPath('runtime-mode-blast-radius'),
    });

    await panel.getByRole('button', { name: /^Kubernetes 1\.31 / }).click();
    await expect(page).toHaveURL(/version=1\.31/);
    await expect(summary).toHaveText(sentence(at131));
    await expect(
      panel.getByRole('row', { name: new RegExp(newly.title ?? newly.name) }),
    ).not.toContainText('Newly breaks');

    // Another platform, its planned target chosen for it, in the address.
    await panel.getByRole('button', { name: 'KubeVirt', exact: true }).click();
    await expect(page).toHaveURL(/platform=kubevirt/);
    await expect(page).not.toHaveURL(/version=/);
    await expect(summary).toContainText('At KubeVirt 1.6.0:');
    await page.reload();
    await expect(summary).toContainText('At KubeVirt 1.6.0:');
  });

  test("a facet's own counts do not shrink when one of its values is picked", async ({
    page,
    request,
  }) => {
    const all = await apiGet(request, '/v1/portfolio?pageSize=1');
    const counts = all.facets.upgradeLevel;
    await signInAsGuest(page);
    await page.goto('/runtime-mode');
    const tiles = page.getByTestId('runtime-mode-upgrade-tiles');
    const tile = (level: keyof typeof UPGRADE_LEVEL_LABELS) =>
      tiles.getByRole('button', {
        name: new RegExp(
          `^${counts[level]} components? ${UPGRADE_LEVEL_LABELS[level]}`,
        ),
      });
    await tile('broken-now').click();
    await expect(page).toHaveURL(/upgradeLevel=broken-now/);
    await expect(tile('broken-now')).toHaveAttribute('aria-pressed', 'true');
    await expect(tile('clean')).toBeVisible();
    const rows = page
      .getByTestId('runtime-mode-portfolio-table')
      .locator('tbody tr');
    await expect(rows).toHaveCount(counts['broken-now']);
    for (const row of await rows.all()) {
      await expect(row).toContainText(UPGRADE_LEVEL_LABELS['broken-now']);
    }
    // The same holds for the migration facet.
    const migration = page.getByTestId('runtime-mode-migration-tiles');
    await migration
      .getByRole('button', { name: new RegExp(MIGRATION_LEVEL_LABELS.none) })
      .click();
    await expect(page).toHaveURL(/migration=none/);
  });

  test('a heatmap number opens its components where the user is looking', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/runtime-mode');
    const cell = page
      .getByTestId('runtime-mode-heatmap')
      .getByRole('button', { name: / on KubeVirt VMs in / })
      .first();
    const name = (await cell.textContent()) ?? '';
    const count = Number(/^\d+/.exec(name.trim())?.[0]);
    await cell.click();
    await expect(page).toHaveURL(/mode=container-virtualization/);
    await expect(page).toHaveURL(/owner=/);
    const list = page.locator('#runtime-mode-components');
    await expect(list).toBeFocused();
    await expect(list).toBeInViewport();
    await expect(
      page.getByTestId('runtime-mode-portfolio-table').locator('tbody tr'),
    ).toHaveCount(count);
  });

  test('"no component matches" shows where the tiles were', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/runtime-mode?q=no-such-component');
    const none = page.getByTestId('runtime-mode-no-match');
    await expect(none).toBeInViewport();
    await expect(page.getByTestId('runtime-mode-upgrade-tiles')).toHaveCount(0);
    await none.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByTestId('runtime-mode-upgrade-tiles')).toBeVisible();
  });

  test('the table comes worst first and sorts by the column as displayed', async ({
    page,
    request,
  }) => {
    const worst = await apiGet(
      request,
      '/v1/portfolio?sort=worst&pageSize=100',
    );
    await signInAsGuest(page);
    await page.goto('/runtime-mode');
    const table = page.getByTestId('runtime-mode-portfolio-table');
    await expect(table.getByTestId('runtime-mode-sort')).toContainText(
      'Sorted by worst first',
    );
    const firstCells = table.locator('tbody tr td:first-child a');
    await expect(firstCells.first()).toHaveText(
      worst.items[0].title ?? worst.items[0].name,
    );
    await expect(table.locator('tbody tr').first()).toContainText(
      worst.items[0].topBlocker.message.slice(0, 30),
    );

    await table.getByRole('button', { name: 'Component' }).click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(table.getByTestId('runtime-mode-sort')).toContainText(
      'Sorted by component',
    );
    await expect
      .poll(async () => {
        const shown = await firstCells.allTextContents();
        const sorted = [...shown].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return shown.length > 1 && shown.join('|') === sorted.join('|');
      })
      .toBe(true);
  });

  test('exports the CSV in the order and filters shown, with the blocker, a link and a dated name', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto(
      '/runtime-mode?mode=bare-metal-container&sort=name&order=desc',
    );
    await expect(
      page.getByTestId('runtime-mode-portfolio-table'),
    ).toBeVisible();
    const shown = await page
      .getByTestId('runtime-mode-portfolio-table')
      .locator('tbody tr td:first-child a')
      .allTextContents();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\d{4}-\d{2}-\d{2}.*\.csv$/);
    const rows: Array<Record<string, string>> = parse(
      await fs.readFile((await file.path())!, 'utf8'),
      { columns: true },
    );
    expect(rows.map(r => r.title || r.name)).toEqual(shown);
    for (const row of rows) {
      expect(row.mode).toBe('bare-metal-container');
      expect(row.runtimeTabUrl).toMatch(
        /\/catalog\/default\/component\/.+\/runtime$/,
      );
    }
    expect(rows.some(r => r.topBlocker)).toBe(true);
  });

  test('keyboard users see where they are and can skip to the list', async ({
    page,
  }) => {
    await signInAsGuest(page);
    await page.goto('/runtime-mode');
    const tile = page
      .getByTestId('runtime-mode-upgrade-tiles')
      .getByRole('button')
      .first();
    await tile.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(tile).toBeFocused();
    const outline = await tile.evaluate(
      el =>
        getComputedStyle(el).outlineStyle +
        ' ' +
        getComputedStyle(el).outlineWidth,
    );
    expect(outline).toMatch(/solid [1-9]/);
    // The skip link is the first stop of the page content.
    const skip = page.getByRole('link', { name: 'Skip to the component list' });
    await skip.focus();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('#runtime-mode-components')).toBeFocused();
  });
});
