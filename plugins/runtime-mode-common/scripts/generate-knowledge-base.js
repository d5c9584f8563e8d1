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
 * Turns the project's reviewed knowledge base (knowledge-base/*.yaml in this
 * package) into the engine's typed module src/knowledgeBase/data.generated.ts,
 * which is committed so that the engine needs no file access at run time:
 *
 *   node scripts/generate-knowledge-base.js          write the module
 *   node scripts/generate-knowledge-base.js --check  exit 1 when it is out of date
 *
 * The data is validated first: every row needs a source, versions must hold a
 * release number, and a row may appear only once.
 */

const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const DATA_DIR = path.resolve(__dirname, '../knowledge-base');
const TARGET = path.resolve(
  __dirname,
  '../src/knowledgeBase/data.generated.ts',
);

const ROW_FIELDS = new Set([
  'apiVersion',
  'kind',
  'component',
  'deprecatedIn',
  'removedIn',
  'replacement',
  'replacementKind',
  'replacementAvailableIn',
  'advice',
  'deprecatedWithoutVersion',
  'source',
  'confidence',
  'note',
]);
const VERSION_FIELDS = ['deprecatedIn', 'removedIn', 'replacementAvailableIn'];
const CONFIDENCE = new Set(['high', 'medium', 'low']);
const RELEASE_FIELDS = new Set([
  'version',
  'released',
  'eol',
  'proposed',
  'note',
]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(value) {
  if (value === undefined || value === null) return '';
  return String(value).trim().replace(/\s+/g, ' ');
}

function readYaml(dataDir, file) {
  return parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
}

/** Validates one row of api-deprecations.yaml and returns its generated form. */
function readRow(row, index, fail) {
  const where = `api-deprecations.yaml rows[${index}]`;
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    return fail(`${where}: expected a mapping`);
  }
  for (const key of Object.keys(row)) {
    if (!ROW_FIELDS.has(key)) fail(`${where}: unknown field "${key}"`);
  }
  const out = {
    apiVersion: text(row.apiVersion),
    kind: text(row.kind),
    deprecatedIn: text(row.deprecatedIn),
    removedIn: text(row.removedIn),
    replacement: text(row.replacement),
    replacementAvailableIn: text(row.replacementAvailableIn),
    component: text(row.component),
  };
  for (const key of ['apiVersion', 'component', 'source']) {
    if (!text(row[key])) fail(`${where}: ${key} is required`);
  }
  for (const key of VERSION_FIELDS) {
    if (out[key] && !/\d+\.\d+/.test(out[key])) {
      fail(`${where}: ${key} "${out[key]}" holds no release number`);
    }
  }
  if (row.confidence !== undefined && !CONFIDENCE.has(text(row.confidence))) {
    fail(`${where}: confidence must be high, medium or low`);
  }
  if (row.replacementKind !== undefined && !out.replacement) {
    fail(`${where}: replacementKind without replacement`);
  }
  if (
    row.deprecatedWithoutVersion !== undefined &&
    typeof row.deprecatedWithoutVersion !== 'boolean'
  ) {
    fail(`${where}: deprecatedWithoutVersion must be true or false`);
  }
  if (row.confidence) out.confidence = text(row.confidence);
  if (row.deprecatedWithoutVersion) out.deprecatedWithoutVersion = true;
  if (row.replacementKind) out.replacementKind = text(row.replacementKind);
  if (row.advice) out.advice = text(row.advice);
  out.source = text(row.source);
  if (row.note) out.note = text(row.note);
  return out;
}

function readRelease(release, index, fail) {
  const where = `kubernetes-releases.yaml releases[${index}]`;
  for (const key of Object.keys(release ?? {})) {
    if (!RELEASE_FIELDS.has(key)) fail(`${where}: unknown field "${key}"`);
  }
  const out = {
    version: text(release.version),
    released: text(release.released),
  };
  if (!/^\d+\.\d+$/.test(out.version)) fail(`${where}: version must be 1.NN`);
  if (!DATE.test(out.released)) fail(`${where}: released must be YYYY-MM-DD`);
  if (release.eol) {
    out.eol = text(release.eol);
    if (!DATE.test(out.eol)) fail(`${where}: eol must be YYYY-MM-DD`);
  }
  if (release.proposed === true) out.proposed = true;
  return out;
}

/**
 * Reads and validates the knowledge base. Throws one error that lists every
 * problem found.
 */
function buildKnowledgeBase(dataDir = DATA_DIR) {
  const problems = [];
  const fail = message => {
    problems.push(message);
  };
  const deprecations = readYaml(dataDir, 'api-deprecations.yaml');
  const asOf = text(deprecations?.asOf);
  if (!DATE.test(asOf)) fail('api-deprecations.yaml: asOf must be YYYY-MM-DD');
  const rows = (Array.isArray(deprecations?.rows) ? deprecations.rows : []).map(
    (row, index) => readRow(row, index, fail),
  );
  if (rows.length === 0) fail('api-deprecations.yaml: rows is empty');
  const seen = new Set();
  for (const row of rows) {
    const key = `${row.apiVersion} ${row.kind} ${row.component}`;
    if (seen.has(key)) fail(`api-deprecations.yaml: duplicate row ${key}`);
    seen.add(key);
  }
  const releaseFile = readYaml(dataDir, 'kubernetes-releases.yaml');
  const releases = (
    Array.isArray(releaseFile?.releases) ? releaseFile.releases : []
  ).map((release, index) => readRelease(release, index, fail));
  if (problems.length > 0) {
    throw new Error(`Invalid knowledge base:\n  ${problems.join('\n  ')}`);
  }
  return { asOf, rows, releases };
}

/** The generated module's text, formatted like the rest of the repository. */
function renderKnowledgeBase(dataDir = DATA_DIR) {
  const { asOf, rows, releases } = buildKnowledgeBase(dataDir);
  // The same licence header as this script (its first block comment).
  const licence = fs
    .readFileSync(__filename, 'utf8')
    .match(/\/\*\n \* Copyright[\s\S]*?\*\//)[0];
  const output = `${licence}

// GENERATED by scripts/generate-knowledge-base.js from knowledge-base/*.yaml.
// Do not edit by hand: edit the YAML and run \`yarn generate:knowledge-base\`
// in this package.

import type { KnowledgeBaseRow, KubernetesRelease } from './types';

/** Date of the newest source the knowledge base was reviewed against. @public */
export const KNOWLEDGE_BASE_AS_OF = ${JSON.stringify(asOf)};

/** @internal */
export const KNOWLEDGE_BASE_ROWS: readonly KnowledgeBaseRow[] = ${JSON.stringify(
    rows,
    null,
    2,
  )};

/** @internal */
export const KUBERNETES_RELEASES: readonly KubernetesRelease[] = ${JSON.stringify(
    releases,
    null,
    2,
  )};
`;
  const prettier = require('prettier');
  return prettier.format(output, {
    ...require('@backstage/cli/config/prettier'),
    parser: 'typescript',
  });
}

module.exports = { buildKnowledgeBase, renderKnowledgeBase, DATA_DIR, TARGET };

if (require.main === module) {
  const check = process.argv.includes('--check');
  try {
    const generated = renderKnowledgeBase();
    const current = fs.existsSync(TARGET)
      ? fs.readFileSync(TARGET, 'utf8')
      : '';
    if (check) {
      if (generated !== current) {
        console.error(
          `${path.relative(
            process.cwd(),
            TARGET,
          )} is out of date: run yarn generate:knowledge-base`,
        );
        process.exit(1);
      }
      console.log('knowledge base is up to date');
    } else {
      fs.writeFileSync(TARGET, generated);
      const { rows, releases, asOf } = buildKnowledgeBase();
      console.log(
        `wrote ${rows.length} rows and ${
          releases.length
        } releases to ${path.relative(process.cwd(), TARGET)} (as of ${asOf})`,
      );
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
