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

import { defineConfig } from '@playwright/test';
import path from 'node:path';

/**
 * e2e against the built portal: the backend serves the production build of
 * the app (packages/app/dist, made by `yarn workspace app build`) on :7007,
 * with the example estate in SQLite in memory. Set PLAYWRIGHT_URL to test a
 * portal that is already running instead.
 */
const root = __dirname;
const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007';

export default defineConfig({
  testDir: path.join(root, 'e2e/tests'),
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
    // Read by scripts/portal.sh for the closing summary line.
    ['json', { outputFile: 'e2e-test-report/results.json' }],
  ],
  outputDir: path.join(root, 'e2e/test-results'),
  webServer: process.env.PLAYWRIGHT_URL
    ? []
    : [
        {
          // A stand-in Git host for the push test (no internet in CI); the
          // e2e backend config lets the backend read it.
          command: 'node e2e/fake-scm/server.mjs',
          cwd: root,
          url: 'http://localhost:8111/health',
          reuseExistingServer: !process.env.CI,
          timeout: 30_000,
        },
        {
          // The backend from its sources without a file watcher (a watcher
          // would restart it mid-suite), run from packages/backend so the
          // catalog's file locations resolve as in `yarn start`.
          command: [
            'node',
            '--require @backstage/cli/config/nodeTransform.cjs',
            'src/index.ts',
            `--config ${path.join(root, 'app-config.yaml')}`,
            `--config ${path.join(root, 'e2e/app-config.e2e.yaml')}`,
          ].join(' '),
          cwd: path.join(root, 'packages/backend'),
          // The local portal: guest sign-in is a development-only provider.
          env: { NODE_ENV: 'development' },
          url: `${baseURL}/.backstage/health/v1/readiness`,
          reuseExistingServer: !process.env.CI,
          timeout: 180_000,
          stdout: process.env.E2E_BACKEND_LOGS ? 'pipe' : 'ignore',
          stderr: 'pipe',
        },
      ],
  use: {
    baseURL,
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
