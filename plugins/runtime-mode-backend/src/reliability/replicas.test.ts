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
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  actionsRegistryServiceMock,
  metricsServiceMock,
} from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { setTimeout as sleep } from 'node:timers/promises';
import { runtimeModePlugin } from '../plugin';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
  visibilityAwareCatalog,
} from '../testUtils/fixtures';
import { FakeScm } from '../testUtils/FakeScm';
import { deploymentManifest } from '../testUtils/estate';
import { reportMeasurement } from '../testUtils/reliabilityReport';

jest.setTimeout(120_000);

type Run = {
  replica: string;
  start: number;
  end?: number;
  aborted?: boolean;
};

/**
 * Records each scheduled refresh of a replica: it starts when the refresher
 * streams the Components and ends with its closing log line.
 */
function recorder(replica: string, runs: Run[]) {
  const current = () =>
    [...runs].reverse().find(r => r.replica === replica && !r.end);
  const ended = (message: string) => {
    const run = current();
    if (!run) return;
    if (message.startsWith('Runtime mode refresh finished')) {
      run.end = Date.now();
    } else if (message.startsWith('Runtime mode refresh stopped')) {
      run.end = Date.now();
      run.aborted = true;
    }
  };
  const logger: LoggerService = {
    info: ended,
    warn: ended,
    error: () => {},
    debug: () => {},
    child: () => logger,
  };
  return {
    logger: createServiceFactory({
      service: coreServices.rootLogger,
      deps: {},
      factory: () => logger as any,
    }),
    started: () => runs.push({ replica, start: Date.now() }),
  };
}

async function startReplica(options: {
  name: string;
  knex: Knex;
  entities: Entity[];
  runs: Run[];
  schedule: JsonObject;
  extra?: any[];
}) {
  const { catalog, factory } = visibilityAwareCatalog(options.entities);
  const record = recorder(options.name, options.runs);
  const stream = catalog.streamEntities.getMockImplementation()!;
  catalog.streamEntities.mockImplementation((request, opts) => {
    if ((request?.filter as { kind?: string })?.kind === 'Component') {
      record.started();
    }
    return stream(request, opts);
  });
  return startTestBackend({
    features: [
      runtimeModePlugin,
      factory,
      record.logger,
      schedulerServiceFactory,
      metricsServiceMock.factory(),
      actionsRegistryServiceMock.factory(),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({
        data: {
          runtimeMode: {
            apiPolicy: { targets: { k8s: '1.34' } },
            schedule: options.schedule,
          },
        },
      }),
      ...(options.extra ?? []),
    ],
  });
}

/** Pairs of runs, on any replicas, that were in progress at the same time. */
function overlaps(runs: Run[]) {
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  return sorted
    .slice(1)
    .filter((run, i) => run.start < (sorted[i].end ?? Infinity));
}

async function waitFor(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await sleep(100);
  return condition();
}

/**
 * Two replicas on one PostgreSQL database, with Backstage's real scheduler:
 * the global refresh task must run once per tick between them, never two at
 * a time, and history must hold one row per change.
 */
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const withPostgres = databases.eachSupportedId().length > 0;
if (!withPostgres) {
  // eslint-disable-next-line no-console
  console.warn(
    'Skipping the two-replica fault tests: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING to run them (CI does).',
  );
}

(withPostgres ? describe : describe.skip)(
  'fault: two backends on one PostgreSQL database',
  () => {
    it.each(databases.eachSupportedId())(
      'refresh once per tick over many ticks, never at the same time, one history row per change, %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const names = Array.from({ length: 30 }, (_, i) => `c${i}`);
        const tree = createManifestTree(
          Object.fromEntries(
            names.map(n => [`${n}/deploy/web.yaml`, DEPLOYMENT]),
          ),
        );
        const entities = names.map(name =>
          component(name, {
            root: `${tree.root}/${name}`,
            manifests: 'deploy/',
          }),
        );
        const runs: Run[] = [];
        const schedule = {
          frequency: { seconds: 1 },
          timeout: { seconds: 30 },
          initialDelay: { seconds: 1 },
        };
        const first = await startReplica({
          name: 'first',
          knex,
          entities,
          runs,
          schedule,
        });
        const second = await startReplica({
          name: 'second',
          knex,
          entities,
          runs,
          schedule,
        });
        const started = Date.now();
        let changes = 0;
        try {
          // Between ticks a component's manifest changes (its level with it).
          for (const name of names.slice(0, 12)) {
            const finished = runs.filter(r => r.end).length;
            await waitFor(
              () => runs.filter(r => r.end).length > finished,
              15_000,
            );
            tree.write(
              `${name}/deploy/web.yaml`,
              `${DEPLOYMENT}---\n${OLD_INGRESS}`,
            );
            changes += 1;
          }
          // One more complete run after the last change.
          const atLastChange = Date.now();
          expect(
            await waitFor(
              () => runs.some(r => r.start > atLastChange && r.end),
              15_000,
            ),
          ).toBe(true);
        } finally {
          await first.stop();
          await second.stop();
          tree.cleanup();
        }
        const elapsedS = (Date.now() - started) / 1000;
        const done = runs.filter(r => r.end);
        expect(done.length).toBeGreaterThanOrEqual(13);
        // One run per one-second tick between both replicas, not one each.
        expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsedS) + 1);
        expect(overlaps(runs)).toEqual([]);
        const history = await knex('runtime_mode_history')
          .select('entity_ref')
          .count({ n: '*' })
          .groupBy('entity_ref');
        const historyRows = history.reduce((sum, h) => sum + Number(h.n), 0);
        expect(historyRows).toBe(names.length + changes);
        const rows = await knex('runtime_mode_evaluations').where({
          status: 'fresh',
        });
        expect(rows).toHaveLength(names.length);

        reportMeasurement('two backends, many ticks', databaseId, {
          components: names.length,
          ticks: done.length,
          runsFirstReplica: done.filter(r => r.replica === 'first').length,
          runsSecondReplica: done.filter(r => r.replica === 'second').length,
          overlappingRuns: overlaps(runs).length,
          manifestChanges: changes,
          historyRows,
          expectedHistoryRows: names.length + changes,
          seconds: Math.round(elapsedS),
        });
      },
    );

    it.each(databases.eachSupportedId())(
      'a refresh stops at its timeout, and no replica starts another while it runs, %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const scm = new FakeScm();
        // A download takes 250 ms: 120 of them, 8 at a time, outlast the 2 s timeout.
        scm.delayMs = 250;
        const entities = scm.hostComponents(
          Array.from({ length: 120 }, (_, i) => `s${i}`),
          name => ({ 'deploy/app.yaml': deploymentManifest(name) }),
        );
        const urlReader = createServiceFactory({
          service: coreServices.urlReader,
          deps: {},
          factory: () => scm,
        });
        const runs: Run[] = [];
        const schedule = {
          frequency: { seconds: 1 },
          timeout: { seconds: 2 },
          initialDelay: { seconds: 1 },
        };
        const replicas = [
          await startReplica({
            name: 'first',
            knex,
            entities,
            runs,
            schedule,
            extra: [urlReader],
          }),
          await startReplica({
            name: 'second',
            knex,
            entities,
            runs,
            schedule,
            extra: [urlReader],
          }),
        ];
        try {
          expect(
            await waitFor(() => runs.some(r => r.end && !r.aborted), 40_000),
          ).toBe(true);
        } finally {
          for (const replica of replicas) await replica.stop();
        }
        const aborted = runs.filter(r => r.aborted);
        expect(aborted.length).toBeGreaterThanOrEqual(1);
        // Stopped within one download of the timeout, not when its work was done.
        const overrun = Math.max(...aborted.map(r => r.end! - r.start - 2000));
        expect(overrun).toBeLessThan(1000);
        expect(overlaps(runs)).toEqual([]);
        const fresh = await knex('runtime_mode_evaluations').where({
          status: 'fresh',
        });
        expect(fresh).toHaveLength(entities.length);
        const historyRows = Number(
          (await knex('runtime_mode_history').count({ n: '*' }))[0].n,
        );
        expect(historyRows).toBe(entities.length);

        reportMeasurement('refresh timeout across two backends', databaseId, {
          components: entities.length,
          downloadMs: scm.delayMs,
          timeoutMs: 2000,
          runs: runs.filter(r => r.end).length,
          abortedRuns: aborted.length,
          worstOverrunMs: overrun,
          overlappingRuns: overlaps(runs).length,
          downloads: scm.downloads,
          historyRows,
        });
      },
    );
  },
);
