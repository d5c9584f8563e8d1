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

import { PortfolioRow } from '@runtime-mode/backstage-plugin-runtime-mode-common';

const COLUMNS: Array<keyof PortfolioRow> = [
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

/** The portfolio rows as CSV, one header line then one line per component. */
export function rowsToCsv(rows: PortfolioRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(COLUMNS.map(column => cell(row[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
