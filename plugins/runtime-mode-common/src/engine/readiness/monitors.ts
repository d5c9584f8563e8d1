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

import { isInApiGroup } from '../apiGroups';
import { isKubevirtVm, WORKLOAD_KINDS } from '../decideMode';
import {
  Labels,
  labelMapSelects,
  labelSelectorMatches,
  labelsOf,
} from '../labelSelectors';
import type { ManifestObject } from '../readManifests';
import { get, isRecord, list, podTemplateOf, vmiLabelsOf } from './objectPaths';

/** The namespaces a monitor looks in (Prometheus Operator `namespaceSelector`). */
type NamespaceScope =
  | { kind: 'any' }
  | { kind: 'names'; names: string[] }
  /** No namespaceSelector: the monitor's own namespace (undefined when the manifest leaves it to `kubectl -n`). */
  | { kind: 'own'; namespace: string | undefined };

/** A ServiceMonitor or PodMonitor as the coverage rules read it. @internal */
export interface Monitor {
  object: ManifestObject;
  kind: 'ServiceMonitor' | 'PodMonitor';
  selector: unknown;
  /** Endpoint port names (`endpoints` / `podMetricsEndpoints`). */
  ports: string[];
  scope: NamespaceScope;
}

/** Something that runs the app: a container workload or a KubeVirt VM. @internal */
export interface AppWorkload {
  object: ManifestObject;
  /** The labels of its pods (for a VM, the VMI labels its virt-launcher pod carries). */
  podLabels: Labels;
}

function namespaceScope(object: ManifestObject): NamespaceScope {
  const selector = get(object.body, 'spec', 'namespaceSelector');
  if (isRecord(selector) && selector.any === true) return { kind: 'any' };
  const names = list(get(selector, 'matchNames')).map(String);
  if (names.length > 0) return { kind: 'names', names };
  return { kind: 'own', namespace: object.namespace };
}

/** The monitoring.coreos.com ServiceMonitors and PodMonitors among the objects. @internal */
export function monitorsIn(objects: readonly ManifestObject[]): Monitor[] {
  const monitors: Monitor[] = [];
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    // The kind first: it rules out most objects without working out a group.
    if (object.kind !== 'ServiceMonitor' && object.kind !== 'PodMonitor') {
      continue;
    }
    if (!isInApiGroup(object.apiVersion, 'monitoring.coreos.com')) continue;
    const endpoints = get(
      object.body,
      'spec',
      object.kind === 'ServiceMonitor' ? 'endpoints' : 'podMetricsEndpoints',
    );
    monitors.push({
      object,
      kind: object.kind,
      selector: get(object.body, 'spec', 'selector'),
      ports: list(endpoints)
        .map(endpoint => get(endpoint, 'port'))
        .filter((port): port is string => typeof port === 'string'),
      scope: namespaceScope(object),
    });
  }
  return monitors;
}

/**
 * Whether a monitor looks in a namespace. An unknown namespace (a manifest
 * applied with `kubectl -n`) is given the benefit of the doubt.
 * @internal
 */
export function monitorReaches(
  monitor: Monitor,
  namespace: string | undefined,
): boolean {
  const { scope } = monitor;
  if (scope.kind === 'any' || namespace === undefined) return true;
  if (scope.kind === 'names') return scope.names.includes(namespace);
  return scope.namespace === undefined || scope.namespace === namespace;
}

/** Container workloads and KubeVirt VMs, with the labels of their pods. @internal */
export function appWorkloadsIn(
  objects: readonly ManifestObject[],
): AppWorkload[] {
  const workloads: AppWorkload[] = [];
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    if (isKubevirtVm(object)) {
      workloads.push({ object, podLabels: vmiLabelsOf(object) });
    } else if (
      WORKLOAD_KINDS.has(object.kind) &&
      !isInApiGroup(object.apiVersion, 'kubevirt.io')
    ) {
      const template = podTemplateOf(object);
      workloads.push({
        object,
        podLabels: labelsOf(get(template, 'metadata', 'labels')),
      });
    }
  }
  return workloads;
}

/** A core v1 Service, with what the coverage rules read of it. @internal */
export interface FrontService {
  object: ManifestObject;
  /** Its `spec.selector`, a plain label map. */
  selector: unknown;
  /** Its own labels, which ServiceMonitors select. */
  labels: Labels;
}

/** The core v1 Services among the objects, each read once. @internal */
export function servicesIn(objects: readonly ManifestObject[]): FrontService[] {
  const services: FrontService[] = [];
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    if (object.kind !== 'Service' || !isInApiGroup(object.apiVersion, '')) {
      continue;
    }
    services.push({
      object,
      selector: get(object.body, 'spec', 'selector'),
      labels: labelsOf(get(object.body, 'metadata', 'labels')),
    });
  }
  return services;
}

/** The Services whose selector selects a workload's pods, in its namespace. @internal */
export function servicesInFront(
  workload: AppWorkload,
  services: readonly FrontService[],
): FrontService[] {
  return services.filter(
    service =>
      (service.object.namespace === undefined ||
        workload.object.namespace === undefined ||
        service.object.namespace === workload.object.namespace) &&
      labelMapSelects(service.selector, workload.podLabels),
  );
}

/**
 * Whether a monitor scrapes a workload: a PodMonitor selecting its pods, or a
 * ServiceMonitor selecting a Service in front of it (`inFront`, from
 * {@link servicesInFront}), in a namespace the monitor looks in. When the
 * manifests ship no Service in front of the workload, its Service is presumed
 * to carry the pods' labels (the usual convention), so a ServiceMonitor
 * selecting those labels covers it.
 * @internal
 */
export function monitorCovers(
  monitor: Monitor,
  workload: AppWorkload,
  inFront: readonly FrontService[],
): boolean {
  if (monitor.kind === 'PodMonitor' || inFront.length === 0) {
    return (
      monitorReaches(monitor, workload.object.namespace) &&
      labelSelectorMatches(monitor.selector, workload.podLabels)
    );
  }
  return inFront.some(
    service =>
      monitorReaches(monitor, service.object.namespace) &&
      labelSelectorMatches(monitor.selector, service.labels),
  );
}
