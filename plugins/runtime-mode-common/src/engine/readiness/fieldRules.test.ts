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

import { evaluate } from '../evaluate';

function run(content: string, kubevirt = '1.6.0') {
  return evaluate({
    manifests: [{ path: 'vm.yaml', content }],
    options: {
      now: new Date('2026-12-01T00:00:00Z'),
      targets: { kubevirt },
    },
  });
}

const vmWith = (spec: string) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: db
spec:
${spec}
  template:
    spec:
      domain:
        devices: {}`;

const poolWith = (spec: string) => `apiVersion: pool.kubevirt.io/v1beta1
kind: VirtualMachinePool
metadata:
  name: workers
spec:
  replicas: 2
  selector:
    matchLabels: {app: workers}
  virtualMachineTemplate:
    metadata:
      labels: {app: workers}
    spec:
${spec
  .split('\n')
  .map(line => `    ${line}`)
  .join('\n')}
      template:
        spec:
          domain:
            devices: {}`;

describe('VirtualMachine spec.running and spec.runStrategy', () => {
  it('reports both together as critical: the VM admitter rejects them as mutually exclusive', () => {
    const result = run(vmWith('  running: true\n  runStrategy: Always'));
    const conflict = result.findings.find(
      f => f.id === 'api-run-strategy-conflict',
    );
    expect(conflict).toMatchObject({
      severity: 'critical',
      kind: 'VirtualMachine',
    });
    expect(conflict!.message).toContain('mutually exclusive');
    expect(result.readiness.level).toBe('blocked');
    // Rejected regardless of the target: the check dates from v0.18.0.
    expect(
      run(
        vmWith('  running: true\n  runStrategy: Always'),
        '1.0.0',
      ).findings.map(f => f.id),
    ).toContain('api-run-strategy-conflict');
  });

  it('checks the VirtualMachinePool template too', () => {
    expect(
      run(poolWith('  running: false\n  runStrategy: Halted')).findings.find(
        f => f.id === 'api-run-strategy-conflict',
      ),
    ).toMatchObject({ severity: 'critical', kind: 'VirtualMachinePool' });
    const deprecated = run(poolWith('  running: true')).findings.find(
      f => f.id === 'api-deprecated-field',
    );
    expect(deprecated).toMatchObject({
      replacement: 'spec.virtualMachineTemplate.spec.runStrategy',
    });
  });

  it('reports running alone as deprecated from KubeVirt 1.4.0, with the replacement in the remediation only', () => {
    const deprecated = run(vmWith('  running: true')).findings.find(
      f => f.id === 'api-deprecated-field',
    );
    expect(deprecated).toMatchObject({
      severity: 'warning',
      deprecatedIn: 'v1.4.0',
    });
    expect(deprecated!.message).not.toContain('runStrategy');
    expect(deprecated!.remediation).toContain('runStrategy: Always');
    expect(
      run(vmWith('  running: true'), '1.3.0').findings.map(f => f.id),
    ).not.toContain('api-deprecated-field');
  });
});
