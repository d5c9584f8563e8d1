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

import { InputError, NotFoundError } from '@backstage/errors';
import {
  BlastRadiusStatus,
  ClusterConfig,
  ClusterUpgrade,
  ClusterUpgradeApi,
  ClusterUpgradeDetail,
  ClusterUpgradeItem,
  ClusterUpgrades,
  ClusterUpgradeStep,
  compareVersions,
  KNOWLEDGE_BASE_AS_OF,
  NEWEST_KNOWN_KUBERNETES,
  PortfolioRow,
  RULE_SET_VERSION,
  RuntimeModeConfig,
  validateTargets,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { statusRank, worstStatus } from '../blastRadius/blastStatus';
import { clusterVersionOf } from '../blastRadius/clusterVersions';
import { judgeAt, pairJudge, PairJudge } from '../blastRadius/judgeAt';
import { compareText } from '../compareText';
import { NextVersion, nextVersionsOf, statedVersions } from './nextVersions';
import type { Placements } from './loadComponentPlacements';

/** What a stored row records about where a component runs and what it uses. */
export interface ComponentPlacement {
  /** Names of the configured clusters it runs on. */
  clusters: readonly string[];
  /** Distinct `apiVersion<TAB>kind` pairs of its objects. */
  apiKinds: readonly string[];
}

/** The inputs of the cluster upgrade view: stored rows and config only, no manifest. */
export interface ClusterUpgradeInput {
  /** The rows the caller may read. */
  rows: readonly PortfolioRow[];
  /** Placement per entity ref; rows without one (never evaluated) are on no cluster. */
  placements: Placements;
  config: Pick<RuntimeModeConfig, 'clusters' | 'apiPolicy'>;
  /** The newest Kubernetes minor judged; the knowledge base's by default. */
  newestKnownKubernetes?: string;
}

/** What a step does to components that use one set of API pairs. */
type Verdict = {
  status: BlastRadiusStatus;
  apis: Array<Omit<ClusterUpgradeApi, 'components'>>;
};

/** The components on a cluster that use the same set of API pairs. */
type PairGroup = { pairs: readonly string[]; rows: PortfolioRow[] };

/** Components on a cluster that a step breaks or degrades, all for the same reasons. */
type JudgedGroup = { rows: readonly PortfolioRow[]; verdict: Verdict };

/** One component a step breaks or degrades. */
type Judged = Verdict & { row: PortfolioRow };

/**
 * Every configured cluster with its versions, its components and, for each
 * next version, which components break or degrade there and why. One pass
 * over the stored rows groups them by cluster; each distinct API pair is
 * judged once per step (see {@link pairJudge}), so 10,000 components cost
 * a few hundred judgements.
 */
export function computeClusterUpgrades(
  input: ClusterUpgradeInput,
): ClusterUpgrades {
  const byCluster = rowsByCluster(input);
  return {
    ruleSetVersion: RULE_SET_VERSION,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    newestKnownKubernetes: newestOf(input),
    clusters: input.config.clusters.map(cluster => {
      const rows = byCluster.get(cluster.name) ?? [];
      const groups = groupByPairs(rows, input.placements);
      return {
        ...clusterSummary(cluster, rows, input.placements),
        steps: nextVersionsOf(
          cluster,
          input.config.apiPolicy.targets,
          newestOf(input),
        ).map(next => stepOf(next, judgeStep(next, groups, input))),
      };
    }),
  };
}

/**
 * One cluster at one version of one component: the step's counts and the
 * components that break or degrade, worst first, a page of them. An unknown
 * cluster is a 404; a component the cluster states no version of, or a
 * version the knowledge base cannot compare, a 400.
 */
export function computeClusterUpgradeDetail(
  input: ClusterUpgradeInput,
  ask: {
    cluster: string;
    component: string;
    version: string;
    page: number;
    pageSize: number;
  },
): ClusterUpgradeDetail {
  const cluster = input.config.clusters.find(c => c.name === ask.cluster);
  if (!cluster) {
    throw new NotFoundError(
      `No cluster named "${ask.cluster}" is configured in runtimeMode.clusters`,
    );
  }
  const next = askedStep(cluster, ask, input);
  const rows = rowsByCluster(input).get(cluster.name) ?? [];
  const groups = judgeStep(next, groupByPairs(rows, input.placements), input);
  const judged = worstFirst(
    groups.flatMap(({ rows: same, verdict }) =>
      same.map(row => ({ row, ...verdict })),
    ),
  );
  const start = (ask.page - 1) * ask.pageSize;
  return {
    cluster: clusterSummary(cluster, rows, input.placements),
    step: stepOf(next, groups),
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    total: judged.length,
    page: ask.page,
    pageSize: ask.pageSize,
    items: judged.slice(start, start + ask.pageSize).map(toItem),
  };
}

function newestOf(input: ClusterUpgradeInput): string {
  return input.newestKnownKubernetes ?? NEWEST_KNOWN_KUBERNETES;
}

/** The visible rows per cluster name, in one pass. */
function rowsByCluster(
  input: ClusterUpgradeInput,
): Map<string, PortfolioRow[]> {
  const byCluster = new Map<string, PortfolioRow[]>();
  for (const row of input.rows) {
    for (const name of input.placements.get(row.entityRef)?.clusters ?? []) {
      const list = byCluster.get(name);
      if (list) list.push(row);
      else byCluster.set(name, [row]);
    }
  }
  return byCluster;
}

function clusterSummary(
  cluster: ClusterConfig,
  rows: readonly PortfolioRow[],
  placements: Placements,
): Omit<ClusterUpgrade, 'steps'> {
  return {
    name: cluster.name,
    mode: cluster.mode,
    ...(cluster.platform ? { platform: cluster.platform } : {}),
    versions: statedVersions(cluster),
    components: rows.length,
    withoutObjects: rows.filter(
      r => (placements.get(r.entityRef)?.apiKinds.length ?? 0) === 0,
    ).length,
  };
}

/** The step asked for, checked: the cluster must state a version of the component. */
function askedStep(
  cluster: ClusterConfig,
  ask: { component: string; version: string },
  input: ClusterUpgradeInput,
): NextVersion {
  let checked: Record<string, string>;
  try {
    checked = validateTargets(
      { [ask.component]: ask.version },
      input.config.apiPolicy.extraDeprecations,
    );
  } catch (error) {
    if ((error as Error)?.name === 'RuntimeModeTargetError') {
      throw new InputError((error as Error).message);
    }
    throw error;
  }
  const [component] = Object.keys(checked);
  const from = clusterVersionOf(cluster, component);
  if (!from) {
    throw new InputError(
      `Cluster ${cluster.name} states no ${component} version in runtimeMode.clusters, so nothing on it can be judged against ${component} ${checked[component]}`,
    );
  }
  const target = input.config.apiPolicy.targets[component];
  return {
    component,
    from,
    version: checked[component],
    planned:
      target !== undefined && compareVersions(target, checked[component]) === 0,
  };
}

/**
 * A cluster's components grouped by the set of API pairs they use:
 * components mostly share them (a Deployment and a Service, say), so each
 * step judges each distinct set once, not each component.
 */
function groupByPairs(
  rows: readonly PortfolioRow[],
  placements: Placements,
): PairGroup[] {
  const groups = new Map<string, PairGroup>();
  for (const row of rows) {
    const pairs = placements.get(row.entityRef)?.apiKinds ?? [];
    const key = pairs.join('\n');
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { pairs, rows: [row] });
  }
  return [...groups.values()];
}

/**
 * The groups a step breaks or degrades. Each is judged at the step's version
 * with the cluster's version today, so a removal its components already
 * suffer there is `already-broken`, apart from one the step brings.
 */
function judgeStep(
  next: NextVersion,
  groups: readonly PairGroup[],
  input: ClusterUpgradeInput,
): JudgedGroup[] {
  const judge: PairJudge = pairJudge(
    judgeAt(
      next.component,
      next.version,
      input.config.apiPolicy.extraDeprecations,
    ),
  );
  return groups.flatMap(({ pairs, rows }) => {
    const verdict = verdictOf(pairs, pair => judge(pair, next.from).findings);
    return verdict ? [{ rows, verdict }] : [];
  });
}

/** The worst status of a set of API pairs and the APIs responsible; undefined when none breaks or degrades. */
function verdictOf(
  pairs: readonly string[],
  findingsOf: (pair: string) => ReturnType<PairJudge>['findings'],
): Verdict | undefined {
  const apis = new Map<string, Omit<ClusterUpgradeApi, 'components'>>();
  for (const pair of pairs) {
    for (const f of findingsOf(pair)) {
      const status = f.status!;
      apis.set(`${status}\t${f.apiVersion}\t${f.kind}`, {
        apiVersion: f.apiVersion,
        kind: f.kind,
        status,
        ...(f.removedIn ? { removedIn: f.removedIn } : {}),
        ...(f.deprecatedIn ? { deprecatedIn: f.deprecatedIn } : {}),
        ...(f.replacement ? { replacement: f.replacement } : {}),
      });
    }
  }
  const status = worstStatus([...apis.values()].map(a => a.status));
  return status ? { status, apis: [...apis.values()].sort(byApi) } : undefined;
}

/** Worst first, then by ref: the order of the detail's pages. */
function worstFirst(judged: Judged[]): Judged[] {
  return judged.sort(
    (a, b) =>
      statusRank(a.status) - statusRank(b.status) ||
      compareText(a.row.entityRef, b.row.entityRef),
  );
}

function byApi(
  a: Omit<ClusterUpgradeApi, 'components'>,
  b: Omit<ClusterUpgradeApi, 'components'>,
): number {
  return (
    statusRank(a.status) - statusRank(b.status) ||
    compareText(`${a.apiVersion} ${a.kind}`, `${b.apiVersion} ${b.kind}`)
  );
}

/** A step's counts per status and the APIs responsible, most used first. */
function stepOf(
  next: NextVersion,
  judged: readonly JudgedGroup[],
): ClusterUpgradeStep {
  const counts = { 'already-broken': 0, 'newly-breaks': 0, deprecated: 0 };
  const apis = new Map<string, ClusterUpgradeApi>();
  for (const { rows, verdict } of judged) {
    counts[verdict.status] += rows.length;
    for (const api of verdict.apis) {
      const key = `${api.status}\t${api.apiVersion}\t${api.kind}`;
      const tally = apis.get(key);
      if (tally) tally.components += rows.length;
      else apis.set(key, { ...api, components: rows.length });
    }
  }
  return {
    component: next.component,
    from: next.from,
    version: next.version,
    planned: next.planned,
    alreadyBroken: counts['already-broken'],
    breaking: counts['newly-breaks'],
    degrading: counts.deprecated,
    apis: [...apis.values()].sort(
      (a, b) =>
        statusRank(a.status) - statusRank(b.status) ||
        b.components - a.components ||
        byApi(a, b),
    ),
  };
}

function toItem({ row, status, apis }: Judged): ClusterUpgradeItem {
  return {
    entityRef: row.entityRef,
    name: row.name,
    ...(row.title ? { title: row.title } : {}),
    ...(row.owner ? { owner: row.owner } : {}),
    ...(row.system ? { system: row.system } : {}),
    mode: row.mode,
    status,
    apis,
  };
}
