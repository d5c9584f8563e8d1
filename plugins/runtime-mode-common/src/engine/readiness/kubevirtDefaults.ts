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

import { isInApiGroup } from '../apiGroups';
import type { ManifestObject } from '../readManifests';
import type { ReadinessContext } from './context';
import { get, isRecord } from './objectPaths';

/**
 * Upstream KubeVirt's defaults when the KubeVirt CR does not set them
 * (pkg/virt-config/configuration.go, virt-config.go DefaultNetworkInterface).
 * @internal
 */
export const UPSTREAM_DEFAULTS = {
  evictionStrategy: 'None',
  defaultNetworkInterface: 'bridge',
} as const;

/**
 * What a VMI inherits from the KubeVirt CR of the cluster it runs on:
 * `spec.configuration.evictionStrategy`, `.network.defaultNetworkInterface`
 * and the network binding plugins registered in `.network.binding`.
 * Undefined means nobody stated it.
 * @internal
 */
export interface KubevirtDefaults {
  /** Where the values come from, for messages: `cluster kv-prod-01`. */
  source: string;
  evictionStrategy?: string;
  defaultNetworkInterface?: string;
  /** Binding plugins by name → registered with migration support; undefined when unknown. */
  bindings?: ReadonlyMap<string, boolean>;
}

function fromKubevirtCr(cr: ManifestObject): KubevirtDefaults {
  const configuration = get(cr.body, 'spec', 'configuration');
  const eviction = get(configuration, 'evictionStrategy');
  const iface = get(configuration, 'network', 'defaultNetworkInterface');
  const binding = get(configuration, 'network', 'binding');
  const bindings = new Map<string, boolean>();
  if (isRecord(binding)) {
    for (const [name, plugin] of Object.entries(binding)) {
      bindings.set(name, get(plugin, 'migration') !== undefined);
    }
  }
  // A CR is the whole truth: what it leaves out is the upstream default.
  return {
    source: `KubeVirt CR${cr.name ? ` "${cr.name}"` : ''}`,
    evictionStrategy:
      typeof eviction === 'string'
        ? eviction
        : UPSTREAM_DEFAULTS.evictionStrategy,
    defaultNetworkInterface:
      typeof iface === 'string'
        ? iface
        : UPSTREAM_DEFAULTS.defaultNetworkInterface,
    bindings,
  };
}

/**
 * The KubeVirt defaults that apply to the component's VMs: from a KubeVirt CR
 * shipped with the manifests, else from each of the component's KubeVirt
 * clusters in config (`evictionStrategy`, `defaultNetworkInterface`), else
 * one entry that states nothing.
 * @internal
 */
export function kubevirtDefaultsOf(
  context: ReadinessContext,
): KubevirtDefaults[] {
  const cr = context.objects.find(
    o =>
      o.rendered &&
      o.kind === 'KubeVirt' &&
      isInApiGroup(o.apiVersion, 'kubevirt.io'),
  );
  if (cr) return [fromKubevirtCr(cr)];
  const clusters = context.clusters.filter(
    c => c.mode === 'container-virtualization',
  );
  if (clusters.length === 0) return [{ source: 'the cluster' }];
  return clusters.map(cluster => ({
    source: `cluster ${cluster.name}`,
    evictionStrategy: cluster.evictionStrategy,
    defaultNetworkInterface: cluster.defaultNetworkInterface,
  }));
}
