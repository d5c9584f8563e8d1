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

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './runCli';

function makeDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: t => {
      stdout += t;
    },
    stderr: t => {
      stderr += t;
    },
    cwd,
    colour: false,
  });
  return { code, stdout, stderr };
}

const PDB_BETA =
  'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n';
const CRONJOB_BETA =
  'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\n';
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
// One replica with a probe and requests: nothing for the operations rules.
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        readinessProbe: {httpGet: {path: /, port: 80}}
        resources: {requests: {cpu: 100m}}
`;
// A KubeVirt VM that can live-migrate.
const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: billing
spec:
  runStrategy: Always
  template:
    metadata:
      labels: {app: billing}
    spec:
      evictionStrategy: LiveMigrate
      domain:
        devices:
          interfaces:
          - name: default
            masquerade: {}
      networks:
      - name: default
        pod: {}
`;

describe('runtime-mode check', () => {
  it('exits 3 on a removed API, walking directories recursively', async () => {
    const dir = makeDir({
      'deploy/nested/pdb.yaml': PDB_BETA,
      'deploy/README.md': 'apiVersion: policy/v1beta1',
    });
    const r = await cli(
      ['check', 'deploy', '--target-kubernetes', '1.25'],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('CRITICAL');
    expect(r.stdout).toContain('deploy/nested/pdb.yaml:1');
    expect(r.stdout).toContain('Knowledge base as of');
    expect(r.stdout).toContain('k8s 1.25 (option)');
  });

  it('exits 2 on a deprecated API and 0 when nothing is at warning level', async () => {
    const dir = makeDir({ 'cron.yaml': CRONJOB_BETA, 'cm.yaml': CM });
    expect(
      (await cli(['check', 'cron.yaml', '--target-kubernetes', '1.22'], dir))
        .code,
    ).toBe(2);
    expect(
      (await cli(['check', 'cm.yaml', '--target-kubernetes', '1.34'], dir))
        .code,
    ).toBe(0);
  });

  it("prints the brief's JSON shape", async () => {
    const dir = makeDir({ 'pdb.yaml': PDB_BETA });
    const r = await cli(
      ['check', 'pdb.yaml', '--target-kubernetes', '1.25', '--format', 'json'],
      dir,
    );
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'mode',
        'readiness',
        'findings',
        'objects',
        'knowledgeBaseAsOf',
        'targets',
        'notJudged',
        'upgrade',
        'migration',
        'suggestion',
      ]),
    );
    expect(Object.keys(json.mode)).toEqual([
      'value',
      'source',
      'confidence',
      'evidence',
    ]);
    expect(Object.keys(json.readiness)).toEqual([
      'targetMode',
      'level',
      'score',
    ]);
    expect(Object.keys(json.findings[0])).toEqual([
      'id',
      'category',
      'severity',
      'message',
      'file',
      'line',
      'apiVersion',
      'kind',
      'name',
      'deprecatedIn',
      'removedIn',
      'replacement',
      'component',
      'waived',
      'timing',
    ]);
    expect(json.findings[0]).toMatchObject({
      id: 'api-removed',
      timing: 'at-upgrade',
    });
    expect(json.upgrade).toMatchObject({
      level: 'breaks-at-upgrade',
      versions: [{ component: 'k8s', current: null, planned: '1.25' }],
      counts: { brokenNow: 0, breaksAtUpgrade: 1, deprecated: 0 },
      checks: { passing: 0, total: 1 },
    });
    expect(json.migration).toBeNull();
    expect(json.suggestion).toBeNull();
    expect(json.objects).toEqual([
      {
        file: 'pdb.yaml',
        line: 1,
        apiVersion: 'policy/v1beta1',
        kind: 'PodDisruptionBudget',
        name: 'web',
      },
    ]);
  });

  it('says which components were not judged when no target is given', async () => {
    const dir = makeDir({ 'pdb.yaml': PDB_BETA });
    const r = await cli(['check', 'pdb.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not judged (no target version): k8s');
    expect(r.stdout).toContain('Targets: none given');
  });

  it('takes repeatable --target, --target-kubevirt and --target-mode', async () => {
    const dir = makeDir({
      'dv.yaml':
        'apiVersion: cdi.kubevirt.io/v1alpha1\nkind: DataVolume\nmetadata:\n  name: d\n---\napiVersion: kubevirt.io/v1alpha3\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  template:\n    spec:\n      evictionStrategy: LiveMigrate\n',
    });
    const r = await cli(
      [
        'check',
        'dv.yaml',
        '--target',
        'cdi=1.56.0',
        '--target-kubevirt',
        '1.6.0',
        '--target-mode',
        'virtualized-container',
        '--format',
        'json',
      ],
      dir,
    );
    const json = JSON.parse(r.stdout);
    expect(r.code).toBe(3);
    expect(
      json.findings.find(
        (f: any) => f.apiVersion === 'cdi.kubevirt.io/v1alpha1',
      ),
    ).toMatchObject({ id: 'api-removed', component: 'cdi' });
    expect(
      json.findings.find(
        (f: any) =>
          f.apiVersion === 'kubevirt.io/v1alpha3' &&
          f.category === 'api-compatibility',
      ),
    ).toMatchObject({ id: 'api-deprecated', component: 'kubevirt' });
    expect(json.readiness.targetMode).toBe('virtualized-container');
    expect(json.migration).toMatchObject({
      targetMode: 'virtualized-container',
      targetSource: 'option',
      level: 'blocked',
    });
  });

  it('leads the table with the two answers: the upgrade at the given targets, then the migration', async () => {
    const dir = makeDir({ 'app.yaml': `${PDB_BETA}---\n${DEPLOYMENT}` });
    const r = await cli(
      [
        'check',
        'app.yaml',
        '--target-kubernetes',
        '1.25',
        '--target-mode',
        'virtualized-container',
      ],
      dir,
    );
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      'Upgrade: Breaks at the upgrade, 1 of 2 judged object(s) passing at Kubernetes 1.25',
      '  0 broken now, 1 break at the upgrade, 0 deprecated',
      'Migration to Containers on VMs (--target-mode): Ready, 2 of 2 checks passing (score 100/100)',
    ]);
  });

  it('shows the best fit of a VM as a suggestion, never a critical: no move planned, exit below 3', async () => {
    const dir = makeDir({
      'vm.yaml': VM,
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: billing\n  annotations:\n    runtime-mode.dev/isolation: strong\n    runtime-mode.dev/workload-profile: enterprise\n',
    });
    const args = [
      'check',
      'vm.yaml',
      '--entity',
      'catalog-info.yaml',
      '--target-kubevirt',
      '1.6.0',
    ];
    const table = await cli(args, dir);
    expect(table.code).toBeLessThan(3);
    expect(table.stdout).toContain(
      'Migration: no move planned (give --target-mode or runtime-mode.dev/target-mode to judge one)',
    );
    expect(table.stdout).toContain(
      'Suggestion: Containers on VMs fits the stated requirements best (fit 100/100); not judged',
    );
    const json = JSON.parse(
      (await cli([...args, '--format', 'json'], dir)).stdout,
    );
    expect(json.migration).toBeNull();
    expect(json.suggestion).toMatchObject({ mode: 'virtualized-container' });
    expect(json.findings.filter((f: any) => f.severity === 'critical')).toEqual(
      [],
    );
  });

  it('reads --entity (annotations, manifests paths) and --config (clusters, targets)', async () => {
    const dir = makeDir({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web\n  annotations:\n    runtime-mode.dev/manifests: ./deploy\n    runtime-mode.dev/clusters: metal\n    runtime-mode.dev/waive.api-removed: "until=2099-01-01; reason=frozen legacy cluster"\nspec:\n  lifecycle: production\n',
      'deploy/pdb.yaml': PDB_BETA,
      'app-config.yaml':
        'app:\n  title: x\nruntimeMode:\n  clusters:\n    - name: metal\n      mode: bare-metal-container\n      kubernetesVersion: "1.30"\n',
    });
    const r = await cli(
      [
        'check',
        '--entity',
        'catalog-info.yaml',
        '--config',
        'app-config.yaml',
        '--format',
        'json',
      ],
      dir,
    );
    const json = JSON.parse(r.stdout);
    expect(json.targets).toEqual([
      { component: 'k8s', version: '1.30', source: 'cluster' },
    ]);
    expect(
      json.findings.find((f: any) => f.id === 'api-removed'),
    ).toMatchObject({ waived: true });
    expect(r.code).toBe(0);
  });

  it.each([
    [['check', 'x.yaml', '--format', 'xml'], "argument 'xml' is invalid"],
    [['check', 'x.yaml', '--target-kubernetes', 'latest'], '"latest" for k8s'],
    [['check', 'x.yaml', '--target-kubevirt', '1.x'], '"1.x" for kubevirt'],
    [['check', 'x.yaml', '--target', 'cdi'], 'expected COMPONENT=VERSION'],
    [['check', 'x.yaml', '--target', 'nosuch=1.0'], '"nosuch"'],
    [
      ['check', 'x.yaml', '--target-mode', 'mainframe'],
      "'mainframe' is invalid",
    ],
    [['check', 'x.yaml', '--fail-on', 'sometimes'], "'sometimes' is invalid"],
    [['check', 'x.yaml', '--fromat', 'json'], "unknown option '--fromat'"],
    [['check', 'missing.yaml', 'gone.yaml'], 'missing.yaml: no such file'],
    [['check'], 'no manifest paths given'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])(
    'exits 1 with a one-line error on usage error %j',
    async (args, message) => {
      const dir = makeDir({ 'x.yaml': CM });
      const r = await cli(args, dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^runtime-mode: [^\n]+\n$/);
      expect(r.stderr).toContain(message);
    },
  );

  it('prints the help to stderr and exits 1 without arguments', async () => {
    const r = await cli([], makeDir({}));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Usage: runtime-mode/);
  });

  it('has a man-page-like --help with formats, exit status and examples', async () => {
    const r = await cli(['check', '--help'], makeDir({}));
    expect(r.code).toBe(0);
    for (const section of ['OUTPUT FORMATS', 'EXIT STATUS', 'EXAMPLES']) {
      expect(r.stdout).toMatch(new RegExp(`^${section}$`, 'm'));
    }
    for (const option of [
      '--format <format>',
      '--fail-on <level>',
      '--ignore-deprecations',
      '--ignore-removals',
      '-r, --only-show-removed',
    ]) {
      expect(r.stdout).toContain(option);
    }
    // The CLI report of @backstage/repo-tools reads a line ending in ":"
    // outside commander's indented sections as a section of its own: only
    // commander's headings may end so.
    const headings = r.stdout
      .split('\n')
      .filter(line => !/^\s/.test(line) && line.endsWith(':'));
    expect(headings).toEqual(['Arguments:', 'Options:']);
    const manPage = r.stdout.slice(r.stdout.indexOf('\nTARGETS\n'));
    expect(manPage.split('\n').filter(line => line.endsWith(':'))).toEqual([]);
    const top = await cli(['--help'], makeDir({}));
    expect(top.stdout).toMatch(/^EXAMPLES$/m);
    expect(top.stdout).toContain('npx @runtime-mode/cli check k8s/');
  });

  it('exits 1 with the key on an invalid config', async () => {
    const dir = makeDir({
      'x.yaml': CM,
      'app-config.yaml':
        'runtimeMode:\n  clusters:\n    - name: a\n      mode: mainframe\n',
    });
    const r = await cli(
      ['check', 'x.yaml', '--config', 'app-config.yaml'],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"clusters[0].mode"');
  });
});

describe('runtime-mode check, CI switches and formats', () => {
  const files = { 'pdb.yaml': PDB_BETA, 'cron.yaml': CRONJOB_BETA };

  it('--fail-on chooses the threshold: never, critical, warning', async () => {
    const dir = makeDir(files);
    const run = (...extra: string[]) =>
      cli(['check', 'cron.yaml', '--target-kubernetes', '1.22', ...extra], dir);
    expect((await run()).code).toBe(2);
    expect((await run('--fail-on', 'critical')).code).toBe(0);
    expect((await run('--fail-on', 'never')).code).toBe(0);
    expect((await run('--fail-on', 'warning')).code).toBe(2);
  });

  it('--ignore-removals and --ignore-deprecations act on the exit code as in Pluto', async () => {
    const dir = makeDir(files);
    const removed = await cli(
      ['check', 'pdb.yaml', '--target-kubernetes', '1.25', '--ignore-removals'],
      dir,
    );
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('CRITICAL');
    const deprecated = await cli(
      [
        'check',
        'cron.yaml',
        '--target-kubernetes',
        '1.22',
        '--ignore-deprecations',
      ],
      dir,
    );
    expect(deprecated.code).toBe(0);
    expect(deprecated.stdout).toContain('WARNING');
  });

  it('-r shows removed APIs only', async () => {
    const dir = makeDir(files);
    const r = await cli(
      ['check', '.', '--target-kubernetes', '1.22', '-r', '--format', 'json'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });

  it('writes SARIF with the entity file as the location of component findings', async () => {
    const dir = makeDir({
      ...files,
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web\n  annotations:\n    runtime-mode.dev/waive.api-removed: someday\n',
    });
    const r = await cli(
      [
        'check',
        'pdb.yaml',
        '--entity',
        'catalog-info.yaml',
        '--target-kubernetes',
        '1.25',
        '--format',
        'sarif',
      ],
      dir,
    );
    expect(r.code).toBe(3);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const waiver = run.results.find((x: any) => x.ruleId === 'waiver-invalid');
    expect(waiver.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'catalog-info.yaml',
    );
    const removed = run.results.find((x: any) => x.ruleId === 'api-removed');
    expect(removed.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'pdb.yaml' },
      region: { startLine: 1 },
    });
  });

  it('writes JUnit XML with a failing case for the removed API', async () => {
    const dir = makeDir(files);
    const r = await cli(
      ['check', 'pdb.yaml', '--target-kubernetes', '1.25', '--format', 'junit'],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(
      '<testcase classname="pdb.yaml" name="PodDisruptionBudget web (policy/v1beta1) at line 1" file="pdb.yaml" line="1">',
    );
    expect(r.stdout).toContain('<failure message=');
  });
});

describe('runtime-mode check on a Helm chart directory', () => {
  const chart = {
    'chart/Chart.yaml': 'apiVersion: v2\nname: jobs\nversion: 1.0.0\n',
    'chart/values.yaml': 'schedule: "0 3 * * *"\n',
    'chart/templates/_helpers.tpl':
      '{{- define "jobs.cronjob.apiVersion" -}}\n{{- if .Capabilities.APIVersions.Has "batch/v1/CronJob" -}}\nbatch/v1\n{{- else -}}\nbatch/v1beta1\n{{- end -}}\n{{- end -}}\n',
    'chart/templates/cronjob.yaml':
      'apiVersion: {{ include "jobs.cronjob.apiVersion" . }}\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: {{ .Values.schedule | quote }}\n',
    'chart/templates/NOTES.txt': 'apiVersion: batch/v1beta1\n',
  };

  it('walks the chart with its helpers and judges the apiVersion the target renders', async () => {
    const dir = makeDir(chart);
    const at = async (k8s: string) =>
      JSON.parse(
        (
          await cli(
            ['check', 'chart', '--target-kubernetes', k8s, '--format', 'json'],
            dir,
          )
        ).stdout,
      );
    const modern = await at('1.34');
    expect(modern.objects).toEqual([
      {
        file: 'chart/templates/cronjob.yaml',
        line: 1,
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'report',
      },
    ]);
    expect(
      modern.findings.filter((f: any) => f.category === 'api-compatibility'),
    ).toEqual([]);
    // Below 1.21 the cluster serves no batch/v1 CronJob: the chart renders v1beta1.
    const old = await at('1.20');
    expect(old.objects.map((o: any) => o.apiVersion)).toEqual([
      'batch/v1beta1',
    ]);
    // Chart.yaml and values.yaml are set aside in one finding; NOTES.txt is not read.
    expect(
      old.findings.filter((f: any) => f.id === 'manifest-build-time-file'),
    ).toHaveLength(1);
  });
});

describe('runtime-mode check --entity', () => {
  const components =
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  annotations:\n    runtime-mode.dev/manifests: manifests/a/*.yaml\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: b\n  annotations:\n    runtime-mode.dev/manifests: manifests/b/**\n';

  it('picks one of several entities with file#name and expands manifest globs', async () => {
    const dir = makeDir({
      'catalog/components.yaml': components,
      'catalog/manifests/a/pdb.yaml': PDB_BETA,
      'catalog/manifests/a/notes.txt': 'apiVersion: policy/v1beta1',
      'catalog/manifests/b/deep/cron.yaml': CRONJOB_BETA,
    });
    const a = JSON.parse(
      (
        await cli(
          [
            'check',
            '--entity',
            'catalog/components.yaml#a',
            '--target-kubernetes',
            '1.25',
            '--format',
            'json',
          ],
          dir,
        )
      ).stdout,
    );
    expect(a.objects.map((o: any) => o.file)).toEqual([
      'catalog/manifests/a/pdb.yaml',
    ]);
    const b = JSON.parse(
      (
        await cli(
          [
            'check',
            '--entity',
            'catalog/components.yaml#b',
            '--target-kubernetes',
            '1.25',
            '--format',
            'json',
          ],
          dir,
        )
      ).stdout,
    );
    expect(b.objects.map((o: any) => o.file)).toEqual([
      'catalog/manifests/b/deep/cron.yaml',
    ]);
  });

  it('asks which entity when a file holds several, and names the missing one', async () => {
    const dir = makeDir({ 'components.yaml': components });
    const several = await cli(['check', '--entity', 'components.yaml'], dir);
    expect(several.code).toBe(1);
    expect(several.stderr).toContain('holds 2 components (a, b)');
    const missing = await cli(['check', '--entity', 'components.yaml#c'], dir);
    expect(missing.stderr).toContain('no entity named "c" (found: a, b)');
  });
});

describe('the runtime-mode binary', () => {
  it('runs from bin/runtime-mode and exits with the verdict', () => {
    const dir = makeDir({ 'pdb.yaml': PDB_BETA });
    const bin = path.resolve(__dirname, '../bin/runtime-mode');
    const run = spawnSync(
      process.execPath,
      [
        bin,
        'check',
        'pdb.yaml',
        '--target-kubernetes',
        '1.25',
        '--format',
        'json',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout).findings[0]).toMatchObject({
      id: 'api-removed',
      kind: 'PodDisruptionBudget',
    });
  }, 60_000);
});
