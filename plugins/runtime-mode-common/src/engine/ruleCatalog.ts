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
  runtimeMode: 'https://github.com/runtime-mode/runtime-mode#annotations',
} as const;

/** A catalog entry; its id's literal type is kept so {@link RuleId} can list them. */
function rule<const Id extends string>(
  id: Id,
  category: RuleInfo['category'],
  severity: RuleInfo['severity'],
  title: string,
  description: string,
  docsUrl?: string,
): RuleInfo & { readonly id: Id } {
  return { id, category, severity, title, description, docsUrl };
}

const CATALOG = [
  rule(
    'api-removed',
    'api-compatibility',
    'critical',
    'API removed at the target version',
    'The object uses an apiVersion/kind that is no longer served at the target release of its component; applying it fails.',
    K8S_DEPRECATION_GUIDE,
  ),
  rule(
    'api-deprecated',
    'api-compatibility',
    'warning',
    'API deprecated at the target version',
    'The apiVersion/kind is deprecated at the target release; the message names the removal release, its date where known, and the replacement.',
    K8S_DEPRECATION_GUIDE,
  ),
  rule(
    'api-alpha-in-production',
    'api-compatibility',
    'warning',
    'Alpha API in production',
    'Alpha APIs may change or disappear in any release without notice (Kubernetes deprecation policy); info when the alpha version is the only one there is, or when the component is not in production.',
    K8S_DEPRECATION_POLICY,
  ),
  rule(
    'api-superseded',
    'api-compatibility',
    'info',
    'Newer API version available',
    'The apiVersion is still served and not deprecated, but a newer version exists; migrate before it is deprecated.',
    K8S_DEPRECATION_POLICY,
  ),
  rule(
    'api-deprecated-field',
    'api-compatibility',
    'warning',
    'Deprecated field',
    'The object sets a field its API deprecates at the target release (e.g. VirtualMachine spec.running, deprecated since KubeVirt v1.4.0 in favour of spec.runStrategy).',
    'https://kubevirt.io/user-guide/compute/run_strategies/',
  ),
  rule(
    'api-target-missing',
    'api-compatibility',
    'info',
    'No target version: not judged',
    'Objects belong to a component (KubeVirt, CDI, Cluster API, ...) that has no target version, so they were not judged. Give one with --target COMPONENT=VERSION or in config.',
    K8S_DEPRECATION_GUIDE,
  ),
  rule(
    'api-target-beyond-knowledge',
    'api-compatibility',
    'info',
    'Target newer than the knowledge base',
    'The target release is newer than the releases the knowledge base knows; removals planned for it may be missing.',
    K8S_DEPRECATION_GUIDE,
  ),
  rule(
    'live-migration-eviction-strategy',
    'live-migration',
    'warning',
    'VM is not set to live-migrate on eviction',
    'Without evictionStrategy LiveMigrate (or LiveMigrateIfPossible) the cluster default None applies: a node drain shuts the VM down.',
    KUBEVIRT_LIVE_MIGRATION,
  ),
  rule(
    'live-migration-unknown-field',
    'live-migration',
    'warning',
    'Field that does not exist in the KubeVirt API',
    '`liveMigrate` is not a KubeVirt field; a structural schema prunes it silently. Use spec.template.spec.evictionStrategy: LiveMigrate; tune migrations with a migrations.kubevirt.io/v1alpha1 MigrationPolicy.',
    KUBEVIRT_LIVE_MIGRATION,
  ),
  rule(
    'live-migration-volume-access-mode',
    'live-migration',
    'critical',
    'Volume is not ReadWriteMany',
    'A PVC or DataVolume that is not ReadWriteMany makes the VMI not LiveMigratable (DisksNotLiveMigratable). Critical when the VM asks for LiveMigrate, warning otherwise.',
    KUBEVIRT_LIVE_MIGRATION,
  ),
  rule(
    'live-migration-pod-network-bridge',
    'live-migration',
    'critical',
    'Bridge binding on the pod network',
    'An interface with bridge binding on the pod network blocks live migration (InterfaceNotLiveMigratable) unless the VMI has the kubevirt.io/allow-pod-bridge-network-live-migration annotation; use masquerade.',
    'https://kubevirt.io/user-guide/network/interfaces_and_networks/',
  ),
  rule(
    'live-migration-host-devices',
    'live-migration',
    'critical',
    'Host devices or GPUs',
    'hostDevices, more than one GPU, or a GPU without vGPU live-migration support make the VMI not LiveMigratable (HostDeviceNotLiveMigratable).',
    KUBEVIRT_LIVE_MIGRATION,
  ),
  rule(
    'live-migration-host-disk',
    'live-migration',
    'critical',
    'hostDisk not shared',
    'A hostDisk volume without shared: true makes the VMI not LiveMigratable.',
    KUBEVIRT_LIVE_MIGRATION,
  ),
  rule(
    'hardware-virtualization-missing',
    'hardware',
    'critical',
    'No hardware virtualization on the target cluster',
    'KubeVirt needs VT-x/AMD-V (/dev/kvm); without it VMs run in software emulation (useEmulation), which is slow and unsupported for production.',
    DOCS.hardware,
  ),
  rule(
    'hardware-virtualization-unknown',
    'hardware',
    'info',
    'Hardware virtualization not stated',
    'The cluster config does not say whether the nodes expose VT-x/AMD-V; set hardwareVirtualization for the cluster.',
    DOCS.hardware,
  ),
  rule(
    'hardware-nested-virtualization',
    'hardware',
    'warning',
    'VMs on a cluster that itself runs on VMs',
    'KubeVirt VMs on a virtualized-container cluster need nested virtualization: extra overhead and often unsupported.',
    DOCS.hardware,
  ),
  rule(
    'hardware-software-emulation',
    'hardware',
    'warning',
    'Software emulation enabled',
    'KubeVirt developerConfiguration.useEmulation is true: VMs run without KVM acceleration.',
    DOCS.hardware,
  ),
  rule(
    'monitoring-service-monitor-missing',
    'monitoring',
    'warning',
    'No ServiceMonitor',
    'No monitoring.coreos.com/v1 ServiceMonitor is shipped with the component: neither the app nor its virt-launcher pods are scraped.',
    DOCS.monitoring,
  ),
  rule(
    'monitoring-virt-launcher-not-covered',
    'monitoring',
    'warning',
    'virt-launcher pods not scraped',
    'No ServiceMonitor selects the KubeVirt metrics Service (prometheus.kubevirt.io: "true" or kubevirt.io: virt-launcher) on the `metrics` port: VM (kubevirt_vmi_*) and guest metrics are missing.',
    DOCS.monitoring,
  ),
  rule(
    'monitoring-app-not-covered',
    'monitoring',
    'warning',
    'App not scraped',
    "No ServiceMonitor selects the component's own Services: the app's metrics are missing.",
    DOCS.serviceMonitor,
  ),
  rule(
    'isolation-requirement-unmet',
    'isolation',
    'critical',
    'Isolation requirement not met by the target mode',
    'The component requires stronger isolation than the target mode gives (seed §5.1): critical two levels short, warning one level short.',
    DOCS.runtimeMode,
  ),
  rule(
    'performance-overhead-budget',
    'performance',
    'critical',
    'Overhead budget exceeded by the target mode',
    "The target mode's performance overhead exceeds the component's max-overhead: critical when even its lowest overhead does, warning when only its highest does.",
    DOCS.runtimeMode,
  ),
  rule(
    'performance-latency-sensitive',
    'performance',
    'warning',
    'Latency-sensitive workload on a virtualized mode',
    'A latency-sensitive component on a mode with a virtualization layer pays its overhead on every request.',
    DOCS.runtimeMode,
  ),
  rule(
    'transition-vm-to-container',
    'hardware',
    'critical',
    'VM moving to a container mode',
    'A KubeVirt VM (or a vSphere VM for bare-metal containers) whose target mode runs containers: re-platforming, not a migration. KubeVirt VMs need VT-x/AMD-V on the nodes, and Tanzu/SKS worker nodes are VMs (nested virtualization is not supported for production). Containerise the workload, or convert it to a vSphere VM through VM Service or a migration tool.',
    DOCS.vmService,
  ),
  rule(
    'transition-vm-import',
    'live-migration',
    'info',
    'vSphere VM moving to KubeVirt',
    'A vm-operator (VM Service) VM whose target is container virtualization: a VM import (Forklift), not a redeploy of the manifest.',
    DOCS.forklift,
  ),
  rule(
    'transition-container-to-kubevirt',
    'isolation',
    'info',
    'Containers stay pods on KubeVirt',
    'Container workloads keep running as pods on a KubeVirt cluster (KubeVirt is an add-on to Kubernetes); only workloads that need VM isolation should become VMs. Names the isolation requirement when the component states one.',
    DOCS.kubevirtArchitecture,
  ),
  rule(
    'transition-host-dependencies',
    'hardware',
    'warning',
    'Host-specific needs moving onto VM nodes',
    'A container workload moving from bare-metal to virtualized containers uses device-plugin resources (GPUs, SR-IOV, FPGAs), host devices, hostPath volumes or privileged containers: on VM nodes these reach virtual hardware and a node disk that is replaced on upgrades.',
    DOCS.devicePlugins,
  ),
  rule(
    'transition-container-platform',
    'performance',
    'info',
    'Container workload changing node platform',
    'Between bare-metal and virtualized containers the manifests move unchanged; the finding names what the move changes that no stated requirement already judges (hypervisor overhead, isolation, hardware compatibility), from the mode profiles.',
    DOCS.runtimeMode,
  ),
  rule(
    'operations-probes-missing',
    'operations',
    'warning',
    'Containers without probes',
    'A long-running container has no readiness or liveness probe: rollouts and migrations cannot tell when it is ready.',
    DOCS.probes,
  ),
  rule(
    'operations-resources-missing',
    'operations',
    'warning',
    'Containers without resource requests',
    'A container has no CPU/memory requests: scheduling and capacity planning for the target mode are guesswork.',
    DOCS.resources,
  ),
  rule(
    'operations-pdb-missing',
    'operations',
    'warning',
    'Replicated workload without a PodDisruptionBudget',
    'A workload with more than one replica has no PodDisruptionBudget selecting it: a node drain can take all replicas down.',
    DOCS.pdb,
  ),
  rule(
    'manifest-parse-error',
    'manifest',
    'warning',
    'Document does not parse',
    'A YAML/JSON document does not parse; it was skipped, the other documents of the file still count.',
    DOCS.objects,
  ),
  rule(
    'manifest-template-not-rendered',
    'manifest',
    'info',
    'Template not rendered',
    "The file is a Helm/Go template, read without rendering: each document's column-0 apiVersion and kind (literal, from a helper, or from the branch a capability check takes at the target Kubernetes version) and its literal name are judged, nothing else. An apiVersion the target cannot decide is named, not judged. Render it (helm template) for a full check.",
    DOCS.helmTemplate,
  ),
  rule(
    'manifest-no-kind',
    'manifest',
    'info',
    'Document without kind ignored',
    'The document has no kind, so it is not a Kubernetes object (Helm values, Chart.yaml, test specs, ...); it was ignored.',
    DOCS.objects,
  ),
  rule(
    'manifest-build-time-file',
    'manifest',
    'info',
    'Build-time or tool file not judged',
    'Kustomize files (kustomize.config.k8s.io, config.kubernetes.io), Backstage descriptors (backstage.io), Helm chart metadata and values, and other tool inputs never reach an API server: they are recognised, not counted as objects, and their apiVersions are not judged. One finding per evaluation lists them and says how to judge the objects they build (kustomize build / helm template in CI, then the CLI or POST /v1/evaluate).',
    DOCS.objects,
  ),
  rule(
    'manifest-no-api-version',
    'manifest',
    'warning',
    'Object without apiVersion',
    'The document has a kind but no apiVersion; the API server rejects it.',
    DOCS.objects,
  ),
  rule(
    'manifest-limit-exceeded',
    'manifest',
    'warning',
    'Manifest limit exceeded',
    'A file is too large, has too many documents, nests too deeply or expands too many aliases; the rest was not read.',
    DOCS.objects,
  ),
  rule(
    'manifest-binary',
    'manifest',
    'warning',
    'Binary file',
    'The file holds binary data, not YAML or JSON; it was skipped.',
    DOCS.objects,
  ),
  rule(
    'manifest-no-objects',
    'manifest',
    'info',
    'No Kubernetes objects',
    'No Kubernetes object was found in the manifests given, so nothing could be judged.',
    DOCS.objects,
  ),
  rule(
    'manifest-annotation-invalid',
    'manifest',
    'warning',
    'Manifests annotation cannot be read',
    'The runtime-mode.dev/manifests annotation is malformed (expected comma-separated url:<url> entries or paths/globs relative to the source location); no manifest was read from it.',
    DOCS.runtimeMode,
  ),
  rule(
    'manifest-source-refused',
    'manifest',
    'warning',
    'Manifest source refused',
    "A manifest source was not read: it escapes the entity's repository, is not a regular file, or no integration may read it. Only sources inside the repository the entity was registered from are read.",
    DOCS.runtimeMode,
  ),
  rule(
    'manifest-source-not-found',
    'manifest',
    'warning',
    'Manifest source not found',
    'A path, glob or URL of the runtime-mode.dev/manifests annotation matched nothing; the objects it should hold were not judged.',
    DOCS.runtimeMode,
  ),
  rule(
    'manifest-too-large',
    'manifest',
    'warning',
    'Manifest file too large',
    'A manifest file is larger than runtimeMode.limits allow; it was not read, so its objects were not judged.',
    DOCS.runtimeMode,
  ),
  rule(
    'manifest-too-many-files',
    'manifest',
    'warning',
    'Too many manifest files',
    'A source lists more files than runtimeMode.limits allow; the list was cut and the files beyond it were not judged.',
    DOCS.runtimeMode,
  ),
  rule(
    'mode-declaration-conflict',
    'manifest',
    'warning',
    'Declared mode contradicts the evidence',
    'The runtime-mode.dev/mode annotation names a mode that the manifests or clusters contradict.',
    DOCS.runtimeMode,
  ),
  rule(
    'mode-unknown',
    'manifest',
    'info',
    'Runtime mode unknown',
    'Nothing tells the runtime mode: no manifests of a known kind, no cluster, no annotation. Unknown is not a pass.',
    DOCS.runtimeMode,
  ),
  rule(
    'annotation-invalid',
    'manifest',
    'warning',
    'Invalid annotation value',
    'A runtime-mode.dev/* annotation has a value the engine cannot read (e.g. isolation: very); it was ignored.',
    DOCS.runtimeMode,
  ),
  rule(
    'waiver-invalid',
    'manifest',
    'warning',
    'Invalid waiver annotation',
    'A runtime-mode.dev/waive.<rule-id> annotation is malformed (needs until=YYYY-MM-DD; reason=...) or names an unknown rule; it was not applied.',
    DOCS.runtimeMode,
  ),
] as const;

/**
 * The id of a catalogued rule. Derived from the catalog, so a finding of an
 * unknown rule (a typo, a rule that was never catalogued) fails to compile.
 * @public
 */
export type RuleId = (typeof CATALOG)[number]['id'];

/** Every rule the engine can raise, with its highest severity. @public */
export const RULE_CATALOG: readonly RuleInfo[] = CATALOG;

/** @internal */
export const RULES_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(
  RULE_CATALOG.map(r => [r.id, r]),
);
