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
  MIGRATION_LEVEL_LABELS,
  MODE_LABELS,
  PortfolioExportRow,
  READINESS_LEVEL_LABELS,
  UPGRADE_LEVEL_LABELS,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { migrationLevelKeyOf } from '../rows/questionKeys';

type Column = [header: string, value: (row: PortfolioExportRow) => unknown];

/** The row's own fields, by name, as v1 exported them first. */
const FIELD_COLUMNS: Column[] = (
  [
    'entityRef',
    'name',
    'namespace',
    'title',
    'owner',
    'system',
    'domain',
    'lifecycle',
    'mode',
    'modeConflict',
    'targetMode',
    'level',
    'score',
    'critical',
    'warning',
    'info',
    'categories',
    'status',
    'evaluatedAt',
    'upgradeLevel',
    'brokenNow',
    'breaksAtUpgrade',
    'migrationLevel',
    'suggestedMode',
    'checksPassing',
    'checksTotal',
  ] as const
).map(field => [field, row => row[field]]);

/** `file:line` of a blocker; empty when it names no file. */
function locationOf({ topBlocker }: PortfolioExportRow): string | undefined {
  if (!topBlocker?.file) return undefined;
  return topBlocker.line === undefined
    ? topBlocker.file
    : `${topBlocker.file}:${topBlocker.line}`;
}

/** The worst open concern: rule, text and where. */
const BLOCKER_COLUMNS: Column[] = [
  ['topBlockerRule', row => row.topBlocker?.ruleId],
  ['topBlocker', row => row.topBlocker?.message],
  ['topBlockerLocation', locationOf],
];

/**
 * The words people read, from the shared vocabulary of the card, tab and
 * table; empty where the row has no answer (pending, or a result of an older
 * rule set).
 */
const LABEL_COLUMNS: Column[] = [
  ['modeLabel', row => MODE_LABELS[row.mode]],
  [
    'targetModeLabel',
    row => (row.targetMode ? MODE_LABELS[row.targetMode] : undefined),
  ],
  ['levelLabel', row => READINESS_LEVEL_LABELS[row.level]],
  [
    'upgradeLevelLabel',
    row =>
      row.upgradeLevel ? UPGRADE_LEVEL_LABELS[row.upgradeLevel] : undefined,
  ],
  [
    'migrationLevelLabel',
    row =>
      row.migrationLevel === undefined
        ? undefined
        : MIGRATION_LEVEL_LABELS[migrationLevelKeyOf(row)],
  ],
  [
    'suggestedModeLabel',
    row => (row.suggestedMode ? MODE_LABELS[row.suggestedMode] : undefined),
  ],
];

const COLUMNS: Column[] = [
  ...FIELD_COLUMNS,
  ...BLOCKER_COLUMNS,
  ...LABEL_COLUMNS,
  ['runtimeTabUrl', row => row.runtimeTabUrl],
];

/** RFC 4180 quoting, plus a leading quote on formula-like cells so spreadsheets do not execute them. */
function cell(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  let text = Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The portfolio rows as CSV: one header line, then one line per component in
 * the order given. The row's fields first (the columns of v1, then those
 * added since), then its top blocker, the people-facing labels and the link
 * to its Runtime tab.
 */
export function rowsToCsv(rows: PortfolioExportRow[]): string {
  const lines = [COLUMNS.map(([header]) => header).join(',')];
  for (const row of rows) {
    lines.push(COLUMNS.map(([, value]) => cell(value(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
