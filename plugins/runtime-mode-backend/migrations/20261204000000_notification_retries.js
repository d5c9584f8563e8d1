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
 * Makes the record of a notification an outbox entry: what to send is kept
 * until it is sent, so a send that failed (notifications backend down) is
 * tried again later instead of being lost. Rows written before were sent or
 * given up on: they count as sent.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(NOTIFIED, table => {
    table
      .text('payload')
      .nullable()
      .comment(
        'The notification to send (recipients and payload, JSON) until it is sent; null once sent',
      );
    table
      .string('claimed_at', 32)
      .nullable()
      .comment(
        'ISO time a replica last took it to send; a later retry claims it only if this is unchanged',
      );
    table
      .integer('attempts')
      .notNullable()
      .defaultTo(1)
      .comment('Sends tried so far');
    table
      .string('sent_at', 32)
      .nullable()
      .comment('ISO time it was sent; null while it waits to be sent');
    table.index(['sent_at'], 'runtime_mode_notified_unsent_idx');
  });
  await knex(NOTIFIED).update({ sent_at: new Date().toISOString() });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(NOTIFIED, table => {
    table.dropIndex(['sent_at'], 'runtime_mode_notified_unsent_idx');
    table.dropColumn('payload');
    table.dropColumn('claimed_at');
    table.dropColumn('attempts');
    table.dropColumn('sent_at');
  });
};
