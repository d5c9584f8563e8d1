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

const SOURCES = 'runtime_mode_sources';
const LOCATIONS = 'runtime_mode_watched_locations';
const PUSHES = 'runtime_mode_push_queue';
const MARKS = 'runtime_mode_catalog_marks';

/**
 * What lets a change reach the page within a minute instead of at the next
 * full refresh:
 *
 * - `runtime_mode_watched_locations`: the repository, ref and path each
 *   manifest source reads, so that an SCM push finds the entities it touches
 *   with one indexed query. Sources stored before this migration are indexed
 *   by the backend after start-up (`locations_indexed` is false for them).
 * - `runtime_mode_push_queue`: pushes received from the events system and
 *   not yet handled; one row per distinct push, whichever replica got it.
 * - `runtime_mode_catalog_marks`: the catalog's `metadata.etag` of each
 *   Component when last checked, so the frequent catalog pass reads only the
 *   entities whose etag moved.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(SOURCES, table => {
    table
      .boolean('locations_indexed')
      .notNullable()
      .defaultTo(false)
      .comment('Whether runtime_mode_watched_locations holds this row');
  });
  await knex.schema.createTable(LOCATIONS, table => {
    table.comment('Where each entity reads manifests from, for push events');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .string('repository', 512)
      .notNullable()
      .comment('host/owner/repo, lower case');
    table
      .text('ref_path')
      .nullable()
      .comment(
        'Ref and path in the repository (main/deploy); null when the URL layout does not tell',
      );
    table.text('glob').nullable().comment('Files below ref_path must match it');
    table.string('kind', 16).notNullable().comment('file | tree');
    table.index(['repository'], 'runtime_mode_watched_locations_repo_idx');
    table.index(['entity_ref'], 'runtime_mode_watched_locations_entity_idx');
  });
  await knex.schema.createTable(PUSHES, table => {
    table.comment('Pushes received and not yet handled');
    table.bigIncrements('id').primary();
    table
      .string('push_key', 64)
      .notNullable()
      .unique({ indexName: 'runtime_mode_push_queue_key_idx' })
      .comment('Hash of the push: a redelivery finds the same row');
    table.string('repository', 512).notNullable();
    table
      .text('push')
      .notNullable()
      .comment('JSON: {repository, refs, defaultBranch, paths}');
    table
      .timestamp('received_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
  });
  await knex.schema.createTable(MARKS, table => {
    table.comment('Catalog etag of each Component when last checked');
    table.string('entity_ref', 255).primary();
    table.string('etag', 255).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable(MARKS);
  await knex.schema.dropTable(PUSHES);
  await knex.schema.dropTable(LOCATIONS);
  await knex.schema.alterTable(SOURCES, table => {
    table.dropColumn('locations_indexed');
  });
};
