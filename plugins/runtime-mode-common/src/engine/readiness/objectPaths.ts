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

import { labelsOf } from '../labelSelectors';
import type { ManifestObject } from '../readManifests';

type Json = Record<string, unknown>;

/** @internal */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field at `value[key]`, or undefined when `value` is not a record. */
function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

/**
 * The value at a path of up to five keys (`get(body, 'spec', 'template')`),
 * undefined where a step is not a record. Named parameters, not a rest
 * array: no array per call, and the rules call this for every object of
 * every component.
 * @internal
 */
export function get(
  value: unknown,
  a: string,
  b?: string,
  c?: string,
  d?: string,
  e?: string,
): unknown {
  let current = field(value, a);
  if (b === undefined) return current;
  current = field(current, b);
  if (c === undefined) return current;
  current = field(current, c);
  if (d === undefined) return current;
  current = field(current, d);
  return e === undefined ? current : field(current, e);
}

/** @internal */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The pod template of a workload (`spec.template` of Deployment and
 * friends, `spec.jobTemplate.spec.template` of CronJob, the Pod itself).
 * @internal
 */
export function podTemplateOf(object: ManifestObject): Json | undefined {
  const body = object.body;
  if (object.kind === 'Pod') {
    return isRecord(body) ? body : undefined;
  }
  const template =
    object.kind === 'CronJob'
      ? get(body, 'spec', 'jobTemplate', 'spec', 'template')
      : get(body, 'spec', 'template');
  return isRecord(template) ? template : undefined;
}

/** The VMI (or VMI template) of a VM-like object: a VMI is its own template. */
function vmiTemplateOf(object: ManifestObject): unknown {
  const body = object.body;
  if (object.kind === 'VirtualMachineInstance') return body;
  if (object.kind === 'VirtualMachinePool') {
    return get(body, 'spec', 'virtualMachineTemplate', 'spec', 'template');
  }
  return get(body, 'spec', 'template');
}

/** The VMI spec of a VM-like object (VM, VMI, replica set, pool). @internal */
export function vmiSpecOf(object: ManifestObject): Json | undefined {
  const spec = get(vmiTemplateOf(object), 'spec');
  return isRecord(spec) ? spec : undefined;
}

/**
 * Labels of the VMI (the VMI's own, or the template's): its virt-launcher pod
 * carries them, so pod selectors (PodMonitor, Service) match them.
 * @internal
 */
export function vmiLabelsOf(object: ManifestObject): Record<string, string> {
  return labelsOf(get(vmiTemplateOf(object), 'metadata', 'labels'));
}

/** Annotations of the VMI (the VMI's own, or the VM template's). @internal */
export function vmiAnnotationsOf(
  object: ManifestObject,
): Record<string, string> {
  return labelsOf(get(vmiTemplateOf(object), 'metadata', 'annotations'));
}
