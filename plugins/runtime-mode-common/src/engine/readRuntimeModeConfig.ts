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
  ClusterConfig,
  DeprecationRow,
  KubevirtDefaultNetworkInterface,
  KubevirtEvictionStrategy,
  ManifestLimits,
  ModeProfileOverride,
  RuntimeModeConfig,
  RuntimeModeId,
} from '../types';
import { RUNTIME_MODES } from '../types';
import { RuntimeModeConfigError } from './errors';
import { checkProfileOverride } from './profileOverrides';
import { validateTargets } from './targets';
import { parseVersion } from './versions';

/** Limits applied when config sets none. @public */
export const DEFAULT_MANIFEST_LIMITS: ManifestLimits = {
  maxFileBytes: 2 * 1024 * 1024,
  maxDocuments: 1000,
  maxDepth: 100,
  maxAliasCount: 100,
};

const ALPHA_HANDLING = ['warning', 'info', 'ignore'] as const;
// KubeVirt CR values (staging/src/kubevirt.io/api/core/v1 EvictionStrategy;
// pkg/virt-config/configuration.go validates defaultNetworkInterface, and
// slirp was removed in v1.3).
const EVICTION_STRATEGIES: readonly KubevirtEvictionStrategy[] = [
  'None',
  'LiveMigrate',
  'LiveMigrateIfPossible',
  'External',
];
const DEFAULT_NETWORK_INTERFACES: readonly KubevirtDefaultNetworkInterface[] = [
  'bridge',
  'masquerade',
];

function fail(key: string, problem: string): never {
  throw new RuntimeModeConfigError(
    `Invalid runtimeMode config at "${key}": ${problem}`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalRecord(
  value: unknown,
  key: string,
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isRecord(value)) {
    fail(key, 'expected an object');
  }
  return value;
}

function optionalString(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value !== 'string' || value.trim() === '') {
    fail(key, 'expected a non-empty string');
  }
  return value.trim();
}

function optionalVersion(value: unknown, key: string): string | undefined {
  const version = optionalString(value, key);
  if (version !== undefined && !parseVersion(version)) {
    fail(key, `"${version}" is not a release number such as 1.34 or v1.6.0`);
  }
  return version;
}

function optionalChoice<T extends string>(
  value: unknown,
  key: string,
  choices: readonly T[],
): T | undefined {
  const text = optionalString(value, key);
  if (text !== undefined && !choices.includes(text as T)) {
    fail(key, `expected one of ${choices.join(', ')}`);
  }
  return text as T | undefined;
}

function readMode(value: unknown, key: string): RuntimeModeId {
  if (!RUNTIME_MODES.includes(value as RuntimeModeId)) {
    fail(key, `expected one of ${RUNTIME_MODES.join(', ')}`);
  }
  return value as RuntimeModeId;
}

function readCluster(value: unknown, key: string): ClusterConfig {
  if (!isRecord(value)) {
    fail(key, 'expected an object with name and mode');
  }
  const name = optionalString(value.name, `${key}.name`);
  if (!name) {
    fail(`${key}.name`, 'is required');
  }
  const cluster: ClusterConfig = {
    name,
    mode: readMode(value.mode, `${key}.mode`),
  };
  const platform = optionalString(value.platform, `${key}.platform`);
  if (platform) cluster.platform = platform;
  const k8s = optionalVersion(
    value.kubernetesVersion,
    `${key}.kubernetesVersion`,
  );
  if (k8s) cluster.kubernetesVersion = k8s;
  const kubevirt = optionalVersion(
    value.kubevirtVersion,
    `${key}.kubevirtVersion`,
  );
  if (kubevirt) cluster.kubevirtVersion = kubevirt;
  if (
    value.hardwareVirtualization !== undefined &&
    value.hardwareVirtualization !== null
  ) {
    if (typeof value.hardwareVirtualization !== 'boolean') {
      fail(`${key}.hardwareVirtualization`, 'expected true or false');
    }
    cluster.hardwareVirtualization = value.hardwareVirtualization;
  }
  const eviction = optionalChoice(
    value.evictionStrategy,
    `${key}.evictionStrategy`,
    EVICTION_STRATEGIES,
  );
  if (eviction) cluster.evictionStrategy = eviction;
  const networkInterface = optionalChoice(
    value.defaultNetworkInterface,
    `${key}.defaultNetworkInterface`,
    DEFAULT_NETWORK_INTERFACES,
  );
  if (networkInterface) cluster.defaultNetworkInterface = networkInterface;
  const versions = optionalRecord(value.versions, `${key}.versions`);
  if (versions) {
    try {
      cluster.versions = validateTargets(versions);
    } catch (error) {
      fail(`${key}.versions`, (error as Error).message);
    }
  }
  return cluster;
}

function readDeprecationRow(value: unknown, key: string): DeprecationRow {
  if (!isRecord(value)) {
    fail(key, 'expected an object with apiVersion and component');
  }
  const apiVersion = optionalString(value.apiVersion, `${key}.apiVersion`);
  if (!apiVersion) fail(`${key}.apiVersion`, 'is required');
  const component = optionalString(value.component, `${key}.component`);
  if (!component) fail(`${key}.component`, 'is required');
  const row: DeprecationRow = {
    apiVersion,
    kind: optionalString(value.kind, `${key}.kind`) ?? '',
    deprecatedIn:
      optionalString(value.deprecatedIn, `${key}.deprecatedIn`) ?? '',
    removedIn: optionalString(value.removedIn, `${key}.removedIn`) ?? '',
    replacement: optionalString(value.replacement, `${key}.replacement`) ?? '',
    component: component.toLowerCase(),
  };
  for (const field of ['deprecatedIn', 'removedIn'] as const) {
    if (row[field] && !parseVersion(row[field], { lenient: true })) {
      fail(`${key}.${field}`, `"${row[field]}" holds no release number`);
    }
  }
  const available = optionalString(
    value.replacementAvailableIn,
    `${key}.replacementAvailableIn`,
  );
  if (available) row.replacementAvailableIn = available;
  const note = optionalString(value.note, `${key}.note`);
  if (note) row.note = note;
  row.source = optionalString(value.source, `${key}.source`) ?? 'app-config';
  return row;
}

function readLimit(
  value: unknown,
  key: string,
  fallback: number,
  min: number,
): number {
  if (value === undefined || value === null) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(key, `expected an integer >= ${min}`);
  }
  return value;
}

function readSchedule(value: unknown): void {
  // The backend reads the schedule; the engine only checks its shape.
  const schedule = optionalRecord(value, 'schedule');
  if (!schedule) return;
  for (const field of ['frequency', 'timeout']) {
    const v = schedule[field];
    if (v !== undefined && typeof v !== 'string' && !isRecord(v)) {
      fail(
        `schedule.${field}`,
        'expected a duration such as { minutes: 30 } or an ISO duration string',
      );
    }
  }
}

/**
 * Validates the `runtimeMode` config block (a plain object, e.g. from
 * `config.getOptional('runtimeMode')` or a parsed app-config.yaml) and fills
 * defaults. Throws {@link RuntimeModeConfigError} naming the bad key.
 * @public
 */
export function readRuntimeModeConfig(raw: unknown): RuntimeModeConfig {
  const root = optionalRecord(raw, 'runtimeMode') ?? {};

  const clustersRaw = root.clusters ?? [];
  if (!Array.isArray(clustersRaw)) {
    fail('clusters', 'expected a list');
  }
  const clusters = clustersRaw.map((c, i) => readCluster(c, `clusters[${i}]`));
  const names = new Set<string>();
  for (const [i, cluster] of clusters.entries()) {
    if (names.has(cluster.name)) {
      fail(`clusters[${i}].name`, `duplicate cluster name "${cluster.name}"`);
    }
    names.add(cluster.name);
  }

  const apiPolicy = optionalRecord(root.apiPolicy, 'apiPolicy') ?? {};
  const extraRaw = apiPolicy.extraDeprecations ?? [];
  if (!Array.isArray(extraRaw)) {
    fail('apiPolicy.extraDeprecations', 'expected a list');
  }
  const extraDeprecations = extraRaw.map((row, i) =>
    readDeprecationRow(row, `apiPolicy.extraDeprecations[${i}]`),
  );
  let targets: Record<string, string> = {};
  try {
    targets = validateTargets(
      optionalRecord(apiPolicy.targets, 'apiPolicy.targets'),
      extraDeprecations,
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'RuntimeModeConfigError') {
      throw error;
    }
    fail('apiPolicy.targets', (error as Error).message);
  }
  const alpha = apiPolicy.alphaInProduction ?? 'warning';
  if (!ALPHA_HANDLING.includes(alpha as (typeof ALPHA_HANDLING)[number])) {
    fail(
      'apiPolicy.alphaInProduction',
      `expected ${ALPHA_HANDLING.join(', ')}`,
    );
  }

  const profilesRaw = optionalRecord(root.profiles, 'profiles') ?? {};
  const profiles: Partial<Record<RuntimeModeId, ModeProfileOverride>> = {};
  for (const [mode, override] of Object.entries(profilesRaw)) {
    readMode(mode, `profiles.${mode}`);
    const values = optionalRecord(override, `profiles.${mode}`) ?? {};
    for (const [key, value] of Object.entries(values)) {
      const problem = checkProfileOverride(key, value);
      if (problem) {
        fail(`profiles.${mode}.${key}`, problem);
      }
    }
    profiles[mode as RuntimeModeId] = values as ModeProfileOverride;
  }

  const limitsRaw = optionalRecord(root.limits, 'limits') ?? {};
  const limits: ManifestLimits = {
    maxFileBytes: readLimit(
      limitsRaw.maxFileBytes,
      'limits.maxFileBytes',
      DEFAULT_MANIFEST_LIMITS.maxFileBytes,
      1,
    ),
    maxDocuments: readLimit(
      limitsRaw.maxDocuments,
      'limits.maxDocuments',
      DEFAULT_MANIFEST_LIMITS.maxDocuments,
      1,
    ),
    maxDepth: readLimit(
      limitsRaw.maxDepth,
      'limits.maxDepth',
      DEFAULT_MANIFEST_LIMITS.maxDepth,
      2,
    ),
    maxAliasCount: readLimit(
      limitsRaw.maxAliasCount,
      'limits.maxAliasCount',
      DEFAULT_MANIFEST_LIMITS.maxAliasCount,
      0,
    ),
  };

  readSchedule(root.schedule);

  return {
    clusters,
    apiPolicy: {
      targets,
      alphaInProduction:
        alpha as RuntimeModeConfig['apiPolicy']['alphaInProduction'],
      extraDeprecations,
    },
    profiles,
    limits,
  };
}

/** Fills defaults into an already validated, possibly partial config. @internal */
export function withConfigDefaults(
  config?: Partial<RuntimeModeConfig>,
): RuntimeModeConfig {
  return {
    clusters: config?.clusters ?? [],
    apiPolicy: {
      targets: config?.apiPolicy?.targets ?? {},
      alphaInProduction: config?.apiPolicy?.alphaInProduction ?? 'warning',
      extraDeprecations: config?.apiPolicy?.extraDeprecations ?? [],
    },
    profiles: config?.profiles ?? {},
    limits: { ...DEFAULT_MANIFEST_LIMITS, ...(config?.limits ?? {}) },
  };
}
