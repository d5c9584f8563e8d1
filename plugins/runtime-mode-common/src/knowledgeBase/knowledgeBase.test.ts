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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  KNOWLEDGE_BASE_AS_OF,
  KNOWLEDGE_BASE_ROWS,
  KUBERNETES_RELEASES,
} from './data.generated';

// The generator is a plain Node script so that it runs without a build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require('../../scripts/generate-knowledge-base.js') as {
  buildKnowledgeBase(dataDir?: string): {
    asOf: string;
    rows: unknown[];
    releases: unknown[];
  };
  renderKnowledgeBase(dataDir?: string): string;
  DATA_DIR: string;
  TARGET: string;
};

function dataDirWith(rowsYaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knowledge-base-'));
  fs.writeFileSync(
    path.join(dir, 'api-deprecations.yaml'),
    `asOf: "2026-12-01"\nrows:\n${rowsYaml}`,
  );
  fs.copyFileSync(
    path.join(generator.DATA_DIR, 'kubernetes-releases.yaml'),
    path.join(dir, 'kubernetes-releases.yaml'),
  );
  return dir;
}

describe('the knowledge base', () => {
  it('is generated from knowledge-base/*.yaml: the committed TypeScript is up to date', () => {
    const committed = fs.readFileSync(generator.TARGET, 'utf8');
    // On failure: run `yarn generate:knowledge-base` in this package and commit the result.
    expect(generator.renderKnowledgeBase()).toEqual(committed);
  });

  it('carries the YAML data and its as-of date', () => {
    const built = generator.buildKnowledgeBase();
    expect(KNOWLEDGE_BASE_ROWS).toEqual(built.rows);
    expect(KUBERNETES_RELEASES).toEqual(built.releases);
    expect(KNOWLEDGE_BASE_AS_OF).toBe(built.asOf);
  });

  it('names a source for every row', () => {
    const unsourced = KNOWLEDGE_BASE_ROWS.filter(
      row => !row.source || /^same( as above)?$/i.test(row.source),
    );
    expect(unsourced).toEqual([]);
  });

  it('refuses a row without a source, an unknown field and a duplicate row', () => {
    const row = `  - apiVersion: example.io/v1beta1
    kind: Widget
    component: k8s
    removedIn: v1.30.0
    replacement: example.io/v1
`;
    expect(() => generator.buildKnowledgeBase(dataDirWith(row))).toThrow(
      /rows\[0\]: source is required/,
    );
    expect(() =>
      generator.buildKnowledgeBase(
        dataDirWith(`${row}    source: test\n    removedAt: v1.30.0\n`),
      ),
    ).toThrow(/unknown field "removedAt"/);
    const sourced = `${row}    source: test\n`;
    expect(() =>
      generator.buildKnowledgeBase(dataDirWith(sourced + sourced)),
    ).toThrow(/duplicate row example.io\/v1beta1 Widget k8s/);
  });

  it('refuses a version field without a release number', () => {
    const row = `  - apiVersion: example.io/v1beta1
    kind: Widget
    component: k8s
    deprecatedIn: soon
    source: test
`;
    expect(() => generator.buildKnowledgeBase(dataDirWith(row))).toThrow(
      /deprecatedIn "soon" holds no release number/,
    );
  });
});
