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
  BlastRadiusStatus,
  ClusterConfig,
  EvaluationResult,
  KNOWLEDGE_BASE_AS_OF,
  PortfolioRow,
  RuntimeModeConfig,
  validateTargets,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  EvaluationStore,
  StoredApiUsage,
} from '../../database/EvaluationStore';
import { BlastRadiusQuery } from '../schemas';
import { statusRank, worstStatus } from './blastStatus';
import { clusterVersionOf, clusterVersions } from './clusterVersions';
import { clustersInResult } from './clustersInResult';
import { Judge, judgeAt, objectFindings, pairJudge } from './judgeAt';
import { compareText } from '../compareText';
import { PairMemo } from '../PairMemo';

/** Stored results read at a time for rows without recorded pairs. */
const RESULTS_PER_READ = 200;

/** A component in the blast radius, with the version its clusters run. */
type Affected = {
  row: PortfolioRow;
  status: BlastRadiusStatus;
  current: string | undefined;
};

/**
 * Which components break at a chosen version of a knowledge-base component,
 * judged from the objects kept in the stored results: no manifest is read
 * again. A component is judged at the chosen version, or at the version its
 * clusters run today when that is higher, so what is already broken stands
 * apart from what the choice breaks. Each distinct apiVersion/kind is judged
 * once per current version, which gives every component's worst status from
 * its stored pairs alone (`usage`, kept in memory by the rows cache); only
 * the components on the page asked for have their stored result read, for
 * file and line details.
 */
export async function computeBlastRadius(
  store: EvaluationStore,
  rows: PortfolioRow[],
  query: BlastRadiusQuery,
  engine: RuntimeModeConfig,
  usage: ReadonlyMap<string, StoredApiUsage | undefined>,
): Promise<BlastRadius> {
  const extraDeprecations = engine.apiPolicy.extraDeprecations;
  const targets = checkedTarget(query, extraDeprecations);
  const [component] = Object.keys(targets);
  const judge = judgeAt(component, targets[component], extraDeprecations);
  const cluster = query.cluster
    ? checkedCluster(query.cluster, engine.clusters)
    : undefined;
  const question = JSON.stringify([
    component,
    targets[component],
    extraDeprecations,
  ]);
  const affected = await affectedRows(store, rows, usage, {
    component,
    question,
    judge,
    cluster,
  });
  const counts = countByStatus(affected);
  const listed = query.status?.length
    ? affected.filter(a => query.status!.includes(a.status))
    : affected;
  const start = (query.page - 1) * query.pageSize;
  const page = listed.slice(start, start + query.pageSize);
  return {
    component,
    version: query.version,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    examined: rows.length,
    breaking: counts['already-broken'] + counts['newly-breaks'],
    deprecatedOnly: counts.deprecated,
    alreadyBroken: counts['already-broken'],
    newlyBreaking: counts['newly-breaks'],
    total: listed.length,
    page: query.page,
    pageSize: query.pageSize,
    clusters: clusterVersions(engine.clusters, component),
    configuredTarget: engine.apiPolicy.targets[component] ?? null,
    ...(cluster ? { cluster: cluster.name } : {}),
    items: await pageItems(store, page, judge),
  };
}

/**
 * The affected rows judged from recorded pairs, per caller's rows and
 * statuses (both kept until the data or the caller's view changes): the
 * next page asked for is a slice, not a pass over the estate and a sort.
 */
const recordedAffected = new PairMemo<
  PortfolioRow[],
  Map<string, RecordedStatus>,
  { affected: Affected[]; unrecorded: PortfolioRow[] }
>();

/**
 * Every component with a removed or deprecated API at the version judged,
 * worst status first, then by ref.
 */
async function affectedRows(
  store: EvaluationStore,
  rows: PortfolioRow[],
  usage: ReadonlyMap<string, StoredApiUsage | undefined>,
  asked: {
    component: string;
    question: string;
    judge: Judge;
    cluster?: ClusterConfig;
  },
): Promise<Affected[]> {
  const { component, question, judge, cluster } = asked;
  const judgePair = pairJudge(judge);
  const statusOfPair = (pair: string, current: string | undefined) =>
    judgePair(pair, current).status;
  // On a cluster asked for, its own version today; otherwise the version
  // each component's clusters run, and every status is worked out once per
  // usage snapshot and question.
  const clusterCurrent = cluster
    ? clusterVersionOf(cluster, component) ?? undefined
    : undefined;
  const statuses = cluster
    ? undefined
    : recordedStatuses(usage, question, component, statusOfPair);

  const found = statuses
    ? recordedAffected.get(rows, statuses, () =>
        affectedAmong(rows, usage, { statuses }),
      )
    : affectedAmong(rows, usage, { statusOfPair, cluster, clusterCurrent });
  if (!found.unrecorded.length) return found.affected;
  return [
    ...found.affected,
    ...(await affectedFromResults(store, found.unrecorded, {
      component,
      judge,
      cluster,
      clusterCurrent,
    })),
  ].sort(worstFirst);
}

function worstFirst(a: Affected, b: Affected): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    compareText(a.row.entityRef, b.row.entityRef)
  );
}

/** The rows affected (worst first) and those without recorded pairs. */
function affectedAmong(
  rows: PortfolioRow[],
  usage: ReadonlyMap<string, StoredApiUsage | undefined>,
  judged:
    | { statuses: Map<string, RecordedStatus> }
    | {
        statusOfPair: (
          pair: string,
          current: string | undefined,
        ) => BlastRadiusStatus | undefined;
        cluster?: ClusterConfig;
        clusterCurrent?: string;
      },
): { affected: Affected[]; unrecorded: PortfolioRow[] } {
  const affected: Affected[] = [];
  const unrecorded: PortfolioRow[] = [];
  const cluster = 'cluster' in judged ? judged.cluster : undefined;
  for (const row of rows) {
    const used = usage.get(row.entityRef);
    if (used?.apiKinds === null || (cluster && used?.clusters === null)) {
      unrecorded.push(row);
      continue;
    }
    if ('statuses' in judged) {
      const recorded = judged.statuses.get(row.entityRef);
      if (recorded) affected.push({ row, ...recorded });
      continue;
    }
    if (!used?.clusters?.includes(cluster!.name)) continue;
    const { statusOfPair, clusterCurrent } = judged;
    const status = worstStatus(
      (used.apiKinds ?? []).map(pair => statusOfPair(pair, clusterCurrent)),
    );
    if (status) affected.push({ row, status, current: clusterCurrent });
  }
  return { affected: affected.sort(worstFirst), unrecorded };
}

type RecordedStatus = Pick<Affected, 'status' | 'current'>;

/** Statuses per usage snapshot and question (component, version and policy), for this many questions. */
const QUESTIONS_KEPT = 8;
const statusesByUsage = new WeakMap<
  ReadonlyMap<string, StoredApiUsage | undefined>,
  Map<string, Map<string, RecordedStatus>>
>();

/**
 * The status of every entity whose pairs are recorded, worked out once per
 * usage snapshot (kept by the rows cache until the data changes) and
 * question: a request then only looks up the rows the caller may read.
 */
function recordedStatuses(
  usage: ReadonlyMap<string, StoredApiUsage | undefined>,
  question: string,
  component: string,
  statusOfPair: (
    pair: string,
    current: string | undefined,
  ) => BlastRadiusStatus | undefined,
): Map<string, RecordedStatus> {
  let byQuestion = statusesByUsage.get(usage);
  if (!byQuestion) {
    byQuestion = new Map();
    statusesByUsage.set(usage, byQuestion);
  }
  let statuses = byQuestion.get(question);
  if (!statuses) {
    statuses = new Map();
    for (const [entityRef, used] of usage) {
      if (!used?.apiKinds) continue;
      const current = used.currentVersions[component];
      const status = worstStatus(
        used.apiKinds.map(pair => statusOfPair(pair, current)),
      );
      if (status) statuses.set(entityRef, { status, current });
    }
    if (byQuestion.size >= QUESTIONS_KEPT) {
      byQuestion.delete(byQuestion.keys().next().value!);
    }
    byQuestion.set(question, statuses);
  }
  return statuses;
}

/** Rows stored before the pairs (or clusters) were recorded: their results tell. */
async function affectedFromResults(
  store: EvaluationStore,
  rows: PortfolioRow[],
  how: {
    component: string;
    judge: Judge;
    cluster?: ClusterConfig;
    clusterCurrent?: string;
  },
): Promise<Affected[]> {
  const { component, judge, cluster, clusterCurrent } = how;
  const affected: Affected[] = [];
  for (let i = 0; i < rows.length; i += RESULTS_PER_READ) {
    const byRef = new Map(
      rows.slice(i, i + RESULTS_PER_READ).map(r => [r.entityRef, r]),
    );
    for (const { entityRef, result } of await store.listResults([
      ...byRef.keys(),
    ])) {
      if (cluster && !clustersInResult(result).includes(cluster.name)) {
        continue;
      }
      const current = cluster
        ? clusterCurrent
        : currentVersionIn(result, component);
      const status = worstStatus(
        judge(result.objects, current).map(f => f.status),
      );
      if (status)
        affected.push({ row: byRef.get(entityRef)!, status, current });
    }
  }
  return affected;
}

function currentVersionIn(
  result: EvaluationResult,
  component: string,
): string | undefined {
  return (
    result.upgrade?.versions.find(v => v.component === component)?.current ??
    undefined
  );
}

/** The cluster asked for; an unknown name is the caller's mistake (400), never an empty answer. */
function checkedCluster(
  name: string,
  clusters: readonly ClusterConfig[],
): ClusterConfig {
  const cluster = clusters.find(c => c.name === name);
  if (!cluster) {
    throw new InputError(
      `Unknown cluster "${name}"; configured clusters: ${
        clusters.map(c => c.name).join(', ') || 'none'
      }`,
    );
  }
  return cluster;
}

function countByStatus(
  affected: Affected[],
): Record<BlastRadiusStatus, number> {
  const counts = { 'already-broken': 0, 'newly-breaks': 0, deprecated: 0 };
  for (const { status } of affected) counts[status] += 1;
  return counts;
}

/**
 * The page's components, with their objects' findings: only the objects of
 * each stored result are read (the database takes them out), not the
 * results. An object's findings depend on its apiVersion and kind alone
 * (and the versions), so each pair is judged once per page and each object
 * gets a copy at its own file, line and name: a page of 500 components no
 * longer builds 500 judgements with their messages, which it then dropped.
 */
async function pageItems(
  store: EvaluationStore,
  page: Affected[],
  judge: Judge,
): Promise<BlastRadiusItem[]> {
  const objects = await store.listResultObjects(page.map(a => a.row.entityRef));
  const judgePair = pairJudge(judge);
  return page.map(({ row, status, current }) => ({
    entityRef: row.entityRef,
    name: row.name,
    ...(row.title ? { title: row.title } : {}),
    owner: row.owner,
    system: row.system,
    mode: row.mode,
    status,
    currentVersion: current ?? null,
    findings: objectFindings(
      judgePair,
      objects.get(row.entityRef) ?? [],
      current,
    ),
  }));
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
