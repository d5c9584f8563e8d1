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

import type { RuntimeModeConfig, RuntimeModeId } from '../../types';
import { evaluate } from '../evaluate';
import { RULES_BY_ID } from '../ruleCatalog';

const config: Partial<RuntimeModeConfig> = {
  clusters: [
    { name: 'metal', mode: 'bare-metal-container', kubernetesVersion: '1.31' },
    { name: 'sks', mode: 'virtualized-container', kubernetesVersion: '1.31' },
    {
      name: 'kv',
      mode: 'container-virtualization',
      kubernetesVersion: '1.31',
      kubevirtVersion: '1.6.0',
      hardwareVirtualization: true,
    },
  ],
};

function run(
  content: string,
  annotations: Record<string, string>,
  targetMode?: RuntimeModeId,
) {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: { name: 'c', annotations },
      spec: { lifecycle: 'production' },
    },
    manifests: [{ path: 'app.yaml', content }],
    config,
    options: {
      now: new Date('2026-06-01T00:00:00Z'),
      ...(targetMode ? { targetMode } : {}),
    },
  });
}

function transitions(result: ReturnType<typeof run>) {
  return result.findings.filter(f => f.id.startsWith('transition-'));
}

const KUBEVIRT_VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: billing
spec:
  runStrategy: Always
  template:
    spec:
      evictionStrategy: LiveMigrate
      domain:
        devices: {}
`;

const VSPHERE_VM = `apiVersion: vmoperator.vmware.com/v1alpha3
kind: VirtualMachine
metadata:
  name: erp
spec:
  className: best-effort-small
  imageName: ubuntu-22.04
`;

const deployment = (podSpec: string) => `apiVersion: apps/v1
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
${podSpec}
`;

const PLAIN_POD_SPEC = `      containers:
      - name: web
        image: nginx`;

const GPU_POD_SPEC = `      containers:
      - name: train
        image: trainer
        resources:
          limits: {nvidia.com/gpu: 1}
      - name: agent
        image: agent
        securityContext: {privileged: true}
      volumes:
      - name: cache
        hostPath: {path: /var/cache/models}
      - name: dri
        hostPath: {path: /dev/dri}`;

describe('transition rules', () => {
  it('are all in the rule catalog with a docs link', () => {
    for (const id of [
      'transition-vm-to-container',
      'transition-vm-import',
      'transition-container-to-kubevirt',
      'transition-host-dependencies',
      'transition-kvm-on-vm-nodes',
      'transition-container-platform',
    ]) {
      expect(RULES_BY_ID.get(id)?.docsUrl).toMatch(/^https:\/\//);
    }
  });

  describe('transition-vm-to-container', () => {
    it('blocks a KubeVirt VM whose target is virtualized containers, with evidence', () => {
      const result = run(KUBEVIRT_VM, {}, 'virtualized-container');
      expect(result.mode.value).toBe('container-virtualization');
      const [finding] = transitions(result);
      expect(finding).toMatchObject({
        id: 'transition-vm-to-container',
        severity: 'critical',
        file: 'app.yaml',
        line: 1,
        kind: 'VirtualMachine',
        name: 'billing',
      });
      expect(finding.message).toContain('re-platforming, not a migration');
      expect(finding.message).toContain('nested virtualization');
      expect(finding.remediation).toContain('VM Service');
      expect(finding.remediation).toContain('Containerise');
      expect(finding.docsUrl).toBeDefined();
      expect(result.readiness.level).toBe('blocked');
    });

    it('blocks a KubeVirt VM whose target is bare-metal containers', () => {
      const [finding] = transitions(
        run(KUBEVIRT_VM, {}, 'bare-metal-container'),
      );
      expect(finding).toMatchObject({
        id: 'transition-vm-to-container',
        severity: 'critical',
      });
      expect(finding.message).toContain('runs containers only');
      expect(finding.remediation).not.toContain('VM Service');
    });

    it('blocks a vSphere VM only when its target is bare-metal containers', () => {
      const toMetal = transitions(run(VSPHERE_VM, {}, 'bare-metal-container'));
      expect(toMetal).toEqual([
        expect.objectContaining({
          id: 'transition-vm-to-container',
          severity: 'critical',
          name: 'erp',
          apiVersion: 'vmoperator.vmware.com/v1alpha3',
        }),
      ]);
      // A vSphere VM already runs in the virtualized-container mode.
      const result = run(VSPHERE_VM, {}, 'virtualized-container');
      expect(result.mode.value).toBe('virtualized-container');
      expect(transitions(result)).toEqual([]);
    });

    it('reports one finding per VM', () => {
      const twoVms = `${KUBEVIRT_VM}---\n${KUBEVIRT_VM.replace(
        'name: billing',
        'name: reports',
      )}`;
      const found = transitions(run(twoVms, {}, 'virtualized-container'));
      expect(found.map(f => [f.id, f.name, f.line])).toEqual([
        ['transition-vm-to-container', 'billing', 1],
        ['transition-vm-to-container', 'reports', 13],
      ]);
    });
  });

  it('can be waived, and the waived finding stays visible', () => {
    const result = run(
      KUBEVIRT_VM,
      {
        'runtime-mode.dev/waive.transition-vm-to-container':
          'until=2026-12-31; reason=Containerised in Q3 (BILL-7)',
      },
      'virtualized-container',
    );
    const [finding] = transitions(result);
    expect(finding).toMatchObject({
      id: 'transition-vm-to-container',
      waived: true,
    });
    expect(result.findings.map(f => f.id)).not.toContain('waiver-invalid');
  });

  describe('transition-vm-import', () => {
    it('describes a vSphere VM moving to KubeVirt as a VM import', () => {
      const found = transitions(
        run(VSPHERE_VM, {}, 'container-virtualization'),
      );
      expect(found).toEqual([
        expect.objectContaining({
          id: 'transition-vm-import',
          severity: 'info',
          name: 'erp',
        }),
      ]);
      expect(found[0].remediation).toContain('Forklift');
    });
  });

  describe('transition-container-to-kubevirt', () => {
    it('says containers stay pods on KubeVirt, as information', () => {
      const result = run(
        deployment(PLAIN_POD_SPEC),
        { 'runtime-mode.dev/clusters': 'sks' },
        'container-virtualization',
      );
      expect(result.mode.value).toBe('virtualized-container');
      const found = transitions(result);
      expect(found).toEqual([
        expect.objectContaining({
          id: 'transition-container-to-kubevirt',
          severity: 'info',
          category: 'isolation',
          kind: 'Deployment',
          name: 'web',
          line: 1,
        }),
      ]);
      expect(found[0].message).toContain('keeps running as a pod');
      expect(found[0].remediation).toContain('only when it needs VM isolation');
    });

    it('names the isolation requirement the component states', () => {
      const [finding] = transitions(
        run(
          deployment(PLAIN_POD_SPEC),
          {
            'runtime-mode.dev/clusters': 'metal',
            'runtime-mode.dev/isolation': 'strong',
          },
          'container-virtualization',
        ),
      );
      expect(finding.id).toBe('transition-container-to-kubevirt');
      expect(finding.message).toContain('requires strong isolation');
      expect(finding.remediation).toContain('strong isolation');
    });

    it('does not ask for virt-launcher monitoring of containers', () => {
      const result = run(
        `${deployment(
          PLAIN_POD_SPEC,
        )}---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  endpoints:\n  - port: http\n`,
        { 'runtime-mode.dev/clusters': 'metal' },
        'container-virtualization',
      );
      expect(result.findings.map(f => f.id)).not.toContain(
        'monitoring-virt-launcher-not-covered',
      );
      const withoutMonitor = run(
        deployment(PLAIN_POD_SPEC),
        { 'runtime-mode.dev/clusters': 'metal' },
        'container-virtualization',
      ).findings.find(f => f.id === 'monitoring-service-monitor-missing');
      expect(withoutMonitor?.message).toContain('the app is not scraped');
      expect(withoutMonitor?.message).not.toContain('of its VMs');
    });
  });

  describe('between the container modes', () => {
    it('warns about GPUs, host devices, hostPath and privilege moving onto VM nodes', () => {
      const found = transitions(
        run(
          deployment(GPU_POD_SPEC),
          { 'runtime-mode.dev/clusters': 'metal' },
          'virtualized-container',
        ),
      );
      const hostDeps = found.find(f => f.id === 'transition-host-dependencies');
      expect(hostDeps).toMatchObject({
        severity: 'warning',
        category: 'hardware',
        name: 'web',
        line: 1,
      });
      expect(hostDeps?.message).toContain('device resource nvidia.com/gpu');
      expect(hostDeps?.message).toContain('privileged container agent');
      expect(hostDeps?.message).toContain('hostPath /var/cache/models');
      expect(hostDeps?.message).toContain('host device /dev/dri');
    });

    it('names Pod Security Admission on TKGS for privileged and hostPath pods', () => {
      const hostDeps = transitions(
        run(
          deployment(GPU_POD_SPEC),
          { 'runtime-mode.dev/clusters': 'metal' },
          'virtualized-container',
        ),
      ).find(f => f.id === 'transition-host-dependencies');
      expect(hostDeps?.message).toContain(
        'On TKGS (TKr v1.26 and later) Pod Security Admission enforces the restricted standard',
      );
      expect(hostDeps?.remediation).toContain(
        'pod-security.kubernetes.io/enforce',
      );
      const gpuOnly = transitions(
        run(
          deployment(`      containers:
      - name: train
        image: trainer
        resources:
          limits: {nvidia.com/gpu: 1}`),
          { 'runtime-mode.dev/clusters': 'metal' },
          'virtualized-container',
        ),
      ).find(f => f.id === 'transition-host-dependencies');
      expect(gpuOnly?.message).not.toContain('Pod Security Admission');
      expect(gpuOnly?.remediation).toContain('PCI passthrough');
    });

    it('blocks a pod that needs KVM on VM worker nodes, without advising PCI passthrough', () => {
      for (const podSpec of [
        `      containers:
      - name: emulator
        image: emulator
        resources:
          limits: {devices.kubevirt.io/kvm: 1}`,
        `      containers:
      - name: emulator
        image: emulator
      volumes:
      - name: kvm
        hostPath: {path: /dev/kvm, type: CharDevice}`,
      ]) {
        const found = transitions(
          run(
            deployment(podSpec),
            { 'runtime-mode.dev/clusters': 'metal' },
            'virtualized-container',
          ),
        );
        const kvm = found.find(f => f.id === 'transition-kvm-on-vm-nodes');
        expect(kvm).toMatchObject({ severity: 'critical', name: 'web' });
        expect(kvm?.message).toContain('nested virtualization');
        expect(kvm?.message).toContain('stays Pending');
        expect(kvm?.remediation).not.toContain('passthrough');
        expect(
          found.find(f => f.id === 'transition-host-dependencies')
            ?.remediation ?? '',
        ).not.toContain('passthrough');
      }
    });

    it('has no host-dependency warning for a plain workload, nor towards bare metal', () => {
      const plain = transitions(
        run(
          deployment(PLAIN_POD_SPEC),
          { 'runtime-mode.dev/clusters': 'metal' },
          'virtualized-container',
        ),
      );
      expect(plain.map(f => f.id)).toEqual(['transition-container-platform']);
      const toMetal = transitions(
        run(
          deployment(GPU_POD_SPEC),
          { 'runtime-mode.dev/clusters': 'sks' },
          'bare-metal-container',
        ),
      );
      expect(toMetal.map(f => f.id)).toEqual(['transition-container-platform']);
    });

    it('names the hypervisor overhead onto VMs only when no performance requirement judges it', () => {
      const [unstated] = transitions(
        run(
          deployment(PLAIN_POD_SPEC),
          { 'runtime-mode.dev/clusters': 'metal' },
          'virtualized-container',
        ),
      );
      expect(unstated).toMatchObject({
        id: 'transition-container-platform',
        severity: 'info',
      });
      expect(unstated.message).toContain('5-15% overhead');
      const stated = run(
        deployment(PLAIN_POD_SPEC),
        {
          'runtime-mode.dev/clusters': 'metal',
          'runtime-mode.dev/latency-sensitive': 'true',
        },
        'virtualized-container',
      );
      expect(transitions(stated)).toEqual([]);
      expect(stated.findings.map(f => f.id)).toContain(
        'performance-latency-sensitive',
      );
    });

    it('names the isolation drop towards bare metal only when no requirement judges it', () => {
      const [unstated] = transitions(
        run(
          deployment(PLAIN_POD_SPEC),
          { 'runtime-mode.dev/clusters': 'sks' },
          'bare-metal-container',
        ),
      );
      expect(unstated.message).toContain(
        'isolation changes from strong (VM isolation) to weak (shared kernel)',
      );
      expect(unstated.message).toContain('needs driver adaptation');
      const [stated] = transitions(
        run(
          deployment(PLAIN_POD_SPEC),
          {
            'runtime-mode.dev/clusters': 'sks',
            'runtime-mode.dev/isolation': 'strong',
          },
          'bare-metal-container',
        ),
      );
      expect(stated.message).not.toContain('isolation changes');
      expect(stated.message).toContain('needs driver adaptation');
    });
  });

  describe('says nothing without a move', () => {
    it('when the target is the current mode', () => {
      expect(
        transitions(run(KUBEVIRT_VM, {}, 'container-virtualization')),
      ).toEqual([]);
      expect(
        transitions(
          run(
            deployment(GPU_POD_SPEC),
            { 'runtime-mode.dev/clusters': 'metal' },
            'bare-metal-container',
          ),
        ),
      ).toEqual([]);
    });

    it('when the current mode is unknown', () => {
      // A Deployment on no known cluster, nothing declared: mode unknown.
      for (const target of [
        'bare-metal-container',
        'virtualized-container',
        'container-virtualization',
      ] as const) {
        const result = run(deployment(GPU_POD_SPEC), {}, target);
        expect(result.mode.value).toBe('unknown');
        expect(transitions(result)).toEqual([]);
      }
    });

    it('when there is no target mode', () => {
      const result = run(deployment(PLAIN_POD_SPEC), {});
      expect(result.readiness.targetMode).toBeNull();
      expect(transitions(result)).toEqual([]);
    });
  });
});
