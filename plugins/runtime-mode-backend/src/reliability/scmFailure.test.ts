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
import { ServiceUnavailableError } from '@backstage/errors';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import { FakeScm } from '../testUtils/FakeScm';
import {
  deploymentManifest,
  estateComponentName,
  oldIngressManifest,
} from '../testUtils/estate';
import { refresherFor } from '../testUtils/refresherFor';
import { reportMeasurement } from '../testUtils/reliabilityReport';

jest.setTimeout(120_000);

const COUNT = 400;
/** The SCM answers this many reads of the second run, then 503 to every other. */
const ANSWERED = 150;

describe('fault: an SCM source fails in the middle of a refresh', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'keeps every previous result, marks it stale with the reason, and loses nothing, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await DatabaseEvaluationStore.migrateUp(knex);
      const store = DatabaseEvaluationStore.fromClient(knex);
      const scm = new FakeScm();
      const names = Array.from({ length: COUNT }, (_, i) =>
        estateComponentName(i),
      );
      const entities = scm.hostComponents(names, name => ({
        'deploy/app.yaml': deploymentManifest(name),
      }));
      const refresher = refresherFor({
        entities,
        store,
        urlReader: scm,
        logger: mockServices.logger.mock(),
      });

      expect(await refresher.refreshAll()).toMatchObject({ evaluated: COUNT });
      const before = new Map(
        (await store.listResults(names.map(n => `component:default/${n}`))).map(
          r => [r.entityRef, JSON.stringify(r.result)],
        ),
      );

      // Every repository gets a removed Ingress; the SCM fails part-way through.
      for (const name of names) {
        scm.setFiles(`acme/${name}`, {
          'deploy/app.yaml': deploymentManifest(name),
          'deploy/ingress.yaml': oldIngressManifest(name),
        });
      }
      const callsBefore = scm.calls.length;
      scm.fault = call =>
        call > callsBefore + ANSWERED
          ? new ServiceUnavailableError('GitHub answered 503')
          : undefined;
      const failing = await refresher.refreshAll();
      expect(failing).toMatchObject({
        seen: COUNT,
        evaluated: ANSWERED,
        stale: COUNT - ANSWERED,
        failed: 0,
        removed: 0,
      });
      const rows = await store.listRows();
      const stale = rows.filter(r => r.status === 'stale');
      expect(stale).toHaveLength(COUNT - ANSWERED);
      const staleResults = await store.listResults(stale.map(r => r.entityRef));
      const unchangedResults = staleResults.filter(
        r => JSON.stringify(r.result) === before.get(r.entityRef),
      );
      // Every stale row keeps its previous result, with the reason.
      expect(unchangedResults).toHaveLength(COUNT - ANSWERED);
      const reasons = await Promise.all(
        stale.slice(0, 5).map(r => store.getEvaluation(r.entityRef)),
      );
      for (const reason of reasons) {
        expect(reason?.staleReason).toContain('GitHub answered 503');
      }
      expect(rows.filter(r => r.level === 'blocked')).toHaveLength(ANSWERED);
      const historyAfterFailure = Number(
        (await knex('runtime_mode_history').count({ n: '*' }))[0].n,
      );
      expect(historyAfterFailure).toBe(COUNT + ANSWERED);

      // The SCM recovers: the next run evaluates exactly what was left stale.
      scm.fault = undefined;
      const recovered = await refresher.refreshAll();
      expect(recovered).toMatchObject({
        evaluated: COUNT - ANSWERED,
        unchanged: ANSWERED,
        stale: 0,
      });
      const final = await store.listRows();
      expect(
        final.every(r => r.status === 'fresh' && r.level === 'blocked'),
      ).toBe(true);
      const history = await knex('runtime_mode_history')
        .select('entity_ref')
        .count({ n: '*' })
        .groupBy('entity_ref');
      expect(history).toHaveLength(COUNT);
      expect(history.every(h => Number(h.n) === 2)).toBe(true);

      reportMeasurement('SCM source failing mid-refresh', databaseId, {
        components: COUNT,
        readsAnsweredBeforeFailure: ANSWERED,
        evaluatedDuringFailure: failing.evaluated,
        markedStale: stale.length,
        staleKeepingPreviousResult: unchangedResults.length,
        resultsLost: COUNT - final.length,
        evaluatedAfterRecovery: recovered.evaluated,
        historyRowsPerComponent: 2,
        failingRunMs: failing.durationMs,
      });
    },
  );
});
