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

const NOTIFIED = 'runtime_mode_notified';

/**
 * What owners were notified of: one row per entity and event. Whichever
 * replica inserts the row first sends the notification; the unique key makes
 * every other attempt (another replica, a repeated refresh) a no-op.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(NOTIFIED, table => {
    table.comment('Notifications sent to owners, so each is sent once');
    table.bigIncrements('id').primary();
    table.string('entity_ref', 255).notNullable();
    table
      .string('notification_key', 512)
      .notNullable()
      .comment(
        'The event: readiness:<from>:<evaluated at>:<to> or removal:<component>:<apiVersion>:<kind>:<release>',
      );
    table
      .timestamp('notified_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.unique(['entity_ref', 'notification_key'], {
      indexName: 'runtime_mode_notified_key_idx',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable(NOTIFIED);
};
