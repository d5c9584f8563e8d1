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

/**
 * Lets the blast radius find the components that use an API without parsing
 * every stored result, and lets readers check cheaply whether anything changed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('runtime_mode_evaluations', table => {
    table
      .text('api_kinds')
      .nullable()
      .comment(
        'Distinct apiVersion<TAB>kind pairs of the objects read, one per line; null for rows written before this column',
      );
    table.index(['checked_at'], 'runtime_mode_evaluations_checked_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('runtime_mode_evaluations', table => {
    table.dropIndex(['checked_at'], 'runtime_mode_evaluations_checked_idx');
    table.dropColumn('api_kinds');
  });
};
