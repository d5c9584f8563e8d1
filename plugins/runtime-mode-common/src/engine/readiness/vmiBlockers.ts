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

import type { MigrationBlocker } from './migrationBlocker';
import { targetBefore } from './migrationBlocker';
import { get, isRecord, list } from './objectPaths';

// Releases in which KubeVirt changed what blocks live migration; each is the
// first tag that contains the commit (see docs/engine.md).
const VGPU_LIVE_MIGRATION_SINCE = 'v1.9.0'; // 7e0e7338, 64dfea01
const PERSISTENT_RESERVATION_MIGRATES_SINCE = 'v1.9.0'; // 6e459496
const VIRTIOFS_MIGRATES_SINCE = 'v1.5.0'; // fc81e8bc

type Spec = Record<string, unknown>;

/** HostDeviceNotLiveMigratable: `vmiContainsNonMigratablePCIHostDevices`. */
export function hostDeviceBlockers(
  spec: Spec,
  kubevirtTarget: string | undefined,
): MigrationBlocker[] {
  const hostDevices = list(get(spec, 'domain', 'devices', 'hostDevices'));
  const gpus = list(get(spec, 'domain', 'devices', 'gpus'));
  if (hostDevices.length === 0 && gpus.length === 0) return [];
  const parts = [
    hostDevices.length > 0 ? `${hostDevices.length} host device(s)` : '',
    gpus.length > 0 ? `${gpus.length} GPU(s)` : '',
  ].filter(Boolean);
  // A single mediated vGPU migrates only with the alpha gate, from v1.9.0.
  const vgpuGate =
    hostDevices.length === 0 &&
    gpus.length === 1 &&
    targetBefore(kubevirtTarget, VGPU_LIVE_MIGRATION_SINCE) === false;
  return [
    {
      ruleId: 'live-migration-host-devices',
      reason: 'HostDeviceNotLiveMigratable',
      what: `passes through ${parts.join(' and ')}`,
      remediation: vgpuGate
        ? 'Plan downtime for node maintenance, or, if the GPU is a mediated vGPU (listed in permittedHostDevices.mediatedDevices), enable the alpha VGPULiveMigration feature gate (KubeVirt v1.9.0 and later), which lets a single vGPU migrate.'
        : undefined,
      certainty: 'known',
    },
  ];
}

/**
 * SEVNotLiveMigratable (SEV and SEV-SNP, `util.IsSEVVMI`),
 * TDXNotLiveMigratable (`IsTDXVMI`) and SecureExecutionNotLiveMigratable
 * (any launchSecurity on s390x, `IsSecureExecutionVMI`).
 */
export function launchSecurityBlockers(spec: Spec): MigrationBlocker[] {
  const launchSecurity = get(spec, 'domain', 'launchSecurity');
  if (!isRecord(launchSecurity)) return [];
  const blocker = (reason: string, technology: string): MigrationBlocker => ({
    ruleId: 'live-migration-launch-security',
    reason,
    what: `runs as a confidential VM (${technology}, spec.domain.launchSecurity)`,
    certainty: 'known',
  });
  if (isRecord(launchSecurity.sev) || isRecord(launchSecurity.snp)) {
    return [
      blocker(
        'SEVNotLiveMigratable',
        isRecord(launchSecurity.snp) ? 'AMD SEV-SNP' : 'AMD SEV',
      ),
    ];
  }
  if (isRecord(launchSecurity.tdx)) {
    return [blocker('TDXNotLiveMigratable', 'Intel TDX')];
  }
  if (spec.architecture === 's390x') {
    return [
      blocker('SecureExecutionNotLiveMigratable', 'IBM Secure Execution'),
    ];
  }
  return [];
}

/** PersistentReservationNotLiveMigratable: LUN disks with `reservation: true`, before v1.9.0. */
export function persistentReservationBlockers(
  spec: Spec,
  kubevirtTarget: string | undefined,
): MigrationBlocker[] {
  const reserved = list(get(spec, 'domain', 'devices', 'disks')).filter(
    disk => get(disk, 'lun', 'reservation') === true,
  );
  if (reserved.length === 0) return [];
  const before = targetBefore(
    kubevirtTarget,
    PERSISTENT_RESERVATION_MIGRATES_SINCE,
  );
  if (before === false) return [];
  const names = reserved.map(d => `"${String(get(d, 'name') ?? '?')}"`);
  return [
    {
      ruleId: 'live-migration-persistent-reservation',
      reason: 'PersistentReservationNotLiveMigratable',
      what:
        before === true
          ? `uses SCSI persistent reservation on LUN disk(s) ${names.join(
              ', ',
            )}`
          : `uses SCSI persistent reservation on LUN disk(s) ${names.join(
              ', ',
            )}, which blocks live migration before KubeVirt v1.9.0; there is no KubeVirt target to tell`,
      certainty: before === true ? 'known' : 'depends',
    },
  ];
}

/** HypervPassthroughNotLiveMigratable: `features.hypervPassthrough.enabled`. */
export function hypervPassthroughBlockers(spec: Spec): MigrationBlocker[] {
  if (
    get(spec, 'domain', 'features', 'hypervPassthrough', 'enabled') !== true
  ) {
    return [];
  }
  return [
    {
      ruleId: 'live-migration-hyperv-passthrough',
      reason: 'HypervPassthroughNotLiveMigratable',
      what: 'enables features.hypervPassthrough',
      certainty: 'known',
    },
  ];
}

/**
 * NoTSCFrequencyNotLiveMigratable: Hyper-V reenlightenment needs the TSC
 * frequency topology hint, which only nodes that expose their TSC frequency
 * give (`topology.GetTscFrequencyRequirement`). invtsc needs it to boot, and
 * then runs only on nodes of a matching frequency.
 */
export function tscFrequencyBlockers(spec: Spec): MigrationBlocker[] {
  const invtsc = list(get(spec, 'domain', 'cpu', 'features')).some(
    f =>
      get(f, 'name') === 'invtsc' &&
      ['require', 'force'].includes(String(get(f, 'policy'))),
  );
  if (invtsc) {
    return [
      {
        ruleId: 'live-migration-tsc-frequency',
        reason: 'NoTSCFrequencyNotLiveMigratable',
        what: 'requires the invtsc CPU feature: it boots only where the cluster exposes the TSC frequency, and migrates only to nodes labelled with a matching scheduling.node.kubevirt.io/tsc-frequency-*',
        certainty: 'depends',
        maxSeverity: 'info',
      },
    ];
  }
  if (
    get(spec, 'domain', 'features', 'hyperv', 'reenlightenment', 'enabled') !==
    true
  ) {
    return [];
  }
  return [
    {
      ruleId: 'live-migration-tsc-frequency',
      reason: 'NoTSCFrequencyNotLiveMigratable',
      what: 'enables Hyper-V reenlightenment: it is not live-migratable where the cluster does not expose the TSC frequency of its nodes',
      certainty: 'depends',
      maxSeverity: 'warning',
    },
  ];
}

/** VirtIOFSNotLiveMigratable: virtiofs filesystems, from v0.43.0 until v1.5.0. */
export function virtiofsBlockers(
  spec: Spec,
  kubevirtTarget: string | undefined,
): MigrationBlocker[] {
  const shared = list(get(spec, 'domain', 'devices', 'filesystems')).filter(
    fs => isRecord(get(fs, 'virtiofs')),
  );
  if (shared.length === 0) return [];
  const before = targetBefore(kubevirtTarget, VIRTIOFS_MIGRATES_SINCE);
  if (before === false) return [];
  return [
    {
      ruleId: 'live-migration-virtiofs',
      reason: 'VirtIOFSNotLiveMigratable',
      what:
        before === true
          ? `shares ${shared.length} filesystem(s) with virtiofs`
          : `shares ${shared.length} filesystem(s) with virtiofs, which blocks live migration before KubeVirt v1.5.0; there is no KubeVirt target to tell`,
      certainty: before === true ? 'known' : 'depends',
    },
  ];
}
