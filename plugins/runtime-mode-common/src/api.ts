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

/**
 * Shapes of the REST API v1 (`/api/runtime-mode/v1/...`), shared by the backend
 * and the frontend client. The OpenAPI document in the backend package is the
 * normative description; these types must stay in step with it.
 */

import type {
  ConcernCategory,
  EvaluationResult,
  ManifestFile,
  ModeValue,
  ReadinessLevel,
  RuntimeModeId,
  UpgradeLevel,
} from './types';

/** Freshness of a stored result. @public */
export type EvaluationStatus = 'fresh' | 'stale' | 'pending';

/** GET /v1/entities/:namespace/:kind/:name @public */
export interface StoredEvaluation {
  entityRef: string;
  status: EvaluationStatus;
  /** Why the result is stale (e.g. a manifest source that failed); the previous result is kept. */
  staleReason?: string;
  /** ISO timestamp of the evaluation that produced `result`. */
  evaluatedAt?: string;
  /** Null while pending (never evaluated yet). */
  result: EvaluationResult | null;
}

/** One change in an entity's history (a row only when something changed). @public */
export interface HistoryEntry {
  evaluatedAt: string;
  mode: ModeValue;
  level: ReadinessLevel;
  score: number | null;
  critical: number;
  warning: number;
  ruleSetVersion: string;
}

/** GET /v1/entities/:namespace/:kind/:name/history @public */
export interface EntityHistory {
  entityRef: string;
  items: HistoryEntry[];
}

/** The worst open concern of a component, for the portfolio's "top blocker" column. @public */
export interface TopBlocker {
  ruleId: string;
  message: string;
  file?: string;
  line?: number;
}

/** A migration level, or `none` when no move is planned (portfolio counts). @public */
export type MigrationLevelKey = ReadinessLevel | 'none';

/** Migration level keys, worst first, `none` (no move planned) last. @public */
export const MIGRATION_LEVEL_KEYS = [
  'blocked',
  'ready-with-warnings',
  'unknown',
  'ready',
  'none',
] as const satisfies readonly MigrationLevelKey[];

/**
 * One component's row in the portfolio. Fields added for the two questions
 * (upgrade, migration) are optional: an older backend, or a result stored by
 * an older rule set, lacks them.
 * @public
 */
export interface PortfolioRow {
  entityRef: string;
  name: string;
  namespace: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  mode: ModeValue;
  modeConflict: boolean;
  /** The mode of the planned move; null when none is planned. */
  targetMode: RuntimeModeId | null;
  /** Level of all unwaived concerns. */
  level: ReadinessLevel;
  score: number | null;
  critical: number;
  warning: number;
  info: number;
  /** Categories with at least one unwaived concern. */
  categories: ConcernCategory[];
  status: EvaluationStatus;
  evaluatedAt?: string;
  /** Does it break at the planned upgrade? */
  upgradeLevel?: UpgradeLevel;
  /** Objects using an API a cluster it runs on no longer serves. */
  brokenNow?: number;
  /** Objects using an API served today and removed at the planned target. */
  breaksAtUpgrade?: number;
  /** Can it move to the planned mode? Null when no move is planned. */
  migrationLevel?: ReadinessLevel | null;
  /** The best-fit mode when it is not where the component runs (a suggestion, never judged). */
  suggestedMode?: RuntimeModeId | null;
  /** Migration checks passing ("n of m"); null when no move is planned. */
  checksPassing?: number | null;
  /** Migration checks that applied; null when no move is planned. */
  checksTotal?: number | null;
  /** The worst open concern; null when there is none. */
  topBlocker?: TopBlocker | null;
}

/**
 * A row of GET /v1/portfolio/export (JSON; the CSV has the same columns):
 * a portfolio row with a link to the component's Runtime tab.
 * @public
 */
export interface PortfolioExportRow extends PortfolioRow {
  /** The component's Runtime tab in the portal (from `app.baseUrl`); absent when no base URL is configured. */
  runtimeTabUrl?: string;
}

/** GET /v1/portfolio/export?format=json @public */
export interface PortfolioExport {
  ruleSetVersion: string;
  knowledgeBaseAsOf: string;
  exportedAt: string;
  total: number;
  /** In the order asked for (`sort`, `order`), filtered like the portfolio. */
  items: PortfolioExportRow[];
}

/** Filters accepted by the portfolio, export and blast-radius endpoints. @public */
export interface PortfolioFilter {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  mode?: ModeValue[];
  level?: ReadinessLevel[];
  category?: ConcernCategory[];
  /** Free-text match on name or title. */
  q?: string;
  upgradeLevel?: UpgradeLevel[];
  /** `planned`: a move is planned (target-mode annotation); `none`: no move planned. */
  migration?: 'planned' | 'none';
  /** Migration levels of components with a planned move. */
  migrationLevel?: ReadinessLevel[];
}

/** Blast-radius statuses, worst first. @public */
export const BLAST_RADIUS_STATUSES = [
  'already-broken',
  'newly-breaks',
  'deprecated',
] as const satisfies readonly BlastRadiusStatus[];

/** How the portfolio heatmap can be grouped. @public */
export const PORTFOLIO_GROUP_BYS = ['owner', 'system', 'domain'] as const;

/** @public */
export type PortfolioGroupBy = (typeof PORTFOLIO_GROUP_BYS)[number];

/**
 * Fields the portfolio table can be sorted by. `name` sorts by what the
 * table shows (the title where there is one, else the name); `mode` by the
 * mode's label. `worst` puts first what needs work most: broken now, then
 * breaks at the upgrade, then a blocked migration, then the most critical
 * and warning concerns (`order=asc`, the default, is worst first).
 * @public
 */
export const PORTFOLIO_SORT_FIELDS = [
  'name',
  'owner',
  'system',
  'mode',
  'level',
  'score',
  'critical',
  'evaluatedAt',
  'worst',
  'upgradeLevel',
  'migrationLevel',
  'topBlocker',
] as const;

/** @public */
export type PortfolioSortField = (typeof PORTFOLIO_SORT_FIELDS)[number];

/** Counts of components per mode and readiness level. @public */
export type ModeLevelCounts = Record<ModeValue, Record<ReadinessLevel, number>>;

/** Counts of components per mode and upgrade level. @public */
export type ModeUpgradeLevelCounts = Record<
  ModeValue,
  Record<UpgradeLevel, number>
>;

/** Counts of components per mode and migration level (`none`: no move planned). @public */
export type ModeMigrationLevelCounts = Record<
  ModeValue,
  Record<MigrationLevelKey, number>
>;

/**
 * What the heatmap counts besides mode × readiness level (`cells`, always):
 * `upgrade` adds `upgradeCells`, `migration` adds `migrationCells`.
 * @public
 */
export const PORTFOLIO_HEATMAP_BYS = [
  'readiness',
  'upgrade',
  'migration',
] as const;

/** @public */
export type PortfolioHeatmapBy = (typeof PORTFOLIO_HEATMAP_BYS)[number];

/** The portfolio facets, each counted with every filter except its own. @public */
export const PORTFOLIO_FACETS = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'mode',
  'level',
  'upgradeLevel',
  'migrationLevel',
  'category',
] as const;

/** @public */
export type PortfolioFacet = (typeof PORTFOLIO_FACETS)[number];

/**
 * Per facet, components per value, counted with every filter except the
 * facet's own (and with `q`): picking a value does not shrink its own facet.
 * Enumerated facets list every value (zeros included); owner, system, domain
 * and lifecycle list the values present, and do not count components
 * without one. `migrationLevel` counts `none` for no move planned; the
 * `migration` and `migrationLevel` filters both belong to it.
 * @public
 */
export type PortfolioFacetCounts = Record<
  PortfolioFacet,
  Record<string, number>
>;

/** GET /v1/portfolio @public */
export interface PortfolioSummary {
  ruleSetVersion: string;
  knowledgeBaseAsOf: string;
  /** Components matching the filter (all pages). */
  total: number;
  page: number;
  pageSize: number;
  items: PortfolioRow[];
  kpis: {
    byMode: Record<ModeValue, number>;
    byLevel: Record<ReadinessLevel, number>;
    byUpgradeLevel?: Record<UpgradeLevel, number>;
    /** `none`: components with no planned move. */
    byMigrationLevel?: Record<MigrationLevelKey, number>;
    /** The planned upgrade (`apiPolicy.targets`), by component. */
    plannedTargets?: Array<{ component: string; version: string }>;
  };
  heatmap: {
    groupBy: PortfolioGroupBy;
    /** What was asked for besides readiness (`heatmapBy`); `readiness` when nothing else. */
    by?: PortfolioHeatmapBy;
    groups: Array<{
      key: string;
      total: number;
      /** Mode × readiness level. */
      cells: ModeLevelCounts;
      /** Mode × upgrade level, with `heatmapBy=upgrade`. */
      upgradeCells?: ModeUpgradeLevelCounts;
      /** Mode × migration level, with `heatmapBy=migration`. */
      migrationCells?: ModeMigrationLevelCounts;
    }>;
  };
  /** Facet counts that do not shrink their own facet. */
  facets?: PortfolioFacetCounts;
  /** Daily counts per level, oldest first, from the stored history. */
  trend: Array<{ date: string; byLevel: Record<ReadinessLevel, number> }>;
}

/**
 * How an object or component fares at the chosen version: removed at or
 * below the version its cluster runs today (`already-broken`), removed
 * between today's version and the chosen one (`newly-breaks`), or served
 * but deprecated (`deprecated`).
 * @public
 */
export type BlastRadiusStatus =
  | 'already-broken'
  | 'newly-breaks'
  | 'deprecated';

/** One component that breaks at the target version. @public */
export interface BlastRadiusItem {
  entityRef: string;
  name: string;
  /** The catalog title, where there is one. */
  title?: string;
  owner?: string;
  system?: string;
  mode: ModeValue;
  /** The worst status of its findings. */
  status?: BlastRadiusStatus;
  /** The version of the chosen component its clusters run today (the highest); null when none is stated. */
  currentVersion?: string | null;
  /** Objects removed at the target (critical) or deprecated (warning). */
  findings: Array<{
    severity: 'critical' | 'warning';
    status?: BlastRadiusStatus;
    apiVersion: string;
    kind: string;
    name?: string;
    file?: string;
    line?: number;
    removedIn?: string;
    deprecatedIn?: string;
    replacement?: string;
  }>;
}

/**
 * GET /v1/blast-radius?component=k8s&version=1.32. Each component is judged
 * at the chosen version, or at the version its clusters run today when that
 * is higher (a cluster already past the choice is judged at its own
 * version), so a removal it already suffers is `already-broken`, apart from
 * one that `newly-breaks` at the chosen version.
 * @public
 */
export interface BlastRadius {
  /** The knowledge-base component judged (an alias such as `kubernetes` is answered as `k8s`). */
  component: string;
  version: string;
  knowledgeBaseAsOf: string;
  /** Components examined (after filters and permissions). */
  examined: number;
  /** Components with an object that cannot be applied at the version judged (`alreadyBroken + newlyBreaking`). */
  breaking: number;
  /** Components with deprecated APIs only. */
  deprecatedOnly: number;
  /** Components listed over all pages: `breaking + deprecatedOnly`, or those of the `status` asked for. */
  total?: number;
  /** The page of `items` (1-based) and its size; rows come worst status first, then by ref. */
  page?: number;
  pageSize?: number;
  /** Components with an object already broken at the version their clusters run today. */
  alreadyBroken?: number;
  /** Components not broken today with an object that breaks at the chosen version. */
  newlyBreaking?: number;
  /** Each configured cluster's current version of the chosen component (null when not stated). */
  clusters?: Array<{
    name: string;
    mode: RuntimeModeId;
    version: string | null;
  }>;
  /** The planned target of the chosen component (`apiPolicy.targets`); null when none. */
  configuredTarget?: string | null;
  /** The cluster asked for (`?cluster=`): only its components, judged from its own version today. */
  cluster?: string;
  items: BlastRadiusItem[];
}

/**
 * An API that breaks or degrades at a cluster's next version, with how many
 * of the components on the cluster use it: the "why" of a cluster upgrade.
 * @public
 */
export interface ClusterUpgradeApi {
  apiVersion: string;
  kind: string;
  /** `already-broken`: removed at or below the cluster's version today; `newly-breaks`: removed by the step; `deprecated`: served, with a removal ahead. */
  status: BlastRadiusStatus;
  removedIn?: string;
  deprecatedIn?: string;
  replacement?: string;
  /** Components on the cluster (that the caller may read) using it. */
  components: number;
}

/**
 * One next version of a platform component on a cluster (the next
 * Kubernetes minors, the configured KubeVirt/CDI/... targets), and which of
 * the cluster's components break or degrade there.
 * @public
 */
export interface ClusterUpgradeStep {
  /** Knowledge-base component (k8s, kubevirt, cdi, ...). */
  component: string;
  /** The version the cluster runs today. */
  from: string;
  /** The version of the step. */
  version: string;
  /** Whether this is the planned target (`apiPolicy.targets`). */
  planned: boolean;
  /** Components with an API already removed at the cluster's version today. */
  alreadyBroken: number;
  /** Components not broken today with an API the step removes. */
  breaking: number;
  /** Components with deprecated APIs only: they degrade (warnings), they do not break. */
  degrading: number;
  /** The APIs responsible, worst status first, then most components first. */
  apis: ClusterUpgradeApi[];
}

/** A configured cluster with its versions, its components and its next versions. @public */
export interface ClusterUpgrade {
  name: string;
  mode: RuntimeModeId;
  platform?: string;
  /** The versions it runs today, per knowledge-base component (Kubernetes first). */
  versions: Array<{ component: string; version: string }>;
  /** Evaluated components (that the caller may read) naming it in `runtime-mode.dev/clusters`. */
  components: number;
  /** Of those, components with no manifest object read: nothing to judge, never counted as safe. */
  withoutObjects: number;
  /** Next versions, Kubernetes minors first, each with who breaks or degrades. */
  steps: ClusterUpgradeStep[];
}

/** GET /v1/clusters: every configured cluster and what its next versions break. @public */
export interface ClusterUpgrades {
  ruleSetVersion: string;
  knowledgeBaseAsOf: string;
  /** The newest Kubernetes minor the knowledge base knows: no step goes past it. */
  newestKnownKubernetes: string;
  clusters: ClusterUpgrade[];
}

/** A component on a cluster that breaks or degrades at one step, and why. @public */
export interface ClusterUpgradeItem {
  entityRef: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  mode: ModeValue;
  /** Its worst status at the step. */
  status: BlastRadiusStatus;
  /** Its APIs that break or degrade, worst first (no file or line: the blast radius has them). */
  apis: Array<Omit<ClusterUpgradeApi, 'components'>>;
}

/** GET /v1/clusters/:name/upgrade?component=k8s&version=1.34 @public */
export interface ClusterUpgradeDetail {
  cluster: Omit<ClusterUpgrade, 'steps'>;
  step: ClusterUpgradeStep;
  knowledgeBaseAsOf: string;
  /** Components listed over all pages (`alreadyBroken + breaking + degrading`). */
  total: number;
  page: number;
  pageSize: number;
  /** Worst status first, then by ref. */
  items: ClusterUpgradeItem[];
}

/** POST /v1/evaluate (ad-hoc, for CI and what-if) @public */
export interface EvaluateRequest {
  manifests: ManifestFile[];
  /** Optional catalog-info entity, for annotations (requirements, waivers, declared mode). */
  entity?: {
    metadata: {
      name: string;
      namespace?: string;
      annotations?: Record<string, string>;
    };
    spec?: Record<string, unknown>;
  };
  targets?: Record<string, string>;
  targetMode?: RuntimeModeId;
}

/** POST /v1/entities/:namespace/:kind/:name/what-if: re-evaluate stored manifests with other targets. @public */
export interface WhatIfRequest {
  targets?: Record<string, string>;
  targetMode?: RuntimeModeId;
}

/** One rule of the rule catalog (GET /v1/rules). @public */
export interface RuleInfo {
  id: string;
  category: ConcernCategory;
  /** The highest severity the rule can raise. */
  severity: 'critical' | 'warning' | 'info';
  title: string;
  description: string;
  docsUrl?: string;
  /** What to do in general; a finding may give a more specific remediation. */
  remediation?: string;
}

/** GET /v1/rules @public */
export interface RuleCatalog {
  ruleSetVersion: string;
  knowledgeBaseAsOf: string;
  rules: RuleInfo[];
  scoring: string[];
}

/** GET /v1/health @public */
export interface HealthResponse {
  status: 'ok';
  ruleSetVersion: string;
  knowledgeBaseAsOf: string;
}

/** Unwaived critical and warning concerns of one category. @public */
export interface ConcernCounts {
  critical: number;
  warning: number;
}

/**
 * One component's stored verdict in numbers, for integrations such as Tech
 * Insights facts (GET /v1/verdicts).
 * @public
 */
export interface ComponentVerdict {
  entityRef: string;
  status: EvaluationStatus;
  /** ISO timestamp of the evaluation the numbers come from. */
  evaluatedAt?: string;
  /** Rule-set version that produced the stored result. */
  ruleSetVersion: string;
  mode: ModeValue;
  /**
   * Level of all unwaived concerns, whatever question they answer. Prefer
   * `upgradeLevel` and `migrationLevel`: this one reads `blocked` for a move
   * nobody planned.
   */
  level: ReadinessLevel;
  /** 0-100, null when the level is unknown. */
  score: number | null;
  /** Does it break at the planned upgrade? Absent for a result of an older rule set. */
  upgradeLevel?: UpgradeLevel;
  /** Can it move to the planned mode? Null when no move is planned; absent as above. */
  migrationLevel?: ReadinessLevel | null;
  /** The mode a move is planned to; null when none is planned; absent as above. */
  targetMode?: RuntimeModeId | null;
  /** Unwaived concerns per category; every category is present. */
  concerns: Record<ConcernCategory, ConcernCounts>;
  /** Unwaived API findings at the target versions the result was judged against. */
  apis: {
    /** Objects whose apiVersion is removed at (or before) the target. */
    removed: number;
    /** Objects whose apiVersion is deprecated at the target and not yet removed. */
    deprecated: number;
  };
  /** The target versions the result was judged against, e.g. `{ k8s: '1.34' }`. */
  targets: Record<string, string>;
}

/** GET /v1/verdicts: one page of stored verdicts, in entity-ref order. @public */
export interface VerdictPage {
  items: ComponentVerdict[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * The most entity refs one POST /v1/verdicts/by-refs takes: more than a page
 * of the catalog's entity list, so one page of rows is one request.
 * @public
 */
export const MAX_VERDICT_REFS = 500;

/** POST /v1/verdicts/by-refs request body. @public */
export interface VerdictsByRefsRequest {
  /** Entity refs such as `component:default/checkout-api`; at most {@link MAX_VERDICT_REFS}. */
  entityRefs: string[];
}

/**
 * The stored verdict of one component, as the catalog's entity list shows it.
 * @public
 */
export interface EntityVerdict {
  /** The ref as the catalog writes it, lower-cased: `component:default/checkout-api`. */
  entityRef: string;
  /** The runtime mode it runs in; `unknown` when nothing tells. */
  mode: ModeValue;
  /** The readiness level of all unwaived concerns. */
  level: ReadinessLevel;
  /** 0–100 by the documented scoring rule; null when not judged. */
  score: number | null;
  /** `fresh`, or `stale` when a source failed and the previous result is kept. */
  status: EvaluationStatus;
  /** Does it break at the planned upgrade? Absent for a result of an older rule set. */
  upgradeLevel?: UpgradeLevel;
  /** Can it move to the planned mode? Null when no move is planned; absent as above. */
  migrationLevel?: ReadinessLevel | null;
}

/**
 * POST /v1/verdicts/by-refs response: one item per asked ref the caller may
 * read and that has a stored evaluation; other refs are simply absent.
 * @public
 */
export interface VerdictsByRefsResponse {
  /** In the order asked, each ref once. */
  items: EntityVerdict[];
}
