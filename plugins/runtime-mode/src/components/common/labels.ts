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
  EvaluationStatus,
  ReadinessLevel,
  Severity,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

// The words for modes and levels (MODE_LABELS, READINESS_LEVEL_LABELS,
// UPGRADE_LEVEL_LABELS and their descriptions) come from the common package,
// so the card, the tab, the portfolio, the CSV and the API say the same.
// Only words the frontend alone shows live here.

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

/** What a migration level means for the planned move. */
export const MIGRATION_LEVEL_DESCRIPTIONS: Record<ReadinessLevel, string> = {
  ready: 'Nothing blocks the planned move',
  'ready-with-warnings':
    'The move can go ahead; warnings should be fixed first',
  blocked: 'At least one critical concern must be fixed before the move',
  unknown: 'Not judged: not enough evidence (this is not a pass)',
};

/** Where a planned move comes from, in words. */
export const MOVE_SOURCE_WORDS: Record<'annotation' | 'option', string> = {
  annotation: 'planned by the runtime-mode.dev/target-mode annotation',
  option: 'chosen in the what-if',
};

/** The value lists, in display order, from the shared contract. */
export {
  MODE_VALUES as ALL_MODE_VALUES,
  READINESS_LEVELS as ALL_LEVELS,
  UPGRADE_LEVELS as ALL_UPGRADE_LEVELS,
  CONCERN_CATEGORIES as ALL_CATEGORIES,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** Falls back to the raw id for values a newer backend may send. */
export function labelOf<T extends string>(
  labels: Readonly<Record<T, string>>,
  value: string | null | undefined,
): string {
  if (!value) return '—';
  return (labels as Record<string, string>)[value] ?? value;
}

/** "1 component", "2 components". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
