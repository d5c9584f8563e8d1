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

import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { component, visibilityAwareCatalog } from '../testUtils/fixtures';
import { EvaluationRefresher } from './EvaluationRefresher';
import { ManifestReader } from './ManifestReader';
import { readPluginConfig } from './readPluginConfig';

const repoRoot = path.resolve(__dirname, '../../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus');
const describeIfCorpus = fs.existsSync(corpusDir) ? describe : describe.skip;
if (!fs.existsSync(corpusDir)) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the corpus refresh test: ${corpusDir} is absent`);
}

jest.setTimeout(120_000);

/**
 * Real manifests written by others (templates, JSON, Lists, traps), read the
 * way the backend reads a component's folder: every folder of the corpus is
 * one component whose manifests are that folder.
 */
describeIfCorpus('refresh over the shared corpus', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('stores a result for every folder, twice the same, without a failure', async () => {
    const folders = fs
      .readdirSync(corpusDir, { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => entry.name);
    expect(folders.length).toBeGreaterThan(3);
    const entities = folders.map((folder, i) =>
      component(`corpus-${i}`, {
        root: corpusDir,
        manifests: `${folder}/`,
      }),
    );
    const { catalog } = visibilityAwareCatalog(entities);
    const knex = await databases.init('SQLITE_3');
    await DatabaseEvaluationStore.migrateUp(knex);
    const store = DatabaseEvaluationStore.fromClient(knex);
    const logger = mockServices.logger.mock();
    const refresher = new EvaluationRefresher({
      catalog,
      auth: mockServices.auth(),
      store,
      reader: new ManifestReader({
        urlReader: mockServices.urlReader.mock(),
        logger,
        maxFiles: 500,
        maxFileBytes: 1_000_000,
      }),
      config: readPluginConfig(
        new ConfigReader({
          runtimeMode: {
            apiPolicy: { targets: { k8s: '1.34', kubevirt: '1.6.0' } },
          },
        }),
      ),
      logger,
    });

    const first = await refresher.refreshAll();
    expect(first).toMatchObject({
      seen: folders.length,
      evaluated: folders.length,
      failed: 0,
      stale: 0,
    });
    const rows = await store.listRows();
    expect(rows).toHaveLength(folders.length);
    const objects = (
      await store.listResults(rows.map(r => r.entityRef))
    ).reduce((sum, { result }) => sum + result.objects.length, 0);
    expect(objects).toBeGreaterThan(100);

    // Nothing changed on disk: nothing is evaluated again.
    expect(await refresher.refreshAll()).toMatchObject({
      evaluated: 0,
      unchanged: folders.length,
    });
  });
});
