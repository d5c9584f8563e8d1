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

/**
 * A refresh in a process of its own, for the fault test that kills it:
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs refreshProcess.ts '<json>'
 *
 * with `{ knex, entitiesFile, readDelayMs }`. Prints the run's stats as JSON.
 */
import knexFactory from 'knex';
import fs from 'node:fs';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { refresherFor } from './refresherFor';

async function main() {
  const options = JSON.parse(process.argv[2]);
  const knex = knexFactory(options.knex);
  const entities = JSON.parse(fs.readFileSync(options.entitiesFile, 'utf8'));
  const refresher = refresherFor({
    entities,
    store: DatabaseEvaluationStore.fromClient(knex),
    readDelayMs: options.readDelayMs,
  });
  const stats = await refresher.refreshAll();
  process.stdout.write(JSON.stringify(stats));
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
