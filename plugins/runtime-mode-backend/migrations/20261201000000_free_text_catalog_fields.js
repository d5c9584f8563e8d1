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

/** Catalog fields the catalog does not bound in length. */
const FREE_TEXT = [
  { column: 'title', comment: 'metadata.title' },
  { column: 'lifecycle', comment: 'spec.lifecycle' },
];

/**
 * SQLite ignores declared lengths, so only servers need the change.
 *
 * @param {import('knex').Knex} knex
 */
function enforcesLengths(knex) {
  return !String(knex.client.config.client).includes('sqlite');
}

/**
 * The catalog allows titles and lifecycles of any length. As varchar(255) one
 * long title failed the whole batch its entity was written in, on every run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (!enforcesLengths(knex)) return;
  await knex.schema.alterTable(EVALUATIONS, table => {
    for (const { column, comment } of FREE_TEXT) {
      table.text(column).nullable().comment(comment).alter();
    }
  });
};

/**
 * Back to varchar(255): longer values are cut to 255 characters first, since
 * the conversion would fail on them.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!enforcesLengths(knex)) return;
  for (const { column } of FREE_TEXT) {
    await knex(EVALUATIONS)
      .whereRaw('length(??) > 255', [column])
      .update({ [column]: knex.raw('substr(??, 1, 255)', [column]) });
  }
  await knex.schema.alterTable(EVALUATIONS, table => {
    for (const { column, comment } of FREE_TEXT) {
      table.string(column, 255).nullable().comment(comment).alter();
    }
  });
};
