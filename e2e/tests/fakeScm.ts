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

import { APIRequestContext, expect } from '@playwright/test';
import { createHmac, randomBytes } from 'node:crypto';
import { api } from './helpers';

/** The stand-in Git host started by playwright.config.ts (e2e/fake-scm/server.mjs). */
export const SCM = 'http://localhost:8111';
/** events.modules.github.webhookSecret in e2e/app-config.e2e.yaml. */
const WEBHOOK_SECRET = 'e2e-webhook-secret';

/** A file on the main branch of a repository of the stand-in Git host. */
export interface ScmFile {
  repository: string;
  path: string;
}

/** Commits a file to the stand-in Git host. */
export async function commit(
  request: APIRequestContext,
  file: ScmFile,
  content: string,
) {
  const res = await request.put(
    `${SCM}/${file.repository}/blob/main/${file.path}`,
    { data: content },
  );
  expect(res.status()).toBe(204);
}

/** Delivers a GitHub push webhook for the file to the portal, signed as GitHub signs it. */
export async function deliverPush(request: APIRequestContext, file: ScmFile) {
  const body = JSON.stringify({
    ref: 'refs/heads/main',
    before: randomBytes(20).toString('hex'),
    after: randomBytes(20).toString('hex'),
    created: false,
    deleted: false,
    forced: false,
    repository: {
      full_name: file.repository,
      html_url: `${SCM}/${file.repository}`,
      default_branch: 'main',
    },
    commits: [{ added: [], removed: [], modified: [file.path] }],
  });
  const signature = createHmac('sha256', WEBHOOK_SECRET)
    .update(body)
    .digest('hex');
  const res = await request.post(api('/api/events/http/github'), {
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': randomBytes(8).toString('hex'),
      'x-hub-signature-256': `sha256=${signature}`,
    },
    data: body,
  });
  expect(res.status()).toBe(202);
}
