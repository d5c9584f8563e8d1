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

import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { generateEstate } from '../testUtils/estate';
import { refresherFor } from '../testUtils/refresherFor';
import { reportMeasurement } from '../testUtils/reliabilityReport';

jest.setTimeout(120_000);

const COUNT = 600;
/** The history insert of this entity loses the database in its batch, once. */
const VICTIM = 'component:default/svc-00250';

/**
 * Loses the connection of the transaction that writes VICTIM's history row,
 * once. PostgreSQL: the session terminates itself (what a failover, a proxy
 * restart or an idle-session kill does to it). SQLite has no connection to
 * lose: the statement fails with an I/O error instead.
 */
async function dropConnectionOnce(knex: Knex, databaseId: TestDatabaseId) {
  if (databaseId === 'POSTGRES_15') {
    await knex.raw('CREATE SEQUENCE runtime_mode_test_fault');
    await knex.raw(`
      CREATE FUNCTION runtime_mode_test_drop() RETURNS trigger AS $$
      BEGIN
        -- A sequence is not rolled back with the transaction: this fires once.
        IF NEW.entity_ref = '${VICTIM}' AND nextval('runtime_mode_test_fault') = 1 THEN
          PERFORM pg_terminate_backend(pg_backend_pid());
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await knex.raw(`
      CREATE TRIGGER runtime_mode_test_drop BEFORE INSERT ON runtime_mode_history
      FOR EACH ROW EXECUTE FUNCTION runtime_mode_test_drop()`);
    return async () =>
      Number(
        (
          await knex.raw(
            'SELECT last_value, is_called FROM runtime_mode_test_fault',
          )
        ).rows[0].is_called,
      );
  }
  let fired = 0;
  const connection = await knex.client.acquireConnection();
  connection.function('runtime_mode_test_fault', () => {
    fired += 1;
    if (fired === 1) throw new Error('disk I/O error (injected)');
    return 0;
  });
  await knex.client.releaseConnection(connection);
  await knex.raw(`
    CREATE TRIGGER runtime_mode_test_drop BEFORE INSERT ON runtime_mode_history
    WHEN NEW.entity_ref = '${VICTIM}'
    BEGIN SELECT runtime_mode_test_fault(); END`);
  return async () => Math.min(fired, 1);
}

describe('fault: the database connection is lost in the middle of a batch', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'retries the batch entity by entity: nothing lost, no duplicate history, %p',
    async databaseId => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-db-'));
      try {
        const knex = await databases.init(databaseId);
        await DatabaseEvaluationStore.migrateUp(knex);
        const faultsFired = await dropConnectionOnce(knex, databaseId);
        const store = DatabaseEvaluationStore.fromClient(knex);
        const entities = generateEstate(root, COUNT);
        const refresher = refresherFor({
          entities,
          store,
          logger: mockServices.logger.mock(),
        });
        const writeBatch = jest.spyOn(store, 'writeBatch');

        const stats = await refresher.refreshAll();
        const batches = writeBatch.mock.calls.filter(([w]) => w.length).length;
        expect(await faultsFired()).toBe(1);
        expect(stats).toMatchObject({ evaluated: COUNT, failed: 0 });
        const rows = await store.listRows();
        expect(rows).toHaveLength(COUNT);
        expect(rows.every(r => r.status === 'fresh')).toBe(true);
        const duplicates = await knex('runtime_mode_history')
          .select('entity_ref')
          .count({ n: '*' })
          .groupBy('entity_ref')
          .havingRaw('count(*) > 1');
        expect(duplicates).toEqual([]);
        const historyRows = Number(
          (await knex('runtime_mode_history').count({ n: '*' }))[0].n,
        );
        expect(historyRows).toBe(COUNT);

        // The next run finds everything stored: nothing evaluated twice.
        const again = await refresher.refreshAll();
        expect(again).toMatchObject({ unchanged: COUNT, evaluated: 0 });

        reportMeasurement('database connection dropped mid-batch', databaseId, {
          components: COUNT,
          batches,
          connectionsLost: await faultsFired(),
          rowsStored: rows.length,
          failed: stats.failed,
          historyRows,
          duplicateHistoryRows: duplicates.length,
          evaluatedOnNextRun: again.evaluated,
          runMs: stats.durationMs,
        });
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  );
});
