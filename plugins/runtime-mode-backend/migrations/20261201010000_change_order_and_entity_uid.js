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
const HISTORY = 'runtime_mode_history';
const CHANGES = 'runtime_mode_changes';

/**
 * Readers reload what changed since their last read. A time stamped by the
 * writer cannot tell them: a batch evaluated at 10:00 may commit after one
 * evaluated at 10:01. Every write transaction therefore first increments the
 * single row of `runtime_mode_changes`; the row lock is held until commit, so
 * the numbers follow commit order, and each row written carries its number.
 *
 * History also becomes the entity's (by catalog uid), so a re-created entity
 * with the same ref starts a history of its own.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(CHANGES, table => {
    table.comment(
      'One row: the change counter every write transaction increments, in commit order',
    );
    table.integer('id').primary().comment('Always 1');
    table
      .bigInteger('change_seq')
      .notNullable()
      .defaultTo(0)
      .comment('Number of the last committed write transaction');
    table
      .bigInteger('rows_removed_seq')
      .notNullable()
      .defaultTo(0)
      .comment('change_seq of the last transaction that deleted evaluations');
    table
      .bigInteger('history_removed_seq')
      .notNullable()
      .defaultTo(0)
      .comment('change_seq of the last transaction that deleted history');
  });
  await knex(CHANGES).insert({
    id: 1,
    change_seq: 0,
    rows_removed_seq: 0,
    history_removed_seq: 0,
  });

  await knex.schema.alterTable(EVALUATIONS, table => {
    table
      .bigInteger('change_seq')
      .notNullable()
      .defaultTo(0)
      .comment('runtime_mode_changes.change_seq of the write');
    table
      .string('entity_uid', 255)
      .nullable()
      .comment('metadata.uid of the catalog entity evaluated');
    table.index(['change_seq'], 'runtime_mode_evaluations_change_idx');
  });
  await knex.schema.alterTable(EVALUATIONS, table => {
    table.renameColumn('result_hash', 'history_signature');
  });
  await knex.schema.alterTable(HISTORY, table => {
    table
      .bigInteger('change_seq')
      .notNullable()
      .defaultTo(0)
      .comment('runtime_mode_changes.change_seq of the write');
    table
      .string('entity_uid', 255)
      .nullable()
      .comment(
        'metadata.uid of the entity; null for rows written before uids were kept',
      );
    table.index(['change_seq'], 'runtime_mode_history_change_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(HISTORY, table => {
    table.dropIndex(['change_seq'], 'runtime_mode_history_change_idx');
    table.dropColumn('entity_uid');
    table.dropColumn('change_seq');
  });
  await knex.schema.alterTable(EVALUATIONS, table => {
    table.renameColumn('history_signature', 'result_hash');
  });
  await knex.schema.alterTable(EVALUATIONS, table => {
    table.dropIndex(['change_seq'], 'runtime_mode_evaluations_change_idx');
    table.dropColumn('entity_uid');
    table.dropColumn('change_seq');
  });
  await knex.schema.dropTable(CHANGES);
};
