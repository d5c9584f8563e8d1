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
  getKnowledgeIndex,
  type KnowledgeIndex,
} from '../knowledgeBase/knowledgeIndex';
import type { ClusterConfig, Finding, RuntimeModeConfig } from '../types';
import { componentClusters } from './componentClusters';
import { planVersions, type VersionPlan } from './componentVersions';
import type { TemplateCapabilities } from './helmTemplates/templateExpression';
import { resolveModeProfiles } from './profileOverrides';
import { withConfigDefaults } from './readRuntimeModeConfig';
import { targetCapabilities } from './targetCapabilities';
import { validateTargets } from './targets';

/**
 * What every evaluation with the same config, target options and clusters
 * is judged with. The backend and the CLI evaluate thousands of components
 * with one config and one set of targets: worked out once, this is no
 * longer part of each component's cost.
 * @internal
 */
export interface EvaluationSetting {
  config: RuntimeModeConfig;
  index: KnowledgeIndex;
  profiles: ReturnType<typeof resolveModeProfiles>;
  /** The component's clusters, from its annotation. */
  clusters: ClusterConfig[];
  /** Cluster names the annotation gives that config does not know. */
  clusterFindings: Finding[];
  versions: VersionPlan;
  /** The planned version per component, which objects are judged at. */
  targets: Readonly<Record<string, string>>;
  /** What templates see of the target cluster. */
  capabilities: TemplateCapabilities;
}

/** What depends on the config alone. */
interface ConfigSetting {
  config: RuntimeModeConfig;
  index: KnowledgeIndex;
  profiles: ReturnType<typeof resolveModeProfiles>;
  /** Settings by target options and clusters (see settingKey). */
  settings: Map<string, EvaluationSetting>;
  /** The setting found last, and what it was found for (see sameAsLast). */
  last?: LastSetting;
}

/**
 * The targets object and clusters annotation of the last lookup, with the
 * targets' entries as they were then: a caller may change its targets
 * object between evaluations, so its identity alone proves nothing.
 */
interface LastSetting {
  targets: Record<string, unknown> | undefined;
  keys: string[];
  values: unknown[];
  clustersAnnotation: string | undefined;
  setting: EvaluationSetting;
}

// Config objects are read, never changed, by the engine and its callers
// (the backend reads its config once): one is known by its identity.
const byConfig = new WeakMap<object, ConfigSetting>();
const NO_CONFIG = {};
// Distinct target options are few (the CLI's, the config's, what-if
// requests); past this many, the oldest are dropped.
const MAX_SETTINGS_PER_CONFIG = 64;

function newConfigSetting(
  raw: Partial<RuntimeModeConfig> | undefined,
): ConfigSetting {
  const config = withConfigDefaults(raw);
  return {
    config,
    index: getKnowledgeIndex(config.apiPolicy.extraDeprecations),
    profiles: resolveModeProfiles(config.profiles),
    settings: new Map(),
  };
}

function configSetting(
  raw: Partial<RuntimeModeConfig> | undefined,
): ConfigSetting {
  // Input may come from JSON: anything but an object is no config.
  if (raw !== undefined && raw !== null && typeof raw !== 'object') {
    return newConfigSetting(raw);
  }
  const key = raw ?? NO_CONFIG;
  let known = byConfig.get(key);
  if (!known) {
    known = newConfigSetting(raw);
    byConfig.set(key, known);
  }
  return known;
}

/**
 * The key of target options and the clusters annotation, or undefined when
 * the targets hold values that are not plain text or numbers (validation
 * then reports them, every time).
 */
function settingKey(
  targets: Record<string, unknown> | undefined,
  clustersAnnotation: string | undefined,
): string | undefined {
  if (targets !== undefined && targets !== null) {
    // The entries validation reads (own ones, as Object.entries gives them).
    for (const component of Object.keys(targets)) {
      const version = targets[component];
      if (typeof version !== 'string' && typeof version !== 'number') {
        return undefined;
      }
    }
  }
  // Two JSON texts side by side: each ends where it must, so no two inputs
  // share a key. One native call each (the key is built per evaluation).
  return `${JSON.stringify(targets ?? null)}${
    clustersAnnotation === undefined ? '' : JSON.stringify(clustersAnnotation)
  }`;
}

/**
 * Whether a lookup asks for what the last one did: the same targets object
 * holding the same own entries (text or numbers, in the same order) and the
 * same clusters annotation. The backend and the CLI evaluate thousands of
 * components in a row with one targets object: this spares each of them
 * the key's JSON text.
 */
function sameAsLast(
  last: LastSetting,
  targets: Record<string, unknown> | undefined,
  clustersAnnotation: string | undefined,
): boolean {
  if (
    last.targets !== targets ||
    last.clustersAnnotation !== clustersAnnotation
  ) {
    return false;
  }
  if (targets === undefined || targets === null) return true;
  const keys = Object.keys(targets);
  if (keys.length !== last.keys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== last.keys[i] || targets[keys[i]] !== last.values[i]) {
      return false;
    }
  }
  return true;
}

function lastSetting(
  targets: Record<string, unknown> | undefined,
  clustersAnnotation: string | undefined,
  setting: EvaluationSetting,
): LastSetting {
  const keys =
    targets === undefined || targets === null ? [] : Object.keys(targets);
  return {
    targets,
    keys,
    values: keys.map(key => targets![key]),
    clustersAnnotation,
    setting,
  };
}

function newSetting(
  known: ConfigSetting,
  targets: Record<string, unknown> | undefined,
  clustersAnnotation: string | undefined,
): EvaluationSetting {
  const { config, index } = known;
  const placement = componentClusters(clustersAnnotation, config.clusters);
  const versions = planVersions(
    validateTargets(targets, config.apiPolicy.extraDeprecations),
    placement.clusters,
    config.apiPolicy.targets,
  );
  const planned = Object.fromEntries(
    versions.targets.map(t => [t.component, t.version]),
  );
  return {
    config,
    index,
    profiles: known.profiles,
    clusters: placement.clusters,
    clusterFindings: placement.findings,
    versions,
    targets: planned,
    capabilities: targetCapabilities(planned, index),
  };
}

/**
 * The setting of an evaluation: the config with its defaults, the knowledge
 * index, the mode profiles, the component's clusters (from its
 * `runtime-mode.dev/clusters` annotation), today's and the planned versions,
 * and what templates see at the planned versions. Shared by evaluations with
 * the same config object, target options and clusters annotation: callers
 * read it, never change it (findings are copied before they are returned).
 * Throws RuntimeModeTargetError on a malformed or unknown target.
 * @internal
 */
export function evaluationSetting(
  rawConfig: Partial<RuntimeModeConfig> | undefined,
  targets: Record<string, unknown> | undefined,
  clustersAnnotation: string | undefined,
): EvaluationSetting {
  const known = configSetting(rawConfig);
  if (known.last && sameAsLast(known.last, targets, clustersAnnotation)) {
    return known.last.setting;
  }
  const key = settingKey(targets, clustersAnnotation);
  if (key === undefined) return newSetting(known, targets, clustersAnnotation);
  let setting = known.settings.get(key);
  if (!setting) {
    setting = newSetting(known, targets, clustersAnnotation);
    if (known.settings.size >= MAX_SETTINGS_PER_CONFIG) {
      known.settings.delete(known.settings.keys().next().value!);
    }
    known.settings.set(key, setting);
  }
  // Only settings that have a key are kept: the others hold values (not
  // text or numbers) that validation must see every time.
  known.last = lastSetting(targets, clustersAnnotation, setting);
  return setting;
}
