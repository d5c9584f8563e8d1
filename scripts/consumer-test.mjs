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

// The consumer test: does what README.md's "Adopt it" section tells an
// adopter, step by step, in a fresh Backstage app made by
// @backstage/create-app, with the packed packages instead of the registry:
// type-checks the app, starts its backend on SQLite, and checks that the
// health route answers, that the example component gets evaluated, and that
// its facts reach Tech Insights.
//
//   node scripts/consumer-test.mjs TARBALL_DIR [--keep]
//
// TARBALL_DIR holds common/backend/frontend.tgz from scripts/pack-packages.sh.
// Every line this script writes into the app is checked to appear in the
// README section first, so the README and the test cannot drift apart.
// Differences from an adopter's machine, all forced by having no registry
// copy of our packages and no internet but the npm registry:
// - the packages are installed from the tarballs (`<name>@file:...tgz`) and
//   a root `resolutions` entry serves the common package the same way;
// - create-app cannot fetch its yarn.lock seed from GitHub, so the app is
//   brought to the current Backstage release with `yarn up '@backstage/*'`
//   instead of `yarn backstage-cli versions:bump` (which needs
//   versions.backstage.io);
// - the legacy app (`create-app --legacy`) is added to the same workspace as
//   packages/app-legacy, so one install and one type-check cover both
//   frontend systems;
// - native builds are skipped except better-sqlite3, the only one the
//   backend needs on SQLite; the backend listens on a free port.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, parse as parseYaml } from 'yaml';

const CREATE_APP_VERSION = process.env.CREATE_APP_VERSION ?? '0.9.2';
const ENTITY_PATH = 'default/component/checkout-api';
const ENTITY_REF = 'component:default/checkout-api';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const tarballDir = args.find(a => !a.startsWith('--'));
if (!tarballDir) {
  console.error('usage: node scripts/consumer-test.mjs TARBALL_DIR [--keep]');
  process.exit(1);
}

const timings = [];
let currentStep;
function step(title) {
  const now = Date.now();
  if (currentStep) timings.push([currentStep.title, now - currentStep.start]);
  currentStep = title ? { title, start: now } : undefined;
  if (title) console.log(`\n--- ${title}`);
}

/** The text of README.md's "Adopt it" section. */
function readAdoptSection() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Adopt it');
  if (start < 0) throw new Error('README.md has no "## Adopt it" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}
const adopt = readAdoptSection();

/** Fails unless every non-empty line of `text` is a line of the README section. */
function fromReadme(text) {
  const lines = new Set(adopt.split('\n').map(l => l.trim()));
  for (const line of text.split('\n').map(l => l.trim())) {
    if (line && !lines.has(line)) {
      throw new Error(`README "Adopt it" has no line "${line}"`);
    }
  }
  return text;
}

/** The README code block whose first line is `firstLine`, without that line. */
function readmeBlock(firstLine) {
  for (const match of adopt.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const [head, ...rest] = match[1].split('\n');
    if (head.trim() === firstLine) return rest.join('\n');
  }
  throw new Error(
    `README "Adopt it" has no code block starting "${firstLine}"`,
  );
}

/** Import statements, each whole (multi-line ones included). */
function importsOf(text) {
  return [...text.matchAll(/^import [\s\S]*?;$/gm)].map(m => m[0]);
}

/** The entries of the first `features: [...]` array in `text`. */
function featuresOf(text) {
  const list = text.match(/features: \[([^\]]*)\]/)?.[1];
  if (list === undefined) throw new Error('no "features: [...]" found');
  return list
    .split(',')
    .map(f => f.trim())
    .filter(Boolean);
}

/**
 * Applies README's catalog page override to the app's App.tsx: its imports
 * (those the app lacks), its `catalogWithRuntimeMode`, and its features list,
 * which must be the app's with `catalogPlugin` replaced.
 */
function applyCatalogColumnOverride(appTsx) {
  const block = readmeBlock(
    '// packages/app/src/App.tsx: the catalog page with the Runtime mode column',
  );
  const exportAt = block.indexOf('export default createApp(');
  const head = block.slice(0, exportAt);
  const imports = importsOf(head);
  const definitions = imports.reduce((rest, i) => rest.replace(i, ''), head);
  let source = fs.readFileSync(appTsx, 'utf8');
  const missing = imports.filter(i => !source.includes(i));
  const expected = featuresOf(source).map(f =>
    f === 'catalogPlugin' ? 'catalogWithRuntimeMode' : f,
  );
  const readmeFeatures = featuresOf(block.slice(exportAt));
  if ([...expected].sort().join() !== [...readmeFeatures].sort().join()) {
    throw new Error(
      `README's features [${readmeFeatures}] are not the app's [${expected}]`,
    );
  }
  source = source.replace(
    /features: \[[^\]]*\]/,
    `features: [${readmeFeatures.join(', ')}]`,
  );
  // TypeScript takes imports anywhere at the top level of a module.
  const at = source.indexOf('export default createApp(');
  fs.writeFileSync(
    appTsx,
    `${source.slice(0, at)}${missing.join(
      '\n',
    )}\n${definitions.trim()}\n\n${source.slice(at)}`,
  );
}

function run(command, commandArgs, options = {}) {
  console.log(`$ ${[command, ...commandArgs].join(' ')}`);
  const result = spawnSync(command, commandArgs, {
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.status !== 0) {
    if (options.quiet) console.log(result.stdout, result.stderr);
    throw new Error(
      `${command} ${commandArgs.join(' ')} exited ${result.status}`,
    );
  }
  return result.stdout;
}

/** Inserts `text` before (or after) the first `anchor` found after `within`. */
function insertAt(file, { within = '', anchor, text, after = false }) {
  const source = fs.readFileSync(file, 'utf8');
  const from = source.indexOf(within);
  const at = from < 0 ? -1 : source.indexOf(anchor, from);
  if (at < 0) {
    throw new Error(`${file}: "${anchor}" not found (create-app changed?)`);
  }
  const position = after ? at + anchor.length : at;
  fs.writeFileSync(
    file,
    source.slice(0, position) + text + source.slice(position),
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function poll(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(
    `${what}: nothing after ${seconds} s${last ? ` (${last})` : ''}`,
  );
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-consumer-'));
const app = path.join(work, 'app');
let backend;
const started = Date.now();
try {
  // The app is installed outside CI's immutable-lockfile mode (it has none
  // yet); native modules are built on demand (see the header).
  const yarnEnv = {
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    YARN_ENABLE_SCRIPTS: 'false',
    YARN_ENABLE_PROGRESS_BARS: 'false',
  };
  // Yarn's output (thousands of peer-dependency notes) is shown on failure.
  const yarn = (cwd, yarnArgs, options = {}) =>
    run('yarn', yarnArgs, {
      cwd,
      quiet: true,
      ...options,
      env: { ...yarnEnv, ...options.env },
    });

  step('Tarballs (the registry stand-in)');
  const tarball = name => {
    const file = path.join(work, 'tarballs', `${name}.tgz`);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.copyFileSync(path.resolve(tarballDir, `${name}.tgz`), file);
    }
    return file;
  };
  const spec = (pkg, name) => `${pkg}@file:${tarball(name)}`;
  const BACKEND_PKG = '@runtime-mode/backstage-plugin-runtime-mode-backend';
  const FRONTEND_PKG = '@runtime-mode/backstage-plugin-runtime-mode';
  const COMMON_PKG = '@runtime-mode/backstage-plugin-runtime-mode-common';
  const TECH_INSIGHTS_PKG =
    '@runtime-mode/backstage-plugin-runtime-mode-backend-module-tech-insights';

  step(`A fresh app: @backstage/create-app@${CREATE_APP_VERSION}`);
  const createApp = (dir, extra) =>
    run(
      'npx',
      [
        '--yes',
        `@backstage/create-app@${CREATE_APP_VERSION}`,
        '--path',
        dir,
        '--skip-install',
        ...extra,
      ],
      {
        cwd: work,
        env: { BACKSTAGE_APP_NAME: 'consumer-app' },
        quiet: true,
        input: '',
      },
    );
  createApp(app, []);
  createApp(path.join(work, 'legacy'), ['--legacy']);
  fs.cpSync(
    path.join(work, 'legacy', 'packages', 'app'),
    path.join(app, 'packages', 'app-legacy'),
    { recursive: true },
  );
  const legacyPkgFile = path.join(
    app,
    'packages',
    'app-legacy',
    'package.json',
  );
  const legacyPkg = JSON.parse(fs.readFileSync(legacyPkgFile, 'utf8'));
  fs.writeFileSync(
    legacyPkgFile,
    JSON.stringify({ ...legacyPkg, name: 'app-legacy' }, null, 2),
  );
  const rootPkgFile = path.join(app, 'package.json');
  const rootPkg = JSON.parse(fs.readFileSync(rootPkgFile, 'utf8'));
  rootPkg.resolutions = {
    ...rootPkg.resolutions,
    [COMMON_PKG]: `file:${tarball('common')}`,
  };
  fs.writeFileSync(rootPkgFile, JSON.stringify(rootPkg, null, 2));

  step('README 0: the app on the current Backstage release');
  fromReadme("yarn up '@backstage/*'");
  yarn(app, ['up', '@backstage/*']);

  step('README 1: backend');
  const backendAdd = fromReadme(
    `yarn --cwd packages/backend add ${BACKEND_PKG}`,
  );
  yarn(app, [
    ...backendAdd.split(' ').slice(1, -1),
    spec(BACKEND_PKG, 'backend'),
  ]);
  insertAt(path.join(app, 'packages/backend/src/index.ts'), {
    anchor: 'backend.start();',
    text: `${fromReadme(`backend.add(import('${BACKEND_PKG}'));`)}\n\n`,
  });

  step('README 2: frontend, new frontend system');
  const appAdd = fromReadme(`yarn --cwd packages/app add ${FRONTEND_PKG}`);
  yarn(app, [
    ...appAdd.split(' ').slice(1, -1),
    spec(FRONTEND_PKG, 'frontend'),
  ]);
  const appTsx = path.join(app, 'packages/app/src/App.tsx');
  insertAt(appTsx, {
    anchor: 'export default createApp(',
    text: `${fromReadme(
      `import runtimeModePlugin from '${FRONTEND_PKG}/alpha';`,
    )}\n\n`,
  });
  insertAt(appTsx, {
    anchor: 'features: [',
    after: true,
    text: 'runtimeModePlugin, ',
  });
  const features = fs
    .readFileSync(appTsx, 'utf8')
    .match(/features: \[.*\]/)?.[0];
  fromReadme(`${features ?? 'features: [ not found ]'},`);

  step('README 2: the catalog page with the Runtime mode column');
  applyCatalogColumnOverride(appTsx);

  step('README 3: frontend, legacy system (packages/app-legacy here)');
  yarn(app, [
    '--cwd',
    'packages/app-legacy',
    ...appAdd.split(' ').slice(3, -1),
    spec(FRONTEND_PKG, 'frontend'),
  ]);
  const legacyApp = path.join(app, 'packages/app-legacy/src/App.tsx');
  insertAt(legacyApp, {
    anchor: 'const app = createApp(',
    text: `${fromReadme(
      `import { RuntimeModePortfolioPage } from '${FRONTEND_PKG}';`,
    )}\n\n`,
  });
  insertAt(legacyApp, {
    anchor: '</FlatRoutes>',
    text: `${fromReadme(
      '<Route path="/runtime-mode" element={<RuntimeModePortfolioPage />} />',
    )}\n  `,
  });
  const entityPage = path.join(
    app,
    'packages/app-legacy/src/components/catalog/EntityPage.tsx',
  );
  insertAt(entityPage, {
    anchor: 'const techdocsContent',
    text: `${fromReadme(
      `import {\n  EntityRuntimeModeCard,\n  EntityRuntimeModeContent,\n} from '${FRONTEND_PKG}';`,
    )}\n\n`,
  });
  insertAt(entityPage, {
    within: 'const overviewContent',
    anchor: '{entityWarningContent}',
    after: true,
    text: `\n${fromReadme(
      '<Grid item md={6} xs={12}>\n  <EntityRuntimeModeCard />\n</Grid>',
    )}`,
  });
  insertAt(entityPage, {
    within: 'const serviceEntityPage',
    anchor: '<EntityLayout.Route path="/docs"',
    text: `${fromReadme(
      '<EntityLayout.Route path="/runtime" title="Runtime">\n  <EntityRuntimeModeContent />\n</EntityLayout.Route>',
    )}\n\n    `,
  });

  step('README 4 and 5: config, an annotated component and its manifest');
  const configFile = path.join(app, 'app-config.yaml');
  const config = parseDocument(fs.readFileSync(configFile, 'utf8'));
  const runtimeModeConfig = parseYaml(readmeBlock('# app-config.yaml'));
  config.set('runtimeMode', runtimeModeConfig.runtimeMode);
  const location = parseYaml(
    readmeBlock('# app-config.yaml: register the component'),
  ).catalog.locations[0];
  config.getIn(['catalog', 'locations']).add(config.createNode(location));
  fs.writeFileSync(configFile, config.toString());
  const exampleDir = path.join(app, 'examples/runtime-mode');
  fs.mkdirSync(path.join(exampleDir, 'k8s'), { recursive: true });
  fs.writeFileSync(
    path.join(exampleDir, 'catalog-info.yaml'),
    readmeBlock('# examples/runtime-mode/catalog-info.yaml'),
  );
  fs.writeFileSync(
    path.join(exampleDir, 'k8s/checkout-api.yaml'),
    readmeBlock('# examples/runtime-mode/k8s/checkout-api.yaml'),
  );

  step('README 7: Tech Insights facts');
  const techInsightsAdd = fromReadme(
    `yarn --cwd packages/backend add @backstage-community/plugin-tech-insights-backend @backstage-community/plugin-tech-insights-backend-module-jsonfc ${TECH_INSIGHTS_PKG}`,
  );
  yarn(app, [
    ...techInsightsAdd.split(' ').slice(1, -1),
    spec(TECH_INSIGHTS_PKG, 'backend-module-tech-insights'),
  ]);
  insertAt(path.join(app, 'packages/backend/src/index.ts'), {
    anchor: 'backend.start();',
    text: `${readmeBlock(
      '// packages/backend/src/index.ts: Tech Insights with the Runtime Mode facts',
    )}\n`,
  });
  const withTechInsights = parseDocument(fs.readFileSync(configFile, 'utf8'));
  withTechInsights.set(
    'techInsights',
    parseYaml(
      readmeBlock(
        '# app-config.yaml: when Tech Insights reads the facts, and a check on them',
      ),
    ).techInsights,
  );
  fs.writeFileSync(configFile, withTechInsights.toString());

  step('Type check of the app (yarn tsc)');
  yarn(app, ['tsc']);

  step('README 6: start the backend on SQLite');
  // The only native module the backend needs here (see the header).
  yarn(app, ['rebuild', 'better-sqlite3'], {
    env: { YARN_ENABLE_SCRIPTS: 'true' },
    quiet: true,
  });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const startCommand = fromReadme('yarn workspace backend start');
  const logFile = path.join(work, 'backend.log');
  const log = fs.openSync(logFile, 'w');
  console.log(`$ ${startCommand}   (port ${port}, log ${logFile})`);
  backend = spawn('yarn', startCommand.split(' ').slice(1), {
    cwd: app,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      ...yarnEnv,
      // Facts every minute instead of README's every 30 minutes.
      APP_CONFIG_techInsights_factRetrievers_runtimeModeFactRetriever_cadence:
        '* * * * *',
      APP_CONFIG_backend_listen_port: String(port),
      APP_CONFIG_backend_baseUrl: base,
    },
  });
  fromReadme('curl http://localhost:7007/api/runtime-mode/v1/health');
  const health = await poll(
    'GET /api/runtime-mode/v1/health',
    240,
    async () => {
      if (backend.exitCode !== null) throw new Error('the backend exited');
      const res = await fetch(`${base}/api/runtime-mode/v1/health`);
      return res.ok ? res.json() : undefined;
    },
  );
  console.log('health:', JSON.stringify(health));
  if (health.status !== 'ok') throw new Error(`health says ${health.status}`);

  step('README 6: the example component gets evaluated');
  const auth = await fetch(`${base}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  const token = (await auth.json()).backstageIdentity.token;
  const evaluation = await poll(
    `GET /v1/entities/${ENTITY_PATH}`,
    180,
    async () => {
      const res = await fetch(
        `${base}/api/runtime-mode/v1/entities/${ENTITY_PATH}`,
        {
          headers: { Authorization: `Bearer ${token}` },
        },
      );
      if (!res.ok) return undefined;
      const body = await res.json();
      return body.status === 'fresh' ? body : undefined;
    },
  );
  const removed = evaluation.result.findings.find(f => f.id === 'api-removed');
  console.log(
    `status ${evaluation.status}, mode ${evaluation.result.mode.value}, upgrade ${evaluation.result.upgrade?.level}, finding: ${removed?.file}:${removed?.line} ${removed?.message}`,
  );
  if (
    !removed ||
    removed.file !== 'k8s/checkout-api.yaml' ||
    removed.apiVersion !== 'policy/v1beta1' ||
    evaluation.result.upgrade?.level !== 'breaks-at-upgrade'
  ) {
    throw new Error('the example component was not judged as the README says');
  }

  step('README 7: the facts in Tech Insights, and the check on them');
  fromReadme(
    `curl -s -H "Authorization: Bearer $TOKEN" 'localhost:7007/api/tech-insights/facts/latest?entity=component:default/checkout-api&ids=runtimeModeFactRetriever' | jq '.runtimeModeFactRetriever.facts.upgradeLevel'`,
  );
  const headers = { Authorization: `Bearer ${token}` };
  const facts = await poll(
    'GET /api/tech-insights/facts/latest',
    180,
    async () => {
      const res = await fetch(
        `${base}/api/tech-insights/facts/latest?entity=${ENTITY_REF}&ids=runtimeModeFactRetriever`,
        { headers },
      );
      return res.ok
        ? (await res.json()).runtimeModeFactRetriever?.facts
        : undefined;
    },
  );
  const check = await fetch(
    `${base}/api/tech-insights/checks/run/${ENTITY_PATH}`,
    {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ checks: ['runtimeModeUpgradeSafe'] }),
    },
  );
  const checkResult = check.ok ? (await check.json())[0]?.result : undefined;
  console.log(
    `facts: upgradeLevel ${facts.upgradeLevel}, removedApis ${facts.removedApis}; check runtimeModeUpgradeSafe: ${checkResult}`,
  );
  if (facts.upgradeLevel !== 'breaks-at-upgrade' || checkResult !== false) {
    throw new Error('Tech Insights did not get the facts the README says');
  }
  step(undefined);
  console.log('\nconsumer test: passed');
} catch (error) {
  step(undefined);
  console.error(`\nconsumer test: FAILED: ${error.message}`);
  const logFile = path.join(work, 'backend.log');
  if (fs.existsSync(logFile)) {
    console.error('--- last lines of the backend log');
    console.error(
      fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'),
    );
  }
  process.exitCode = 1;
} finally {
  if (backend && backend.exitCode === null) {
    const exited = new Promise(resolve => backend.once('exit', resolve));
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise(r => setTimeout(r, 10000))]);
  }
  for (const [title, ms] of timings) {
    console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${title}`);
  }
  console.log(
    `${((Date.now() - started) / 1000).toFixed(1).padStart(7)} s  total`,
  );
  if (keep) console.log(`kept ${work}`);
  // The app with its node_modules: some 100,000 files.
  else spawnSync('rm', ['-rf', work]);
}
