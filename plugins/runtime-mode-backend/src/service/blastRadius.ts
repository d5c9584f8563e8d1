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
  BlastRadius,
  BlastRadiusItem,
  evaluateApiCompatibility,
  KNOWLEDGE_BASE_AS_OF,
  PortfolioRow,
  RuntimeModeConfig,
} from '@internal/plugin-runtime-mode-common';
import { EvaluationStore } from '../database/EvaluationStore';
import { BlastRadiusQuery } from './schemas';

/**
 * Which components break at a target version, judged from the objects kept
 * in the stored results: no manifest is read again.
 */
export async function computeBlastRadius(
  store: EvaluationStore,
  rows: PortfolioRow[],
  query: BlastRadiusQuery,
  engine: RuntimeModeConfig,
): Promise<BlastRadius> {
  const rowsByRef = new Map(rows.map(r => [r.entityRef, r]));
  const results = await store.listResults([...rowsByRef.keys()]);
  const targets = { [query.component]: query.version };
  const items: BlastRadiusItem[] = [];
  let breaking = 0;
  let deprecatedOnly = 0;
  for (const { entityRef, result } of results) {
    const row = rowsByRef.get(entityRef)!;
    const findings = evaluateApiCompatibility(result.objects, targets, {
      extraDeprecations: engine.apiPolicy.extraDeprecations,
    })
      .filter(
        f =>
          (f.severity === 'critical' || f.severity === 'warning') &&
          f.apiVersion &&
          (!f.component || f.component === query.component),
      )
      .map(f => ({
        severity: f.severity as 'critical' | 'warning',
        apiVersion: f.apiVersion!,
        kind: f.kind ?? '',
        name: f.name,
        file: f.file,
        line: f.line,
        removedIn: f.removedIn,
        deprecatedIn: f.deprecatedIn,
        replacement: f.replacement,
      }));
    if (!findings.length) {
      continue;
    }
    if (findings.some(f => f.severity === 'critical')) {
      breaking += 1;
    } else {
      deprecatedOnly += 1;
    }
    items.push({
      entityRef,
      name: row.name,
      owner: row.owner,
      system: row.system,
      mode: row.mode,
      findings,
    });
  }
  items.sort(
    (a, b) =>
      Number(b.findings.some(f => f.severity === 'critical')) -
        Number(a.findings.some(f => f.severity === 'critical')) ||
      a.entityRef.localeCompare(b.entityRef),
  );
  return {
    component: query.component,
    version: query.version,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    examined: rows.length,
    breaking,
    deprecatedOnly,
    items,
  };
}
