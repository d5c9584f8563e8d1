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

import { InputError } from '@backstage/errors';
import {
  BlastRadius,
  BlastRadiusItem,
  evaluateApiCompatibility,
  Finding,
  KNOWLEDGE_BASE_AS_OF,
  ManifestObjectRef,
  PortfolioRow,
  RuntimeModeConfig,
  validateTargets,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { EvaluationStore } from '../database/EvaluationStore';
import { BlastRadiusQuery } from './schemas';

type BlastFinding = BlastRadiusItem['findings'][number];

/**
 * Which components break at a target version, judged from the objects kept
 * in the stored results: no manifest is read again. Each distinct
 * apiVersion/kind is judged once; only components using an affected one have
 * their stored result read for file and line details.
 */
export async function computeBlastRadius(
  store: EvaluationStore,
  rows: PortfolioRow[],
  query: BlastRadiusQuery,
  engine: RuntimeModeConfig,
): Promise<BlastRadius> {
  const options = { extraDeprecations: engine.apiPolicy.extraDeprecations };
  const targets = checkedTarget(query, options.extraDeprecations);
  const [component] = Object.keys(targets);
  const judge = (objects: ManifestObjectRef[]): BlastFinding[] =>
    evaluateApiCompatibility(objects, targets, options)
      .filter(f => isRelevant(f, component))
      .map(toBlastFinding);

  const apiKinds = await store.listApiKinds();
  const verdictByPair = new Map<string, boolean>();
  const affectedRefs: string[] = [];
  for (const row of rows) {
    const pairs = apiKinds.get(row.entityRef);
    if (pairs === undefined) {
      continue; // never evaluated: nothing to judge
    }
    const affected =
      pairs === null ||
      pairs.some(pair => {
        let verdict = verdictByPair.get(pair);
        if (verdict === undefined) {
          const [apiVersion, kind] = pair.split('\t');
          verdict = judge([{ file: '', line: 1, apiVersion, kind }]).length > 0;
          verdictByPair.set(pair, verdict);
        }
        return verdict;
      });
    if (affected) {
      affectedRefs.push(row.entityRef);
    }
  }

  const rowsByRef = new Map(rows.map(r => [r.entityRef, r]));
  const items: BlastRadiusItem[] = [];
  let breaking = 0;
  let deprecatedOnly = 0;
  for (const { entityRef, result } of await store.listResults(affectedRefs)) {
    const row = rowsByRef.get(entityRef)!;
    const findings = judge(result.objects);
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
  const critical = (item: BlastRadiusItem) =>
    item.findings.some(f => f.severity === 'critical') ? 1 : 0;
  items.sort(
    (a, b) =>
      critical(b) - critical(a) ||
      (a.entityRef < b.entityRef ? -1 : Number(a.entityRef > b.entityRef)),
  );
  return {
    component,
    version: query.version,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    examined: rows.length,
    breaking,
    deprecatedOnly,
    items,
  };
}

/**
 * Checks the target before any stored row is read: an unknown component or a
 * version the knowledge base cannot compare is the caller's mistake (400), and
 * an alias such as `kubernetes` must judge as `k8s`, not silently match nothing.
 */
function checkedTarget(
  query: BlastRadiusQuery,
  extraRows: Parameters<typeof validateTargets>[1],
): Record<string, string> {
  try {
    return validateTargets({ [query.component]: query.version }, extraRows);
  } catch (error) {
    if ((error as Error)?.name === 'RuntimeModeTargetError') {
      throw new InputError((error as Error).message);
    }
    throw error;
  }
}

function isRelevant(finding: Finding, component: string) {
  return (
    (finding.severity === 'critical' || finding.severity === 'warning') &&
    Boolean(finding.apiVersion) &&
    (!finding.component || finding.component === component)
  );
}

function toBlastFinding(f: Finding): BlastFinding {
  return {
    severity: f.severity as 'critical' | 'warning',
    apiVersion: f.apiVersion!,
    kind: f.kind ?? '',
    name: f.name,
    file: f.file,
    line: f.line,
    removedIn: f.removedIn,
    deprecatedIn: f.deprecatedIn,
    replacement: f.replacement,
  };
}
