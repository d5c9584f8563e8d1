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
 * Lets the cluster upgrade view find the components running on a cluster
 * without parsing every stored result. Rows written before have no value:
 * their input hash is cleared so the next refresh evaluates them again, and
 * until then their stored result tells.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('runtime_mode_evaluations', table => {
    table
      .text('clusters')
      .nullable()
      .comment(
        'Names of the configured clusters the component runs on (runtime-mode.dev/clusters), one per line; null for rows written before this column',
      );
  });
  await knex('runtime_mode_evaluations').update({ input_hash: null });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('runtime_mode_evaluations', table => {
    table.dropColumn('clusters');
  });
};
