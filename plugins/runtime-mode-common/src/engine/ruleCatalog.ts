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

import type { RuleInfo } from '../api';

/**
 * Version of the rule set. Bump it whenever a rule, its severity or the
 * scoring rule changes: stored results record which rules produced them.
 * @public
 */
export const RULE_SET_VERSION = '2026.12.1';

const K8S_DEPRECATION_GUIDE =
  'https://kubernetes.io/docs/reference/using-api/deprecation-guide/';
const K8S_DEPRECATION_POLICY =
  'https://kubernetes.io/docs/reference/using-api/deprecation-policy/';
const KUBEVIRT_LIVE_MIGRATION =
  'https://kubevirt.io/user-guide/compute/live_migration/';

/** Documentation links the rules point at. @internal */
export const DOCS = {
  deprecationGuide: K8S_DEPRECATION_GUIDE,
  deprecationPolicy: K8S_DEPRECATION_POLICY,
  liveMigration: KUBEVIRT_LIVE_MIGRATION,
  migrationPolicies:
    'https://kubevirt.io/user-guide/cluster_admin/migration_policies/',
  networkBinding:
    'https://kubevirt.io/user-guide/network/interfaces_and_networks/',
  hardware:
    'https://kubevirt.io/user-guide/cluster_admin/installation/#validate-hardware-virtualization-support',
  monitoring:
    'https://kubevirt.io/user-guide/user_workloads/component_monitoring/',
  serviceMonitor:
    'https://prometheus-operator.dev/docs/developer/getting-started/#using-servicemonitors',
  probes:
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  resources:
    'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  pdb: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
  vmService: 'https://developer.broadcom.com/xapis/vm-service/latest/',
  forklift: 'https://github.com/kubev2v/forklift',
  kubevirtArchitecture: 'https://kubevirt.io/user-guide/architecture/',
  devicePlugins:
    'https://kubernetes.io/docs/concepts/extend-kubernetes/compute-storage-net/device-plugins/',
  helmTemplate: 'https://helm.sh/docs/helm/helm_template/',
  objects: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
  runStrategies: 'https://kubevirt.io/user-guide/compute/run_strategies/',
  podSecurityAdmission:
    'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  runtimeMode: 'https://github.com/runtime-mode/runtime-mode#annotations',
} as const;

/**
 * A rule and its metadata, side by side: id, category, highest severity,
 * title, description, documentation link, and the general remediation that a
 * finding gives unless it names a more specific one. The id's literal type is
 * kept so {@link RuleId} can list them.
 */
function rule<const Id extends string>(
  id: Id,
  category: RuleInfo['category'],
  severity: RuleInfo['severity'],
  title: string,
  description: string,
  docsUrl: string,
  remediation: string,
): RuleInfo & { readonly id: Id } {
  return { id, category, severity, title, description, docsUrl, remediation };
}

/**
 * Every rule the engine can raise, with its highest severity, beside its
 * title, description, documentation link and general remediation.
 * @public
 */
export const RULE_CATALOG = [
  rule(
    'api-removed',
    'api-compatibility',
    'critical',
    'API removed at the target version',
    'The object uses an apiVersion/kind that is no longer served at the target release of its component; applying it fails.',
    K8S_DEPRECATION_GUIDE,
    'Move the object to the replacement the finding names, a version served at the target.',
  ),
  rule(
    'api-deprecated',
    'api-compatibility',
    'warning',
    'API deprecated at the target version',
    'The apiVersion/kind is deprecated at the target release; the message names the removal release and its date where known.',
    K8S_DEPRECATION_GUIDE,
    'Move the object to the replacement the finding names before the removal release.',
  ),
  rule(
    'api-alpha-in-production',
    'api-compatibility',
    'warning',
    'Alpha API in production',
    'Alpha APIs may change or disappear in any release without notice (Kubernetes deprecation policy); info when the alpha version is the only one there is or the only one the target serves, or when the component is not in production.',
    K8S_DEPRECATION_POLICY,
    'Move to a beta or GA version of the API that the target serves.',
  ),
  rule(
    'api-superseded',
    'api-compatibility',
    'info',
    'Newer API version available',
    'The apiVersion is still served and not deprecated, but a newer version exists.',
    K8S_DEPRECATION_POLICY,
    'Plan the move to the newer version before it is deprecated.',
  ),
  rule(
    'api-deprecated-field',
    'api-compatibility',
    'warning',
    'Deprecated field',
    'The object sets a field its API deprecates at the target release (e.g. VirtualMachine spec.running, deprecated since KubeVirt v1.4.0 in favour of spec.runStrategy).',
    DOCS.runStrategies,
    'Replace the field with the one that supersedes it.',
  ),
  rule(
    'api-run-strategy-conflict',
    'api-compatibility',
    'critical',
    'spec.running and spec.runStrategy together',
    'A VirtualMachine (or a VirtualMachinePool template) sets both spec.running and spec.runStrategy; the KubeVirt VM admission webhook rejects it as mutually exclusive, so the object cannot be applied.',
    DOCS.runStrategies,
    'Remove spec.running and keep spec.runStrategy (running: true is runStrategy: Always, running: false is Halted).',
  ),
  rule(
    'api-target-missing',
    'api-compatibility',
    'info',
    'No target version: not judged',
    'Objects belong to a component (KubeVirt, CDI, Cluster API, ...) that has no target version, so they were not judged.',
    K8S_DEPRECATION_GUIDE,
    'Give a target with --target COMPONENT=VERSION, a version on the cluster in config, or apiPolicy.targets.',
  ),
  rule(
    'api-target-beyond-knowledge',
    'api-compatibility',
    'info',
    'Target newer than the knowledge base',
    'The target release is newer than the releases the knowledge base knows; removals planned for it may be missing.',
    K8S_DEPRECATION_GUIDE,
    'Update the plugin for a newer knowledge base, or add the missing rows with apiPolicy.extraDeprecations.',
  ),
  rule(
    'live-migration-eviction-strategy',
    'live-migration',
    'warning',
    'VM is not set to live-migrate on eviction',
    'Neither the VM nor the cluster default (the KubeVirt CR, as stated in config) sets evictionStrategy LiveMigrate or LiveMigrateIfPossible: a node drain shuts the VM down, or the behaviour depends on a cluster default nobody stated.',
    KUBEVIRT_LIVE_MIGRATION,
    'Set spec.template.spec.evictionStrategy: LiveMigrate (or LiveMigrateIfPossible), or state the cluster default as evictionStrategy of the cluster in runtimeMode.clusters.',
  ),
  rule(
    'live-migration-unknown-field',
    'live-migration',
    'warning',
    'Field that does not exist in the KubeVirt API',
    '`liveMigrate` is not a KubeVirt field (a structural schema prunes it silently), and MigrationPolicy selectors are plain label maps without matchLabels/matchExpressions.',
    KUBEVIRT_LIVE_MIGRATION,
    'Use spec.template.spec.evictionStrategy: LiveMigrate, and tune migrations in a migrations.kubevirt.io/v1alpha1 MigrationPolicy.',
  ),
  rule(
    'live-migration-volume-access-mode',
    'live-migration',
    'critical',
    'Volume is not ReadWriteMany',
    'A PVC or DataVolume that is not ReadWriteMany makes the VMI not LiveMigratable (DisksNotLiveMigratable). Critical when the effective eviction strategy is LiveMigrate (a drain is then blocked), warning otherwise.',
    KUBEVIRT_LIVE_MIGRATION,
    'Give the claim accessModes [ReadWriteMany] on a storage class that supports RWX.',
  ),
  rule(
    'live-migration-host-disk',
    'live-migration',
    'critical',
    'hostDisk not shared',
    'A hostDisk volume without shared: true makes the VMI not LiveMigratable (DisksNotLiveMigratable).',
    KUBEVIRT_LIVE_MIGRATION,
    'Use a ReadWriteMany PVC, or mark the hostDisk shared: true if it is on shared storage.',
  ),
  rule(
    'live-migration-pod-network-bridge',
    'live-migration',
    'critical',
    'Bridge binding on the pod network',
    'An interface with bridge binding on the pod network makes the VMI not LiveMigratable (InterfaceNotLiveMigratable) unless the VMI has the kubevirt.io/allow-pod-bridge-network-live-migration annotation.',
    DOCS.networkBinding,
    'Use masquerade: {} on the pod network.',
  ),
  rule(
    'live-migration-pod-network-default',
    'live-migration',
    'critical',
    'Pod network interface left to the cluster default',
    'A VMI that declares no interfaces and no networks gets the pod network with the cluster defaultNetworkInterface: bridge in upstream KubeVirt unless the KubeVirt CR changes it, which makes it not LiveMigratable (InterfaceNotLiveMigratable). Judged from the cluster default stated in config; hedged when it is not known.',
    DOCS.networkBinding,
    'Declare the pod network interface with masquerade: {}, or state the cluster defaultNetworkInterface in runtimeMode.clusters.',
  ),
  rule(
    'live-migration-pod-network-binding',
    'live-migration',
    'critical',
    'Pod network binding that may not migrate',
    'The pod network interface uses a binding that live migration does not accept (InterfaceNotLiveMigratable): a network binding plugin migrates only when the KubeVirt CR registers it with migration support, and any other binding on the pod network does not migrate.',
    DOCS.networkBinding,
    'Use masquerade: {} on the pod network, or a binding plugin registered with migration support in the KubeVirt CR.',
  ),
  rule(
    'live-migration-host-devices',
    'live-migration',
    'critical',
    'Host devices or GPUs',
    'hostDevices, or any GPU, make the VMI not LiveMigratable (HostDeviceNotLiveMigratable). From KubeVirt v1.9.0 a single mediated vGPU can migrate with the alpha VGPULiveMigration feature gate.',
    KUBEVIRT_LIVE_MIGRATION,
    'Plan downtime for node maintenance (evictionStrategy None or LiveMigrateIfPossible keeps drains from blocking).',
  ),
  rule(
    'live-migration-launch-security',
    'live-migration',
    'critical',
    'Confidential computing VM',
    'spec.domain.launchSecurity (AMD SEV or SEV-SNP, Intel TDX, IBM Secure Execution on s390x) makes the VMI not LiveMigratable (SEVNotLiveMigratable, TDXNotLiveMigratable, SecureExecutionNotLiveMigratable).',
    KUBEVIRT_LIVE_MIGRATION,
    'Plan downtime for node maintenance: a confidential VM cannot live-migrate.',
  ),
  rule(
    'live-migration-persistent-reservation',
    'live-migration',
    'critical',
    'SCSI persistent reservation',
    'A LUN disk with reservation: true makes the VMI not LiveMigratable before KubeVirt v1.9.0 (PersistentReservationNotLiveMigratable); from v1.9.0 it live-migrates, but its storage still cannot be migrated.',
    KUBEVIRT_LIVE_MIGRATION,
    'Plan downtime for node maintenance, or upgrade to KubeVirt v1.9.0 or later.',
  ),
  rule(
    'live-migration-hyperv-passthrough',
    'live-migration',
    'critical',
    'Hyper-V passthrough',
    'features.hypervPassthrough enabled makes the VMI not LiveMigratable (HypervPassthroughNotLiveMigratable, since KubeVirt v1.3.0).',
    KUBEVIRT_LIVE_MIGRATION,
    'List the Hyper-V enlightenments the guest needs under features.hyperv instead of hypervPassthrough.',
  ),
  rule(
    'live-migration-tsc-frequency',
    'live-migration',
    'warning',
    'Needs TSC-frequency topology on the nodes',
    'Hyper-V reenlightenment makes the VMI not LiveMigratable when the cluster does not expose the TSC frequency of the nodes (NoTSCFrequencyNotLiveMigratable); invtsc needs it to boot at all, and then migrates only between nodes of the same TSC frequency.',
    KUBEVIRT_LIVE_MIGRATION,
    'Check that the nodes expose TSC frequency (virt-handler labels them with scheduling.node.kubevirt.io/tsc-frequency-*), or drop reenlightenment/invtsc if the guest does not need them.',
  ),
  rule(
    'live-migration-virtiofs',
    'live-migration',
    'critical',
    'virtiofs filesystem before KubeVirt 1.5.0',
    'A filesystem shared with virtiofs makes the VMI not LiveMigratable (VirtIOFSNotLiveMigratable) from KubeVirt v0.43.0 until v1.5.0, which lets it migrate.',
    KUBEVIRT_LIVE_MIGRATION,
    'Upgrade to KubeVirt v1.5.0 or later, or plan downtime for node maintenance.',
  ),
  rule(
    'hardware-virtualization-missing',
    'hardware',
    'critical',
    'No hardware virtualization on the target cluster',
    'KubeVirt needs VT-x/AMD-V (/dev/kvm); without it VMs run in software emulation (useEmulation), which is slow and unsupported for production.',
    DOCS.hardware,
    'Enable VT-x/AMD-V in the node firmware (check with virt-host-validate qemu), or move the VMs to a cluster whose nodes expose /dev/kvm.',
  ),
  rule(
    'hardware-virtualization-unknown',
    'hardware',
    'info',
    'Hardware virtualization not stated',
    'The cluster config does not say whether the nodes expose VT-x/AMD-V.',
    DOCS.hardware,
    'Set hardwareVirtualization for the cluster in runtimeMode.clusters.',
  ),
  rule(
    'hardware-nested-virtualization',
    'hardware',
    'warning',
    'VMs on a cluster that itself runs on VMs',
    'KubeVirt VMs on a virtualized-container cluster need nested virtualization: extra overhead and often unsupported.',
    DOCS.hardware,
    'Run KubeVirt on bare-metal nodes.',
  ),
  rule(
    'hardware-software-emulation',
    'hardware',
    'warning',
    'Software emulation enabled',
    'KubeVirt developerConfiguration.useEmulation is true: VMs run without KVM acceleration.',
    DOCS.hardware,
    'Use nodes with hardware virtualization and remove useEmulation.',
  ),
  rule(
    'monitoring-service-monitor-missing',
    'monitoring',
    'warning',
    'No ServiceMonitor or PodMonitor',
    'No monitoring.coreos.com/v1 ServiceMonitor or PodMonitor is shipped with the component: neither the app nor the VM metrics are scraped.',
    DOCS.monitoring,
    'Add a PodMonitor or ServiceMonitor for the app, and for VMs a ServiceMonitor on the KubeVirt metrics Service (prometheus.kubevirt.io: "true", port metrics).',
  ),
  rule(
    'monitoring-virt-launcher-not-covered',
    'monitoring',
    'warning',
    'VM metrics not scraped',
    'No ServiceMonitor (or PodMonitor) selects the KubeVirt metrics endpoint, served by virt-handler behind the Service labelled prometheus.kubevirt.io: "true" on port metrics, in a namespace it can reach: VM metrics (kubevirt_vmi_*) are missing.',
    DOCS.monitoring,
    'Add a ServiceMonitor with selector.matchLabels {prometheus.kubevirt.io: "true"}, endpoints [{port: metrics, scheme: https}] and a namespaceSelector that reaches the KubeVirt namespace.',
  ),
  rule(
    'monitoring-virt-launcher-selector',
    'monitoring',
    'warning',
    'ServiceMonitor selects virt-launcher',
    'A ServiceMonitor selects kubevirt.io: virt-launcher: that label is on VM pods, not on any Service, so it selects nothing; VM metrics come from virt-handler behind the KubeVirt metrics Service.',
    DOCS.monitoring,
    'Select prometheus.kubevirt.io: "true" on port metrics instead; scrape the app inside a VM with a PodMonitor (or a Service) on the VMI template labels.',
  ),
  rule(
    'monitoring-app-not-covered',
    'monitoring',
    'warning',
    'App not scraped',
    "No PodMonitor selects the pods of the component's workloads (for a VM, the VMI template labels its virt-launcher pod carries), and no ServiceMonitor selects a Service in front of them: the app's own metrics are missing.",
    DOCS.serviceMonitor,
    "Add a PodMonitor whose selector matches the workload's pod labels, or a ServiceMonitor whose selector matches the labels of the Service in front of it.",
  ),
  rule(
    'isolation-requirement-unmet',
    'isolation',
    'critical',
    'Isolation requirement not met by the target mode',
    'The component requires stronger isolation than the target mode gives (by the comparison profiles: strong for containers on VMs, medium for KubeVirt VMs, weak for bare-metal containers, which share the host kernel): critical two levels short, warning one level short.',
    DOCS.runtimeMode,
    'Choose a mode with stronger isolation, or add isolation within the mode (dedicated nodes, sandboxed runtimes) and lower the requirement.',
  ),
  rule(
    'performance-overhead-budget',
    'performance',
    'critical',
    'Overhead budget exceeded by the target mode',
    "The target mode's performance overhead exceeds the component's max-overhead: critical when even its lowest overhead does, warning when only its highest does.",
    DOCS.runtimeMode,
    'Pick a mode with less overhead, measure the real overhead for this workload, or raise runtime-mode.dev/max-overhead if the budget is too tight.',
  ),
  rule(
    'performance-latency-sensitive',
    'performance',
    'warning',
    'Latency-sensitive workload on a virtualized mode',
    'A latency-sensitive component on a mode with a virtualization layer pays its overhead on every request.',
    DOCS.runtimeMode,
    'Use dedicated CPUs, hugepages and SR-IOV networking, or keep the workload on bare-metal containers.',
  ),
  rule(
    'transition-vm-to-container',
    'hardware',
    'critical',
    'VM moving to a container mode',
    'A KubeVirt VM (or a vSphere VM for bare-metal containers) whose target mode runs containers: re-platforming, not a migration. KubeVirt VMs need VT-x/AMD-V on the nodes, and Tanzu/SKS worker nodes are VMs (nested virtualization is not supported for production).',
    DOCS.vmService,
    'Containerise the workload, convert it to a vSphere VM through VM Service or a migration tool, or keep it where its VMs run.',
  ),
  rule(
    'transition-vm-import',
    'live-migration',
    'info',
    'vSphere VM moving to KubeVirt',
    'A vm-operator (VM Service) VM whose target is container virtualization: a VM import (Forklift), not a redeploy of the manifest.',
    DOCS.forklift,
    'Import the VM with Forklift (Migration Toolkit for Virtualization), then replace the vm-operator manifest with the KubeVirt VirtualMachine it produces.',
  ),
  rule(
    'transition-container-to-kubevirt',
    'isolation',
    'info',
    'Containers stay pods on KubeVirt',
    'Container workloads keep running as pods on a KubeVirt cluster (KubeVirt is an add-on to Kubernetes). Names the isolation requirement when the component states one.',
    DOCS.kubevirtArchitecture,
    'Deploy the manifests unchanged on the KubeVirt cluster; turn a workload into a VM only when it needs VM isolation.',
  ),
  rule(
    'transition-host-dependencies',
    'hardware',
    'warning',
    'Host-specific needs moving onto VM nodes',
    'A container workload moving from bare-metal to virtualized containers uses device-plugin resources (GPUs, SR-IOV, FPGAs), host devices, hostPath volumes or privileged containers: on VM nodes these reach virtual hardware and a node disk that is replaced on upgrades, and on TKGS (TKr v1.26 and later) Pod Security Admission enforces the restricted standard, which rejects privileged and hostPath pods.',
    DOCS.devicePlugins,
    'Move host-path data to PersistentVolumes, drop privilege where the workload does not need it, and expose devices to the worker VMs (vGPU profiles or PCI passthrough on ESXi, with the device plugin in the guest cluster).',
  ),
  rule(
    'transition-kvm-on-vm-nodes',
    'hardware',
    'critical',
    'Pod needs KVM on nodes that are VMs',
    'A container workload that needs /dev/kvm or the devices.kubevirt.io/kvm resource, moving to virtualized containers: the worker nodes are VMs and expose KVM only with nested virtualization, which is not supported for production, so the pod stays Pending (or cannot open /dev/kvm).',
    DOCS.hardware,
    'Keep the workload on bare-metal nodes (or a KubeVirt cluster), or remove its need for KVM.',
  ),
  rule(
    'transition-container-platform',
    'performance',
    'info',
    'Container workload changing node platform',
    'Between bare-metal and virtualized containers the manifests move unchanged; the finding names what the move changes that no stated requirement already judges (hypervisor overhead, isolation, hardware compatibility), from the mode profiles.',
    DOCS.runtimeMode,
    'State runtime-mode.dev/max-overhead, latency-sensitive or isolation to have the change judged, and measure the workload on the target platform before the move.',
  ),
  rule(
    'operations-probes-missing',
    'operations',
    'warning',
    'Containers without probes',
    'A long-running container has no readiness or liveness probe: rollouts and migrations cannot tell when it is ready.',
    DOCS.probes,
    'Add a readinessProbe (and a livenessProbe where a restart helps).',
  ),
  rule(
    'operations-resources-missing',
    'operations',
    'warning',
    'Containers without resource requests',
    'A container has no CPU/memory requests: scheduling and capacity planning for the target mode are guesswork.',
    DOCS.resources,
    'Set resources.requests (cpu, memory), and memory limits.',
  ),
  rule(
    'operations-pdb-missing',
    'operations',
    'warning',
    'Replicated workload without a PodDisruptionBudget',
    'A workload with more than one replica has no PodDisruptionBudget whose selector (matchLabels and matchExpressions) selects its pods: a node drain can take all replicas down.',
    DOCS.pdb,
    'Add a policy/v1 PodDisruptionBudget with maxUnavailable: 1 selecting the pod labels.',
  ),
  rule(
    'manifest-parse-error',
    'manifest',
    'warning',
    'Document does not parse',
    'A YAML/JSON document does not parse; it was skipped, the other documents of the file still count.',
    DOCS.objects,
    'Fix the syntax at the line the finding names (kubectl apply --dry-run=client shows the same error).',
  ),
  rule(
    'manifest-template-not-rendered',
    'manifest',
    'info',
    'Template not rendered',
    "The file is a Helm/Go template, read without rendering: each document's column-0 apiVersion and kind (literal, from a helper, or from the branch a capability check takes at the target Kubernetes version) and its literal name are judged, nothing else. An apiVersion the target cannot decide is named, not judged.",
    DOCS.helmTemplate,
    'Render it (helm template) in CI and check the output for a full check.',
  ),
  rule(
    'manifest-no-kind',
    'manifest',
    'info',
    'Document without kind ignored',
    'The document has no kind, so it is not a Kubernetes object (Helm values, Chart.yaml, test specs, ...); it was ignored.',
    DOCS.objects,
    'Nothing to do if the file is not a manifest; otherwise add apiVersion and kind.',
  ),
  rule(
    'manifest-build-time-file',
    'manifest',
    'info',
    'Build-time or tool file not judged',
    'Kustomize files (kustomize.config.k8s.io, config.kubernetes.io), Backstage descriptors (backstage.io), Helm chart metadata and values, and other tool inputs never reach an API server: they are recognised, not counted as objects, and their apiVersions are not judged. One finding per evaluation lists them.',
    DOCS.objects,
    'Judge the objects they build: run kustomize build or helm template in CI, then the CLI or POST /v1/evaluate on the output.',
  ),
  rule(
    'manifest-no-api-version',
    'manifest',
    'warning',
    'Object without apiVersion',
    'The document has a kind but no apiVersion; the API server rejects it.',
    DOCS.objects,
    'Add the apiVersion of the kind.',
  ),
  rule(
    'manifest-limit-exceeded',
    'manifest',
    'warning',
    'Manifest limit exceeded',
    'A file is too large, has too many documents, nests too deeply or expands too many aliases; the rest was not read.',
    DOCS.objects,
    'Split the file, or raise runtimeMode.limits if the input is legitimate.',
  ),
  rule(
    'manifest-binary',
    'manifest',
    'warning',
    'Binary file',
    'The file holds binary data, not YAML or JSON; it was skipped.',
    DOCS.objects,
    'Point the manifests annotation at YAML or JSON files only.',
  ),
  rule(
    'manifest-no-objects',
    'manifest',
    'info',
    'No Kubernetes objects',
    'No Kubernetes object was found in the manifests given, so nothing could be judged.',
    DOCS.objects,
    'Point runtime-mode.dev/manifests at the files that hold the Kubernetes objects (rendered, for charts).',
  ),
  rule(
    'manifest-annotation-invalid',
    'manifest',
    'warning',
    'Manifests annotation cannot be read',
    'The runtime-mode.dev/manifests annotation is malformed; no manifest was read from it.',
    DOCS.runtimeMode,
    'Write the annotation as comma-separated url:<url> entries or paths/globs relative to the source location.',
  ),
  rule(
    'manifest-source-refused',
    'manifest',
    'warning',
    'Manifest source refused',
    "A manifest source was not read: it escapes the entity's repository, is not a regular file, or no integration may read it. Only sources inside the repository the entity was registered from are read.",
    DOCS.runtimeMode,
    "Point the annotation at files inside the entity's own repository.",
  ),
  rule(
    'manifest-source-not-found',
    'manifest',
    'warning',
    'Manifest source not found',
    'A path, glob or URL of the runtime-mode.dev/manifests annotation matched nothing; the objects it should hold were not judged.',
    DOCS.runtimeMode,
    'Fix the path, glob or URL in the annotation.',
  ),
  rule(
    'manifest-too-large',
    'manifest',
    'warning',
    'Manifest file too large',
    'A manifest file is larger than runtimeMode.limits allow; it was not read, so its objects were not judged.',
    DOCS.runtimeMode,
    'Split the file, or raise runtimeMode.limits.maxFileBytes if it is legitimate.',
  ),
  rule(
    'manifest-too-many-files',
    'manifest',
    'warning',
    'Too many manifest files',
    'A source lists more files than runtimeMode.limits allow; the list was cut and the files beyond it were not judged.',
    DOCS.runtimeMode,
    'Narrow the glob to the manifests, or raise runtimeMode.api.maxFilesPerEntity.',
  ),
  rule(
    'manifest-too-many-bytes',
    'manifest',
    'warning',
    'Manifests over the size a component may have',
    "The component's manifest files together are larger than runtimeMode.manifests.maxBytesPerEntity allows; the files beyond it were not read, so their objects were not judged.",
    DOCS.runtimeMode,
    'Point the annotation at the manifests only (not whole repositories), or raise runtimeMode.manifests.maxBytesPerEntity if they are legitimate.',
  ),
  rule(
    'mode-declaration-conflict',
    'manifest',
    'warning',
    'Declared mode contradicts the evidence',
    'The runtime-mode.dev/mode annotation names a mode that the manifests or clusters contradict.',
    DOCS.runtimeMode,
    'Set runtime-mode.dev/mode to the mode the evidence shows, or fix the manifests or cluster list if the declaration is right.',
  ),
  rule(
    'mode-unknown',
    'manifest',
    'info',
    'Runtime mode unknown',
    'Nothing tells the runtime mode: no manifests of a known kind, no cluster, no annotation. Unknown is not a pass.',
    DOCS.runtimeMode,
    'Point runtime-mode.dev/manifests at the manifests, list the clusters in runtime-mode.dev/clusters, or declare runtime-mode.dev/mode.',
  ),
  rule(
    'annotation-invalid',
    'manifest',
    'warning',
    'Invalid annotation value',
    'A runtime-mode.dev/* annotation has a value the engine cannot read (e.g. isolation: very); it was ignored.',
    DOCS.runtimeMode,
    'Give the annotation one of the values the README lists.',
  ),
  rule(
    'waiver-invalid',
    'manifest',
    'warning',
    'Invalid waiver annotation',
    'A runtime-mode.dev/waive.<rule-id> annotation is malformed or names an unknown rule; it was not applied.',
    DOCS.runtimeMode,
    'Write it as runtime-mode.dev/waive.<rule-id>: "until=YYYY-MM-DD; reason=why this is acceptable", with a rule id from the catalog.',
  ),
] as const;

/**
 * The id of a catalogued rule. Derived from the catalog, so a finding of an
 * unknown rule (a typo, a rule that was never catalogued) fails to compile.
 * @public
 */
export type RuleId = (typeof RULE_CATALOG)[number]['id'];

/** @internal */
export const RULES_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(
  RULE_CATALOG.map((r): [string, RuleInfo] => [r.id, r]),
);
