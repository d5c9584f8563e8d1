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

import type { BackendFeature } from '@backstage/backend-plugin-api';
import { createHmac } from 'node:crypto';
import path from 'node:path';

/** The secret the tests configure at `events.modules.github.webhookSecret`. */
export const WEBHOOK_SECRET = 'test-webhook-secret';

/**
 * A GitHub push webhook as GitHub delivers it: the JSON body, the event
 * header and the HMAC-SHA256 signature of the body with the secret.
 */
export function githubPush(options: {
  repository: string;
  files: string[];
  ref?: string;
  after?: string;
  host?: string;
  secret?: string;
}) {
  const host = options.host ?? 'https://github.com';
  const body = JSON.stringify({
    ref: `refs/heads/${options.ref ?? 'main'}`,
    before: 'a'.repeat(40),
    after: options.after ?? 'b'.repeat(40),
    created: false,
    deleted: false,
    forced: false,
    repository: {
      full_name: options.repository,
      html_url: `${host}/${options.repository}`,
      default_branch: 'main',
    },
    commits: [{ id: 'c1', added: [], removed: [], modified: options.files }],
  });
  const signature = createHmac('sha256', options.secret ?? WEBHOOK_SECRET)
    .update(body)
    .digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': options.after ?? 'delivery-1',
      'x-hub-signature-256': `sha256=${signature}`,
    },
  };
}

/**
 * The two modules of `@backstage/plugin-events-backend-module-github`: the
 * webhook ingress that checks the signature and publishes `github`, and the
 * router that republishes it as `github.<x-github-event>`. The package's
 * default export loads them with a dynamic `import()`, which Jest's module
 * sandbox cannot run, so they are required from its files.
 */
export function githubEventsModules(): BackendFeature[] {
  const dist = path.dirname(
    require.resolve('@backstage/plugin-events-backend-module-github'),
  );
  return [
    'service/eventsModuleGithubWebhook.cjs.js',
    'service/eventsModuleGithubEventRouter.cjs.js',
  ].map(file => require(path.join(dist, file)).default);
}
