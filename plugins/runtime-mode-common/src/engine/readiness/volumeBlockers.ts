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
import type { MigrationBlocker } from './migrationBlocker';
import { get, isRecord, list } from './objectPaths';

/** Access modes of the PVCs and DataVolumes declared in the manifests, by name. */
function declaredAccessModes(
  objects: readonly ManifestObject[],
  vm: ManifestObject,
): Map<string, string[] | undefined> {
  const modes = new Map<string, string[] | undefined>();
  const read = (spec: unknown): string[] | undefined => {
    const declared =
      get(spec, 'pvc', 'accessModes') ??
      get(spec, 'storage', 'accessModes') ??
      get(spec, 'accessModes');
    return Array.isArray(declared) ? declared.map(String) : undefined;
  };
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    if (!object.name) continue;
    if (
      object.kind === 'PersistentVolumeClaim' ||
      object.kind === 'DataVolume'
    ) {
      modes.set(object.name, read(get(object.body, 'spec')));
    }
  }
  // Indexed loops: a for...of site that also sees list()'s empty arrays is
  // not optimised (see docs/engine.md, Performance).
  const templates = list(get(vm.body, 'spec', 'dataVolumeTemplates'));
  for (let i = 0; i < templates.length; i++) {
    const template = templates[i];
    const name = get(template, 'metadata', 'name');
    if (typeof name === 'string') modes.set(name, read(get(template, 'spec')));
  }
  return modes;
}

/**
 * DisksNotLiveMigratable, as virt-handler's `checkVolumesForMigration`
 * decides it: every PVC or DataVolume must be ReadWriteMany (access modes
 * read from the claims declared in the manifests), and a hostDisk must be
 * `shared: true`.
 * @internal
 */
export function volumeBlockers(
  vm: ManifestObject,
  spec: Record<string, unknown>,
  objects: readonly ManifestObject[],
): MigrationBlocker[] {
  const accessModes = declaredAccessModes(objects, vm);
  const blockers: MigrationBlocker[] = [];
  const volumes = list(spec.volumes);
  for (let i = 0; i < volumes.length; i++) {
    const volume = volumes[i];
    if (!isRecord(volume)) continue;
    const volumeName = String(volume.name ?? '');
    const claim =
      get(volume, 'persistentVolumeClaim', 'claimName') ??
      get(volume, 'dataVolume', 'name');
    const modes =
      typeof claim === 'string' ? accessModes.get(claim) : undefined;
    if (modes && !modes.includes('ReadWriteMany')) {
      blockers.push({
        ruleId: 'live-migration-volume-access-mode',
        reason: 'DisksNotLiveMigratable',
        what: `volume "${volumeName}" uses ${String(
          claim,
        )} with access modes ${modes.join(', ')}, not ReadWriteMany`,
        remediation: `Give ${String(
          claim,
        )} accessModes [ReadWriteMany] on a storage class that supports RWX (e.g. Ceph RBD block, NFS).`,
        certainty: 'known',
      });
    }
    if (isRecord(volume.hostDisk) && volume.hostDisk.shared !== true) {
      blockers.push({
        ruleId: 'live-migration-host-disk',
        reason: 'DisksNotLiveMigratable',
        what: `volume "${volumeName}" is a hostDisk without shared: true, on one node's disk`,
        certainty: 'known',
      });
    }
  }
  return blockers;
}
