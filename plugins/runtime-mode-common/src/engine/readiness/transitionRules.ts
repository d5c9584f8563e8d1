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

import type { Finding, RuntimeModeId } from '../../types';
import { isInApiGroup } from '../apiGroups';
import { isKubevirtVm, WORKLOAD_KINDS } from '../decideMode';
import { makeFinding, objectEvidence, objectLabel } from '../findings';
import type { ManifestObject } from '../readManifests';
import {
  NOTHING_JUDGED,
  type ReadinessContext,
  type RuleFamilyOutcome,
} from './context';
import { get, isRecord, list, podTemplateOf } from './objectPaths';

const CONTAINER_MODES: ReadonlySet<RuntimeModeId> = new Set([
  'bare-metal-container',
  'virtualized-container',
]);

/** A vSphere VM managed by VM Service (vm-operator). */
function isVsphereVm(object: ManifestObject): boolean {
  return (
    isInApiGroup(object.apiVersion, 'vmoperator.vmware.com') &&
    (object.kind === 'VirtualMachine' ||
      object.kind === 'VirtualMachineReplicaSet')
  );
}

function isContainerWorkload(object: ManifestObject): boolean {
  return (
    WORKLOAD_KINDS.has(object.kind) &&
    !isInApiGroup(object.apiVersion, 'kubevirt.io')
  );
}

function overheadText(overhead: { min: number; max: number }): string {
  return overhead.min === overhead.max
    ? `${overhead.min}%`
    : `${overhead.min}-${overhead.max}%`;
}

/** KubeVirt or vSphere VMs whose target mode runs containers only. */
function vmsToContainers(
  context: ReadinessContext,
  target: RuntimeModeId,
): Finding[] {
  const findings: Finding[] = [];
  const targetLabel = context.profiles[target].label;
  const objects = context.objects;
  for (let i = 0; i < objects.length; i++) {
    const vm = objects[i];
    const kubevirt = isKubevirtVm(vm);
    // A vSphere VM already is a VM of the virtualized-container mode.
    const vsphere = isVsphereVm(vm) && target === 'bare-metal-container';
    if (!kubevirt && !vsphere) continue;
    let why: string;
    if (vsphere) {
      why =
        'Bare-metal Kubernetes runs containers only, with no hypervisor for the VM';
    } else if (target === 'virtualized-container') {
      why =
        'KubeVirt VMs need hardware virtualization (VT-x/AMD-V) on the nodes, and Tanzu/SKS worker nodes are themselves VMs: nested virtualization is not supported for production';
    } else {
      why =
        'Bare-metal Kubernetes runs containers only; running the VM there means installing KubeVirt, which is container virtualization, not this mode';
    }
    findings.push(
      makeFinding(
        'transition-vm-to-container',
        'critical',
        `${objectLabel(vm)} is a ${
          kubevirt ? 'KubeVirt' : 'vSphere (VM Service)'
        } virtual machine and the target mode ${target} (${targetLabel}) runs containers: this is re-platforming, not a migration. ${why}.`,
        {
          ...objectEvidence(vm),
          remediation:
            target === 'virtualized-container'
              ? 'Containerise the workload (an image plus a Deployment/StatefulSet), or convert the VM to a vSphere VM managed by VM Service (vm-operator VirtualMachine) with a migration tool (export the disk, import it into vSphere); otherwise keep it on KubeVirt with runtime-mode.dev/target-mode: container-virtualization.'
              : 'Containerise the workload (an image plus a Deployment/StatefulSet), or keep it a VM and set runtime-mode.dev/target-mode to the mode its VMs run in (container-virtualization for KubeVirt, virtualized-container for vSphere).',
        },
      ),
    );
  }
  return findings;
}

/** vSphere VMs moving to KubeVirt: a VM-to-VM migration (Forklift). */
function vsphereVmsToKubevirt(context: ReadinessContext): Finding[] {
  return context.objects.filter(isVsphereVm).map(vm =>
    makeFinding(
      'transition-vm-import',
      'info',
      `${objectLabel(
        vm,
      )} is a vSphere VM: moving it to container virtualization is a VM import (cold or warm migration of its disks), not a redeploy of the manifest; the vm-operator object has no KubeVirt equivalent field by field.`,
      {
        ...objectEvidence(vm),
        remediation:
          'Import the VM with Forklift (Migration Toolkit for Virtualization) from vSphere into KubeVirt, then replace the vm-operator manifest with the kubevirt.io/v1 VirtualMachine it produces.',
      },
    ),
  );
}

/** Container workloads moving to KubeVirt keep running as pods. */
function containersToKubevirt(context: ReadinessContext): Finding[] {
  const isolation = context.requirements.isolation;
  const needsVmIsolation = isolation === 'medium' || isolation === 'strong';
  return context.objects.filter(isContainerWorkload).map(workload =>
    makeFinding(
      'transition-container-to-kubevirt',
      'info',
      `${objectLabel(
        workload,
      )} is a container workload: on container virtualization it keeps running as a pod (KubeVirt is an add-on to Kubernetes), so the move changes the cluster, not the workload.${
        needsVmIsolation
          ? ` The component requires ${isolation} isolation: as a pod on the KubeVirt nodes it shares their kernel (weak isolation); only as a VirtualMachine does it get VM isolation.`
          : ''
      }`,
      {
        ...objectEvidence(workload),
        remediation: needsVmIsolation
          ? `Deploy the manifests unchanged on the KubeVirt cluster, and run the workload as a KubeVirt VirtualMachine only if the ${isolation} isolation requirement needs a separate kernel (or meet it with a sandboxed runtime).`
          : undefined,
      },
    ),
  );
}

const HOST_PATH_DEVICE = /^\/dev(\/|$)/;
const KVM_RESOURCE = 'devices.kubevirt.io/kvm';
const KVM_DEVICE = /^\/dev\/kvm\/?$/;

/** What ties a pod template to the physical host, by kind of need. */
interface HostNeeds {
  /** /dev/kvm or the devices.kubevirt.io/kvm resource. */
  kvm: string[];
  /** Device-plugin resources and host devices other than KVM. */
  devices: string[];
  hostPaths: string[];
  privileged: string[];
}

function hostNeedsOf(template: Record<string, unknown>): HostNeeds {
  const needs: HostNeeds = {
    kvm: [],
    devices: [],
    hostPaths: [],
    privileged: [],
  };
  const add = (into: string[], need: string) => {
    if (!into.includes(need)) into.push(need);
  };
  const spec = get(template, 'spec');
  const containers = [
    ...list(get(spec, 'containers')),
    ...list(get(spec, 'initContainers')),
  ].filter(isRecord);
  for (const container of containers) {
    for (const kind of ['limits', 'requests']) {
      const resources = get(container, 'resources', kind);
      if (!isRecord(resources)) continue;
      // Extended resources (vendor/name) come from device plugins: GPUs, SR-IOV NICs, FPGAs.
      for (const name of Object.keys(resources)) {
        if (name === KVM_RESOURCE) add(needs.kvm, `resource ${name}`);
        else if (name.includes('/'))
          add(needs.devices, `device resource ${name}`);
      }
    }
    if (get(container, 'securityContext', 'privileged') === true) {
      add(
        needs.privileged,
        `privileged container ${String(container.name ?? '?')}`,
      );
    }
  }
  for (const volume of list(get(spec, 'volumes'))) {
    const path = get(volume, 'hostPath', 'path');
    if (typeof path !== 'string') continue;
    if (KVM_DEVICE.test(path)) add(needs.kvm, `host device ${path}`);
    else if (HOST_PATH_DEVICE.test(path))
      add(needs.devices, `host device ${path}`);
    else add(needs.hostPaths, `hostPath ${path}`);
  }
  return needs;
}

function kvmOntoVms(workload: ManifestObject, kvm: string[]): Finding {
  return makeFinding(
    'transition-kvm-on-vm-nodes',
    'critical',
    `${objectLabel(workload)} needs KVM (${kvm.join(
      ', ',
    )}); on virtualized-container the worker nodes are VMs, which expose KVM only with nested virtualization, not supported for production: the pod stays Pending (or cannot open /dev/kvm).`,
    objectEvidence(workload),
  );
}

function otherNeedsOntoVms(
  workload: ManifestObject,
  needs: HostNeeds,
): Finding {
  const all = [...needs.devices, ...needs.hostPaths, ...needs.privileged];
  const admission =
    needs.hostPaths.length > 0 || needs.privileged.length > 0
      ? ' On TKGS (TKr v1.26 and later) Pod Security Admission enforces the restricted standard by default, which rejects privileged containers and hostPath volumes.'
      : '';
  const steps = [
    needs.devices.length > 0
      ? 'expose the devices to the worker VMs (vGPU profiles or PCI passthrough on ESXi, with the device plugin in the guest cluster)'
      : '',
    needs.hostPaths.length > 0
      ? 'move host-path data to PersistentVolumes'
      : '',
    needs.privileged.length > 0
      ? 'drop privileged where the workload does not need it, and label only the namespaces that do with pod-security.kubernetes.io/enforce: privileged'
      : '',
  ].filter(Boolean);
  return makeFinding(
    'transition-host-dependencies',
    'warning',
    `${objectLabel(workload)} depends on the physical host (${all.join(
      ', ',
    )}); on virtualized-container the nodes are VMs, so these reach the VM's virtual hardware and disk, not the server's, and node VMs are replaced on upgrades.${admission}`,
    {
      ...objectEvidence(workload),
      remediation: `${steps
        .join('; ')
        .replace(/^./, c =>
          c.toUpperCase(),
        )}; or keep the workload on bare-metal nodes.`,
    },
  );
}

/** Bare-metal containers moving onto Kubernetes nodes that are VMs. */
function hostDependenciesOntoVms(context: ReadinessContext): Finding[] {
  const findings: Finding[] = [];
  const objects = context.objects;
  for (let i = 0; i < objects.length; i++) {
    const workload = objects[i];
    if (!workload.rendered || !isContainerWorkload(workload)) continue;
    const template = podTemplateOf(workload);
    if (!template) continue;
    const needs = hostNeedsOf(template);
    if (needs.kvm.length > 0) findings.push(kvmOntoVms(workload, needs.kvm));
    if (
      needs.devices.length + needs.hostPaths.length + needs.privileged.length >
      0
    ) {
      findings.push(otherNeedsOntoVms(workload, needs));
    }
  }
  return findings;
}

/** What the other container mode changes that no requirement rule already says. */
function containerPlatformChange(
  context: ReadinessContext,
  from: RuntimeModeId,
  to: RuntimeModeId,
): Finding[] {
  const first = context.objects.find(isContainerWorkload);
  if (!first) return [];
  const { requirements, profiles } = context;
  const target = profiles[to];
  const current = profiles[from];
  const notes: string[] = [];
  if (to === 'virtualized-container') {
    // performance-overhead-budget / -latency-sensitive judge it when stated.
    if (
      requirements.maxOverheadPercent === undefined &&
      !requirements.latencySensitive
    ) {
      notes.push(
        `a hypervisor (${
          target.virtualizationLayer
        }) is on the data path, costing ${overheadText(
          target.performanceOverhead,
        )} overhead, which no stated requirement judges`,
      );
    }
  } else {
    // isolation-requirement-unmet judges it when the requirement is stated.
    if (!requirements.isolation && target.isolation !== current.isolation) {
      notes.push(
        `isolation changes from ${current.isolationNote} to ${target.isolationNote}, which no stated requirement judges`,
      );
    }
    notes.push(`host hardware compatibility: ${target.hardwareCompatibility}`);
  }
  if (notes.length === 0) return [];
  return [
    makeFinding(
      'transition-container-platform',
      'info',
      `Moving from ${from} to ${to}: the manifests move unchanged, Kubernetes runs on ${
        target.kubernetesRunsOn
      } instead of ${current.kubernetesRunsOn}; ${notes.join('; ')}.`,
      {
        ...objectEvidence(first),
        remediation:
          to === 'virtualized-container'
            ? 'Measure the workload on a VM-based cluster before the move and size requests for the virtualization overhead; state runtime-mode.dev/max-overhead or latency-sensitive to have it judged.'
            : 'Check drivers and firmware for the bare-metal hosts, and use dedicated nodes or a sandboxed runtime if the workload relied on VM boundaries; state runtime-mode.dev/isolation to have it judged.',
      },
    ),
  ];
}

/**
 * What the move itself implies when the target mode differs from the
 * current one: VMs cannot simply become containers, containers do not need
 * to become VMs, and container workloads moving between physical and VM
 * nodes lose or gain a hypervisor. Says nothing when the current mode is
 * unknown (no guessing) or equals the target.
 * @internal
 */
export function checkTransition(context: ReadinessContext): RuleFamilyOutcome {
  const { currentMode, targetMode } = context;
  if (!targetMode || currentMode === 'unknown' || currentMode === targetMode) {
    return NOTHING_JUDGED;
  }
  return {
    findings: transitionFindings(context, currentMode, targetMode),
    evaluated: transitionRulesFor(context, currentMode, targetMode),
  };
}

function transitionFindings(
  context: ReadinessContext,
  currentMode: RuntimeModeId,
  targetMode: RuntimeModeId,
): Finding[] {
  if (CONTAINER_MODES.has(targetMode)) {
    const findings = vmsToContainers(context, targetMode);
    if (CONTAINER_MODES.has(currentMode)) {
      if (targetMode === 'virtualized-container') {
        findings.push(...hostDependenciesOntoVms(context));
      }
      findings.push(
        ...containerPlatformChange(context, currentMode, targetMode),
      );
    }
    return findings;
  }
  // Target: container virtualization.
  return [...vsphereVmsToKubevirt(context), ...containersToKubevirt(context)];
}

/** The transition rules that apply to the objects moving from one mode to another. */
function transitionRulesFor(
  context: ReadinessContext,
  currentMode: RuntimeModeId,
  targetMode: RuntimeModeId,
): string[] {
  const { objects } = context;
  const containers = objects.some(isContainerWorkload);
  const kubevirtVms = context.vms.length > 0;
  const vsphereVms = objects.some(isVsphereVm);
  if (!CONTAINER_MODES.has(targetMode)) {
    return [
      ...(vsphereVms ? ['transition-vm-import'] : []),
      ...(containers ? ['transition-container-to-kubevirt'] : []),
    ];
  }
  const evaluated: string[] = [];
  if (kubevirtVms || (vsphereVms && targetMode === 'bare-metal-container')) {
    evaluated.push('transition-vm-to-container');
  }
  if (CONTAINER_MODES.has(currentMode) && containers) {
    // Host needs are read from rendered pod templates only.
    if (
      targetMode === 'virtualized-container' &&
      objects.some(o => o.rendered && isContainerWorkload(o))
    ) {
      evaluated.push(
        'transition-kvm-on-vm-nodes',
        'transition-host-dependencies',
      );
    }
    evaluated.push('transition-container-platform');
  }
  return evaluated;
}
