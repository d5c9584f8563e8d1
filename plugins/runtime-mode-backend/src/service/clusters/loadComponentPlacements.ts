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

import { PortfolioRow } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  EvaluationStore,
  StoredApiUsage,
} from '../../database/EvaluationStore';
import { clustersInResult } from '../blastRadius/clustersInResult';
import { ComponentPlacement } from './computeClusterUpgrades';

/** Stored results read at a time for rows stored before placements were recorded. */
const RESULTS_PER_READ = 200;

/** A placement per entity ref (a map, or a lookup over the stored usage). */
export type Placements = Pick<ReadonlyMap<string, ComponentPlacement>, 'get'>;

/**
 * Where each of the given components runs and which APIs it uses, from the
 * stored columns (`usage`, kept in memory by the rows cache; no result body):
 * the stored usage itself, not a copy per request. Rows stored before the
 * clusters or the pairs had a column (the refresh that follows the
 * migration writes them again) are read from their stored results.
 */
export async function loadComponentPlacements(
  store: EvaluationStore,
  rows: readonly PortfolioRow[],
  usage: ReadonlyMap<string, StoredApiUsage | undefined>,
): Promise<Placements> {
  const unrecorded: string[] = [];
  for (const row of rows) {
    const used = usage.get(row.entityRef);
    if (used && (used.apiKinds === null || used.clusters === null)) {
      unrecorded.push(row.entityRef);
    }
  }
  const fromResults = new Map<string, ComponentPlacement>();
  for (let i = 0; i < unrecorded.length; i += RESULTS_PER_READ) {
    const refs = unrecorded.slice(i, i + RESULTS_PER_READ);
    for (const { entityRef, result } of await store.listResults(refs)) {
      fromResults.set(entityRef, {
        clusters: clustersInResult(result),
        apiKinds: [
          ...new Set(result.objects.map(o => `${o.apiVersion}\t${o.kind}`)),
        ],
      });
    }
  }
  return {
    get(entityRef) {
      const used = usage.get(entityRef);
      if (!used) return undefined;
      if (used.apiKinds === null || used.clusters === null) {
        return fromResults.get(entityRef);
      }
      return used as ComponentPlacement;
    },
  };
}
