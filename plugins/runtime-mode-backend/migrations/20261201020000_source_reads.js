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
const CHUNK = 200;

/**
 * Rewrites the JSON column of every row in chunks.
 *
 * @param {import('knex').Knex} knex
 * @param {string} from
 * @param {string} to
 * @param {(value: any) => unknown} convert
 */
async function convertColumn(knex, from, to, convert) {
  let after = '';
  for (;;) {
    const rows = await knex(SOURCES)
      .where('entity_ref', '>', after)
      .orderBy('entity_ref')
      .limit(CHUNK)
      .select('entity_ref', from);
    if (!rows.length) return;
    for (const row of rows) {
      await knex(SOURCES)
        .where({ entity_ref: row.entity_ref })
        .update({ [to]: JSON.stringify(convert(JSON.parse(row[from]))) });
    }
    after = rows[rows.length - 1].entity_ref;
  }
}

/**
 * One record per manifest source instead of one flat list of files: a source
 * that produced no file (an empty folder, a glob matching nothing, only
 * oversized files) keeps its ETag and its findings too, so it is not
 * downloaded again on every run.
 *
 * Converted rows have no source-level ETag (the old rows kept ETags per file)
 * and are keyed by the annotation entry, so each source is read in full once
 * after the upgrade.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(SOURCES, table => {
    table
      .text('source_reads', 'longtext')
      .nullable()
      .comment(
        'JSON array, one record per source: {source, target, etag, manifests: [{path, content, etag}], findings}',
      );
  });
  await convertColumn(knex, 'manifests', 'source_reads', files => {
    /** @type {Map<string, any>} */
    const bySource = new Map();
    for (const file of files) {
      const record = bySource.get(file.source) ?? {
        source: file.source,
        target: file.source,
        manifests: [],
        findings: [],
      };
      record.manifests.push({
        path: file.path,
        content: file.content,
        etag: file.etag,
      });
      bySource.set(file.source, record);
    }
    return [...bySource.values()];
  });
  await knex.schema.alterTable(SOURCES, table => {
    table.dropColumn('manifests');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(SOURCES, table => {
    table
      .text('manifests', 'longtext')
      .nullable()
      .comment('JSON array of {path, content, etag, source}');
  });
  await convertColumn(knex, 'source_reads', 'manifests', records =>
    records.flatMap((/** @type {any} */ record) =>
      record.manifests.map((/** @type {any} */ file) => ({
        source: record.source,
        path: file.path,
        content: file.content,
        etag: file.etag ?? record.etag,
      })),
    ),
  );
  await knex.schema.alterTable(SOURCES, table => {
    // Every row has its list again: the column is as the init migration made it.
    table
      .text('manifests', 'longtext')
      .notNullable()
      .comment('JSON array of {path, content, etag, source}')
      .alter();
    table.dropColumn('source_reads');
  });
};
