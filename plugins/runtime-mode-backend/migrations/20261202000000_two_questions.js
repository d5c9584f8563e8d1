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

// @ts-check

const EVALUATIONS = 'runtime_mode_evaluations';

/**
 * The answers to the two questions, kept beside each result so that the
 * portfolio, its filters and the blast radius never parse result bodies.
 * All are null for a pending row and for a result of a rule set that did not
 * answer them.
 *
 * @type {Array<{ name: string, type: 'string' | 'integer' | 'text', comment: string }>}
 */
const COLUMNS = [
  {
    name: 'upgrade_level',
    type: 'string',
    comment:
      'upgrade.level: clean, deprecated, breaks-at-upgrade, broken-now or unknown',
  },
  {
    name: 'broken_now',
    type: 'integer',
    comment:
      'upgrade.counts.brokenNow: objects a cluster it runs on no longer serves',
  },
  {
    name: 'breaks_at_upgrade',
    type: 'integer',
    comment:
      'upgrade.counts.breaksAtUpgrade: objects removed at the planned version',
  },
  {
    name: 'migration_level',
    type: 'string',
    comment: 'migration.level; null when no move is planned',
  },
  {
    name: 'suggested_mode',
    type: 'string',
    comment: 'suggestion.mode: the best-fit mode when it is not where it runs',
  },
  {
    name: 'checks_passing',
    type: 'integer',
    comment: 'migration.checks.passing; null when no move is planned',
  },
  {
    name: 'checks_total',
    type: 'integer',
    comment: 'migration.checks.total; null when no move is planned',
  },
  {
    name: 'top_blocker_rule',
    type: 'string',
    comment: 'Rule id of the worst unwaived critical or warning finding',
  },
  {
    name: 'top_blocker_message',
    type: 'text',
    comment: 'Its message, cut to a bounded length',
  },
  {
    name: 'top_blocker_file',
    type: 'text',
    comment: 'Its manifest file',
  },
  {
    name: 'top_blocker_line',
    type: 'integer',
    comment: 'Its 1-based line',
  },
  {
    name: 'current_versions',
    type: 'text',
    comment:
      'JSON object: the version its clusters run today per knowledge-base component (upgrade.versions[].current)',
  },
];

/**
 * Adds the columns, and forgets every input hash: results stored before
 * have no answers to fill them with, so the next refresh evaluates every
 * entity again (a forgotten hash only means "evaluate", nothing is lost).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(EVALUATIONS, table => {
    for (const { name, type, comment } of COLUMNS) {
      const column =
        type === 'string' ? table.string(name, 255) : table[type](name);
      column.nullable().comment(comment);
    }
  });
  await knex(EVALUATIONS).update({ input_hash: null });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(EVALUATIONS, table => {
    for (const { name } of [...COLUMNS].reverse()) {
      table.dropColumn(name);
    }
  });
};
