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

import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { evaluate } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DatabaseEvaluationStore } from './DatabaseEvaluationStore';
import { DEPLOYMENT, OLD_INGRESS } from '../testUtils/fixtures';

jest.setTimeout(60_000);

const summary = (name: string, owner = 'group:default/team-a') => ({
  entityRef: `component:default/${name}`,
  namespace: 'default',
  name,
  owner,
  lifecycle: 'production',
});

const resultFor = (content: string) =>
  evaluate({
    entity: {
      kind: 'Component',
      metadata: {
        name: 'web',
        annotations: { 'runtime-mode.dev/mode': 'bare-metal-container' },
      },
    },
    manifests: [{ path: 'deploy.yaml', content }],
    options: { targets: { k8s: '1.34' }, targetMode: 'bare-metal-container' },
  });

describe('DatabaseEvaluationStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await DatabaseEvaluationStore.migrateUp(knex);
    return { knex, store: DatabaseEvaluationStore.fromClient(knex) };
  }

  it.each(databases.eachSupportedId())(
    'stores the latest result and a history row only on change, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const first = resultFor(DEPLOYMENT);
      const at = new Date('2026-11-01T10:00:00.000Z');

      expect(
        await store.saveResult({
          summary: summary('web'),
          result: first,
          inputHash: 'h1',
          evaluatedAt: at,
        }),
      ).toEqual({ changed: true });
      // Same result again (e.g. an unrelated input changed): no new history row.
      expect(
        await store.saveResult({
          summary: summary('web'),
          result: first,
          inputHash: 'h2',
          evaluatedAt: new Date('2026-11-02T10:00:00.000Z'),
        }),
      ).toEqual({ changed: false });
      const broken = resultFor(`${DEPLOYMENT}---\n${OLD_INGRESS}`);
      expect(broken.readiness.level).not.toEqual(first.readiness.level);
      expect(
        await store.saveResult({
          summary: summary('web'),
          result: broken,
          inputHash: 'h3',
          evaluatedAt: new Date('2026-11-03T10:00:00.000Z'),
        }),
      ).toEqual({ changed: true });

      const history = await store.getHistory('component:default/web', 10);
      expect(history.map(h => h.evaluatedAt)).toEqual([
        '2026-11-03T10:00:00.000Z',
        '2026-11-01T10:00:00.000Z',
      ]);
      expect(history[0].level).toBe(broken.readiness.level);
      expect(history[0].critical).toBeGreaterThan(0);

      const stored = await store.getEvaluation('component:default/web');
      expect(stored).toMatchObject({
        status: 'fresh',
        inputHash: 'h3',
        evaluatedAt: '2026-11-03T10:00:00.000Z',
        owner: 'group:default/team-a',
      });
      expect(stored?.result).toEqual(broken);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the previous result when marked stale, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const result = resultFor(DEPLOYMENT);
      await store.saveResult({
        summary: summary('web'),
        result,
        inputHash: 'h1',
        evaluatedAt: new Date(),
      });
      await store.markStale(summary('web'), 'GitHub answered 503', new Date());
      await store.markStale(summary('never'), 'no integration', new Date());

      const web = await store.getEvaluation('component:default/web');
      expect(web).toMatchObject({
        status: 'stale',
        staleReason: 'GitHub answered 503',
      });
      expect(web?.result).toEqual(result);
      const never = await store.getEvaluation('component:default/never');
      expect(never).toMatchObject({
        status: 'pending',
        staleReason: 'no integration',
        result: null,
      });

      // A later successful evaluation clears the stale mark.
      await store.saveResult({
        summary: summary('web'),
        result,
        inputHash: 'h2',
        evaluatedAt: new Date(),
      });
      expect(await store.getEvaluation('component:default/web')).toMatchObject({
        status: 'fresh',
      });
      expect(
        (await store.getEvaluation('component:default/web'))?.staleReason,
      ).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists portfolio rows, results, sources and history windows, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.saveResult({
        summary: summary('a', 'group:default/team-a'),
        result: resultFor(DEPLOYMENT),
        inputHash: 'a',
        evaluatedAt: new Date('2026-10-01T00:00:00.000Z'),
      });
      await store.saveResult({
        summary: summary('b', 'group:default/team-b'),
        result: resultFor(OLD_INGRESS),
        inputHash: 'b',
        evaluatedAt: new Date('2026-11-05T00:00:00.000Z'),
      });
      const rows = await store.listRows();
      expect(rows.map(r => r.entityRef).sort()).toEqual([
        'component:default/a',
        'component:default/b',
      ]);
      const b = rows.find(r => r.entityRef === 'component:default/b')!;
      expect(b.critical).toBeGreaterThan(0);
      expect(b.categories).toContain('api-compatibility');
      expect(b.owner).toBe('group:default/team-b');

      const window = await store.listHistorySince(
        new Date('2026-11-01T00:00:00.000Z'),
      );
      // a's last change before the window gives its starting level; b changed inside it.
      expect(window.map(w => w.entityRef).sort()).toEqual([
        'component:default/a',
        'component:default/b',
      ]);

      expect(
        (await store.listResults(['component:default/b']))[0].result.objects[0]
          .kind,
      ).toBe('Ingress');
      expect(await store.listApiKinds()).toEqual(
        new Map([
          ['component:default/a', ['apps/v1\tDeployment']],
          ['component:default/b', ['extensions/v1beta1\tIngress']],
        ]),
      );

      // The data version moves with every write, so read caches reload.
      const version = await store.getDataVersion();
      await store.markStale(
        summary('a'),
        'timeout',
        new Date(Date.now() + 1000),
      );
      const next = await store.getDataVersion();
      expect(next.lastChecked).not.toEqual(version.lastChecked);
      expect(next.rowCount).toBe(version.rowCount);
      expect(next.lastHistoryId).toBe(version.lastHistoryId);

      await store.saveSources({
        entityRef: 'component:default/a',
        entityHash: 'e',
        manifestsHash: 'm',
        manifests: [
          {
            source: 'path:deploy/',
            path: 'deploy/web.yaml',
            content: DEPLOYMENT,
            etag: '1',
          },
        ],
        readAt: new Date().toISOString(),
      });
      expect(
        (await store.getSources('component:default/a'))?.manifests[0].content,
      ).toBe(DEPLOYMENT);

      await store.deleteEntities(['component:default/a']);
      expect(await store.getEvaluation('component:default/a')).toBeUndefined();
      expect(await store.getSources('component:default/a')).toBeUndefined();
      // History is kept for the trend.
      expect(await store.getHistory('component:default/a', 10)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'migrates down and up again, %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      expect(await knex.schema.hasTable('runtime_mode_evaluations')).toBe(true);
      await DatabaseEvaluationStore.migrateDown(knex);
      for (const table of [
        'runtime_mode_evaluations',
        'runtime_mode_history',
        'runtime_mode_sources',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await DatabaseEvaluationStore.migrateUp(knex);
      expect(await knex.schema.hasTable('runtime_mode_history')).toBe(true);
    },
  );
});
