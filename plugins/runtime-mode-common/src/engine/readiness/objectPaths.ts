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

import type { ManifestObject } from '../readManifests';

type Json = Record<string, unknown>;

/** @internal */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @internal */
export function get(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** @internal */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** @internal */
export function labelsOf(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(value)) return result;
  for (const [k, v] of Object.entries(value)) result[k] = String(v);
  return result;
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

/** Annotations of the VMI (the VMI's own, or the VM template's). @internal */
export function vmiAnnotationsOf(
  object: ManifestObject,
): Record<string, string> {
  return labelsOf(get(vmiTemplateOf(object), 'metadata', 'annotations'));
}

/** Does a label selector (matchLabels/matchExpressions, or a plain map) select these labels? @internal */
export function selects(
  selector: unknown,
  labels: Record<string, string>,
): boolean {
  if (!isRecord(selector)) return false;
  const hasStructured =
    'matchLabels' in selector || 'matchExpressions' in selector;
  const matchLabels = hasStructured
    ? labelsOf(selector.matchLabels)
    : labelsOf(selector);
  for (const [k, v] of Object.entries(matchLabels)) {
    if (labels[k] !== v) return false;
  }
  for (const expression of list(selector.matchExpressions)) {
    if (!isRecord(expression)) return false;
    const key = String(expression.key ?? '');
    const values = list(expression.values).map(String);
    const present = key in labels;
    switch (expression.operator) {
      case 'In':
        if (!present || !values.includes(labels[key])) return false;
        break;
      case 'NotIn':
        if (present && values.includes(labels[key])) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return (
    Object.keys(matchLabels).length > 0 ||
    list(selector.matchExpressions).length > 0
  );
}
