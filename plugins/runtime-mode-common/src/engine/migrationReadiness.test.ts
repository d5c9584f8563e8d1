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
import { evaluate } from './evaluate';
import { judgeMigration } from './migrationReadiness';

const config: Partial<RuntimeModeConfig> = {
  clusters: [
    {
      name: 'metal',
      mode: 'bare-metal-container',
      kubernetesVersion: '1.31',
      hardwareVirtualization: true,
    },
    {
      name: 'kv',
      mode: 'container-virtualization',
      kubernetesVersion: '1.31',
      kubevirtVersion: '1.6.0',
      hardwareVirtualization: true,
    },
  ],
};

// A KubeVirt VM that asks for strong isolation as an enterprise workload:
// its best fit is containers on VMs, which would be re-platforming.
const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: billing
spec:
  runStrategy: Always
  template:
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
const VM_REQUIREMENTS = {
  'runtime-mode.dev/clusters': 'kv',
  'runtime-mode.dev/isolation': 'strong',
  'runtime-mode.dev/workload-profile': 'enterprise',
};

// Three replicas with probes and requests, no PodDisruptionBudget, and a hostPath.
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
        resources: {requests: {cpu: 100m, memory: 64Mi}}
      volumes:
      - name: cache
        hostPath: {path: /var/cache/web}
`;

function run(
  content: string,
  annotations: Record<string, string>,
  options: EvaluationInput['options'] = {},
) {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: { name: 'c', annotations },
      spec: { lifecycle: 'production' },
    },
    manifests: [{ path: 'app.yaml', content }],
    config,
    options: { now: new Date('2026-12-01T00:00:00Z'), ...options },
  });
}

describe('migration readiness', () => {
  it('gives a VM with no target-mode annotation no migration verdict and no re-platforming critical: its best fit is a suggestion only', () => {
    const r = run(VM, VM_REQUIREMENTS);
    expect(r.fit.bestFit).toBe('virtualized-container');
    expect(r.suggestion).toMatchObject({
      mode: 'virtualized-container',
      fitScore: 100,
    });
    expect(r.migration).toBeNull();
    expect(r.readiness).toMatchObject({
      targetMode: null,
      targetSource: 'none',
    });
    expect(r.findings.filter(f => f.id.startsWith('transition-'))).toEqual([]);
    expect(r.findings.filter(f => f.severity === 'critical')).toEqual([]);
  });

  it('judges the move a what-if chooses with the targetMode option', () => {
    const r = run(VM, VM_REQUIREMENTS, { targetMode: 'virtualized-container' });
    expect(r.migration).toMatchObject({
      targetMode: 'virtualized-container',
      targetSource: 'option',
      level: 'blocked',
    });
    expect(
      r.findings.find(f => f.id === 'transition-vm-to-container'),
    ).toMatchObject({ severity: 'critical' });
    expect(r.readiness).toMatchObject({
      targetMode: 'virtualized-container',
      targetSource: 'option',
      level: 'blocked',
    });
  });

  it('judges the move the target-mode annotation plans', () => {
    const r = run(DEPLOYMENT, {
      'runtime-mode.dev/clusters': 'metal',
      'runtime-mode.dev/target-mode': 'virtualized-container',
    });
    expect(r.migration).toMatchObject({
      targetMode: 'virtualized-container',
      targetSource: 'annotation',
    });
  });

  it('counts as checks the rules that applied to the move, passing when they left no open warning or critical', () => {
    const r = run(DEPLOYMENT, {
      'runtime-mode.dev/clusters': 'metal',
      'runtime-mode.dev/target-mode': 'virtualized-container',
      'runtime-mode.dev/isolation': 'medium',
    });
    // Applied: resources, probes, PDB (3 replicas), isolation, KVM on VM
    // nodes, host dependencies; transition-container-platform only informs.
    // Failing: the PDB and the hostPath.
    expect(r.migration).toMatchObject({
      level: 'ready-with-warnings',
      checks: { passing: 4, total: 6 },
      score: 80,
    });
    expect(r.migration!.explanation.at(-1)).toBe('4 of 6 checks passing.');
    const waived = run(DEPLOYMENT, {
      'runtime-mode.dev/clusters': 'metal',
      'runtime-mode.dev/target-mode': 'virtualized-container',
      'runtime-mode.dev/isolation': 'medium',
      'runtime-mode.dev/waive.operations-pdb-missing':
        'until=2027-01-31; reason=drained by hand',
    });
    expect(waived.migration!.checks).toEqual({ passing: 5, total: 6 });
  });

  it('counts a rule two rule families evaluated as one check', () => {
    const judged = (evaluated: string[]) =>
      judgeMigration({
        move: {
          targetMode: 'container-virtualization',
          targetSource: 'annotation',
        },
        findings: [],
        evaluated,
        hasObjects: true,
      }).checks;
    const once = judged([
      'live-migration-unknown-field',
      'operations-probes-missing',
    ]);
    expect(once).toEqual({ passing: 2, total: 2 });
    expect(
      judged([
        'live-migration-unknown-field',
        'operations-probes-missing',
        'live-migration-unknown-field',
      ]),
    ).toEqual(once);
  });

  it('leaves API compatibility to the upgrade: a removed API does not count against the move', () => {
    const withRemoved = `${DEPLOYMENT}---\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: other\nspec:\n  selector:\n    matchLabels: {app: other}\n`;
    const r = run(withRemoved, {
      'runtime-mode.dev/clusters': 'metal',
      'runtime-mode.dev/target-mode': 'virtualized-container',
    });
    expect(r.upgrade.level).toBe('broken-now');
    expect(r.migration!.level).toBe('ready-with-warnings');
    expect(r.readiness.level).toBe('blocked');
  });

  it('does not treat staying where it runs as a migration', () => {
    const r = run(DEPLOYMENT, {
      'runtime-mode.dev/clusters': 'metal',
      'runtime-mode.dev/target-mode': 'bare-metal-container',
      'runtime-mode.dev/isolation': 'strong',
    });
    expect(r.migration).toBeNull();
    expect(r.readiness.targetMode).toBeNull();
    expect(ids(r)).not.toContain('isolation-requirement-unmet');
    expect(
      run(VM, VM_REQUIREMENTS, { targetMode: 'container-virtualization' })
        .migration,
    ).toBeNull();
  });

  it('is unknown when no readiness rule applies to the objects of the move', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', {
      'runtime-mode.dev/target-mode': 'virtualized-container',
    });
    expect(r.migration).toMatchObject({
      level: 'unknown',
      score: null,
      checks: { passing: 0, total: 0 },
    });
  });
});

function ids(result: ReturnType<typeof run>): string[] {
  return result.findings.map(f => f.id);
}
