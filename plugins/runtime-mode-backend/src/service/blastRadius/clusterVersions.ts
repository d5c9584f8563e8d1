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
  BlastRadius,
  ClusterConfig,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * A cluster's version of a knowledge-base component, as the engine reads it:
 * `kubernetesVersion` and `kubevirtVersion` win over the same component in
 * `versions` (whose keys the config reader has already normalised).
 */
export function clusterVersionOf(
  cluster: ClusterConfig,
  component: string,
): string | null {
  if (component === 'k8s' && cluster.kubernetesVersion) {
    return cluster.kubernetesVersion;
  }
  if (component === 'kubevirt' && cluster.kubevirtVersion) {
    return cluster.kubevirtVersion;
  }
  return cluster.versions?.[component] ?? null;
}

/** Each configured cluster with the version of the component it runs today. */
export function clusterVersions(
  clusters: readonly ClusterConfig[],
  component: string,
): NonNullable<BlastRadius['clusters']> {
  return clusters.map(cluster => ({
    name: cluster.name,
    mode: cluster.mode,
    version: clusterVersionOf(cluster, component),
  }));
}
