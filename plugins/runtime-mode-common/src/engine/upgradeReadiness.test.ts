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

import type { EvaluationInput, RuntimeModeConfig } from '../types';
import { UPGRADE_LEVELS } from '../types';
import { evaluate } from './evaluate';
import { evaluateApiCompatibility } from './evaluateApiCompatibility';
import { SCORING_RULE } from './scoring';

// Two bare-metal clusters a release apart, and a plan to go to 1.34.
const config: Partial<RuntimeModeConfig> = {
  clusters: [
    {
      name: 'metal-31',
      mode: 'bare-metal-container',
      kubernetesVersion: '1.31',
    },
    {
      name: 'metal-33',
      mode: 'bare-metal-container',
      kubernetesVersion: '1.33',
    },
  ],
  apiPolicy: {
    targets: { k8s: '1.34' },
    alphaInProduction: 'warning',
    extraDeprecations: [],
  },
};

// policy/v1beta1 was removed in 1.25: broken on a 1.31 cluster today.
const PDB_V1BETA1 = `apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
`;

// flowcontrol v1beta3: deprecated in 1.29, removed in 1.32 — served at 1.31, gone at 1.34.
const FLOWSCHEMA_V1BETA3 = `apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata:
  name: batch
`;

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`;

function run(
  content: string,
  clusters: string,
  options: EvaluationInput['options'] = {},
) {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: {
        name: 'c',
        annotations: { 'runtime-mode.dev/clusters': clusters },
      },
      spec: { lifecycle: 'production' },
    },
    manifests: [{ path: 'app.yaml', content }],
    config,
    options: { now: new Date('2026-12-01T00:00:00Z'), ...options },
  });
}

describe('upgrade readiness', () => {
  it('is broken-now for an API removed at the version its cluster runs, breaks-at-upgrade for one removed only at the planned target', () => {
    const r = run(`${PDB_V1BETA1}---\n${FLOWSCHEMA_V1BETA3}`, 'metal-31');
    const removed = (kind: string) =>
      r.findings.find(f => f.id === 'api-removed' && f.kind === kind);
    expect(removed('PodDisruptionBudget')).toMatchObject({ timing: 'now' });
    expect(removed('PodDisruptionBudget')!.message).toContain(
      'its cluster runs Kubernetes 1.31 today, so it cannot be applied there now',
    );
    expect(removed('FlowSchema')).toMatchObject({ timing: 'at-upgrade' });
    expect(removed('FlowSchema')!.message).toContain(
      'served at Kubernetes 1.31 today, it breaks at the planned Kubernetes 1.34',
    );
    expect(r.upgrade).toMatchObject({
      level: 'broken-now',
      versions: [{ component: 'k8s', current: '1.31', planned: '1.34' }],
      counts: { brokenNow: 1, breaksAtUpgrade: 1, deprecated: 0 },
      checks: { passing: 0, total: 2 },
    });
    expect(run(FLOWSCHEMA_V1BETA3, 'metal-31').upgrade.level).toBe(
      'breaks-at-upgrade',
    );
  });

  it('answers differently for a planned 1.31 and a planned 1.34', () => {
    const content = `${PDB_V1BETA1}---\n${FLOWSCHEMA_V1BETA3}`;
    const at31 = run(content, 'metal-31', { targets: { k8s: '1.31' } });
    const at34 = run(content, 'metal-31', { targets: { k8s: '1.34' } });
    expect(at31.upgrade.counts).toEqual({
      brokenNow: 1,
      breaksAtUpgrade: 0,
      deprecated: 1,
    });
    expect(at34.upgrade.counts).toEqual({
      brokenNow: 1,
      breaksAtUpgrade: 1,
      deprecated: 0,
    });
    expect(
      run(FLOWSCHEMA_V1BETA3, 'metal-31', { targets: { k8s: '1.31' } }).upgrade
        .level,
    ).toBe('deprecated');
  });

  it('judges a component on several clusters at the newest: removed on any of them is broken now', () => {
    const r = run(FLOWSCHEMA_V1BETA3, 'metal-31, metal-33');
    expect(r.upgrade.versions).toEqual([
      { component: 'k8s', current: '1.33', planned: '1.34' },
    ]);
    expect(r.upgrade.level).toBe('broken-now');
  });

  it('judges a cluster already past the plan at its own version', () => {
    const r = run(FLOWSCHEMA_V1BETA3, 'metal-33', { targets: { k8s: '1.30' } });
    expect(r.targets).toEqual([
      { component: 'k8s', version: '1.33', source: 'cluster' },
    ]);
    expect(r.upgrade.level).toBe('broken-now');
  });

  it('counts a removal as at the upgrade when no cluster states its version', () => {
    const r = run(PDB_V1BETA1, 'none-named', {});
    expect(r.findings.find(f => f.id === 'api-removed')).toMatchObject({
      timing: 'at-upgrade',
    });
    expect(r.upgrade).toMatchObject({
      level: 'breaks-at-upgrade',
      versions: [{ component: 'k8s', current: null, planned: '1.34' }],
    });
  });

  it('is clean only when every object of a knowledge-base component was judged', () => {
    expect(run(CONFIGMAP, 'metal-31').upgrade).toMatchObject({
      level: 'clean',
      checks: { passing: 1, total: 1 },
    });
    const istio = `${CONFIGMAP}---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\n`;
    const partly = run(istio, 'metal-31');
    expect(partly.notJudged).toEqual(['istio']);
    expect(partly.upgrade.level).toBe('unknown');
    expect(partly.upgrade.explanation).toContain(
      'Not judged, no version: Istio.',
    );
  });

  it('counts an object at one place once, even when the same file is given twice', () => {
    const content = `${CONFIGMAP}---\n${PDB_V1BETA1}`;
    const once = run(content, 'metal-31');
    expect(once.upgrade.checks).toEqual({ passing: 1, total: 2 });
    const twice = evaluate({
      manifests: [
        { path: 'app.yaml', content },
        { path: 'other.yaml', content: FLOWSCHEMA_V1BETA3 },
        { path: 'app.yaml', content },
      ],
      config,
      options: { targets: { k8s: '1.31' } },
    });
    // Three objects at three places: the ConfigMap and the PodDisruptionBudget
    // of app.yaml (read twice), and the FlowSchema (deprecated at 1.31).
    expect(twice.objects).toHaveLength(5);
    expect(twice.upgrade.checks).toEqual({ passing: 1, total: 3 });
  });

  it('names the versions each component was judged at, whatever was judged before and whatever callers do with results', () => {
    const at = (targets: Record<string, string>, content = CONFIGMAP) =>
      evaluate({
        manifests: [{ path: 'app.yaml', content }],
        config,
        options: { targets },
      }).upgrade;
    const vm = `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  runStrategy: Always\n`;
    for (let round = 0; round < 3; round++) {
      for (const k8s of ['1.31', '1.32', '1.33', '1.34', '1.35']) {
        expect(at({ k8s }).explanation[0]).toBe(`Judged at Kubernetes ${k8s}.`);
      }
      expect(
        at({ k8s: '1.34', kubevirt: '1.6.0' }, `${CONFIGMAP}---\n${vm}`)
          .explanation[0],
      ).toBe('Judged at Kubernetes 1.34; KubeVirt 1.6.0.');
    }
    const changed = at({ k8s: '1.33' });
    changed.versions[0].planned = '9.99';
    changed.explanation[0] = 'changed by a caller';
    expect(at({ k8s: '1.33' }).explanation[0]).toBe(
      'Judged at Kubernetes 1.33.',
    );
  });

  it('is unknown when no object was read, and never a pass', () => {
    expect(run('# nothing here\n', 'metal-31').upgrade).toMatchObject({
      level: 'unknown',
      checks: { passing: 0, total: 0 },
    });
  });

  it('lets a waiver hold: a waived removal passes its check', () => {
    const r = evaluate({
      entity: {
        kind: 'Component',
        metadata: {
          name: 'c',
          annotations: {
            'runtime-mode.dev/clusters': 'metal-31',
            'runtime-mode.dev/waive.api-removed':
              'until=2027-01-31; reason=replaced in the next release',
          },
        },
      },
      manifests: [{ path: 'app.yaml', content: PDB_V1BETA1 }],
      config,
      options: { now: new Date('2026-12-01T00:00:00Z') },
    });
    expect(r.upgrade).toMatchObject({
      level: 'clean',
      checks: { passing: 1, total: 1 },
    });
  });

  it('reads a VirtualMachine that admission rejects (running with runStrategy) as broken now', () => {
    const vm = `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  running: true\n  runStrategy: Always\n  template:\n    spec:\n      domain:\n        devices: {}\n`;
    const r = run(vm, 'metal-31', { targets: { kubevirt: '1.6.0' } });
    expect(
      r.findings.find(f => f.id === 'api-run-strategy-conflict'),
    ).toMatchObject({ timing: 'now' });
    expect(r.upgrade.level).toBe('broken-now');
  });
});

describe('the scoring rule served by GET /v1/rules', () => {
  it('states every upgrade level, the checks and the suggestion', () => {
    const text = SCORING_RULE.join('\n');
    for (const level of UPGRADE_LEVELS) expect(text).toContain(level);
    expect(text).toContain('n of m checks passing');
    expect(text).toContain('suggestion');
  });
});

describe('evaluateApiCompatibility with current versions (the blast radius)', () => {
  const objects = [
    {
      file: 'a.yaml',
      line: 1,
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
    },
    {
      file: 'b.yaml',
      line: 1,
      apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
      kind: 'FlowSchema',
    },
  ];

  it('splits what is already broken from what newly breaks at the chosen version', () => {
    const timings = (version: string) =>
      evaluateApiCompatibility(
        objects,
        { k8s: version },
        { currentVersions: { k8s: '1.31' } },
      )
        .filter(f => f.id === 'api-removed')
        .map(f => `${f.kind} ${f.timing}`);
    expect(timings('1.31')).toEqual(['PodDisruptionBudget now']);
    expect(timings('1.34')).toEqual([
      'PodDisruptionBudget now',
      'FlowSchema at-upgrade',
    ]);
  });
});
