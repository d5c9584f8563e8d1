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

import type { ClusterConfig, Finding } from '../../types';
import { isInApiGroup } from '../apiGroups';
import { makeFinding, objectEvidence } from '../findings';
import type { ManifestObject } from '../readManifests';
import {
  NOTHING_JUDGED,
  combineOutcomes,
  type ReadinessContext,
  type RuleFamilyOutcome,
} from './context';
import { get } from './objectPaths';

/** The KubeVirt clusters the component runs on: each must have KVM. */
function judgeOwnClusters(clusters: readonly ClusterConfig[]): Finding[] {
  return clusters.flatMap(cluster => {
    if (cluster.hardwareVirtualization === false) {
      return [
        makeFinding(
          'hardware-virtualization-missing',
          'critical',
          `Cluster ${cluster.name} has no hardware virtualization (VT-x/AMD-V, /dev/kvm): VMs would only run in software emulation.`,
        ),
      ];
    }
    if (cluster.hardwareVirtualization === undefined) {
      return [
        makeFinding(
          'hardware-virtualization-unknown',
          'info',
          `Cluster ${cluster.name} does not state whether its nodes expose hardware virtualization.`,
          {
            remediation: `Set hardwareVirtualization for cluster ${cluster.name} in runtimeMode.clusters.`,
          },
        ),
      ];
    }
    return [];
  });
}

/**
 * A component moving to KubeVirt without a cluster yet: blocked only when no
 * candidate KubeVirt cluster has KVM; otherwise the ones to avoid are named.
 */
function judgeCandidateClusters(
  candidates: readonly ClusterConfig[],
): Finding[] {
  if (candidates.length === 0) return [];
  const withKvm = candidates.filter(c => c.hardwareVirtualization === true);
  const without = candidates.filter(c => c.hardwareVirtualization === false);
  const unknown = candidates.filter(
    c => c.hardwareVirtualization === undefined,
  );
  if (withKvm.length === 0 && unknown.length === 0) {
    return [
      makeFinding(
        'hardware-virtualization-missing',
        'critical',
        `No KubeVirt cluster in config has hardware virtualization (${without
          .map(c => c.name)
          .join(', ')}): VMs would only run in software emulation.`,
      ),
    ];
  }
  const findings: Finding[] = [];
  if (without.length > 0) {
    findings.push(
      makeFinding(
        'hardware-virtualization-missing',
        'info',
        `Of the KubeVirt clusters in config, ${without
          .map(c => c.name)
          .join(', ')} lack hardware virtualization.`,
        {
          remediation: `Place the component on ${
            withKvm.map(c => c.name).join(', ') || 'a cluster with /dev/kvm'
          }.`,
        },
      ),
    );
  }
  if (unknown.length > 0 && withKvm.length === 0) {
    findings.push(
      makeFinding(
        'hardware-virtualization-unknown',
        'info',
        `KubeVirt cluster(s) ${unknown
          .map(c => c.name)
          .join(
            ', ',
          )} do not state whether their nodes expose hardware virtualization.`,
      ),
    );
  }
  return findings;
}

const KVM_RULES = [
  'hardware-virtualization-missing',
  'hardware-virtualization-unknown',
];

/** The KubeVirt clusters whose nodes must expose KVM, and the rules that judge them. */
function kvmOnClusters(context: ReadinessContext): RuleFamilyOutcome {
  // No cluster of its own and no move to KubeVirt (most components): no list to make.
  if (
    context.clusters.length === 0 &&
    context.targetMode !== 'container-virtualization'
  ) {
    return NOTHING_JUDGED;
  }
  const own = context.clusters.filter(
    c => c.mode === 'container-virtualization',
  );
  if (own.length > 0) {
    return { findings: judgeOwnClusters(own), evaluated: KVM_RULES };
  }
  const candidates =
    context.targetMode === 'container-virtualization'
      ? context.allClusters.filter(c => c.mode === 'container-virtualization')
      : [];
  return candidates.length > 0
    ? { findings: judgeCandidateClusters(candidates), evaluated: KVM_RULES }
    : { findings: [], evaluated: [] };
}

/** KubeVirt VMs on clusters whose nodes are themselves VMs. */
function nestedVirtualization(context: ReadinessContext): RuleFamilyOutcome {
  if (context.clusters.length === 0) return NOTHING_JUDGED;
  const findings = context.clusters
    .filter(cluster => cluster.mode === 'virtualized-container')
    .map(cluster =>
      makeFinding(
        'hardware-nested-virtualization',
        'warning',
        `KubeVirt VMs on cluster ${cluster.name}, whose nodes are themselves VMs: needs nested virtualization (extra overhead, often unsupported).`,
      ),
    );
  return {
    findings,
    evaluated: ['hardware-nested-virtualization'],
  };
}

function isKubevirtCr(object: ManifestObject): boolean {
  return (
    object.kind === 'KubeVirt' && isInApiGroup(object.apiVersion, 'kubevirt.io')
  );
}

/** A KubeVirt CR that runs VMs without KVM acceleration. */
function softwareEmulation(context: ReadinessContext): RuleFamilyOutcome {
  // Most components ship no KubeVirt CR: no lists to make.
  if (!context.objects.some(isKubevirtCr)) return NOTHING_JUDGED;
  const crs = context.objects.filter(isKubevirtCr);
  const findings = crs
    .filter(
      cr =>
        get(
          cr.body,
          'spec',
          'configuration',
          'developerConfiguration',
          'useEmulation',
        ) === true,
    )
    .map(cr =>
      makeFinding(
        'hardware-software-emulation',
        'warning',
        'KubeVirt is configured with developerConfiguration.useEmulation: true: VMs run without KVM acceleration.',
        objectEvidence(cr),
      ),
    );
  return {
    findings,
    evaluated: crs.length > 0 ? ['hardware-software-emulation'] : [],
  };
}

/**
 * KubeVirt needs VT-x/AMD-V on the nodes. Checked on the component's
 * KubeVirt clusters, or, when it moves to container virtualization without
 * one, on every KubeVirt cluster in config (the candidates).
 * @internal
 */
export function checkHardware(context: ReadinessContext): RuleFamilyOutcome {
  const hasVms = context.vms.length > 0;
  const needsKvm = hasVms || context.targetMode === 'container-virtualization';
  // Most components ship neither VMs nor a KubeVirt CR: nothing to judge.
  if (!needsKvm && !context.objects.some(isKubevirtCr)) {
    return NOTHING_JUDGED;
  }
  const emulation = softwareEmulation(context);
  const kvm = needsKvm ? kvmOnClusters(context) : NOTHING_JUDGED;
  const nested = hasVms ? nestedVirtualization(context) : NOTHING_JUDGED;
  // VMs with no cluster named (most): nothing judged, nothing to combine.
  if (
    emulation === NOTHING_JUDGED &&
    kvm === NOTHING_JUDGED &&
    nested === NOTHING_JUDGED
  ) {
    return NOTHING_JUDGED;
  }
  return combineOutcomes([emulation, kvm, nested]);
}
