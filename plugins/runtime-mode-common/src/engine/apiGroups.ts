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

import {
  findKnowledgeRows,
  type KnowledgeIndex,
} from '../knowledgeBase/knowledgeIndex';

/** Names of knowledge-base components for people. @internal */
export const COMPONENT_LABELS: Readonly<Record<string, string>> = {
  k8s: 'Kubernetes',
  kubevirt: 'KubeVirt',
  cdi: 'CDI',
  'cluster-api': 'Cluster API',
  'cluster-api-provider-vsphere': 'Cluster API Provider vSphere',
  'vsphere-tkgs': 'vSphere TKG Service',
  'vm-operator': 'vm-operator',
  'cert-manager': 'cert-manager',
  istio: 'Istio',
  'external-snapshotter': 'external-snapshotter',
};

/** A knowledge-base component's name for people ("KubeVirt"); unknown ids as given. @public */
export function componentLabel(component: string): string {
  return COMPONENT_LABELS[component] ?? component;
}

/** The API group of an apiVersion (`''` for the core group `v1`). @internal */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/**
 * Whether an apiVersion belongs to the API group (`''` for the core group):
 * `apiGroupOf(apiVersion) === group` without cutting the group out, for the
 * rules that ask it of every object.
 * @internal
 */
export function isInApiGroup(apiVersion: string, group: string): boolean {
  const slash = apiVersion.lastIndexOf('/');
  // The core group: no slash, or nothing before it.
  if (group === '') return slash <= 0;
  return slash === group.length && apiVersion.startsWith(group);
}

/** The version part of an apiVersion (`v1beta1`). @internal */
export function apiVersionPart(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
}

/** Whether the apiVersion is an alpha version (`v1alpha3`). @internal */
export function isAlphaVersion(apiVersion: string): boolean {
  return /^v\d+alpha\d+$/.test(apiVersionPart(apiVersion));
}

// Groups served by Kubernetes itself: the core group, `*.k8s.io` (but not
// the CRD groups of SIG projects) and the historic unsuffixed groups.
const K8S_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'extensions',
]);

// Groups that several Cluster API infrastructure providers share: an object
// belongs to the provider its kind names (VSphereCluster → CAPV).
const SHARED_PROVIDER_GROUPS = new Set(['infrastructure.cluster.x-k8s.io']);

// Kind prefixes of the Cluster API infrastructure providers, by provider.
const INFRASTRUCTURE_PROVIDERS: ReadonlyArray<[RegExp, string]> = [
  [/^VSphere/, 'cluster-api-provider-vsphere'],
  [/^AWS/, 'cluster-api-provider-aws'],
  [/^Azure/, 'cluster-api-provider-azure'],
  [/^GCP/, 'cluster-api-provider-gcp'],
  [/^Metal3/, 'cluster-api-provider-metal3'],
  [/^OpenStack/, 'cluster-api-provider-openstack'],
  [/^IBM(PowerVS|VPC)/, 'cluster-api-provider-ibmcloud'],
  [/^Kubevirt/, 'cluster-api-provider-kubevirt'],
  [/^Nutanix/, 'cluster-api-provider-nutanix'],
  [/^Docker|^DevCluster|^DevMachine/, 'cluster-api-provider-docker'],
];

const componentsCache = new WeakMap<KnowledgeIndex, ReadonlySet<string>>();

/** The components a knowledge index has rows for. */
function knownComponents(index: KnowledgeIndex): ReadonlySet<string> {
  let known = componentsCache.get(index);
  if (!known) {
    known = new Set(
      [...index.values()].flatMap(rows => rows.map(row => row.component)),
    );
    componentsCache.set(index, known);
  }
  return known;
}

/**
 * The Cluster API infrastructure provider an object of a shared provider
 * group belongs to, by its kind; only a provider the knowledge base knows, so
 * that an unknown provider is "not judged" and never mislabelled.
 */
function infrastructureProvider(
  kind: string | undefined,
  index: KnowledgeIndex,
): string | undefined {
  if (!kind) return undefined;
  const provider = INFRASTRUCTURE_PROVIDERS.find(([prefix]) =>
    prefix.test(kind),
  )?.[1];
  return provider && knownComponents(index).has(provider)
    ? provider
    : undefined;
}

/**
 * Which knowledge-base component serves an object's apiVersion (and kind, for
 * groups that several providers share), so that objects with no deprecation
 * row are still known to belong to a component (and are listed as not judged
 * when it has no target). Undefined for unknown groups and providers.
 * @internal
 */
export function componentOfApiVersion(
  apiVersion: string,
  index: KnowledgeIndex,
  kind?: string,
): string | undefined {
  const group = apiGroupOf(apiVersion);
  if (SHARED_PROVIDER_GROUPS.has(group)) {
    return infrastructureProvider(kind, index);
  }
  const rows =
    kind === undefined
      ? index.get(apiVersion)
      : findKnowledgeRows(index, apiVersion, kind);
  if (rows && rows.length > 0) {
    return rows[0].component;
  }
  if (K8S_GROUPS.has(group)) return 'k8s';
  if (group === 'cdi.kubevirt.io' || group === 'upload.cdi.kubevirt.io') {
    return 'cdi';
  }
  if (group === 'kubevirt.io' || group.endsWith('.kubevirt.io')) {
    return 'kubevirt';
  }
  if (group === 'snapshot.storage.k8s.io') return 'external-snapshotter';
  if (group === 'vmware.infrastructure.cluster.x-k8s.io') {
    return 'cluster-api-provider-vsphere';
  }
  if (group === 'x-k8s.io' || group.endsWith('.x-k8s.io')) {
    return 'cluster-api';
  }
  if (group.endsWith('.k8s.io')) return 'k8s';
  if (group === 'run.tanzu.vmware.com') return 'vsphere-tkgs';
  if (group === 'vmoperator.vmware.com') return 'vm-operator';
  if (group === 'cert-manager.io' || group.endsWith('.cert-manager.io')) {
    return 'cert-manager';
  }
  if (group.endsWith('.istio.io')) return 'istio';
  return undefined;
}
