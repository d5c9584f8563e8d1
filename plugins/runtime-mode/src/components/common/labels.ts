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
  ConcernCategory,
  EvaluationResult,
  EvaluationStatus,
  ModeValue,
  ReadinessLevel,
  Severity,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** People-facing names: ids are for machines, the UI always says words. */
export const MODE_LABELS: Record<ModeValue, string> = {
  'bare-metal-container': 'Bare-metal containers',
  'virtualized-container': 'Containers on VMs',
  'container-virtualization': 'KubeVirt VMs',
  unknown: 'Unknown',
};

/** One line that says what the mode means, for tooltips and legends. */
export const MODE_DESCRIPTIONS: Record<ModeValue, string> = {
  'bare-metal-container':
    'Kubernetes on physical hosts, no virtualization layer',
  'virtualized-container':
    'Kubernetes on virtual machines (VMware Tanzu / vSphere Kubernetes Service, SKS)',
  'container-virtualization':
    'Virtual machines run as pods on Kubernetes (KubeVirt)',
  unknown:
    'Nothing tells which mode this runs in: no manifests, cluster or annotation gave evidence',
};

export const LEVEL_LABELS: Record<ReadinessLevel, string> = {
  ready: 'Ready',
  'ready-with-warnings': 'Ready with warnings',
  blocked: 'Blocked',
  unknown: 'Unknown',
};

export const LEVEL_DESCRIPTIONS: Record<ReadinessLevel, string> = {
  ready: 'Nothing blocks the migration to the target mode',
  'ready-with-warnings':
    'The migration can go ahead; warnings should be fixed first',
  blocked: 'At least one critical concern must be fixed before migrating',
  unknown:
    'Not judged: there is no target or not enough evidence (this is not a pass)',
};

export const CATEGORY_LABELS: Record<ConcernCategory, string> = {
  'api-compatibility': 'API compatibility',
  'live-migration': 'Live migration',
  hardware: 'Hardware',
  monitoring: 'Monitoring',
  isolation: 'Isolation',
  performance: 'Performance',
  operations: 'Operations',
  manifest: 'Manifests',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Info',
};

export const STATUS_LABELS: Record<EvaluationStatus, string> = {
  fresh: 'Up to date',
  stale: 'Stale',
  pending: 'Not evaluated yet',
};

/** Where the target mode came from, in words. */
export const TARGET_SOURCES: Record<string, string> = {
  annotation: 'set by the target-mode annotation',
  option: 'chosen for this evaluation',
  'best-fit': 'the mode that fits its requirements best',
  current: 'its current mode: no requirements are stated, so none fits better',
  none: '',
};

/** Where the target mode of a result came from, in words. */
export function targetSourceWords(result: EvaluationResult): string {
  const source = result.readiness.targetSource;
  return TARGET_SOURCES[source] ?? source;
}

/** The value lists, in display order, from the shared contract. */
export {
  MODE_VALUES as ALL_MODE_VALUES,
  READINESS_LEVELS as ALL_LEVELS,
  CONCERN_CATEGORIES as ALL_CATEGORIES,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** Falls back to the raw id for values a newer backend may send. */
export function labelOf<T extends string>(
  labels: Record<T, string>,
  value: string | null | undefined,
): string {
  if (!value) return '—';
  return (labels as Record<string, string>)[value] ?? value;
}
