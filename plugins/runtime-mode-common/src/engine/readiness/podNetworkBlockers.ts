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

import type { ManifestObject } from '../readManifests';
import type { KubevirtDefaults } from './kubevirtDefaults';
import { UPSTREAM_DEFAULTS } from './kubevirtDefaults';
import type { MigrationBlocker } from './migrationBlocker';
import { targetBefore } from './migrationBlocker';
import { get, isRecord, list, vmiAnnotationsOf } from './objectPaths';

const ALLOW_BRIDGE = 'kubevirt.io/allow-pod-bridge-network-live-migration';
const REASON = 'InterfaceNotLiveMigratable';
// The core passtBinding interface exists from KubeVirt v1.8.0 (schema.go
// InterfacePasstBinding); before, passt was a binding plugin.
const PASST_BINDING_SINCE = 'v1.8.0';
const MASQUERADE = 'Use masquerade: {} on the pod network interface.';

/** What the pod network should use instead, for the target. */
function migratableBindings(kubevirtTarget: string | undefined): string {
  return targetBefore(kubevirtTarget, PASST_BINDING_SINCE) === false
    ? 'Use masquerade: {} (or passtBinding: {}, which needs the PasstBinding feature gate before KubeVirt v1.9.0) on the pod network interface.'
    : MASQUERADE;
}

/** The interface of an implicit pod network, from the cluster defaults. */
function implicitInterface(
  defaults: readonly KubevirtDefaults[],
): MigrationBlocker[] {
  const bridged = defaults.filter(d => d.defaultNetworkInterface === 'bridge');
  const unstated = defaults.filter(d => !d.defaultNetworkInterface);
  const remediation = `Declare the pod network and its interface with masquerade: {} (networks: [{name: default, pod: {}}], interfaces: [{name: default, masquerade: {}}]).`;
  if (bridged.length > 0) {
    return [
      {
        ruleId: 'live-migration-pod-network-default',
        reason: REASON,
        what: `declares no interface, so it gets the pod network with the default binding of ${bridged
          .map(d => d.source)
          .join(', ')}, which is bridge`,
        remediation,
        certainty: 'known',
      },
    ];
  }
  if (unstated.length > 0) {
    return [
      {
        ruleId: 'live-migration-pod-network-default',
        reason: REASON,
        what: `declares no interface, so its pod network binding depends on the cluster default (defaultNetworkInterface of the KubeVirt CR, ${
          UPSTREAM_DEFAULTS.defaultNetworkInterface
        } in upstream KubeVirt), which ${unstated
          .map(d => d.source)
          .join(', ')} does not state; with bridge it cannot live-migrate`,
        remediation: `${remediation} Or state defaultNetworkInterface for the cluster in runtimeMode.clusters.`,
        certainty: 'depends',
      },
    ];
  }
  return [];
}

/** A binding plugin: migratable only when the KubeVirt CR registers it with migration. */
function pluginBinding(
  name: string,
  ifaceName: string,
  defaults: readonly KubevirtDefaults[],
  kubevirtTarget: string | undefined,
): MigrationBlocker[] {
  // A known registry without the plugin does not register it at all.
  const registered = defaults.map(d =>
    d.bindings ? d.bindings.get(name) ?? false : undefined,
  );
  if (registered.every(r => r === true)) return [];
  const known = registered.every(r => r !== undefined);
  return [
    {
      ruleId: 'live-migration-pod-network-binding',
      reason: REASON,
      what: known
        ? `interface "${ifaceName}" uses the network binding plugin "${name}" on the pod network, which the KubeVirt CR does not register with migration support`
        : `interface "${ifaceName}" uses the network binding plugin "${name}" on the pod network: it live-migrates only if the KubeVirt CR registers it with migration support (spec.configuration.network.binding.${name}.migration), which the manifests do not show`,
      remediation: `${migratableBindings(
        kubevirtTarget,
      )} Or register the plugin with migration: {} in the KubeVirt CR, if it supports it.`,
      certainty: known ? 'known' : 'depends',
    },
  ];
}

/**
 * The pod-network reasons for InterfaceNotLiveMigratable, as virt-handler's
 * `VerifyVMIMigratable` (pkg/network/vmispec/interface.go) decides them: the
 * pod network's interface must use masquerade, passtBinding, bridge with the
 * allow annotation, or a binding plugin registered with migration support.
 * A VMI that declares neither interfaces nor networks gets the cluster's
 * default interface (`SetDefaultNetworkInterface`).
 * @internal
 */
export function podNetworkBlockers(
  vm: ManifestObject,
  spec: Record<string, unknown>,
  defaults: readonly KubevirtDefaults[],
  kubevirtTarget: string | undefined,
): MigrationBlocker[] {
  const interfaces = list(get(spec, 'domain', 'devices', 'interfaces')).filter(
    isRecord,
  );
  const networks = list(spec.networks).filter(isRecord);
  if (interfaces.length === 0 && networks.length === 0) {
    const autoattach = get(spec, 'domain', 'devices', 'autoattachPodInterface');
    return autoattach === false ? [] : implicitInterface(defaults);
  }
  if (interfaces.length === 0) return [];
  const podNetwork = networks.find(n => isRecord(n.pod));
  if (!podNetwork) return [];
  const name = String(podNetwork.name ?? '');
  const iface = interfaces.find(i => String(i.name ?? '') === name);
  if (!iface) {
    return [
      {
        ruleId: 'live-migration-pod-network-binding',
        reason: REASON,
        what: `has the pod network "${name}" but no interface of that name`,
        certainty: 'known',
      },
    ];
  }
  if ('masquerade' in iface || 'passtBinding' in iface) return [];
  if ('bridge' in iface) {
    // The VMI's annotations are read only here: most interfaces are not bridged.
    if (vmiAnnotationsOf(vm)[ALLOW_BRIDGE] !== undefined) return [];
    return [
      {
        ruleId: 'live-migration-pod-network-bridge',
        reason: REASON,
        what: `interface "${name}" uses bridge binding on the pod network`,
        remediation: `${migratableBindings(
          kubevirtTarget,
        )} Or set the ${ALLOW_BRIDGE} annotation on the VMI, after checking in the KubeVirt network docs what bridge migration costs the guest.`,
        certainty: 'known',
      },
    ];
  }
  const plugin = get(iface, 'binding', 'name');
  if (typeof plugin === 'string') {
    return pluginBinding(plugin, name, defaults, kubevirtTarget);
  }
  const binding =
    Object.keys(iface).find(key =>
      ['sriov', 'slirp', 'macvtap', 'passt'].includes(key),
    ) ?? 'an unknown binding';
  return [
    {
      ruleId: 'live-migration-pod-network-binding',
      reason: REASON,
      what: `interface "${name}" uses ${binding} on the pod network, which live migration does not accept`,
      remediation: migratableBindings(kubevirtTarget),
      certainty: 'known',
    },
  ];
}
