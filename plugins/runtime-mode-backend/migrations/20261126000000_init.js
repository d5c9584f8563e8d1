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
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('runtime_mode_evaluations', table => {
    table.comment('The latest evaluation of each catalog entity');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Stringified entity ref, e.g. component:default/checkout');
    table.string('namespace', 255).notNullable().comment('metadata.namespace');
    table.string('name', 255).notNullable().comment('metadata.name');
    table.string('title', 255).nullable().comment('metadata.title');
    table
      .string('owner', 255)
      .nullable()
      .comment('spec.owner as an entity ref');
    table
      .string('system', 255)
      .nullable()
      .comment('spec.system as an entity ref');
    table
      .string('domain', 255)
      .nullable()
      .comment('Domain of the system, when known');
    table.string('lifecycle', 255).nullable().comment('spec.lifecycle');
    table
      .string('mode', 64)
      .notNullable()
      .comment('Runtime mode verdict or unknown');
    table
      .boolean('mode_conflict')
      .notNullable()
      .defaultTo(false)
      .comment('Evidence contradicts itself or the declared mode');
    table
      .string('target_mode', 64)
      .nullable()
      .comment('Mode the readiness is judged against');
    table.string('level', 64).notNullable().comment('Readiness level');
    table.integer('score').nullable().comment('0-100, null when unknown');
    table
      .integer('critical')
      .notNullable()
      .defaultTo(0)
      .comment('Unwaived critical findings');
    table
      .integer('warning')
      .notNullable()
      .defaultTo(0)
      .comment('Unwaived warning findings');
    table
      .integer('info')
      .notNullable()
      .defaultTo(0)
      .comment('Unwaived info findings');
    table
      .string('categories', 1024)
      .notNullable()
      .defaultTo('')
      .comment('Comma-separated categories with an unwaived concern');
    table.string('status', 16).notNullable().comment('fresh, stale or pending');
    table
      .text('stale_reason')
      .nullable()
      .comment('Why the stored result is stale');
    table
      .string('rule_set_version', 64)
      .nullable()
      .comment('Rule-set version that produced the result');
    table
      .string('input_hash', 128)
      .nullable()
      .comment(
        'Hash of entity, manifests, config and rule-set version of the last evaluation',
      );
    table
      .string('result_hash', 128)
      .nullable()
      .comment('Hash of the result, to write history only on change');
    table
      .text('result', 'longtext')
      .nullable()
      .comment('The EvaluationResult as JSON');
    table
      .datetime('evaluated_at', { precision: 3 })
      .nullable()
      .comment('When the stored result was produced');
    table
      .datetime('checked_at', { precision: 3 })
      .nullable()
      .comment('When the inputs were last checked');
    table.index(['owner'], 'runtime_mode_evaluations_owner_idx');
    table.index(['level'], 'runtime_mode_evaluations_level_idx');
  });

  await knex.schema.createTable('runtime_mode_history', table => {
    table.comment('One row per change of an entity result (not one per run)');
    table.bigIncrements('id').primary().comment('Row id');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Stringified entity ref');
    table
      .datetime('evaluated_at', { precision: 3 })
      .notNullable()
      .comment('When the changed result was produced');
    table.string('mode', 64).notNullable().comment('Runtime mode verdict');
    table.string('level', 64).notNullable().comment('Readiness level');
    table.integer('score').nullable().comment('0-100, null when unknown');
    table
      .integer('critical')
      .notNullable()
      .comment('Unwaived critical findings');
    table.integer('warning').notNullable().comment('Unwaived warning findings');
    table
      .string('rule_set_version', 64)
      .notNullable()
      .comment('Rule-set version');
    table.index(
      ['entity_ref', 'evaluated_at'],
      'runtime_mode_history_entity_idx',
    );
    table.index(['evaluated_at'], 'runtime_mode_history_time_idx');
  });

  await knex.schema.createTable('runtime_mode_sources', table => {
    table.comment(
      'Manifests last read for each entity, with ETags, for incremental refresh and what-if',
    );
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Stringified entity ref');
    table
      .string('entity_hash', 128)
      .notNullable()
      .comment('Hash of the entity fields the evaluation reads');
    table
      .string('manifests_hash', 128)
      .notNullable()
      .comment('Hash of the manifest contents');
    table
      .text('manifests', 'longtext')
      .notNullable()
      .comment('JSON array of {path, content, etag, source}');
    table
      .datetime('read_at', { precision: 3 })
      .notNullable()
      .comment('When the manifests were last read');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('runtime_mode_sources');
  await knex.schema.dropTable('runtime_mode_history');
  await knex.schema.dropTable('runtime_mode_evaluations');
};
