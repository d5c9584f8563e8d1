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

import { http, HttpResponse, type HttpHandler } from 'msw';
import type { SetupServer } from 'msw/node';
import { MockFetchApi } from '@backstage/test-utils';
import { RuntimeModeClient } from '../api';
import {
  blastRadius,
  clusterUpgrades,
  history,
  makePortfolio,
  makeResult,
  makeStored,
  ruleCatalog,
} from './fixtures';

export const baseUrl = 'http://backstage:7007/api/runtime-mode';

/** The real client, pointed at the msw server. */
export function testClient(): RuntimeModeClient {
  return new RuntimeModeClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://backstage:7007/api/${id}`,
    },
    fetchApi: new MockFetchApi(),
  });
}

/** A Backstage JSON error body, as the backend sends it. */
export function errorResponse(status: number, message: string) {
  return HttpResponse.json(
    {
      error: { name: 'Error', message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    { status },
  );
}

/** Every endpoint answering from the fixtures; tests override what they need. */
export function defaultHandlers(): HttpHandler[] {
  return [
    http.get(`${baseUrl}/v1/entities/:namespace/:kind/:name`, () =>
      HttpResponse.json(makeStored()),
    ),
    http.get(`${baseUrl}/v1/entities/:namespace/:kind/:name/history`, () =>
      HttpResponse.json(history),
    ),
    http.post(`${baseUrl}/v1/entities/:namespace/:kind/:name/what-if`, () =>
      HttpResponse.json(makeResult()),
    ),
    http.get(`${baseUrl}/v1/portfolio`, ({ request }) => {
      const summary = makePortfolio();
      const by = new URL(request.url).searchParams.get('heatmapBy');
      return HttpResponse.json({
        ...summary,
        heatmap: { ...summary.heatmap, by: by ?? 'readiness' },
      });
    }),
    http.get(`${baseUrl}/v1/blast-radius`, () =>
      HttpResponse.json(blastRadius),
    ),
    http.get(`${baseUrl}/v1/clusters`, () =>
      HttpResponse.json(clusterUpgrades),
    ),
    http.get(`${baseUrl}/v1/rules`, () => HttpResponse.json(ruleCatalog)),
    http.get(`${baseUrl}/v1/health`, () =>
      HttpResponse.json({
        status: 'ok',
        ruleSetVersion: ruleCatalog.ruleSetVersion,
        knowledgeBaseAsOf: ruleCatalog.knowledgeBaseAsOf,
      }),
    ),
    http.get(`${baseUrl}/v1/profiles`, () => HttpResponse.json({})),
  ];
}

/** Records the URLs of the requests the server sees, newest last. */
export function recordRequests(server: SetupServer): URL[] {
  const seen: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    seen.push(new URL(request.url));
  });
  return seen;
}
