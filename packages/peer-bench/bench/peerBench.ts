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
 * `yarn bench:peers`: Runtime Mode and Tech Insights on the same generated
 * estate, in one run. Each tool runs in a process of its own (so each has
 * its own peak RSS), on the same files; this process generates the estate,
 * works out the expected answer and prints the table with the ratios.
 *
 *   yarn bench:peers                 10,000 components
 *   yarn bench:peers --smoke         200 components, for CI
 *   BENCH_COMPONENTS=2000 yarn bench:peers
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  componentName,
  generateEstate,
  manifestsOf,
  readEstate,
} from './estate';
import { manifestFacts } from './facts';
import { SideResult, Workload } from './measure';
import { runRuntimeMode } from './runtimeModeSide';
import { runTechInsights } from './techInsightsSide';

const args = process.argv.slice(2);
const option = (name: string) =>
  args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const smoke = args.includes('--smoke');
const workload: Workload = smoke
  ? { portfolioViews: 3, entityCalls: 10 }
  : { portfolioViews: 6, entityCalls: 50 };

/** Child mode: measure one tool on an estate already on disk, print one JSON line. */
async function runSide(side: string, root: string) {
  const entities = readEstate(root);
  const result =
    side === 'runtime-mode'
      ? await runRuntimeMode(entities, workload)
      : await runTechInsights(root, entities, workload);
  console.log(JSON.stringify(result));
  // Handles of the test backends linger after stop(); the result is out.
  process.exit(0);
}

function measureInChild(side: string, root: string): SideResult {
  const out = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      __filename,
      `--side=${side}`,
      `--root=${root}`,
      ...(smoke ? ['--smoke'] : []),
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = out.trim().split('\n').pop()!;
  return JSON.parse(line) as SideResult;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${ms.toFixed(1)} ms`;
const ratio = (peer: number, ours: number) => `${(peer / ours).toFixed(1)}×`;

function table(ours: SideResult, peer: SideResult) {
  const rows: Array<[string, string, string, string]> = [
    [
      'Evaluate every component',
      seconds(ours.evaluateAllMs),
      seconds(peer.evaluateAllMs),
      ratio(peer.evaluateAllMs, ours.evaluateAllMs),
    ],
    [
      'Portfolio view, first',
      millis(ours.portfolioColdMs),
      millis(peer.portfolioColdMs),
      ratio(peer.portfolioColdMs, ours.portfolioColdMs),
    ],
    [
      'Portfolio view, again (median)',
      millis(ours.portfolioWarmMs),
      millis(peer.portfolioWarmMs),
      ratio(peer.portfolioWarmMs, ours.portfolioWarmMs),
    ],
    [
      'Portfolio response',
      `${(ours.portfolioBytes / 1024).toFixed(0)} KiB`,
      `${(peer.portfolioBytes / 1024).toFixed(0)} KiB`,
      ratio(peer.portfolioBytes, ours.portfolioBytes),
    ],
    [
      'One component, median',
      millis(ours.oneEntityMedianMs),
      millis(peer.oneEntityMedianMs),
      ratio(peer.oneEntityMedianMs, ours.oneEntityMedianMs),
    ],
    [
      'One component, p95',
      millis(ours.oneEntityP95Ms),
      millis(peer.oneEntityP95Ms),
      ratio(peer.oneEntityP95Ms, ours.oneEntityP95Ms),
    ],
    [
      'Peak RSS',
      `${ours.peakRssMiB} MiB`,
      `${peer.peakRssMiB} MiB`,
      ratio(peer.peakRssMiB, ours.peakRssMiB),
    ],
  ];
  return [
    `| | ${ours.tool} | ${peer.tool} | ${peer.tool.split(' ')[0]} ${
      peer.tool.split(' ')[1]
    } / ours |`,
    '|---|---:|---:|---:|',
    ...rows.map(r => `| ${r.join(' | ')} |`),
  ];
}

async function main() {
  const side = option('side');
  if (side) {
    await runSide(side, option('root')!);
    return;
  }
  const count = Number(
    option('components') ??
      process.env.BENCH_COMPONENTS ??
      (smoke ? 200 : 10_000),
  );
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-peers-'));
  try {
    const estate = generateEstate(root, count);
    let expectedRemoved = 0;
    for (let i = 0; i < count; i++) {
      if (manifestFacts(manifestsOf(root, componentName(i))).hasRemovedApis) {
        expectedRemoved += 1;
      }
    }
    console.log(
      `# Runtime Mode and Tech Insights side by side${smoke ? ' (smoke)' : ''}`,
    );
    console.log(`date: ${new Date().toISOString()}`);
    console.log(
      `machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(
        os.totalmem() /
        2 ** 30
      ).toFixed(1)} GiB, ${os.platform()} ${os.release()}, node ${
        process.version
      }`,
    );
    console.log(
      `estate: ${count} components, ${estate.files} manifest files on disk; SQLite in memory for both; ${workload.portfolioViews} portfolio views, ${workload.entityCalls} one-component calls each`,
    );
    const ours = measureInChild('runtime-mode', root);
    const peer = measureInChild('tech-insights', root);
    console.log('');
    for (const line of table(ours, peer)) console.log(line);
    console.log('');
    console.log(
      `answer check — components using an API removed at Kubernetes 1.34: expected ${expectedRemoved}, Runtime Mode ${ours.removedApiComponents}, Tech Insights ${peer.removedApiComponents}`,
    );
    if (
      ours.removedApiComponents !== expectedRemoved ||
      peer.removedApiComponents !== expectedRemoved
    ) {
      console.error(
        'The tools disagree with the estate: the figures above compare different work.',
      );
      process.exitCode = 3;
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
