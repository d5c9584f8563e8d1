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

import type {
  FactRetriever,
  FactRetrieverContext,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import { ResponseError } from '@backstage/errors';
import type { VerdictPage } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { RUNTIME_MODE_FACT_SCHEMA } from './factSchema';
import { verdictFacts } from './verdictFacts';

/** Id of the retriever; configure its cadence under `techInsights.factRetrievers`. */
export const RUNTIME_MODE_FACT_RETRIEVER_ID = 'runtimeModeFactRetriever';

/** Verdicts asked for per request to the Runtime Mode backend. */
const PAGE_SIZE = 500;

/**
 * Reads every stored verdict from the Runtime Mode backend, page by page,
 * with a service token of the Tech Insights plugin.
 */
async function readFacts(
  context: Pick<FactRetrieverContext, 'discovery' | 'auth'>,
): Promise<TechInsightFact[]> {
  const { discovery, auth } = context;
  const baseUrl = await discovery.getBaseUrl('runtime-mode');
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'runtime-mode',
  });
  const facts: TechInsightFact[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    const response = await fetch(`${baseUrl}/v1/verdicts?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const page = (await response.json()) as VerdictPage;
    facts.push(...page.items.map(verdictFacts));
    cursor = page.nextCursor;
  } while (cursor);
  return facts;
}

/**
 * Publishes Runtime Mode's stored verdicts as Tech Insights facts, one set
 * per evaluated Component. A Component Runtime Mode has not evaluated gets no
 * facts (checks on it answer as Tech Insights does for missing facts).
 *
 * @public
 */
export const runtimeModeFactRetriever: FactRetriever = {
  id: RUNTIME_MODE_FACT_RETRIEVER_ID,
  version: '0.1.0',
  title: 'Runtime Mode',
  description:
    'Runtime mode, migration readiness, concerns per category and removed or deprecated APIs at the configured targets, from the Runtime Mode plugin',
  entityFilter: [{ kind: 'component' }],
  schema: RUNTIME_MODE_FACT_SCHEMA,
  handler: context => readFacts(context),
};
