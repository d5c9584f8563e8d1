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

/** Stored results read at a time for rows without recorded pairs. */
const RESULTS_PER_READ = 200;

type Severity = 'critical' | 'warning';

/**
 * Which components break at a target version, judged from the objects kept
 * in the stored results: no manifest is read again. Each distinct
 * apiVersion/kind is judged once, which gives every component's worst
 * severity from its stored pairs alone; only the components on the page
 * asked for have their stored result read, for file and line details.
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

  const severityByPair = new Map<string, Severity | undefined>();
  const worstOf = (pairs: string[]): Severity | undefined => {
    let worst: Severity | undefined;
    for (const pair of pairs) {
      if (!severityByPair.has(pair)) {
        const [apiVersion, kind] = pair.split('\t');
        const findings = judge([{ file: '', line: 1, apiVersion, kind }]);
        severityByPair.set(pair, worstSeverity(findings));
      }
      const severity = severityByPair.get(pair);
      if (severity === 'critical') return severity;
      worst ??= severity;
    }
    return worst;
  };

  const apiKinds = await store.listApiKinds();
  const affected: Array<{ row: PortfolioRow; severity: Severity }> = [];
  const unrecorded: PortfolioRow[] = [];
  for (const row of rows) {
    const pairs = apiKinds.get(row.entityRef);
    if (pairs === null) {
      unrecorded.push(row);
      continue;
    }
    const severity = pairs && worstOf(pairs);
    if (severity) affected.push({ row, severity });
  }
  // Rows stored before the pairs were recorded: their results tell.
  for (let i = 0; i < unrecorded.length; i += RESULTS_PER_READ) {
    const chunk = unrecorded.slice(i, i + RESULTS_PER_READ);
    const byRef = new Map(chunk.map(r => [r.entityRef, r]));
    for (const { entityRef, result } of await store.listResults([
      ...byRef.keys(),
    ])) {
      const severity = worstSeverity(judge(result.objects));
      if (severity) affected.push({ row: byRef.get(entityRef)!, severity });
    }
  }

  const rank = (severity: Severity) => (severity === 'critical' ? 0 : 1);
  affected.sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      (a.row.entityRef < b.row.entityRef
        ? -1
        : Number(a.row.entityRef > b.row.entityRef)),
  );
  const breaking = affected.filter(a => a.severity === 'critical').length;
  const start = (query.page - 1) * query.pageSize;
  const page = affected.slice(start, start + query.pageSize);
  const results = new Map(
    (await store.listResults(page.map(a => a.row.entityRef))).map(r => [
      r.entityRef,
      r.result,
    ]),
  );
  const items: BlastRadiusItem[] = page.map(({ row }) => ({
    entityRef: row.entityRef,
    name: row.name,
    owner: row.owner,
    system: row.system,
    mode: row.mode,
    findings: judge(results.get(row.entityRef)?.objects ?? []),
  }));
  return {
    component,
    version: query.version,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    examined: rows.length,
    breaking,
    deprecatedOnly: affected.length - breaking,
    total: affected.length,
    page: query.page,
    pageSize: query.pageSize,
    items,
  };
}

function worstSeverity(findings: BlastFinding[]): Severity | undefined {
  if (findings.some(f => f.severity === 'critical')) return 'critical';
  return findings.length ? 'warning' : undefined;
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
