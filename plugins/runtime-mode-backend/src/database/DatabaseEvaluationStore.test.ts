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
import {
  DEPLOYMENT,
  OLD_INGRESS,
  refuseTitle,
  resultWrite,
  staleWrite,
  summaryOf,
} from '../testUtils/fixtures';

jest.setTimeout(60_000);

const summary = (name: string, owner = 'group:default/team-a') =>
  summaryOf(name, { owner, lifecycle: 'production' });

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

const at = (iso: string) => new Date(iso);

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

      expect(
        await store.writeBatch([
          resultWrite(summary('web'), first, {
            inputHash: 'h1',
            at: at('2026-11-01T10:00:00.000Z'),
          }),
        ]),
      ).toEqual({ changed: 1, superseded: 0, failed: [] });
      // Same result again (e.g. an unrelated input changed): no new history row.
      expect(
        await store.writeBatch([
          resultWrite(summary('web'), first, {
            inputHash: 'h2',
            at: at('2026-11-02T10:00:00.000Z'),
          }),
        ]),
      ).toMatchObject({ changed: 0 });
      const broken = resultFor(`${DEPLOYMENT}---\n${OLD_INGRESS}`);
      expect(broken.readiness.level).not.toEqual(first.readiness.level);
      expect(
        await store.writeBatch([
          resultWrite(summary('web'), broken, {
            inputHash: 'h3',
            at: at('2026-11-03T10:00:00.000Z'),
          }),
        ]),
      ).toMatchObject({ changed: 1 });

      const history = await store.getHistory(
        { entityRef: 'component:default/web' },
        10,
      );
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
        historySignature: expect.any(String),
      });
      expect(stored?.result).toEqual(broken);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the previous result when marked stale, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const result = resultFor(DEPLOYMENT);
      await store.writeBatch([
        resultWrite(summary('web'), result, { at: at('2026-11-01T00:00:00Z') }),
      ]);
      await store.writeBatch([
        staleWrite(
          summary('web'),
          'GitHub answered 503',
          at('2026-11-02T00:00:00Z'),
        ),
        staleWrite(summary('never'), 'no integration'),
      ]);

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
      await store.writeBatch([
        resultWrite(summary('web'), result, { at: at('2026-11-03T00:00:00Z') }),
      ]);
      const fresh = await store.getEvaluation('component:default/web');
      expect(fresh).toMatchObject({ status: 'fresh' });
      expect(fresh?.staleReason).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'stores titles and lifecycles of any length, as the catalog allows, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const title = `A very long title ${'x'.repeat(5000)}`;
      const lifecycle = `l${'y'.repeat(300)}`;
      const outcome = await store.writeBatch([
        resultWrite(
          summaryOf('long', { title, lifecycle }),
          resultFor(DEPLOYMENT),
        ),
        resultWrite(
          summaryOf('short', { title: 'Short' }),
          resultFor(DEPLOYMENT),
        ),
      ]);
      expect(outcome.failed).toEqual([]);
      expect(await store.getEvaluation('component:default/long')).toMatchObject(
        { title, lifecycle, status: 'fresh' },
      );
      expect((await store.listRows()).map(r => r.name).sort()).toEqual([
        'long',
        'short',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes the rest of a batch when one entity cannot be stored, and records its error on its own row, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const names = Array.from({ length: 120 }, (_, i) => `svc-${i}`);
      const before = resultFor(DEPLOYMENT);
      await store.writeBatch([resultWrite(summaryOf('svc-7'), before)]);
      await refuseTitle(knex);

      const outcome = await store.writeBatch(
        names.map(name =>
          resultWrite(
            summaryOf(name, {
              title: name === 'svc-7' || name === 'svc-99' ? 'poison' : name,
            }),
            resultFor(OLD_INGRESS),
            { inputHash: `new-${name}` },
          ),
        ),
      );
      expect(outcome.failed.map(f => f.entityRef).sort()).toEqual([
        'component:default/svc-7',
        'component:default/svc-99',
      ]);
      expect(outcome.failed[0].error).toContain('refuses the title poison');
      expect(outcome.changed).toBe(118);

      const rows = await store.listRows();
      expect(rows.filter(r => r.status === 'fresh')).toHaveLength(118);
      // Had a result: kept, marked stale with the error.
      const kept = await store.getEvaluation('component:default/svc-7');
      expect(kept).toMatchObject({
        status: 'stale',
        staleReason: expect.stringContaining('refuses the title poison'),
      });
      expect(kept?.result).toEqual(before);
      expect(kept?.inputHash).not.toBe('new-svc-7');
      // Never stored: pending with the error.
      expect(
        await store.getEvaluation('component:default/svc-99'),
      ).toMatchObject({
        status: 'pending',
        staleReason: expect.stringContaining('refuses the title poison'),
        result: null,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'never lets an older evaluation overwrite a newer one, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const newer = resultFor(`${DEPLOYMENT}---\n${OLD_INGRESS}`);
      const older = resultFor(DEPLOYMENT);
      // A forced refresh stored its result first ...
      await store.writeBatch([
        resultWrite(summary('web'), newer, {
          inputHash: 'forced',
          at: at('2026-11-05T10:00:05Z'),
        }),
      ]);
      // ... then a scheduled batch that read the entity earlier commits.
      const outcome = await store.writeBatch([
        resultWrite(summary('web'), older, {
          inputHash: 'scheduled',
          at: at('2026-11-05T10:00:00Z'),
        }),
        staleWrite(summary('web'), 'late failure', at('2026-11-05T10:00:01Z')),
      ]);
      expect(outcome).toMatchObject({ changed: 0, superseded: 2 });
      expect(await store.getEvaluation('component:default/web')).toMatchObject({
        status: 'fresh',
        inputHash: 'forced',
        evaluatedAt: '2026-11-05T10:00:05.000Z',
        result: newer,
      });
      expect(
        await store.getHistory({ entityRef: 'component:default/web' }, 10),
      ).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps history per entity uid and deletes it with the entity, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ref = 'component:default/web';
      await store.writeBatch([
        resultWrite(
          summaryOf('web', { entityUid: 'uid-1' }),
          resultFor(DEPLOYMENT),
          {
            at: at('2026-11-01T00:00:00Z'),
          },
        ),
      ]);
      await store.writeBatch([
        resultWrite(
          summaryOf('web', { entityUid: 'uid-1' }),
          resultFor(OLD_INGRESS),
          { at: at('2026-11-02T00:00:00Z') },
        ),
      ]);
      expect(
        await store.getHistory({ entityRef: ref, entityUid: 'uid-1' }, 10),
      ).toHaveLength(2);

      // Deleted and re-created under the same ref: a history of its own.
      await store.writeBatch([
        resultWrite(
          summaryOf('web', { entityUid: 'uid-2' }),
          resultFor(OLD_INGRESS),
          { at: at('2026-11-03T00:00:00Z') },
        ),
      ]);
      expect(
        await store.getHistory({ entityRef: ref, entityUid: 'uid-2' }, 10),
      ).toEqual([
        expect.objectContaining({ evaluatedAt: '2026-11-03T00:00:00.000Z' }),
      ]);
      expect(await store.getHistory({ entityRef: ref }, 10)).toHaveLength(1);

      // Removed from the catalog: its history goes with it.
      await store.deleteEntities([ref]);
      expect(await store.getHistory({ entityRef: ref }, 10)).toEqual([]);
      expect(await store.getEvaluation(ref)).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    "prunes history older than the retention but keeps each entity's latest row, %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ok = resultFor(DEPLOYMENT);
      const broken = resultFor(OLD_INGRESS);
      for (const [i, day] of ['01', '02', '03'].entries()) {
        await store.writeBatch([
          resultWrite(summary('busy'), i % 2 ? broken : ok, {
            at: at(`2025-01-${day}T00:00:00Z`),
          }),
        ]);
      }
      await store.writeBatch([
        resultWrite(summary('quiet'), ok, { at: at('2025-01-01T00:00:00Z') }),
      ]);
      await store.writeBatch([
        resultWrite(summary('busy'), broken, {
          at: at('2026-11-01T00:00:00Z'),
        }),
      ]);
      const before = await store.getDataVersion();
      const deleted = await store.pruneHistory(at('2026-01-01T00:00:00Z'));
      expect(deleted).toBe(3);
      const busy = await store.getHistory(
        { entityRef: 'component:default/busy' },
        10,
      );
      expect(busy.map(h => h.evaluatedAt)).toEqual([
        '2026-11-01T00:00:00.000Z',
      ]);
      // The only row of a component that has not changed for long stays: it is its level.
      expect(
        await store.getHistory({ entityRef: 'component:default/quiet' }, 10),
      ).toHaveLength(1);
      expect((await store.getDataVersion()).historyRemovedSeq).toBeGreaterThan(
        before.changeSeq,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'lists portfolio rows, results, sources and history windows, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeBatch([
        resultWrite(
          summary('a', 'group:default/team-a'),
          resultFor(DEPLOYMENT),
          {
            at: at('2026-10-01T00:00:00.000Z'),
          },
        ),
      ]);
      await store.writeBatch([
        resultWrite(
          summary('b', 'group:default/team-b'),
          resultFor(OLD_INGRESS),
          { at: at('2026-11-05T00:00:00.000Z') },
        ),
      ]);
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
      expect(await store.listApiUsage()).toEqual(
        new Map([
          [
            'component:default/a',
            {
              apiKinds: ['apps/v1\tDeployment'],
              currentVersions: {},
              clusters: [],
            },
          ],
          [
            'component:default/b',
            {
              apiKinds: ['extensions/v1beta1\tIngress'],
              currentVersions: {},
              clusters: [],
            },
          ],
        ]),
      );

      // The change number moves with every write; rows written after it are listed alone.
      const version = await store.getDataVersion();
      await store.writeBatch([staleWrite(summary('a'), 'timeout')]);
      const next = await store.getDataVersion();
      expect(next.changeSeq).toBeGreaterThan(version.changeSeq);
      expect(next.rowsRemovedSeq).toBe(version.rowsRemovedSeq);
      expect(
        (await store.listRows({ changedAfter: version.changeSeq })).map(
          r => r.name,
        ),
      ).toEqual(['a']);

      await store.writeBatch([
        {
          entityRef: 'component:default/a',
          sources: {
            entityRef: 'component:default/a',
            entityHash: 'e',
            manifestsHash: 'm',
            records: [
              {
                source: 'path:deploy/',
                target: 'file:/repo/deploy/',
                etag: '1',
                manifests: [{ path: 'deploy/web.yaml', content: DEPLOYMENT }],
                findings: [],
              },
            ],
            readAt: new Date().toISOString(),
          },
        },
      ]);
      expect(
        (await store.getSources('component:default/a'))?.records[0].manifests[0]
          .content,
      ).toBe(DEPLOYMENT);

      await store.deleteEntities(['component:default/a']);
      expect(await store.getEvaluation('component:default/a')).toBeUndefined();
      expect(await store.getSources('component:default/a')).toBeUndefined();
      expect((await store.getDataVersion()).rowsRemovedSeq).toBeGreaterThan(
        next.changeSeq,
      );
    },
  );

  /** A planned move, a cluster at 1.31 and an API removed in 1.22: both questions answered. */
  const answeredResult = () =>
    evaluate({
      entity: {
        kind: 'Component',
        metadata: {
          name: 'web',
          annotations: {
            'runtime-mode.dev/clusters': 'bm',
            'runtime-mode.dev/target-mode': 'container-virtualization',
          },
        },
      },
      manifests: [
        { path: 'deploy.yaml', content: DEPLOYMENT },
        { path: 'ingress.yaml', content: OLD_INGRESS },
      ],
      config: {
        clusters: [
          {
            name: 'bm',
            mode: 'bare-metal-container',
            kubernetesVersion: '1.31',
          },
        ],
      },
      options: { targets: { k8s: '1.34' } },
    });

  it.each(databases.eachSupportedId())(
    'keeps the answers to both questions beside each result, and the versions its clusters run, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const result = answeredResult();
      expect(result.upgrade.level).toBe('broken-now');
      expect(result.migration).not.toBeNull();
      await store.writeBatch([resultWrite(summary('web'), result)]);

      const [row] = await store.listRows();
      expect(row).toMatchObject({
        upgradeLevel: 'broken-now',
        brokenNow: result.upgrade.counts.brokenNow,
        breaksAtUpgrade: result.upgrade.counts.breaksAtUpgrade,
        migrationLevel: result.migration!.level,
        checksPassing: result.migration!.checks.passing,
        checksTotal: result.migration!.checks.total,
        suggestedMode: result.suggestion?.mode ?? null,
        topBlocker: {
          ruleId: 'api-removed',
          message: expect.stringContaining('extensions/v1beta1'),
          file: 'ingress.yaml',
          line: 1,
        },
      });
      expect(row.brokenNow).toBeGreaterThan(0);
      expect(await store.listApiUsage()).toEqual(
        new Map([
          [
            'component:default/web',
            {
              apiKinds: ['apps/v1\tDeployment', 'extensions/v1beta1\tIngress'],
              currentVersions: { k8s: '1.31' },
              clusters: ['bm'],
            },
          ],
        ]),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the answers out for a pending row and a result of an older rule set: unanswered, not "no move planned", %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const { upgrade, migration, suggestion, ...older } = answeredResult();
      await store.writeBatch([
        resultWrite(summary('older'), {
          ...older,
          ruleSetVersion: '2026.11.0',
        }),
        staleWrite(summary('pending'), 'not read yet'),
      ]);
      const rows = await store.listRows();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).not.toHaveProperty('upgradeLevel');
        expect(row).not.toHaveProperty('migrationLevel');
        expect(row).not.toHaveProperty('topBlocker');
      }
      expect(
        (await store.listApiUsage()).get('component:default/older')
          ?.currentVersions,
      ).toEqual({});
    },
  );

  it.each(databases.eachSupportedId())(
    'the two-questions migration has every stored result evaluated again, and is undone with the data in place, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.writeBatch([
        resultWrite(summary('web'), answeredResult(), { inputHash: 'h1' }),
      ]);
      // Down to before the two-questions migration, however many came since.
      const directory = `${__dirname}/../../migrations`;
      while (
        (await knex.migrate.currentVersion({ directory })) >= '20261202010000'
      ) {
        await knex.migrate.down({ directory });
      }
      for (const column of ['upgrade_level', 'top_blocker_message']) {
        expect(
          await knex.schema.hasColumn('runtime_mode_evaluations', column),
        ).toBe(false);
      }
      expect(
        (await store.getInputHashes()).get('component:default/web'),
      ).toEqual({ inputHash: 'h1', status: 'fresh' });

      await DatabaseEvaluationStore.migrateUp(knex);
      // A forgotten hash only means "evaluate again": the result stays.
      expect(
        (await store.getInputHashes()).get('component:default/web')?.inputHash,
      ).toBeUndefined();
      expect(
        (await store.getEvaluation('component:default/web'))?.result,
      ).not.toBeNull();
      const [row] = await store.listRows();
      expect(row).not.toHaveProperty('upgradeLevel');
    },
  );

  const claim = (entityRef: string, key: string, claimedAt = new Date()) => ({
    entityRef,
    key,
    payload: JSON.stringify({ payload: { title: key } }),
    at: claimedAt,
  });

  it.each(databases.eachSupportedId())(
    'claims a notification once per entity and event, and forgets the claims of a deleted entity, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const web = 'component:default/web';
      expect(await store.claimNotification(claim(web, 'removal:k8s:a'))).toBe(
        true,
      );
      expect(await store.claimNotification(claim(web, 'removal:k8s:a'))).toBe(
        false,
      );
      expect(await store.claimNotification(claim(web, 'removal:k8s:b'))).toBe(
        true,
      );
      expect(
        await store.claimNotification(
          claim('component:default/api', 'removal:k8s:a'),
        ),
      ).toBe(true);
      await store.deleteEntities([web]);
      expect(await store.claimNotification(claim(web, 'removal:k8s:a'))).toBe(
        true,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps an unsent notification due for another attempt, once per caller, until it is sent or out of attempts, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const web = 'component:default/web';
      const longAgo = new Date('2026-12-01T08:00:00.000Z');
      await store.claimNotification(claim(web, 'unsent', longAgo));
      await store.claimNotification(claim(web, 'sent', longAgo));
      await store.markNotificationSent(web, 'sent', new Date());
      await store.claimNotification(claim(web, 'recent'));

      const options = {
        at: new Date(),
        claimedBefore: new Date(Date.now() - 60_000),
        maxAttempts: 3,
        limit: 10,
      };
      expect(await store.claimUnsentNotifications(options)).toEqual([
        {
          entityRef: web,
          key: 'unsent',
          payload: JSON.stringify({ payload: { title: 'unsent' } }),
          attempts: 2,
        },
      ]);
      // Claimed just now: not due again, for this caller or another.
      expect(await store.claimUnsentNotifications(options)).toEqual([]);
      const later = { ...options, claimedBefore: new Date(Date.now() + 1000) };
      expect(
        (await store.claimUnsentNotifications(later)).map(n => [
          n.key,
          n.attempts,
        ]),
      ).toEqual([
        ['unsent', 3],
        ['recent', 2],
      ]);
      // The third attempt was the last one allowed.
      await store.markNotificationSent(web, 'recent', new Date());
      expect(
        await store.claimUnsentNotifications({
          ...later,
          claimedBefore: new Date(Date.now() + 2000),
        }),
      ).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives a due notification to one of two replicas asking at once, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.claimNotification(
        claim('component:default/web', 'unsent', new Date('2026-12-01')),
      );
      const options = {
        at: new Date(),
        claimedBefore: new Date(),
        maxAttempts: 5,
        limit: 10,
      };
      const [a, b] = await Promise.all([
        store.claimUnsentNotifications(options),
        store.claimUnsentNotifications(options),
      ]);
      expect(a.length + b.length).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'undoes the owner-notifications migration, and applies it again, %p',
    async databaseId => {
      const { knex } = await createStore(databaseId);
      const directory = `${__dirname}/../../migrations`;
      expect(await knex.schema.hasTable('runtime_mode_notified')).toBe(true);
      // Undone with whatever came after it.
      while (
        (await knex.migrate.currentVersion({ directory })) >= '20261203000000'
      ) {
        await knex.migrate.down({ directory });
      }
      expect(await knex.schema.hasTable('runtime_mode_notified')).toBe(false);
      await DatabaseEvaluationStore.migrateUp(knex);
      expect(await knex.schema.hasTable('runtime_mode_notified')).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'the component-clusters migration has every stored result evaluated again, which records its clusters, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.writeBatch([
        resultWrite(summary('web'), answeredResult(), { inputHash: 'h1' }),
      ]);
      // Undone with whatever came after it.
      const directory = `${__dirname}/../../migrations`;
      while (
        (await knex.migrate.currentVersion({ directory })) >= '20261203010000'
      ) {
        await knex.migrate.down({ directory });
      }
      expect(
        await knex.schema.hasColumn('runtime_mode_evaluations', 'clusters'),
      ).toBe(false);
      await DatabaseEvaluationStore.migrateUp(knex);
      expect(
        (await store.getInputHashes()).get('component:default/web')?.inputHash,
      ).toBeUndefined();
      // Until the refresh writes it again, the row says it does not know.
      expect(
        (await store.listApiUsage()).get('component:default/web')?.clusters,
      ).toBeNull();
      await store.writeBatch([
        resultWrite(summary('web'), answeredResult(), { inputHash: 'h2' }),
      ]);
      expect(
        (await store.listApiUsage()).get('component:default/web')?.clusters,
      ).toEqual(['bm']);
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
        'runtime_mode_changes',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await DatabaseEvaluationStore.migrateUp(knex);
      expect(await knex.schema.hasTable('runtime_mode_history')).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'undoes the 2026-12 migrations with the data in place, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const longTitle = 't'.repeat(400);
      await store.writeBatch([
        {
          ...resultWrite(
            summaryOf('web', { title: longTitle, entityUid: 'u' }),
            resultFor(DEPLOYMENT),
          ),
          sources: {
            entityRef: 'component:default/web',
            entityHash: 'e',
            manifestsHash: 'm',
            records: [
              {
                source: 'path:deploy/',
                target: 'file:/repo/deploy/',
                etag: 'tree-1',
                manifests: [{ path: 'deploy/web.yaml', content: DEPLOYMENT }],
                findings: [],
              },
            ],
            readAt: new Date().toISOString(),
          },
        },
      ]);
      // Down to the last migration before December 2026, however many came since.
      const directory = `${__dirname}/../../migrations`;
      while ((await knex.migrate.currentVersion({ directory })) > '20261130') {
        await knex.migrate.down({ directory });
      }
      expect(await knex.schema.hasTable('runtime_mode_changes')).toBe(false);
      expect(await knex.schema.hasTable('runtime_mode_watched_locations')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('runtime_mode_push_queue')).toBe(false);
      expect(
        await knex.schema.hasColumn('runtime_mode_evaluations', 'result_hash'),
      ).toBe(true);
      const [source] = await knex('runtime_mode_sources').select('manifests');
      expect(JSON.parse(source.manifests)).toEqual([
        {
          source: 'path:deploy/',
          path: 'deploy/web.yaml',
          content: DEPLOYMENT,
          etag: 'tree-1',
        },
      ]);
      const [row] = await knex('runtime_mode_evaluations').select('title');
      expect(row.title).toBe(
        databaseId === 'POSTGRES_15' ? longTitle.slice(0, 255) : longTitle,
      );

      await DatabaseEvaluationStore.migrateUp(knex);
      const records = (await store.getSources('component:default/web'))
        ?.records;
      expect(records).toEqual([
        expect.objectContaining({
          source: 'path:deploy/',
          manifests: [
            { path: 'deploy/web.yaml', content: DEPLOYMENT, etag: 'tree-1' },
          ],
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the objects of stored results exactly as the full results hold them, and nothing for an entity without a result, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const broken = resultFor(`${DEPLOYMENT}---\n${OLD_INGRESS}`);
      await store.writeBatch([
        resultWrite(summary('web'), broken),
        staleWrite(
          summary('never'),
          'not read yet',
          at('2026-11-01T00:00:00Z'),
        ),
      ]);
      const objects = await store.listResultObjects([
        'component:default/web',
        'component:default/never',
      ]);
      const [full] = await store.listResults(['component:default/web']);
      expect(objects.get('component:default/web')).toEqual(full.result.objects);
      expect(objects.get('component:default/web')).toHaveLength(2);
      expect(objects.has('component:default/never')).toBe(false);
    },
  );
});
