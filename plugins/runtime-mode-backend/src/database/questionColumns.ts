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
  EvaluationResult,
  PortfolioRow,
  ReadinessLevel,
  RuntimeModeId,
  UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { topBlockerOf } from '../service/topBlocker';
import { storableText } from './storableText';

/** The columns that answer the two questions (see the `two_questions` migration). */
export type QuestionColumns = {
  upgrade_level: string | null;
  broken_now: number | null;
  breaks_at_upgrade: number | null;
  migration_level: string | null;
  suggested_mode: string | null;
  checks_passing: number | null;
  checks_total: number | null;
  top_blocker_rule: string | null;
  top_blocker_message: string | null;
  top_blocker_file: string | null;
  top_blocker_line: number | null;
  current_versions: string | null;
};

/** The columns a portfolio row is read from. */
export const QUESTION_ROW_COLUMNS: Array<keyof QuestionColumns> = [
  'upgrade_level',
  'broken_now',
  'breaks_at_upgrade',
  'migration_level',
  'suggested_mode',
  'checks_passing',
  'checks_total',
  'top_blocker_rule',
  'top_blocker_message',
  'top_blocker_file',
  'top_blocker_line',
];

/** Versions its clusters run today, per knowledge-base component, as stored. */
function currentVersionsOf(result: EvaluationResult): string | null {
  const current: Record<string, string> = {};
  for (const { component, current: version } of result.upgrade?.versions ??
    []) {
    if (version !== null) current[component] = version;
  }
  return Object.keys(current).length ? JSON.stringify(current) : null;
}

/** The columns of a result; null where a rule set that did not answer the questions left them out. */
export function questionColumnsOf(result: EvaluationResult): QuestionColumns {
  const { upgrade, migration, suggestion } = result;
  const blocker = topBlockerOf(result);
  return {
    upgrade_level: upgrade?.level ?? null,
    broken_now: upgrade?.counts.brokenNow ?? null,
    breaks_at_upgrade: upgrade?.counts.breaksAtUpgrade ?? null,
    migration_level: migration?.level ?? null,
    suggested_mode: suggestion?.mode ?? null,
    checks_passing: migration?.checks.passing ?? null,
    checks_total: migration?.checks.total ?? null,
    top_blocker_rule: blocker?.ruleId ?? null,
    top_blocker_message: storableText(blocker?.message),
    top_blocker_file: storableText(blocker?.file),
    top_blocker_line: blocker?.line ?? null,
    current_versions: currentVersionsOf(result),
  };
}

/**
 * The portfolio fields of the columns. None for a pending row or a result of
 * an older rule set (no upgrade level): absent, not "no move planned".
 */
export function questionFieldsOf(
  row: Partial<QuestionColumns>,
): Partial<PortfolioRow> {
  if (!row.upgrade_level) return {};
  return {
    upgradeLevel: row.upgrade_level as UpgradeLevel,
    brokenNow: row.broken_now ?? 0,
    breaksAtUpgrade: row.breaks_at_upgrade ?? 0,
    migrationLevel: (row.migration_level as ReadinessLevel | null) ?? null,
    suggestedMode: (row.suggested_mode as RuntimeModeId | null) ?? null,
    checksPassing: row.checks_passing ?? null,
    checksTotal: row.checks_total ?? null,
    topBlocker: row.top_blocker_rule
      ? {
          ruleId: row.top_blocker_rule,
          message: row.top_blocker_message ?? '',
          ...(row.top_blocker_file ? { file: row.top_blocker_file } : {}),
          ...(row.top_blocker_line !== null &&
          row.top_blocker_line !== undefined
            ? { line: Number(row.top_blocker_line) }
            : {}),
        }
      : null,
  };
}

/** Parsed current versions by their text: rows share a handful of cluster combinations. */
const parsedVersions = new Map<string, Readonly<Record<string, string>>>();
const NO_VERSIONS: Readonly<Record<string, string>> = Object.freeze({});

/** The stored current versions (shared and frozen); empty for rows without them. */
export function parseCurrentVersions(
  text: string | null | undefined,
): Readonly<Record<string, string>> {
  if (!text) return NO_VERSIONS;
  let parsed = parsedVersions.get(text);
  if (!parsed) {
    try {
      const value = JSON.parse(text);
      parsed = Object.freeze(value && typeof value === 'object' ? value : {});
    } catch {
      parsed = NO_VERSIONS;
    }
    if (parsedVersions.size >= 1000) parsedVersions.clear();
    parsedVersions.set(text, parsed!);
  }
  return parsed!;
}
