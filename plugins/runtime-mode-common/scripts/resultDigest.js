#!/usr/bin/env node
/* eslint-disable no-console */
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

/*
 * A digest of evaluate() results, to show that a change to the engine
 * leaves every result byte-identical (performance work): the bench estate,
 * a sample of it and the shared corpus (when present, as one evaluation and
 * file by file) under variants of config, annotations, targets and planned
 * moves, with a fixed clock. Run it before and after the change and compare
 * the digests; with a file name it also writes every result, one a line,
 * for a diff.
 *
 *   node scripts/resultDigest.js [results.txt]
 */

const crypto = require('node:crypto');
const fs = require('node:fs');

require('@backstage/cli/config/nodeTransform.cjs');
const { evaluate } = require('../src');
const { componentManifests, corpusFiles } = require('./benchInputs');

const now = new Date('2026-06-01T00:00:00Z');
// One cluster of each kind, KubeVirt with and without KVM on its nodes.
const config = {
  clusters: [
    { name: 'bm', mode: 'bare-metal-container', kubernetesVersion: '1.32' },
    { name: 'vs', mode: 'virtualized-container', kubernetesVersion: '1.29' },
    ...[true, false].map(kvm => ({
      name: kvm ? 'kv' : 'kv-emulated',
      mode: 'container-virtualization',
      kubernetesVersion: '1.30',
      kubevirtVersion: '1.5.0',
      hardwareVirtualization: kvm,
    })),
  ],
};
const entities = [
  undefined,
  {
    kind: 'Component',
    metadata: {
      name: 'c',
      annotations: {
        'runtime-mode.dev/isolation': 'strong',
        'runtime-mode.dev/max-overhead': '20%',
        'runtime-mode.dev/clusters': 'kv,vs',
        'runtime-mode.dev/latency-sensitive': 'true',
        'runtime-mode.dev/waive.api-removed':
          'until=2026-12-31; reason=planned',
        'runtime-mode.dev/waive.operations-pdb-missing':
          'until=2025-01-01; reason=old',
      },
    },
    spec: { lifecycle: 'production' },
  },
  {
    kind: 'Component',
    metadata: {
      name: 'c',
      annotations: {
        'runtime-mode.dev/mode': 'bogus',
        'runtime-mode.dev/clusters': 'bm,nowhere',
        'runtime-mode.dev/workload-profile': 'telco',
      },
    },
    spec: { lifecycle: 'experimental' },
  },
];

/** Every combination of planned move, targets and entity (36). */
function variants() {
  const result = [];
  for (const targetMode of [
    undefined,
    'bare-metal-container',
    'virtualized-container',
    'container-virtualization',
  ]) {
    for (const targets of [
      { k8s: '1.34', kubevirt: '1.6.0' },
      undefined,
      { k8s: '1.22' },
    ]) {
      entities.forEach((entity, e) =>
        result.push({
          options: { targets, targetMode, now },
          entity,
          config: e === 0 && targetMode ? undefined : config,
        }),
      );
    }
  }
  return result;
}

const out = process.argv[2] ? fs.openSync(process.argv[2], 'w') : undefined;
const hash = crypto.createHash('sha256');
let count = 0;
function record(label, input) {
  let result;
  try {
    result = evaluate(input);
  } catch (error) {
    result = { threw: String(error) };
  }
  const line = `${label}\t${JSON.stringify(result)}\n`;
  hash.update(line);
  if (out !== undefined) fs.writeSync(out, line);
  count++;
}

const options = { targets: { k8s: '1.34', kubevirt: '1.6.0' }, now };
for (let i = 0; i < 3000; i++) {
  record(`estate ${i}`, { manifests: componentManifests(i), options });
}
const all = variants();
for (let i = 0; i < 200; i += 7) {
  all.forEach((v, j) =>
    record(`estate ${i} v${j}`, { manifests: componentManifests(i), ...v }),
  );
}
const corpus = corpusFiles();
if (corpus.length > 0) {
  all.forEach((v, j) => record(`corpus v${j}`, { manifests: corpus, ...v }));
  all.forEach((v, j) => {
    if (j % 4 !== 0) return;
    for (const file of corpus) {
      record(`corpus ${file.path} v${j}`, { manifests: [file], ...v });
    }
  });
}
if (out !== undefined) fs.closeSync(out);
console.log(`${count} results, sha256 ${hash.digest('hex')}`);
