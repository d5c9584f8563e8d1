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
 *   yarn bench --scale    10,000, 50,000 and 100,000 components, one process
 *                         each, and how every figure grows with N
 *   yarn bench --built    any of the above as one bundled JavaScript file, as a
 *                         built backend runs: without the TypeScript transform
 *                         that loading the sources needs (~65 MiB of RSS)
 *
 * BENCH_COMPONENTS sets the number of components, BENCH_ROUNDS the runs per
 * refresh figure (3; 0 measures the full refresh only), BENCH_OUTPUT a file for the report and BENCH_FIGURES a
 * file for the figures as JSON (what --scale reads).
 */
import { ConfigReader } from '@backstage/config';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { execFileSync } from 'node:child_process';
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
import type { Entity } from '@backstage/catalog-model';
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
const scale = args.includes('--scale');
const built = args.includes('--built');
/** Set in the bundle that --built runs (see runBuilt). */
const isBundle = process.env.RUNTIME_MODE_BENCH_BUNDLE === '1';
const COUNT = Number(process.env.BENCH_COMPONENTS ?? (smoke ? 300 : 10_000));
const REQUESTS = smoke ? 30 : 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SCALE_STEPS = smoke ? [300, 600] : [10_000, 50_000, 100_000];
/** Issue 12's peak RSS targets of the backend process, by number of components. */
const RSS_TARGET_MIB: Record<number, number> = { 10_000: 300, 100_000: 1024 };
/** The caller who may read every tenth component (header x-bench-user). */
const TENTH_READER = 'user:default/tenth';
/** The blast radius panel's page size (BlastRadiusPanel.tsx). */
const BLAST_RADIUS_PAGE = 10;

const mib = (bytes: number) => bytes / 2 ** 20;

/** Peak RSS since the current request case started (sampled with the phases). */
let casePeak = 0;

/**
 * The in-memory catalog as a caller sees it: everything, or every tenth
 * Component for {@link TENTH_READER} (permissions decide in the real catalog).
 */
function catalogSeenBy(entities: Entity[]): CatalogService {
  const everything = inMemoryCatalog(entities);
  const tenth = inMemoryCatalog(
    entities.filter(
      e =>
        e.kind !== 'Component' ||
        Number(e.metadata.name.replace(/\D/g, '')) % 10 === 0,
    ),
  );
  const of = (options?: { credentials?: BackstageCredentials }) =>
    (options?.credentials?.principal as { userEntityRef?: string })
      ?.userEntityRef === TENTH_READER
      ? tenth
      : everything;
  return {
    getEntityByRef: (ref: string, options: any) =>
      of(options).getEntityByRef(ref, options),
    getEntities: (request: any, options: any) =>
      of(options).getEntities(request, options),
    getEntitiesByRefs: (request: any, options: any) =>
      of(options).getEntitiesByRefs(request, options),
    streamEntities: (request: any, options: any) =>
      of(options).streamEntities(request, options),
  } as unknown as CatalogService;
}

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
  /** The request, or one per request (`i` from 0). */
  request: string | ((i: number) => string),
  before?: (i: number) => Promise<void>,
  requests = REQUESTS,
  user?: string,
) {
  const samples: number[] = [];
  let bytes = 0;
  casePeak = process.memoryUsage().rss;
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < requests; i++) {
    await before?.(i);
    const pathAndQuery = typeof request === 'string' ? request : request(i);
    const [res, ms] = await time(async () => {
      const r = await fetch(`${base}${pathAndQuery}`, {
        headers: user ? { 'x-bench-user': user } : {},
      });
      const text = await r.text();
      if (!r.ok)
        throw new Error(`${pathAndQuery} answered ${r.status}: ${text}`);
      return text;
    });
    bytes = res.length;
    samples.push(ms);
  }
  const cpu = process.cpuUsage(cpuStart);
  samples.sort((a, b) => a - b);
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    // CPU time of this process (server and client) per request: unlike wall
    // time it does not grow when other processes take the CPU.
    cpuMs: (cpu.user + cpu.system) / 1000 / requests,
    bytes,
    // RSS seldom shrinks: the case where it climbs is the one that allocates.
    peakRssMiB: mib(Math.max(casePeak, process.memoryUsage().rss)),
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
  const figures: Record<string, number> = { components: COUNT };
  /** Peak RSS since the previous phase ended. */
  let phasePeak = 0;
  const phaseSampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    phasePeak = Math.max(phasePeak, rss);
    casePeak = Math.max(casePeak, rss);
  }, 25);
  const endPhase = (name: string) => {
    const peak = Math.max(phasePeak, process.memoryUsage().rss);
    phasePeak = 0;
    figures[`rss.${name}`] = mib(peak);
    // What stays reachable after a collection (the rest of the peak is garbage
    // the collector had not returned yet); needs node --expose-gc.
    (globalThis as { gc?: () => void }).gc?.();
    const after = process.memoryUsage();
    const live = mib(after.heapUsed);
    figures[`liveHeap.${name}`] = live;
    // RSS beyond the heap V8 holds: code, native buffers (the SQLite driver's).
    return `${mib(peak).toFixed(0)} MiB, live heap after it ${live.toFixed(
      0,
    )} MiB (heap held ${mib(after.heapTotal).toFixed(0)} MiB, RSS ${mib(
      after.rss,
    ).toFixed(0)} MiB, external ${mib(after.external).toFixed(0)} MiB)`;
  };
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
    report(
      `code: ${
        isBundle
          ? 'built (one bundled JavaScript file, --built)'
          : 'TypeScript sources through the Backstage CLI transform'
      }`,
    );
    report(`components: ${COUNT} (generated in ${genMs.toFixed(0)} ms)`);
    const generatedRss = endPhase('generate');

    const { knex, drop } = await createDatabase(root);
    await DatabaseEvaluationStore.migrateUp(knex);
    const store = DatabaseEvaluationStore.fromClient(knex);
    const catalog = catalogSeenBy(entities);
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
    figures.fullRefreshMs = fullMs;
    report(
      `full refresh: ${fullMs.toFixed(0)} ms (${full.evaluated} evaluated, ${(
        fullMs / COUNT
      ).toFixed(2)} ms/component)`,
    );
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    // BENCH_ROUNDS=0: the full refresh only (a quick look at the requests).
    if (ROUNDS > 0) {
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
      figures.unchangedRefreshMs = noopMs;
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
      figures.incremental1Ms = inc1.ms;
      const inc10 = await incremental(0.1);
      figures.incremental10Ms = inc10.ms;
      report(
        `incremental refresh, 10% changed (${
          inc10.changed
        }): ${inc10.ms.toFixed(0)} ms median of ${ROUNDS}, exactly ${
          inc10.changed
        } evaluated`,
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
    }
    const refreshRss = endPhase('refresh');
    const app = express();
    app.use(
      '/api/runtime-mode',
      await createRouter({
        logger: silentLogger,
        httpAuth: {
          credentials: async (req: express.Request) => ({
            principal: {
              type: 'user',
              userEntityRef: req.header('x-bench-user') ?? 'user:default/bench',
            },
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
      const cases: Array<
        [string, string, string | ((i: number) => string), string?]
      > = [
        ['summary', 'portfolio summary (page 1)', '/v1/portfolio'],
        [
          'summaryTenth',
          'portfolio summary, caller may read 10%',
          '/v1/portfolio',
          TENTH_READER,
        ],
        [
          'filtered',
          'portfolio, filtered (owner+level)',
          '/v1/portfolio?owner=team-7&level=blocked,ready-with-warnings',
        ],
        [
          'filteredNew',
          'portfolio, filtered, another owner each request (nothing reused)',
          i => `/v1/portfolio?owner=team-${i % 40}&level=blocked,ready`,
        ],
        [
          'page',
          'portfolio page 200, sorted by score desc',
          '/v1/portfolio?page=200&pageSize=25&sort=score&order=desc&groupBy=system',
        ],
        ['entity', 'entity result', '/v1/entities/default/component/svc-00007'],
        [
          'blastRadius',
          `blast radius k8s 1.22, page 2 of ${BLAST_RADIUS_PAGE}`,
          `/v1/blast-radius?component=k8s&version=1.22&page=2&pageSize=${BLAST_RADIUS_PAGE}`,
        ],
        [
          'blastRadius500',
          'blast radius k8s 1.22, 500 a page',
          '/v1/blast-radius?component=k8s&version=1.22&pageSize=500',
        ],
        ['clusters', 'cluster upgrade view (every cluster)', '/v1/clusters'],
      ];
      report('');
      report(
        '| request | median ms | p95 ms | CPU ms/request | response bytes | peak RSS MiB |',
      );
      report('|---|---:|---:|---:|---:|---:|');
      for (const [key, label, url, user] of cases) {
        const r = await latency(base, url, undefined, REQUESTS, user);
        figures[`p95.${key}`] = r.p95;
        figures[`median.${key}`] = r.median;
        figures[`cpu.${key}`] = r.cpuMs;
        report(
          `| ${label} | ${r.median.toFixed(1)} | ${r.p95.toFixed(
            1,
          )} | ${r.cpuMs.toFixed(1)} | ${r.bytes} | ${r.peakRssMiB.toFixed(
            0,
          )} |`,
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
        )} | ${cold.p95.toFixed(1)} | ${cold.cpuMs.toFixed(1)} | ${
          cold.bytes
        } | ${cold.peakRssMiB.toFixed(0)} |`,
      );
      figures['p95.afterWrite'] = cold.p95;
      figures['cpu.afterWrite'] = cold.cpuMs;
      report('');
      const verdict = (key: string, label: string, targetMs: number) => {
        const p95 = figures[`p95.${key}`];
        report(
          `${label} p95 ${p95.toFixed(1)} ms (target < ${targetMs} ms): ${
            p95 < targetMs ? 'met' : 'NOT met'
          }`,
        );
      };
      verdict('summary', 'portfolio summary', 200);
      verdict('summaryTenth', 'portfolio summary, 10% reader', 200);
      verdict('filtered', 'filtered portfolio', 100);
      verdict('filteredNew', 'filtered portfolio, nothing reused', 100);
      verdict('page', 'one page of rows', 100);
      verdict('blastRadius', 'blast radius page', 300);
    } finally {
      server.close();
    }
    const httpRss = endPhase('http');
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    figures.peakRssMiB = mib(peakRss);
    report(
      `peak RSS: ${mib(peakRss).toFixed(
        0,
      )} MiB\n  generating the estate: ${generatedRss}\n  refreshing: ${refreshRss}\n  serving: ${httpRss}`,
    );
    const rssTarget = RSS_TARGET_MIB[COUNT];
    if (rssTarget) {
      report(
        `peak RSS ${mib(peakRss).toFixed(
          0,
        )} MiB (target < ${rssTarget} MiB at ${COUNT} components, the process as built: --built): ${
          mib(peakRss) < rssTarget ? 'met' : 'NOT met'
        }${isBundle ? '' : ' (measured on the sources, not built)'}`,
      );
    }
    await drop();
  } finally {
    clearInterval(sampler);
    clearInterval(phaseSampler);
    fs.rmSync(root, { recursive: true, force: true });
  }
  if (process.env.BENCH_OUTPUT) {
    fs.writeFileSync(process.env.BENCH_OUTPUT, `${lines.join('\n')}\n`);
  }
  if (process.env.BENCH_FIGURES) {
    fs.writeFileSync(process.env.BENCH_FIGURES, JSON.stringify(figures));
  }
}

/** The figures --scale compares across N, and how each is printed. */
const SCALE_COLUMNS: Array<[string, string, (v: number) => string]> = [
  ['fullRefreshMs', 'full refresh ms', v => v.toFixed(0)],
  ['unchangedRefreshMs', 'unchanged refresh ms', v => v.toFixed(0)],
  ['p95.summary', 'summary p95 ms', v => v.toFixed(1)],
  ['cpu.summary', 'summary CPU ms/request', v => v.toFixed(1)],
  ['p95.summaryTenth', 'summary (10% reader) p95 ms', v => v.toFixed(1)],
  ['p95.filtered', 'filtered p95 ms', v => v.toFixed(1)],
  [
    'p95.filteredNew',
    'filtered, new owner each request, p95 ms',
    v => v.toFixed(1),
  ],
  ['p95.page', 'page 200 p95 ms', v => v.toFixed(1)],
  ['p95.blastRadius', 'blast radius page p95 ms', v => v.toFixed(1)],
  ['cpu.blastRadius', 'blast radius page CPU ms/request', v => v.toFixed(1)],
  ['p95.afterWrite', 'summary after a write p95 ms', v => v.toFixed(1)],
  ['peakRssMiB', 'peak RSS MiB', v => v.toFixed(0)],
];

/**
 * Runs the benchmark once per N, each in its own process (so that each peak
 * RSS is its own), and prints every figure against N with its growth over
 * the smallest N.
 */
function runScale() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-scale-'));
  const passOn = args.filter(a => a !== '--scale');
  const runs: Array<Record<string, number>> = [];
  for (const n of SCALE_STEPS) {
    const figuresFile = path.join(dir, `${n}.json`);
    console.log(`\n## ${n} components\n`);
    execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1], ...passOn],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          BENCH_COMPONENTS: String(n),
          BENCH_FIGURES: figuresFile,
          BENCH_OUTPUT: '',
        },
      },
    );
    runs.push(JSON.parse(fs.readFileSync(figuresFile, 'utf8')));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const [first] = runs;
  const lines = [
    '',
    `## Growth with N (${usePg ? 'PostgreSQL' : 'SQLite'}; x = ratio to N = ${
      first.components
    })`,
    '',
    `| figure | ${runs.map(r => `N = ${r.components}`).join(' | ')} |`,
    `|---|${runs.map(() => '---:').join('|')}|`,
    ...SCALE_COLUMNS.map(
      ([key, label, show]) =>
        `| ${label} | ${runs
          .map(r =>
            r === first
              ? show(r[key])
              : `${show(r[key])} (${(r[key] / first[key]).toFixed(2)}x)`,
          )
          .join(' | ')} |`,
    ),
    `| N | ${runs
      .map(r =>
        r === first
          ? String(r.components)
          : `${r.components} (${(r.components / first.components).toFixed(
              1,
            )}x)`,
      )
      .join(' | ')} |`,
  ];
  console.log(lines.join('\n'));
  if (process.env.BENCH_OUTPUT) {
    fs.writeFileSync(process.env.BENCH_OUTPUT, `${lines.join('\n')}\n`);
  }
}

/**
 * Bundles this benchmark with esbuild (packages stay external, the common
 * package comes from its sources, as the built backend's dist would) next to
 * this file, so that relative paths and node_modules resolve as they do here,
 * and runs the bundle with the other arguments.
 */
async function runBuilt() {
  const { build } = await import('esbuild');
  const outfile = path.join(__dirname, 'backendBench.built.cjs');
  try {
    await build({
      entryPoints: [path.join(__dirname, 'backendBench.ts')],
      bundle: true,
      platform: 'node',
      target: 'node22',
      packages: 'external',
      alias: {
        '@runtime-mode/backstage-plugin-runtime-mode-common': path.resolve(
          __dirname,
          '../../runtime-mode-common/src/index.ts',
        ),
      },
      outfile,
      logLevel: 'warning',
    });
    execFileSync(
      process.execPath,
      ['--expose-gc', outfile, ...args.filter(a => a !== '--built')],
      {
        stdio: 'inherit',
        env: { ...process.env, RUNTIME_MODE_BENCH_BUNDLE: '1' },
      },
    );
  } finally {
    fs.rmSync(outfile, { force: true });
  }
}

if (built) {
  runBuilt().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else if (scale) {
  try {
    runScale();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
} else
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
