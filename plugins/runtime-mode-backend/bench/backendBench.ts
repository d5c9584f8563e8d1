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

/* eslint-disable no-console */
/**
 * Scale benchmark of the Runtime Mode backend: a generated catalog of
 * components with manifests on disk (file locations), stored in SQLite (or
 * PostgreSQL with --pg), refreshed by the real refresher and served by the
 * real router over HTTP.
 *
 *   yarn bench            10,000 components
 *   yarn bench --smoke    300 components, a few seconds (CI)
 *   yarn bench --pg       PostgreSQL from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 */
import { ConfigReader } from '@backstage/config';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { DatabaseEvaluationStore } from '../src/database/DatabaseEvaluationStore';
import { EvaluationRefresher } from '../src/service/EvaluationRefresher';
import { EvaluationService } from '../src/service/EvaluationService';
import { ManifestReader } from '../src/service/ManifestReader';
import { ReadableEntities } from '../src/service/ReadableEntities';
import { StoredRowsCache } from '../src/service/StoredRowsCache';
import { readPluginConfig } from '../src/service/readPluginConfig';
import { createRouter } from '../src/service/router';
import {
  ESTATE_CLUSTERS,
  estateComponentName,
  generateEstate,
  inMemoryCatalog,
  silentLogger,
  writeEstateManifest,
} from '../src/testUtils/estate';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const usePg = args.includes('--pg');
const COUNT = Number(process.env.BENCH_COMPONENTS ?? (smoke ? 300 : 10_000));
const REQUESTS = smoke ? 30 : 200;

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

async function latency(
  base: string,
  pathAndQuery: string,
  before?: (i: number) => Promise<void>,
  requests = REQUESTS,
) {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    await before?.(i);
    const [res, ms] = await time(async () => {
      const r = await fetch(`${base}${pathAndQuery}`);
      const text = await r.text();
      if (!r.ok)
        throw new Error(`${pathAndQuery} answered ${r.status}: ${text}`);
      return text;
    });
    bytes = res.length;
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    bytes,
  };
}

async function createDatabase(
  dir: string,
): Promise<{ knex: Knex; drop: () => Promise<void> }> {
  if (usePg) {
    const connection =
      process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
    if (!connection) {
      throw new Error(
        '--pg needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
      );
    }
    const db = `runtime_mode_bench_${Date.now()}`;
    const admin = knexFactory({ client: 'pg', connection });
    await admin.raw(`CREATE DATABASE ${db}`);
    const knex = knexFactory({
      client: 'pg',
      connection: `${connection.replace(/\/$/, '')}/${db}`,
    });
    return {
      knex,
      drop: async () => {
        await knex.destroy();
        await admin.raw(`DROP DATABASE IF EXISTS ${db}`);
        await admin.destroy();
      },
    };
  }
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'bench.sqlite') },
    useNullAsDefault: true,
  });
  return { knex, drop: () => knex.destroy() };
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-bench-'));
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const lines: string[] = [];
  const report = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  try {
    const [entities, genMs] = await time(async () =>
      generateEstate(root, COUNT),
    );
    report(`# Runtime Mode backend benchmark${smoke ? ' (smoke)' : ''}`);
    report(`date: ${new Date().toISOString()}`);
    report(
      `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(
        os.totalmem() /
        2 ** 30
      ).toFixed(1)} GiB, ${os.platform()} ${os.release()}, node ${
        process.version
      }`,
    );
    report(
      `database: ${usePg ? 'PostgreSQL' : 'SQLite (better-sqlite3, file)'}`,
    );
    report(`components: ${COUNT} (generated in ${genMs.toFixed(0)} ms)`);

    const { knex, drop } = await createDatabase(root);
    await DatabaseEvaluationStore.migrateUp(knex);
    const store = DatabaseEvaluationStore.fromClient(knex);
    const catalog = inMemoryCatalog(entities);
    const auth: any = {
      getOwnServiceCredentials: async () => ({
        principal: { type: 'service', subject: 'plugin:runtime-mode' },
      }),
      isPrincipal: () => true,
    };
    const config = readPluginConfig(
      new ConfigReader({
        runtimeMode: {
          clusters: ESTATE_CLUSTERS,
          apiPolicy: { targets: { k8s: '1.34', kubevirt: '1.6.0' } },
          api: { readableCacheMs: 10_000 },
        },
      }),
    );
    const refresher = new EvaluationRefresher({
      catalog,
      auth,
      store,
      reader: new ManifestReader({
        urlReader: {} as any,
        logger: silentLogger,
        maxFiles: 200,
        maxFileBytes: 1_000_000,
      }),
      config,
      logger: silentLogger,
    });

    const [full, fullMs] = await time(() => refresher.refreshAll());
    report(
      `full refresh: ${fullMs.toFixed(0)} ms (${full.evaluated} evaluated, ${(
        fullMs / COUNT
      ).toFixed(2)} ms/component)`,
    );
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const ROUNDS = 3;
    const noopRuns: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const [noop, ms] = await time(() => refresher.refreshAll());
      if (noop.evaluated !== 0) {
        throw new Error(
          `an unchanged refresh evaluated ${noop.evaluated} components`,
        );
      }
      noopRuns.push(ms);
    }
    const noopMs = median(noopRuns);
    report(
      `refresh, nothing changed: ${noopMs.toFixed(
        0,
      )} ms median of ${ROUNDS} (0 evaluated, ${COUNT} unchanged)`,
    );

    let round = 0;
    const changeFiles = async (fraction: number) => {
      round += 1;
      const step = Math.max(1, Math.round(1 / fraction));
      let changed = 0;
      for (let i = round % step; i < COUNT; i += step) {
        writeEstateManifest(root, i, round);
        changed += 1;
      }
      return changed;
    };
    const incremental = async (fraction: number) => {
      const runs: number[] = [];
      let changed = 0;
      for (let r = 0; r < ROUNDS; r++) {
        changed = await changeFiles(fraction);
        const [stats, ms] = await time(() => refresher.refreshAll());
        if (stats.evaluated !== changed) {
          throw new Error(
            `incremental refresh evaluated ${
              stats.evaluated
            }, expected ${changed}: ${JSON.stringify(stats)}`,
          );
        }
        runs.push(ms);
      }
      return { changed, ms: median(runs) };
    };
    const inc1 = await incremental(0.01);
    report(
      `incremental refresh, 1% changed (${inc1.changed}): ${inc1.ms.toFixed(
        0,
      )} ms median of ${ROUNDS}, exactly ${inc1.changed} evaluated`,
    );
    const inc10 = await incremental(0.1);
    report(
      `incremental refresh, 10% changed (${inc10.changed}): ${inc10.ms.toFixed(
        0,
      )} ms median of ${ROUNDS}, exactly ${inc10.changed} evaluated`,
    );
    const perChange = (fullMs - noopMs) / COUNT;
    report(
      `cost model: check ${(noopMs / COUNT).toFixed(
        3,
      )} ms/component (one stat or conditional request per source) + evaluate and store ${perChange.toFixed(
        2,
      )} ms/changed component`,
    );
    report(
      `cost over an unchanged run: 1% -> ${(inc1.ms - noopMs).toFixed(
        0,
      )} ms, 10% -> ${(inc10.ms - noopMs).toFixed(0)} ms, full -> ${(
        fullMs - noopMs
      ).toFixed(0)} ms; incremental(1%) / full = ${(inc1.ms / fullMs).toFixed(
        3,
      )}`,
    );

    const app = express();
    app.use(
      '/api/runtime-mode',
      await createRouter({
        logger: silentLogger,
        httpAuth: {
          credentials: async () => ({
            principal: { type: 'user', userEntityRef: 'user:default/bench' },
          }),
        } as any,
        auth,
        permissions: { authorize: async () => [{ result: 'ALLOW' }] } as any,
        store,
        readable: new ReadableEntities({
          catalog,
          cacheMs: config.readableCacheMs,
        }),
        refresher,
        evaluations: new EvaluationService(store, config),
        rowsCache: new StoredRowsCache(store),
        config,
      }),
    );
    const server = http.createServer(app);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/runtime-mode`;
    try {
      const cases: Array<[string, string]> = [
        ['portfolio summary (page 1)', '/v1/portfolio'],
        [
          'portfolio, filtered (owner+level)',
          '/v1/portfolio?owner=team-7&level=blocked,ready-with-warnings',
        ],
        [
          'portfolio page 200, sorted by score desc',
          '/v1/portfolio?page=200&pageSize=25&sort=score&order=desc&groupBy=system',
        ],
        ['entity result', '/v1/entities/default/component/svc-00007'],
        [
          'blast radius k8s 1.22',
          '/v1/blast-radius?component=k8s&version=1.22',
        ],
        ['cluster upgrade view (every cluster)', '/v1/clusters'],
      ];
      report('');
      report('| request | median ms | p95 ms | response bytes |');
      report('|---|---:|---:|---:|');
      const results: Record<string, { p95: number }> = {};
      for (const [label, url] of cases) {
        const r = await latency(base, url);
        results[label] = r;
        report(
          `| ${label} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${
            r.bytes
          } |`,
        );
      }
      // Every request right after a write: the row cache must reload from the database.
      const cold = await latency(
        base,
        '/v1/portfolio',
        async i => {
          const name = estateComponentName(i);
          const entityRef = `component:default/${name}`;
          await store.writeBatch([
            {
              entityRef,
              evaluation: {
                type: 'stale',
                summary: { entityRef, namespace: 'default', name },
                reason: 'benchmark write',
                at: new Date(),
              },
            },
          ]);
        },
        Math.min(REQUESTS, 50),
      );
      report(
        `| portfolio summary, after a write (cache reload) | ${cold.median.toFixed(
          1,
        )} | ${cold.p95.toFixed(1)} | ${cold.bytes} |`,
      );
      report('');
      const p95 = results['portfolio summary (page 1)'].p95;
      report(
        `portfolio summary p95 ${p95.toFixed(1)} ms (target < 150 ms): ${
          p95 < 150 ? 'met' : 'NOT met'
        }`,
      );
    } finally {
      server.close();
    }
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    report(`peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
    await drop();
  } finally {
    clearInterval(sampler);
    fs.rmSync(root, { recursive: true, force: true });
  }
  if (process.env.BENCH_OUTPUT) {
    fs.writeFileSync(process.env.BENCH_OUTPUT, `${lines.join('\n')}\n`);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
