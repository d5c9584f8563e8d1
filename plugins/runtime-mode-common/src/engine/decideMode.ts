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
  ClusterConfig,
  EvidenceSource,
  Finding,
  ModeEvidence,
  ModeVerdict,
  RuntimeModeId,
} from '../types';
import { RUNTIME_MODES } from '../types';
import { apiGroupOf, isInApiGroup } from './apiGroups';
import { makeFinding } from './findings';
import type { ManifestObject } from './readManifests';

const KUBEVIRT_VM_KINDS = new Set([
  'VirtualMachine',
  'VirtualMachineInstance',
  'VirtualMachineInstanceReplicaSet',
  'VirtualMachinePool',
]);

/** Workload kinds that run containers. @internal */
export const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Pod',
]);

/** Is this a KubeVirt VM-like object (VM, VMI, VMI replica set, VM pool)? @internal */
export function isKubevirtVm(object: { apiVersion: string; kind: string }) {
  // The kind first: most objects are not VM-like, and it needs no group.
  // Every VM-like kind starts with "V": one character rules out the others
  // before the set is asked (this runs for every object, in several rules).
  const kind = object.kind;
  if (kind.charCodeAt(0) !== 86 || !KUBEVIRT_VM_KINDS.has(kind)) return false;
  return (
    isInApiGroup(object.apiVersion, 'kubevirt.io') ||
    isInApiGroup(object.apiVersion, 'pool.kubevirt.io')
  );
}

function virtualizationInfrastructure(
  object: ManifestObject,
  group: string,
): string | undefined {
  if (group === 'run.tanzu.vmware.com') {
    return 'a Tanzu Kubernetes cluster: Kubernetes nodes are vSphere VMs';
  }
  if (group === 'vmoperator.vmware.com') {
    return 'a vSphere VM Operator object: workloads on vSphere VMs';
  }
  if (
    (group === 'infrastructure.cluster.x-k8s.io' ||
      group === 'vmware.infrastructure.cluster.x-k8s.io') &&
    object.kind.startsWith('VSphere')
  ) {
    return 'a Cluster API vSphere object: Kubernetes nodes are vSphere VMs';
  }
  return undefined;
}

/** @internal */
export interface ModeDecision {
  verdict: ModeVerdict;
  findings: Finding[];
}

/**
 * Decides the runtime mode from, strongest first, the manifests, the
 * clusters the component runs on and the declared annotation. Each source
 * is kept as evidence; a contradiction is a conflict; no evidence is
 * `unknown`.
 * @internal
 */
export function decideMode(
  objects: readonly ManifestObject[],
  clusters: readonly ClusterConfig[],
  declared: RuntimeModeId | undefined,
  declaredAnnotation: string,
): ModeDecision {
  const evidence: ModeEvidence[] = [];
  const vmEvidence: ModeEvidence[] = [];
  const infraEvidence: ModeEvidence[] = [];
  // The container workloads: how many, and the first (its evidence).
  let workloadCount = 0;
  let firstWorkload: ManifestObject | undefined;

  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    if (isKubevirtVm(object)) {
      vmEvidence.push({
        source: 'manifest',
        mode: 'container-virtualization',
        reason: `${object.kind} (${object.apiVersion}) is a KubeVirt VM running as a pod`,
        file: object.file,
        line: object.line,
      });
      continue;
    }
    // One group per object: this loop sees every object of every component.
    const group = apiGroupOf(object.apiVersion);
    const infra = virtualizationInfrastructure(object, group);
    if (infra) {
      infraEvidence.push({
        source: 'manifest',
        mode: 'virtualized-container',
        reason: `${object.kind} (${object.apiVersion}) is ${infra}`,
        file: object.file,
        line: object.line,
      });
      continue;
    }
    if (WORKLOAD_KINDS.has(object.kind) && group !== 'kubevirt.io') {
      workloadCount++;
      firstWorkload ??= object;
    }
  }

  const workloadEvidence: ModeEvidence[] = [];
  if (firstWorkload && clusters.length > 0) {
    const first = firstWorkload;
    for (const cluster of clusters) {
      const mode: RuntimeModeId =
        cluster.mode === 'virtualized-container'
          ? 'virtualized-container'
          : 'bare-metal-container';
      workloadEvidence.push({
        source: 'manifest',
        mode,
        reason: `${workloadCount} container workload(s) (first: ${
          first.kind
        }) run on cluster ${cluster.name}, whose nodes are ${
          mode === 'virtualized-container'
            ? 'virtual machines'
            : 'physical machines'
        }`,
        file: first.file,
        line: first.line,
        cluster: cluster.name,
      });
    }
  }

  const clusterEvidence: ModeEvidence[] = clusters.map(cluster => ({
    source: 'cluster' as const,
    mode: cluster.mode,
    reason: `runs on cluster ${cluster.name} (${cluster.mode}${
      cluster.platform ? `, ${cluster.platform}` : ''
    })`,
    cluster: cluster.name,
  }));

  // Strongest tier first.
  for (let i = 0; i < vmEvidence.length; i++) evidence.push(vmEvidence[i]);
  for (let i = 0; i < infraEvidence.length; i++) {
    evidence.push(infraEvidence[i]);
  }
  for (let i = 0; i < workloadEvidence.length; i++) {
    evidence.push(workloadEvidence[i]);
  }
  for (let i = 0; i < clusterEvidence.length; i++) {
    evidence.push(clusterEvidence[i]);
  }
  if (declared) {
    evidence.push({
      source: 'annotation',
      mode: declared,
      reason: `declared by the ${declaredAnnotation} annotation`,
      annotation: declaredAnnotation,
    });
  }

  // Within the manifests, VMs decide over infrastructure, which decides over
  // plain workloads (a VM's helper Deployment does not make it a container app).
  const manifestTier = firstNonEmpty(
    firstNonEmpty(vmEvidence, infraEvidence),
    workloadEvidence,
  );
  let value: RuntimeModeId | 'unknown' = 'unknown';
  let source: EvidenceSource | 'none' = 'none';
  let confidence: ModeVerdict['confidence'] = 'none';
  const deciding =
    manifestTier ?? (clusterEvidence.length > 0 ? clusterEvidence : undefined);
  if (deciding) {
    const modes = countModes(deciding);
    value = modes[0][0];
    source = deciding[0].source;
    confidence = source === 'manifest' ? 'high' : 'medium';
    if (modes.length > 1) confidence = 'low';
  } else if (declared) {
    value = declared;
    source = 'annotation';
    confidence = 'low';
  }

  const findings: Finding[] = [];
  // Clusters that disagree with the manifests (beyond VMs on bare-metal KubeVirt nodes).
  let conflict = countModes(manifestTier ?? clusterEvidence).length > 1;
  if (
    manifestTier &&
    clusterEvidence.length > 0 &&
    manifestTier !== workloadEvidence
  ) {
    const clusterModes = new Set(clusterEvidence.map(e => e.mode));
    if (!clusterModes.has(value as RuntimeModeId)) conflict = true;
  }
  if (declared && value !== 'unknown' && declared !== value) {
    conflict = true;
    const strongest = (manifestTier ?? clusterEvidence)[0];
    findings.push(
      makeFinding(
        'mode-declaration-conflict',
        'warning',
        `The ${declaredAnnotation} annotation declares ${declared}, but the ${
          source === 'manifest' ? 'manifests' : 'clusters'
        } say ${value}: ${strongest.reason}.`,
        {
          file: strongest.file,
          line: strongest.line,
          remediation: `Set ${declaredAnnotation} to ${value}, or fix the manifests/cluster list if the declaration is right.`,
        },
      ),
    );
  }
  if (value === 'unknown') {
    findings.push(
      makeFinding(
        'mode-unknown',
        'info',
        'Runtime mode unknown: no KubeVirt VM, virtualization-infrastructure object or container workload on a known cluster, no cluster in config, and no runtime-mode.dev/mode annotation.',
      ),
    );
  }
  return {
    verdict: { value, source, confidence, evidence, declared, conflict },
    findings,
  };
}

/** The first of two tiers with evidence (two parameters: no array per call). */
function firstNonEmpty<T>(
  first: T[] | undefined,
  second: T[],
): T[] | undefined {
  if (first && first.length > 0) return first;
  return second.length > 0 ? second : undefined;
}

// Shared, so frozen: callers only read it.
const NO_MODES = Object.freeze([]) as unknown as Array<[RuntimeModeId, number]>;

function countModes(
  evidence: readonly ModeEvidence[],
): Array<[RuntimeModeId, number]> {
  // Most components have no evidence of a tier: no counts, no list.
  if (evidence.length === 0) return NO_MODES;
  // A list searched by mode, not a map to spread and sort: the modes are few.
  const modes: Array<[RuntimeModeId, number]> = [];
  for (let i = 0; i < evidence.length; i++) {
    const mode = evidence[i].mode;
    let m = 0;
    while (m < modes.length && modes[m][0] !== mode) m++;
    if (m === modes.length) modes.push([mode, 1]);
    else modes[m][1]++;
  }
  // One mode (most components): nothing to order.
  if (modes.length < 2) return modes;
  return modes.sort(
    (a, b) =>
      b[1] - a[1] || RUNTIME_MODES.indexOf(a[0]) - RUNTIME_MODES.indexOf(b[0]),
  );
}
