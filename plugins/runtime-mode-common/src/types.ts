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
 * The engine's contract: what goes in (manifests, entity, config) and what
 * comes out (an {@link EvaluationResult}). The CLI's `--format json`, the
 * backend's stored results and the frontend all speak these types.
 */

/** All runtime modes, in the seed's column order (§5.1). @public */
export const RUNTIME_MODES = [
  'bare-metal-container',
  'virtualized-container',
  'container-virtualization',
] as const;

/** The three runtime modes of the seed's comparison (§5.1). @public */
export type RuntimeModeId = (typeof RUNTIME_MODES)[number];

/** Every mode verdict: the modes, then `unknown`. @public */
export const MODE_VALUES = [...RUNTIME_MODES, 'unknown'] as const;

/** A mode verdict: a mode, or `unknown` when nothing tells (never a guess). @public */
export type ModeValue = (typeof MODE_VALUES)[number];

/** Severities, worst first. @public */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** @public */
export type Severity = (typeof SEVERITIES)[number];

/** Concern categories, in the order the UI and reports list them. @public */
export const CONCERN_CATEGORIES = [
  'api-compatibility',
  'live-migration',
  'hardware',
  'monitoring',
  'isolation',
  'performance',
  'operations',
  'manifest',
] as const;

/** @public */
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

/** Readiness levels, best first. @public */
export const READINESS_LEVELS = [
  'ready',
  'ready-with-warnings',
  'blocked',
  'unknown',
] as const;

/** @public */
export type ReadinessLevel = (typeof READINESS_LEVELS)[number];

/**
 * Upgrade readiness levels, best first: does the component break at the
 * planned upgrade? `broken-now` is worse than `breaks-at-upgrade`: it is
 * already broken on a cluster it runs on. @public
 */
export const UPGRADE_LEVELS = [
  'clean',
  'deprecated',
  'breaks-at-upgrade',
  'broken-now',
  'unknown',
] as const;

/** @public */
export type UpgradeLevel = (typeof UPGRADE_LEVELS)[number];

/**
 * When an API removal bites: `now` when a cluster the component runs on
 * already is at or past the removal release, `at-upgrade` when it is removed
 * only at the planned target (or when no cluster states its version). @public
 */
export type RemovalTiming = 'now' | 'at-upgrade';

/** Where a piece of evidence for the mode came from, strongest first. @public */
export type EvidenceSource = 'manifest' | 'cluster' | 'annotation';

/** One manifest file handed to the engine. @public */
export interface ManifestFile {
  /** Path or URL shown in findings (relative to the scanned root when possible). */
  path: string;
  /** Raw text. Binary or oversized content is reported, never parsed blindly. */
  content: string;
}

/** One Kubernetes-style object read from a manifest (List items included). @public */
export interface ManifestObjectRef {
  file: string;
  /** 1-based line of the object's first line in `file`. */
  line: number;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
}

/** @public */
export interface ModeEvidence {
  source: EvidenceSource;
  mode: RuntimeModeId;
  reason: string;
  file?: string;
  line?: number;
  annotation?: string;
  cluster?: string;
}

/** @public */
export interface ModeVerdict {
  value: ModeValue;
  /** The strongest source that decided `value`; `none` when unknown. */
  source: EvidenceSource | 'none';
  confidence: 'high' | 'medium' | 'low' | 'none';
  evidence: ModeEvidence[];
  /** The mode declared by the `runtime-mode.dev/mode` annotation, if any. */
  declared?: RuntimeModeId;
  /** True when the evidence points at more than one mode, or contradicts the declaration. */
  conflict: boolean;
}

/** @public */
export interface Waiver {
  ruleId: string;
  until: string;
  reason: string;
  expired: boolean;
}

/** One concern (Forklift-style): a rule that fired, with evidence and remediation. @public */
export interface Finding {
  /** Rule id, stable across releases (e.g. `api-removed`, `live-migration-eviction-strategy`). */
  id: string;
  category: ConcernCategory;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  deprecatedIn?: string;
  removedIn?: string;
  /** ISO date of the removal release where known (Kubernetes release dates). */
  removalDate?: string;
  replacement?: string;
  /** Knowledge-base component whose release numbers the versions are in (k8s, kubevirt, cdi, ...). */
  component?: string;
  /** On findings that an object cannot be applied: broken today, or at the planned upgrade. */
  timing?: RemovalTiming;
  remediation?: string;
  docsUrl?: string;
  waived: boolean;
  waiver?: Waiver;
}

/**
 * The level of all unwaived concerns of a component, whatever question they
 * answer (REST v1). {@link UpgradeReadiness} and {@link MigrationReadiness}
 * answer the two questions apart.
 * @public
 */
export interface Readiness {
  /** The mode of the planned move; null when no move is planned. */
  targetMode: RuntimeModeId | null;
  /**
   * Where `targetMode` came from: a CLI option or what-if, or the
   * target-mode annotation; `none` when no move is planned. `best-fit` and
   * `current` are no longer produced (rule sets up to 2026.12.1 judged the
   * best fit, or staying where it runs, as if it were the plan); they remain
   * in the type for results stored by those rule sets.
   */
  targetSource: 'annotation' | 'option' | 'best-fit' | 'current' | 'none';
  level: ReadinessLevel;
  /** 0-100, null when unknown. */
  score: number | null;
  /** How the score was computed, one line per step, for people. */
  explanation: string[];
}

/** "n of m checks passing". @public */
export interface CheckCounts {
  passing: number;
  total: number;
}

/** A knowledge-base component's versions today and at the planned upgrade. @public */
export interface ComponentVersions {
  /** Knowledge-base component (k8s, kubevirt, cdi, ...). */
  component: string;
  /** The highest version the component's clusters run today; null when no cluster states one. */
  current: string | null;
  /**
   * The version the objects are judged at: the planned target, never below
   * `current` (a cluster already past the plan is judged at its own version);
   * `current` when nothing is planned; null when neither is known.
   */
  planned: string | null;
}

/**
 * "Does it break at the planned upgrade?" Judged for every component from its
 * API-compatibility findings alone; no target mode is involved.
 * @public
 */
export interface UpgradeReadiness {
  level: UpgradeLevel;
  /** The components the objects belong to, with their versions. */
  versions: ComponentVersions[];
  /** Objects, each counted once at its worst: unwaived concerns only. */
  counts: { brokenNow: number; breaksAtUpgrade: number; deprecated: number };
  /** Judged objects without an unwaived removal or deprecation / judged objects. */
  checks: CheckCounts;
  /** How the level was reached, one line per step, for people. */
  explanation: string[];
}

/**
 * "Can it move to the mode we chose?" Only when a move is planned (target-mode
 * annotation or an option) to a mode other than the one it runs in.
 * @public
 */
export interface MigrationReadiness {
  targetMode: RuntimeModeId;
  targetSource: 'annotation' | 'option';
  level: ReadinessLevel;
  /**
   * The headline number: the readiness rules that applied to this component
   * for the move (`total`), and those with no unwaived warning or critical
   * finding (`passing`).
   */
  checks: CheckCounts;
  /** 0-100 over the move's concerns, null when the level is unknown; shown with its checks. */
  score: number | null;
  /** How the level and score were computed, one line per step, for people. */
  explanation: string[];
}

/**
 * The mode that fits the stated requirements best, when it is not the mode
 * the component runs in: a suggestion with its reasons, never judged as if it
 * were the plan.
 * @public
 */
export interface ModeSuggestion {
  mode: RuntimeModeId;
  /** How well the mode's profile fits the stated requirements, 0-100 (fit, not readiness). */
  fitScore: number;
  /** Why, for people: one line per requirement, then the comparison with where it runs. */
  reasons: string[];
}

/** @public */
export type IsolationLevel = 'strong' | 'medium' | 'weak';

/** A component's requirements, from its annotations. @public */
export interface Requirements {
  isolation?: IsolationLevel;
  latencySensitive?: boolean;
  /** Maximum acceptable performance overhead, in percent. */
  maxOverheadPercent?: number;
  workloadProfile?: string;
}

/** @public */
export type FitValue = 'fit' | 'partial' | 'unfit' | 'unknown';

/** One row of the comparison matrix scored against the component's requirements. @public */
export interface FitDimension {
  /** Profile dimension id, e.g. `isolation`, `performanceOverhead`. */
  dimension: string;
  label: string;
  /** The component's requirement in words, or undefined when it states none. */
  requirement?: string;
  modes: Record<
    RuntimeModeId,
    { value: string; fit: FitValue; reason: string }
  >;
}

/** @public */
export interface FitVerdict {
  requirements: Requirements;
  /** 0-100 per mode; null when the component states no requirement. */
  scores: Record<RuntimeModeId, number | null>;
  currentMode: ModeValue;
  currentFit: number | null;
  bestFit: RuntimeModeId | null;
  dimensions: FitDimension[];
}

/** A target version the objects were judged against. @public */
export interface TargetVersion {
  component: string;
  version: string;
  /** Where it came from: a CLI option, the component's cluster, or apiPolicy.targets. */
  source: 'option' | 'cluster' | 'config';
}

/** The engine's output for one component (or one CLI run). @public */
export interface EvaluationResult {
  schemaVersion: 1;
  /** Version of the rule set that produced this result. */
  ruleSetVersion: string;
  /** "As of" date of the deprecation knowledge base. */
  knowledgeBaseAsOf: string;
  mode: ModeVerdict;
  fit: FitVerdict;
  /** The level of all unwaived concerns (REST v1). */
  readiness: Readiness;
  /** Does it break at the planned upgrade? Absent in results stored by rule sets up to 2026.12.1. */
  upgrade?: UpgradeReadiness;
  /**
   * Can it move to the planned mode? Null when no move is planned; absent in
   * results stored by rule sets up to 2026.12.1.
   */
  migration?: MigrationReadiness | null;
  /** The best-fit mode, when it is not where the component runs; absent in older stored results. */
  suggestion?: ModeSuggestion | null;
  findings: Finding[];
  objects: ManifestObjectRef[];
  targets: TargetVersion[];
  /** Knowledge-base components that objects belong to but that have no target: not judged, and said so. */
  notJudged: string[];
}

/** What `evaluate()` returns: a result with every field of the current rule set. @public */
export type CompleteEvaluationResult = EvaluationResult & {
  upgrade: UpgradeReadiness;
  migration: MigrationReadiness | null;
  suggestion: ModeSuggestion | null;
};

/** A cluster a component can run on, from `runtimeMode.clusters`. @public */
export interface ClusterConfig {
  name: string;
  mode: RuntimeModeId;
  platform?: string;
  kubernetesVersion?: string;
  kubevirtVersion?: string;
  /** Whether the nodes expose VT-x/AMD-V (`/dev/kvm`); undefined when unknown. */
  hardwareVirtualization?: boolean;
  /** Versions of other knowledge-base components on this cluster (cdi, cluster-api, ...). */
  versions?: Record<string, string>;
  /**
   * KubeVirt clusters: the KubeVirt CR's `spec.configuration.evictionStrategy`,
   * inherited by VMs that set none; undefined when not stated (upstream default
   * None; HCO/OpenShift Virtualization set LiveMigrate on multi-node clusters).
   */
  evictionStrategy?: KubevirtEvictionStrategy;
  /**
   * KubeVirt clusters: the KubeVirt CR's
   * `spec.configuration.network.defaultNetworkInterface`, the pod-network
   * binding of VMs that declare no interface; undefined when not stated
   * (upstream default bridge).
   */
  defaultNetworkInterface?: KubevirtDefaultNetworkInterface;
}

/** Values of the KubeVirt CR's evictionStrategy. @public */
export type KubevirtEvictionStrategy =
  | 'None'
  | 'LiveMigrate'
  | 'LiveMigrateIfPossible'
  | 'External';

/** Values the KubeVirt CR accepts for defaultNetworkInterface (slirp was removed in v1.3). @public */
export type KubevirtDefaultNetworkInterface = 'bridge' | 'masquerade';

/** A row of the deprecation knowledge base (the same fields as reference/api-deprecations.yaml). @public */
export interface DeprecationRow {
  apiVersion: string;
  /** '' matches every kind of the apiVersion. */
  kind: string;
  deprecatedIn: string;
  removedIn: string;
  replacement: string;
  replacementAvailableIn?: string;
  component: string;
  source?: string;
  note?: string;
}

/** @public */
export interface ManifestLimits {
  maxFileBytes: number;
  maxDocuments: number;
  maxDepth: number;
  maxAliasCount: number;
}

/** A partial override of one comparison profile (any value of the seed's table). @public */
export type ModeProfileOverride = Partial<Record<string, string | number>>;

/** The `runtimeMode` config, already validated. @public */
export interface RuntimeModeConfig {
  clusters: ClusterConfig[];
  apiPolicy: {
    /** Default target versions per knowledge-base component, e.g. `{ k8s: '1.34' }`. */
    targets: Record<string, string>;
    /** How alpha APIs found in production manifests are reported. */
    alphaInProduction: 'warning' | 'info' | 'ignore';
    /** Rows added to, or overriding, the built-in knowledge base. */
    extraDeprecations: DeprecationRow[];
  };
  profiles: Partial<Record<RuntimeModeId, ModeProfileOverride>>;
  limits: ManifestLimits;
}

/** The parts of a catalog entity the engine reads. @public */
export interface EntityLike {
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
  spec?: { lifecycle?: string } & Record<string, unknown>;
}

/** @public */
export interface EvaluationInput {
  entity?: EntityLike;
  manifests: ManifestFile[];
  config?: Partial<RuntimeModeConfig>;
  /**
   * Findings raised while reading the manifest sources (refused, missing or
   * oversized sources). The engine waives, sorts and scores them like its own.
   */
  sourceFindings?: Finding[];
  /** Options that win over annotations and config (CLI flags, what-if requests). */
  options?: {
    targets?: Record<string, string>;
    targetMode?: RuntimeModeId;
    /** Clock for waiver expiry and countdowns; defaults to now. */
    now?: Date;
  };
}
