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

import { normalizeComponent } from '../knowledgeBase/knowledgeIndex';
import type { ClusterConfig, ComponentVersions, TargetVersion } from '../types';
import { compareVersions } from './versions';

/** Versions per knowledge-base component, today and at the planned upgrade. @internal */
export interface VersionPlan {
  /** The highest version the component's clusters run today, per component. */
  current: Record<string, string>;
  /** What the objects are judged at: the plan, never below today's version. */
  targets: TargetVersion[];
}

// Plain code-unit order: stable across locales.
function byComponent(a: { component: string }, b: { component: string }) {
  if (a.component === b.component) return 0;
  return a.component < b.component ? -1 : 1;
}

function versionsOf(cluster: ClusterConfig): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const [component, version] of Object.entries(cluster.versions ?? {})) {
    versions[normalizeComponent(component)] = version;
  }
  if (cluster.kubernetesVersion) versions.k8s = cluster.kubernetesVersion;
  if (cluster.kubevirtVersion) versions.kubevirt = cluster.kubevirtVersion;
  return versions;
}

/** The highest version per component over the clusters: an API removed on any of them is broken now. */
function currentVersions(
  clusters: readonly ClusterConfig[],
): Record<string, string> {
  const current: Record<string, string> = {};
  for (const cluster of clusters) {
    for (const [component, version] of Object.entries(versionsOf(cluster))) {
      const known = current[component];
      if (known === undefined || compareVersions(version, known) > 0) {
        current[component] = version;
      }
    }
  }
  return current;
}

/** Planned versions: options (CLI, what-if) win over apiPolicy.targets. */
function plannedVersions(
  optionTargets: Record<string, string>,
  configTargets: Record<string, string>,
): Map<string, TargetVersion> {
  const planned = new Map<string, TargetVersion>();
  for (const [component, version] of Object.entries(configTargets)) {
    const id = normalizeComponent(component);
    planned.set(id, { component: id, version, source: 'config' });
  }
  for (const [component, version] of Object.entries(optionTargets)) {
    planned.set(component, { component, version, source: 'option' });
  }
  return planned;
}

/**
 * Today's versions (the component's clusters) and the versions it is judged
 * at: the planned target (options, else apiPolicy.targets), never below
 * today's version (a cluster already past the plan is judged at its own
 * version), and today's version where nothing is planned.
 * @internal
 */
export function planVersions(
  optionTargets: Record<string, string>,
  clusters: readonly ClusterConfig[],
  configTargets: Record<string, string>,
): VersionPlan {
  const current = currentVersions(clusters);
  const targets = plannedVersions(optionTargets, configTargets);
  for (const [component, version] of Object.entries(current)) {
    const planned = targets.get(component);
    if (!planned || compareVersions(version, planned.version) > 0) {
      targets.set(component, { component, version, source: 'cluster' });
    }
  }
  return { current, targets: [...targets.values()].sort(byComponent) };
}

/** Today's and the judged version of each component the objects belong to. @internal */
export function versionsFor(
  components: readonly string[],
  plan: VersionPlan,
): ComponentVersions[] {
  return components.map(component => ({
    component,
    current: plan.current[component] ?? null,
    planned:
      plan.targets.find(target => target.component === component)?.version ??
      null,
  }));
}
