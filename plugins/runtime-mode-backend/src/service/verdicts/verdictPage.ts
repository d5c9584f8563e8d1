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

import {
  PortfolioRow,
  VerdictPage,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { EvaluationStore } from '../../database/EvaluationStore';
import { componentVerdict } from './componentVerdict';

/**
 * One page of stored verdicts, in entity-ref order, after the ref in
 * `cursor`. Only components with a stored result appear (a pending one has
 * no verdict yet). The cursor is the last ref of the page, so a component
 * added or removed between two requests neither repeats nor skips another.
 */
export async function verdictPage(
  store: Pick<EvaluationStore, 'listResults'>,
  rows: PortfolioRow[],
  query: { cursor?: string; limit: number },
): Promise<VerdictPage> {
  const candidates = rows
    .filter(row => row.status !== 'pending')
    .filter(row => query.cursor === undefined || row.entityRef > query.cursor)
    .sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
  const page = candidates.slice(0, query.limit);
  const results = new Map(
    (await store.listResults(page.map(row => row.entityRef))).map(r => [
      r.entityRef,
      r.result,
    ]),
  );
  const items = page.flatMap(row => {
    const result = results.get(row.entityRef);
    return result ? [componentVerdict(row, result)] : [];
  });
  return candidates.length > page.length
    ? { items, nextCursor: page[page.length - 1].entityRef }
    : { items };
}
