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
import { makeFinding, objectEvidence, objectLabel } from '../findings';
import type { ManifestObject } from '../readManifests';
import type { ReadinessContext, RuleFamilyOutcome } from './context';
import { KubevirtDefaults, kubevirtDefaultsOf } from './kubevirtDefaults';
import type { MigrationBlocker } from './migrationBlocker';
import { isRecord, vmiSpecOf } from './objectPaths';
import { podNetworkBlockers } from './podNetworkBlockers';
import {
  hostDeviceBlockers,
  hypervPassthroughBlockers,
  launchSecurityBlockers,
  persistentReservationBlockers,
  tscFrequencyBlockers,
  virtiofsBlockers,
} from './vmiBlockers';
import { volumeBlockers } from './volumeBlockers';

const LIVE_MIGRATING = new Set(['LiveMigrate', 'LiveMigrateIfPossible']);

/** The rules applied to every KubeVirt VM: its drain behaviour and every blocker. */
const LIVE_MIGRATION_RULES = [
  'live-migration-eviction-strategy',
  'live-migration-unknown-field',
  'live-migration-volume-access-mode',
  'live-migration-host-disk',
  'live-migration-pod-network-bridge',
  'live-migration-pod-network-default',
  'live-migration-pod-network-binding',
  'live-migration-host-devices',
  'live-migration-launch-security',
  'live-migration-persistent-reservation',
  'live-migration-hyperv-passthrough',
  'live-migration-tsc-frequency',
  'live-migration-virtiofs',
];

/**
 * The eviction strategy a VMI ends up with (`migrations.VMIEvictionStrategy`:
 * its own, else the KubeVirt CR's): one per cluster it may run on, undefined
 * where nobody stated the cluster default.
 */
interface Eviction {
  own?: string;
  defaults: readonly KubevirtDefaults[];
  strategies: ReadonlyArray<string | undefined>;
}

function evictionOf(
  spec: Record<string, unknown>,
  defaults: readonly KubevirtDefaults[],
): Eviction {
  const own =
    typeof spec.evictionStrategy === 'string'
      ? spec.evictionStrategy
      : undefined;
  return {
    own,
    defaults,
    strategies: own ? [own] : defaults.map(d => d.evictionStrategy),
  };
}

/**
 * LiveMigrate turns a blocker into a blocked drain (the eviction webhook
 * refuses a VMI that cannot migrate): critical. Otherwise a warning; a
 * blocker that depends on something nobody stated is never critical.
 */
function blockerSeverity(
  blocker: MigrationBlocker,
  eviction: Eviction,
): Severity {
  const mayLiveMigrate = eviction.strategies.some(
    s => s === undefined || LIVE_MIGRATING.has(s),
  );
  let severity: Severity;
  if (blocker.certainty === 'depends') {
    severity = mayLiveMigrate ? 'warning' : 'info';
  } else {
    severity = eviction.strategies.includes('LiveMigrate')
      ? 'critical'
      : 'warning';
  }
  if (blocker.maxSeverity === 'info') return 'info';
  if (blocker.maxSeverity === 'warning' && severity === 'critical') {
    return 'warning';
  }
  return severity;
}

/** What the blocker does to a node drain, for the message. */
function drainConsequence(severity: Severity, eviction: Eviction): string {
  if (severity === 'critical') {
    const from = eviction.own
      ? ''
      : ` (the default of ${eviction.defaults
          .filter(d => d.evictionStrategy === 'LiveMigrate')
          .map(d => d.source)
          .join(', ')})`;
    return ` Its evictionStrategy is LiveMigrate${from}, so a node drain cannot evict it.`;
  }
  if (eviction.strategies.includes(undefined)) {
    return ' A node drain is blocked if the cluster default evictionStrategy is LiveMigrate.';
  }
  if (eviction.strategies.includes('LiveMigrate')) {
    return ' Where it cannot migrate, its evictionStrategy LiveMigrate blocks node drains.';
  }
  return '';
}

function blockerFinding(
  vm: ManifestObject,
  blocker: MigrationBlocker,
  eviction: Eviction,
): Finding {
  const severity = blockerSeverity(blocker, eviction);
  const verdict =
    blocker.certainty === 'known'
      ? `: the VMI is not live-migratable (${blocker.reason}).`
      : ` (${blocker.reason}).`;
  return makeFinding(
    blocker.ruleId,
    severity,
    `${objectLabel(vm)} ${blocker.what}${verdict}${drainConsequence(
      severity,
      eviction,
    )}`,
    blockerEvidence(vm, blocker),
  );
}

/** The VM's evidence, with the blocker's own remediation when it has one. */
function blockerEvidence(
  vm: ManifestObject,
  blocker: MigrationBlocker,
): Partial<Finding> {
  // Set, not spread in: a second spread in a literal is a slow copy.
  const evidence: Partial<Finding> = objectEvidence(vm);
  if (blocker.remediation) evidence.remediation = blocker.remediation;
  return evidence;
}

/** The VM's drain behaviour when it does not ask to live-migrate. */
function evictionFinding(
  vm: ManifestObject,
  eviction: Eviction,
): Finding | undefined {
  const label = objectLabel(vm);
  const where = objectEvidence(vm);
  const external =
    'Nothing to do if a controller such as Cluster API Provider KubeVirt handles the drains; otherwise set spec.template.spec.evictionStrategy: LiveMigrate.';
  if (eviction.own) {
    if (LIVE_MIGRATING.has(eviction.own)) return undefined;
    if (eviction.own === 'External') {
      return makeFinding(
        'live-migration-eviction-strategy',
        'info',
        `${label} has evictionStrategy External: an external controller (e.g. Cluster API Provider KubeVirt) must handle node drains.`,
        { ...where, remediation: external },
      );
    }
    return makeFinding(
      'live-migration-eviction-strategy',
      'warning',
      `${label} has evictionStrategy ${eviction.own}: a node drain shuts the VM down instead of live-migrating it.`,
      where,
    );
  }
  const unstated = eviction.defaults.filter(d => !d.evictionStrategy);
  if (unstated.length > 0) {
    return makeFinding(
      'live-migration-eviction-strategy',
      'warning',
      `${label} sets no evictionStrategy, so it inherits the KubeVirt CR default of ${unstated
        .map(d => d.source)
        .join(
          ', ',
        )}, which is not stated (None in upstream KubeVirt; LiveMigrate under HCO/OpenShift Virtualization on clusters with more than one worker): whether a node drain live-migrates the VM or shuts it down is not known.`,
      where,
    );
  }
  const none = eviction.defaults.filter(
    d => d.evictionStrategy && !LIVE_MIGRATING.has(d.evictionStrategy),
  );
  if (none.length === 0) return undefined;
  const onlyExternal = none.every(d => d.evictionStrategy === 'External');
  return makeFinding(
    'live-migration-eviction-strategy',
    onlyExternal ? 'info' : 'warning',
    `${label} sets no evictionStrategy and inherits ${none
      .map(d => `${d.evictionStrategy} from ${d.source}`)
      .join(', ')}: ${
      onlyExternal
        ? 'an external controller must handle node drains.'
        : 'a node drain shuts the VM down instead of live-migrating it.'
    }`,
    onlyExternal ? { ...where, remediation: external } : where,
  );
}

/** Whether a value can hold fields: scalars are not pushed on the walk. */
function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/**
 * Anywhere in the VM: the seed's `liveMigrate`, which KubeVirt does not have.
 * Children are pushed one by one (no spread, no Object.values copies), and
 * only collections: this walks every VM's whole body, and most of its
 * values are scalars.
 */
function hasKey(value: unknown, key: string): boolean {
  const stack: object[] = isCollection(value) ? [value] : [];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) {
        const child: unknown = current[i];
        if (isCollection(child)) stack.push(child);
      }
    } else if (isRecord(current)) {
      if (key in current) return true;
      for (const name in current) {
        // Own fields only, as Object.values gave them.
        if (Object.prototype.hasOwnProperty.call(current, name)) {
          const child = current[name];
          if (isCollection(child)) stack.push(child);
        }
      }
    }
  }
  return false;
}

/** Every reason KubeVirt would set LiveMigratable=False that the manifest shows. */
function blockersOf(
  vm: ManifestObject,
  spec: Record<string, unknown>,
  context: ReadinessContext,
  defaults: readonly KubevirtDefaults[],
): MigrationBlocker[] {
  const kubevirtTarget = context.targets.kubevirt;
  return concatBlockers([
    volumeBlockers(vm, spec, context.objects),
    podNetworkBlockers(vm, spec, defaults, kubevirtTarget),
    hostDeviceBlockers(spec, kubevirtTarget),
    launchSecurityBlockers(spec),
    persistentReservationBlockers(spec, kubevirtTarget),
    hypervPassthroughBlockers(spec),
    tscFrequencyBlockers(spec),
    virtiofsBlockers(spec, kubevirtTarget),
  ]);
}

/**
 * The lists as one, in order. Plain pushes: the lists are nearly always
 * empty, and a spread makes an iterator for each of them.
 */
function concatBlockers(
  lists: ReadonlyArray<readonly MigrationBlocker[]>,
): MigrationBlocker[] {
  const all: MigrationBlocker[] = [];
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l];
    for (let i = 0; i < list.length; i++) all.push(list[i]);
  }
  return all;
}

/**
 * KubeVirt live migration as KubeVirt decides it: every reason for
 * `LiveMigratable=False` that a manifest shows (virt-handler's
 * `calculateLiveMigrationCondition`; see docs/engine.md), rated critical when
 * the effective eviction strategy is LiveMigrate (a drain then cannot evict
 * the VM) and a warning otherwise; the eviction strategy itself, from the VM
 * or the cluster default; and the `liveMigrate` field that does not exist.
 * @internal
 */
export function checkLiveMigration(
  context: ReadinessContext,
): RuleFamilyOutcome {
  const findings: Finding[] = [];
  // Worked out at the first VM: most components have none.
  let defaults: KubevirtDefaults[] | undefined;
  let judged = false;
  const vms = context.vms;
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i];
    if (!vm.rendered) continue;
    const spec = vmiSpecOf(vm);
    if (!spec) continue;
    judged = true;
    defaults ??= kubevirtDefaultsOf(context);
    const eviction = evictionOf(spec, defaults);
    if (hasKey(vm.body, 'liveMigrate')) {
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
    const drain = evictionFinding(vm, eviction);
    if (drain) findings.push(drain);
    const blockers = blockersOf(vm, spec, context, defaults);
    for (let b = 0; b < blockers.length; b++) {
      findings.push(blockerFinding(vm, blockers[b], eviction));
    }
  }
  return { findings, evaluated: judged ? LIVE_MIGRATION_RULES : [] };
}
