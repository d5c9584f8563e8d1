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

import { APIRequestContext, expect, Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';

/**
 * The backend's address. It serves the built app too, but against the
 * development portal (`PLAYWRIGHT_URL=http://localhost:3000`) the pages and
 * the API live on different ports.
 */
export const backendURL =
  process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';

/** Absolute URL of a backend path such as `/api/runtime-mode/v1/health`. */
export const api = (path: string) => `${backendURL}${path}`;

/** Where screenshots worth keeping go (the README uses some of them). */
export const screenshotPath = (name: string) =>
  path.join(__dirname, '..', 'screenshots', `${name}.png`);

/**
 * Signs in with the guest provider, as a new user would, and waits for the
 * visible sidebar (the page also renders a hidden copy of the nav for small
 * screens).
 */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('link', { name: 'Runtime Mode' }).filter({ visible: true }),
  ).toBeVisible();
}

/** A guest's Backstage token, to ask the backend what it computed. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.get(api('/api/auth/guest/refresh'), {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.ok()).toBeTruthy();
  const body = await res.json();
  return body.backstageIdentity.token as string;
}

/**
 * The stored evaluation of a component, once the backend has one (the first
 * scheduled refresh runs shortly after start-up).
 */
export async function storedEvaluation(
  request: APIRequestContext,
  name: string,
): Promise<any> {
  const token = await guestToken(request);
  let body: any;
  await expect
    .poll(
      async () => {
        const res = await request.get(
          api(`/api/runtime-mode/v1/entities/default/component/${name}`),
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (!res.ok()) return `HTTP ${res.status()}`;
        body = await res.json();
        return body.result ? 'evaluated' : body.status;
      },
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBe('evaluated');
  return body;
}

/** GET a Runtime Mode API path as the guest, to compare the UI with what the backend computed. */
export async function apiGet(
  request: APIRequestContext,
  apiPath: string,
): Promise<any> {
  const token = await guestToken(request);
  const res = await request.get(api(`/api/runtime-mode${apiPath}`), {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.ok(), `${apiPath}: HTTP ${res.status()}`).toBeTruthy();
  return res.json();
}

/** The Runtime mode card on a component's overview. */
export function runtimeModeCard(page: Page): Locator {
  return page.getByTestId('runtime-mode-card');
}

/** Light or dark: the theme the user picks in Settings, kept in local storage. */
export type Theme = 'light' | 'dark';

/** Signs in and switches the app to a theme, as a user would in Settings. */
export async function signInWithTheme(page: Page, theme: Theme) {
  await signInAsGuest(page);
  await page.evaluate(t => localStorage.setItem('theme', t), theme);
}

/**
 * Scans a part of the page with axe (WCAG 2.1 A and AA rules) and fails on
 * any serious or critical violation, listing them.
 */
export async function expectNoSeriousViolations(
  page: Page,
  selector: string,
  what: string,
) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious.map(
    v =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 5)
        .map(n => `  ${n.target.join(' ')}: ${n.failureSummary}`)
        .join('\n')}`,
  );
  expect(report, `serious or critical axe violations in ${what}`).toEqual([]);
}
