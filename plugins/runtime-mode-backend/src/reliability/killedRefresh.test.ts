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

import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import type { RefreshStats } from '../service/EvaluationRefresher';
import { generateEstate } from '../testUtils/estate';
import { reportMeasurement } from '../testUtils/reliabilityReport';

jest.setTimeout(240_000);

const COUNT = 1200;

/** Starts a refresh in a process of its own (src/testUtils/refreshProcess.ts). */
function startRefreshProcess(options: {
  knex: Knex.Config;
  entitiesFile: string;
  readDelayMs: number;
}) {
  const child = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.resolve(__dirname, '../testUtils/refreshProcess.ts'),
      JSON.stringify(options),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', chunk => {
    stdout += chunk;
  });
  child.stderr!.on('data', chunk => {
    stderr += chunk;
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function count(knex: Knex, table: string) {
  return Number((await knex(table).count({ n: '*' }))[0].n);
}

async function waitForRows(
  knex: Knex,
  child: ChildProcess,
  atLeast: number,
): Promise<number> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error('the refresh process ended before it could be killed');
    }
    const rows = await count(knex, 'runtime_mode_evaluations');
    if (rows >= atLeast) return rows;
    await sleep(25);
  }
  throw new Error(`fewer than ${atLeast} rows were stored in time`);
}

describe('fault: the backend process is killed in the middle of a refresh', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'the restarted process completes the refresh, every component stored once, %p',
    async databaseId => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-kill-'));
      let knex: Knex | undefined;
      let knexConfig: Knex.Config;
      try {
        if (databaseId === 'SQLITE_3') {
          // A file, as a real single-node backend has: in-memory dies with the process.
          knexConfig = {
            client: 'better-sqlite3',
            connection: { filename: path.join(root, 'backend.sqlite') },
            useNullAsDefault: true,
          };
          knex = knexFactory(knexConfig);
        } else {
          knex = await databases.init(databaseId);
          knexConfig = {
            client: 'pg',
            connection: knex.client.config.connection,
          };
        }
        await DatabaseEvaluationStore.migrateUp(knex);
        const entitiesFile = path.join(root, 'entities.json');
        fs.writeFileSync(
          entitiesFile,
          JSON.stringify(generateEstate(path.join(root, 'estate'), COUNT)),
        );

        const first = startRefreshProcess({
          knex: knexConfig,
          entitiesFile,
          readDelayMs: 25,
        });
        const seenBeforeKill = await waitForRows(knex, first.child, 200);
        first.child.kill('SIGKILL');
        expect((await first.exited).signal).toBe('SIGKILL');

        // What the killed process committed is whole: a result and its history row, or neither.
        const committed = await count(knex, 'runtime_mode_evaluations');
        expect(committed).toBeGreaterThanOrEqual(seenBeforeKill);
        expect(committed).toBeLessThan(COUNT);
        expect(await count(knex, 'runtime_mode_history')).toBe(committed);

        const started = Date.now();
        const second = startRefreshProcess({
          knex: knexConfig,
          entitiesFile,
          readDelayMs: 0,
        });
        const exit = await second.exited;
        expect({ exit, stderr: second.output().stderr }).toEqual({
          exit: { code: 0, signal: null },
          stderr: '',
        });
        const stats = JSON.parse(second.output().stdout) as RefreshStats;
        expect(stats).toMatchObject({
          seen: COUNT,
          evaluated: COUNT - committed,
          unchanged: committed,
          failed: 0,
          aborted: false,
        });
        const fresh = Number(
          (
            await knex('runtime_mode_evaluations')
              .where({ status: 'fresh' })
              .count({ n: '*' })
          )[0].n,
        );
        expect(fresh).toBe(COUNT);
        const historyRows = await count(knex, 'runtime_mode_history');
        expect(historyRows).toBe(COUNT);

        reportMeasurement('process killed mid-refresh', databaseId, {
          components: COUNT,
          storedWhenKilled: committed,
          historyRowsWhenKilled: committed,
          evaluatedAfterRestart: stats.evaluated,
          unchangedAfterRestart: stats.unchanged,
          storedFresh: fresh,
          historyRows,
          restartMs: Date.now() - started,
        });
      } finally {
        if (databaseId === 'SQLITE_3') await knex?.destroy();
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  );
});
