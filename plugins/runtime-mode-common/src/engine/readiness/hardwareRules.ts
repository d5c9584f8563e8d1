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
import { apiGroupOf } from '../apiGroups';
import { isKubevirtVm } from '../decideMode';
import { makeFinding, objectEvidence } from '../findings';
import type { ReadinessContext } from './context';
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

/**
 * KubeVirt needs VT-x/AMD-V on the nodes. Checked on the component's
 * KubeVirt clusters, or, when it moves to container virtualization without
 * one, on every KubeVirt cluster in config (the candidates).
 * @internal
 */
export function checkHardware(context: ReadinessContext): Finding[] {
  const findings: Finding[] = [];
  const hasVms = context.objects.some(isKubevirtVm);
  const needsKvm = hasVms || context.targetMode === 'container-virtualization';

  if (needsKvm) {
    const own = context.clusters.filter(
      c => c.mode === 'container-virtualization',
    );
    if (own.length > 0) {
      findings.push(...judgeOwnClusters(own));
    } else if (context.targetMode === 'container-virtualization') {
      findings.push(
        ...judgeCandidateClusters(
          context.allClusters.filter(
            c => c.mode === 'container-virtualization',
          ),
        ),
      );
    }
    if (hasVms) {
      for (const cluster of context.clusters) {
        if (cluster.mode === 'virtualized-container') {
          findings.push(
            makeFinding(
              'hardware-nested-virtualization',
              'warning',
              `KubeVirt VMs on cluster ${cluster.name}, whose nodes are themselves VMs: needs nested virtualization (extra overhead, often unsupported).`,
            ),
          );
        }
      }
    }
  }

  for (const object of context.objects) {
    if (
      object.kind === 'KubeVirt' &&
      apiGroupOf(object.apiVersion) === 'kubevirt.io' &&
      get(
        object.body,
        'spec',
        'configuration',
        'developerConfiguration',
        'useEmulation',
      ) === true
    ) {
      findings.push(
        makeFinding(
          'hardware-software-emulation',
          'warning',
          'KubeVirt is configured with developerConfiguration.useEmulation: true: VMs run without KVM acceleration.',
          objectEvidence(object),
        ),
      );
    }
  }
  return findings;
}
