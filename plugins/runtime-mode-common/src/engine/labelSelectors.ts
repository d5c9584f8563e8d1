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

/** Labels of an object, as strings. */
export type Labels = Readonly<Record<string, string>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A label map read from a manifest: values as strings, anything else empty. @internal */
export function labelsOf(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(value)) return result;
  // Keys, then values by key: no pair array per label (this runs for every workload).
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    result[keys[i]] = String(value[keys[i]]);
  }
  return result;
}

function requirementHolds(requirement: unknown, labels: Labels): boolean {
  if (!isRecord(requirement)) return false;
  const key = String(requirement.key ?? '');
  const values = Array.isArray(requirement.values)
    ? requirement.values.map(String)
    : [];
  const present = Object.prototype.hasOwnProperty.call(labels, key);
  switch (requirement.operator) {
    case 'In':
      return present && values.includes(labels[key]);
    case 'NotIn':
      return !present || !values.includes(labels[key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      // An unknown operator makes the selector invalid: it selects nothing.
      return false;
  }
}

// labelsOf cannot keep this key (assigning a string to it is a no-op).
const PROTO_KEY = '__proto__';

/**
 * Whether every pair of a label map read from a manifest is among the
 * labels, as if the map were read with {@link labelsOf} first (values as
 * strings, no `__proto__`), without the copy: selectors are matched for
 * every workload of every component.
 */
function matchLabelsHold(matchLabels: unknown, labels: Labels): boolean {
  if (!isRecord(matchLabels)) return true;
  const keys = Object.keys(matchLabels);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== PROTO_KEY && labels[key] !== String(matchLabels[key])) {
      return false;
    }
  }
  return true;
}

/** Whether {@link labelsOf} would read any label from the value. @internal */
export function hasLabels(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) if (keys[i] !== PROTO_KEY) return true;
  return false;
}

/**
 * Whether a metav1.LabelSelector (`matchLabels` and `matchExpressions`, as in
 * PodDisruptionBudgets, ServiceMonitors and PodMonitors) selects these
 * labels, with the API server's semantics: a missing selector selects
 * nothing, an empty one `{}` selects everything, every requirement must hold.
 * The one selector matcher of the engine.
 * @internal
 */
export function labelSelectorMatches(
  selector: unknown,
  labels: Labels,
): boolean {
  if (!isRecord(selector)) return false;
  if (!matchLabelsHold(selector.matchLabels, labels)) return false;
  const expressions = selector.matchExpressions;
  if (expressions === undefined || expressions === null) return true;
  if (!Array.isArray(expressions)) return false;
  return expressions.every(requirement =>
    requirementHolds(requirement, labels),
  );
}

/**
 * Whether a plain label map used as a selector (Service `spec.selector`)
 * selects these labels: every pair must match, and an empty map selects
 * nothing (a Service without a selector has no pods behind it).
 * @internal
 */
export function labelMapSelects(selector: unknown, labels: Labels): boolean {
  return hasLabels(selector) && matchLabelsHold(selector, labels);
}
