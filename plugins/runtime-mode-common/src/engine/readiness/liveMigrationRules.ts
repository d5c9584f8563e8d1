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

import type { Finding, Severity } from '../../types';
import { isKubevirtVm } from '../decideMode';
import { makeFinding, objectEvidence, objectLabel } from '../findings';
import type { ManifestObject } from '../readManifests';
import type { ReadinessContext } from './context';
import {
  get,
  isRecord,
  list,
  vmiAnnotationsOf,
  vmiSpecOf,
} from './objectPaths';

const LIVE_MIGRATING = new Set(['LiveMigrate', 'LiveMigrateIfPossible']);
const ALLOW_BRIDGE = 'kubevirt.io/allow-pod-bridge-network-live-migration';

/** Finds a key anywhere under a value (bounded: manifests are depth-limited). */
function findKey(value: unknown, key: string): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) stack.push(...current);
    else if (isRecord(current)) {
      if (key in current) return true;
      stack.push(...Object.values(current));
    }
  }
  return false;
}

/** Access modes of the PVCs and DataVolumes declared in the manifests, by name. */
function declaredAccessModes(
  objects: readonly ManifestObject[],
  vm: ManifestObject,
): Map<string, string[] | undefined> {
  const modes = new Map<string, string[] | undefined>();
  const read = (spec: unknown): string[] | undefined => {
    const fromPvc =
      get(spec, 'pvc', 'accessModes') ??
      get(spec, 'storage', 'accessModes') ??
      get(spec, 'accessModes');
    return Array.isArray(fromPvc) ? fromPvc.map(String) : undefined;
  };
  for (const object of objects) {
    if (!object.name) continue;
    if (object.kind === 'PersistentVolumeClaim')
      modes.set(object.name, read(get(object.body, 'spec')));
    if (object.kind === 'DataVolume')
      modes.set(object.name, read(get(object.body, 'spec')));
  }
  for (const template of list(get(vm.body, 'spec', 'dataVolumeTemplates'))) {
    const name = get(template, 'metadata', 'name');
    if (typeof name === 'string') modes.set(name, read(get(template, 'spec')));
  }
  return modes;
}

/**
 * KubeVirt live-migration blockers (api-policy-research §4: the conditions
 * under which a VMI is not LiveMigratable), evictionStrategy, and the
 * `liveMigrate` field that does not exist. A blocker is critical when the VM
 * asks to live-migrate (a drain then cannot evict it), else a warning.
 * @internal
 */
export function checkLiveMigration(context: ReadinessContext): Finding[] {
  const findings: Finding[] = [];
  for (const vm of context.objects) {
    if (!vm.rendered || !isKubevirtVm(vm)) continue;
    const spec = vmiSpecOf(vm);
    if (!spec) continue;
    const eviction = spec.evictionStrategy;
    const wantsLiveMigration =
      typeof eviction === 'string' && LIVE_MIGRATING.has(eviction);
    const blocker: Severity =
      eviction === 'LiveMigrate' ? 'critical' : 'warning';

    if (findKey(vm.body, 'liveMigrate')) {
      findings.push(
        makeFinding(
          'live-migration-unknown-field',
          'warning',
          `${objectLabel(
            vm,
          )} sets liveMigrate, which is not a KubeVirt field: the API server prunes it and the VM is not made live-migratable.`,
          {
            ...objectEvidence(vm),
            remediation:
              'Remove liveMigrate; set spec.template.spec.evictionStrategy: LiveMigrate, and tune migrations (bandwidthPerMigration, completionTimeoutPerGiB, ...) in a migrations.kubevirt.io/v1alpha1 MigrationPolicy.',
          },
        ),
      );
    }
    if (!wantsLiveMigration) {
      findings.push(
        makeFinding(
          'live-migration-eviction-strategy',
          eviction === 'External' ? 'info' : 'warning',
          eviction === 'External'
            ? `${objectLabel(
                vm,
              )} has evictionStrategy External: an external controller (e.g. Cluster API Provider KubeVirt) must handle node drains.`
            : `${objectLabel(vm)} has ${
                eviction
                  ? `evictionStrategy ${String(eviction)}`
                  : 'no evictionStrategy (the cluster default is None)'
              }: a node drain shuts the VM down instead of live-migrating it.`,
          {
            ...objectEvidence(vm),
            remediation:
              'Set spec.template.spec.evictionStrategy: LiveMigrate (or LiveMigrateIfPossible).',
          },
        ),
      );
    }

    // Volumes: PVCs and DataVolumes must be ReadWriteMany; hostDisk must be shared.
    const accessModes = declaredAccessModes(context.objects, vm);
    for (const volume of list(spec.volumes)) {
      if (!isRecord(volume)) continue;
      const volumeName = String(volume.name ?? '');
      const claim =
        (get(volume, 'persistentVolumeClaim', 'claimName') as
          | string
          | undefined) ??
        (get(volume, 'dataVolume', 'name') as string | undefined);
      if (typeof claim === 'string') {
        const modes = accessModes.get(claim);
        if (modes && !modes.includes('ReadWriteMany')) {
          findings.push(
            makeFinding(
              'live-migration-volume-access-mode',
              blocker,
              `${objectLabel(
                vm,
              )} volume "${volumeName}" uses ${claim} with access modes ${modes.join(
                ', ',
              )}: not ReadWriteMany, so the VMI is not live-migratable (DisksNotLiveMigratable).`,
              {
                ...objectEvidence(vm),
                remediation: `Give ${claim} accessModes [ReadWriteMany] on a storage class that supports RWX (e.g. Ceph RBD block, NFS).`,
              },
            ),
          );
        }
      }
      if (isRecord(volume.hostDisk) && volume.hostDisk.shared !== true) {
        findings.push(
          makeFinding(
            'live-migration-host-disk',
            blocker,
            `${objectLabel(
              vm,
            )} volume "${volumeName}" is a hostDisk without shared: true: the disk lives on one node and blocks live migration.`,
            {
              ...objectEvidence(vm),
              remediation:
                'Use a ReadWriteMany PVC, or mark the hostDisk shared: true if it is on shared storage.',
            },
          ),
        );
      }
    }

    // Pod-network interface with bridge binding.
    const podNetworks = new Set(
      list(spec.networks)
        .filter(n => isRecord(n) && isRecord(n.pod))
        .map(n => String((n as Record<string, unknown>).name ?? '')),
    );
    const annotations = vmiAnnotationsOf(vm);
    for (const iface of list(get(spec, 'domain', 'devices', 'interfaces'))) {
      if (!isRecord(iface) || !('bridge' in iface)) continue;
      if (!podNetworks.has(String(iface.name ?? ''))) continue;
      if (annotations[ALLOW_BRIDGE] !== undefined) continue;
      findings.push(
        makeFinding(
          'live-migration-pod-network-bridge',
          blocker,
          `${objectLabel(vm)} interface "${String(
            iface.name,
          )}" uses bridge binding on the pod network: the VMI is not live-migratable (InterfaceNotLiveMigratable).`,
          {
            ...objectEvidence(vm),
            remediation: `Use masquerade: {} on the pod network (or passt), or set the ${ALLOW_BRIDGE} annotation on the VMI if the network allows it.`,
          },
        ),
      );
    }

    // Host devices and GPUs.
    const hostDevices = list(get(spec, 'domain', 'devices', 'hostDevices'));
    const gpus = list(get(spec, 'domain', 'devices', 'gpus'));
    if (hostDevices.length > 0 || gpus.length > 1) {
      findings.push(
        makeFinding(
          'live-migration-host-devices',
          blocker,
          `${objectLabel(vm)} has ${
            hostDevices.length > 0
              ? `${hostDevices.length} hostDevice(s)`
              : `${gpus.length} GPUs`
          }: passthrough devices make the VMI not live-migratable (HostDeviceNotLiveMigratable).`,
          {
            ...objectEvidence(vm),
            remediation:
              'Plan downtime for maintenance, or use mediated vGPUs with the VGPULiveMigration feature gate.',
          },
        ),
      );
    } else if (gpus.length === 1) {
      findings.push(
        makeFinding(
          'live-migration-host-devices',
          'warning',
          `${objectLabel(
            vm,
          )} has a GPU: it is live-migratable only as a mediated vGPU with the VGPULiveMigration feature gate enabled.`,
          {
            ...objectEvidence(vm),
            remediation:
              'Enable the VGPULiveMigration feature gate and use an mdev-backed vGPU, or plan downtime.',
          },
        ),
      );
    }
  }
  return findings;
}
