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

import type { ClusterConfig, RuntimeModeConfig } from '../../types';
import { evaluate } from '../evaluate';

// A KubeVirt cluster whose KubeVirt CR defaults nobody stated, one whose
// defaults are stated as HCO sets them on a multi-node cluster, and one
// stated as upstream KubeVirt leaves them.
const CLUSTERS: ClusterConfig[] = [
  {
    name: 'kv-unstated',
    mode: 'container-virtualization',
    kubevirtVersion: '1.6.0',
    hardwareVirtualization: true,
  },
  {
    name: 'kv-hco',
    mode: 'container-virtualization',
    kubevirtVersion: '1.6.0',
    hardwareVirtualization: true,
    evictionStrategy: 'LiveMigrate',
    defaultNetworkInterface: 'masquerade',
  },
  {
    name: 'kv-upstream',
    mode: 'container-virtualization',
    kubevirtVersion: '1.6.0',
    hardwareVirtualization: true,
    evictionStrategy: 'None',
    defaultNetworkInterface: 'bridge',
  },
];
const config: Partial<RuntimeModeConfig> = { clusters: CLUSTERS };

interface VmOptions {
  eviction?: string;
  /** Lines under spec.template.spec.domain.devices. */
  devices?: string[];
  /** Lines under spec.template.spec.domain. */
  domain?: string[];
  /** Lines under spec.template.spec. */
  spec?: string[];
  /** Lines under spec.template.metadata.annotations. */
  annotations?: string[];
  /** The pod network interface's binding line, e.g. `bridge: {}`; none = no interfaces or networks at all. */
  podBinding?: string | null;
}

function indent(lines: string[] | undefined, spaces: number): string {
  return (lines ?? []).map(l => `${' '.repeat(spaces)}${l}\n`).join('');
}

/** A KubeVirt VM with the pod network on masquerade unless told otherwise. */
function vm(options: VmOptions = {}): string {
  const binding =
    options.podBinding === undefined ? 'masquerade: {}' : options.podBinding;
  const interfaces =
    binding === null
      ? ''
      : `          interfaces:\n          - name: default\n            ${binding}\n`;
  const networks =
    binding === null
      ? ''
      : `      networks:\n      - name: default\n        pod: {}\n`;
  const devices = indent(options.devices, 10) + interfaces;
  const annotations = options.annotations
    ? `    metadata:\n      annotations:\n${indent(options.annotations, 8)}`
    : '';
  return `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: db
spec:
  runStrategy: Always
  template:
${annotations}    spec:
${
  options.eviction ? `      evictionStrategy: ${options.eviction}\n` : ''
}${indent(options.spec, 6)}      domain:
${indent(options.domain, 8)}        devices:${
    devices ? `\n${devices}` : ' {}\n'
  }${networks}`;
}

function run(
  content: string,
  cluster: string | undefined,
  kubevirtTarget?: string,
) {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: {
        name: 'c',
        annotations: cluster ? { 'runtime-mode.dev/clusters': cluster } : {},
      },
      spec: { lifecycle: 'production' },
    },
    manifests: [{ path: 'vm.yaml', content }],
    config,
    options: {
      now: new Date('2026-12-01T00:00:00Z'),
      ...(kubevirtTarget ? { targets: { kubevirt: kubevirtTarget } } : {}),
    },
  });
}

function finding(result: ReturnType<typeof run>, id: string) {
  return result.findings.find(f => f.id === id);
}

describe('live migration: HostDeviceNotLiveMigratable', () => {
  it('blocks a VM with a single GPU, critical when it asks to live-migrate', () => {
    const gpu = ['gpus:', '- name: gpu1', '  deviceName: nvidia.com/GA102GL'];
    const r = run(vm({ eviction: 'LiveMigrate', devices: gpu }), 'kv-unstated');
    expect(finding(r, 'live-migration-host-devices')).toMatchObject({
      severity: 'critical',
    });
    expect(finding(r, 'live-migration-host-devices')!.message).toContain(
      'HostDeviceNotLiveMigratable',
    );
    const none = run(vm({ eviction: 'None', devices: gpu }), 'kv-unstated');
    expect(finding(none, 'live-migration-host-devices')).toMatchObject({
      severity: 'warning',
    });
  });

  it('blocks hostDevices', () => {
    const r = run(
      vm({
        eviction: 'LiveMigrate',
        devices: [
          'hostDevices:',
          '- name: nic',
          '  deviceName: vendor.com/nic',
        ],
      }),
      'kv-unstated',
    );
    expect(finding(r, 'live-migration-host-devices')).toMatchObject({
      severity: 'critical',
    });
  });

  it('suggests the alpha VGPULiveMigration gate for a single GPU only from KubeVirt 1.9.0', () => {
    const gpu = [
      'gpus:',
      '- name: gpu1',
      '  deviceName: nvidia.com/GRID_T4-1Q',
    ];
    const below = run(
      vm({ eviction: 'LiveMigrate', devices: gpu }),
      'kv-unstated',
      '1.8.4',
    );
    expect(
      finding(below, 'live-migration-host-devices')!.remediation,
    ).not.toContain('VGPULiveMigration');
    const at19 = run(
      vm({ eviction: 'LiveMigrate', devices: gpu }),
      'kv-unstated',
      '1.9.0',
    );
    expect(finding(at19, 'live-migration-host-devices')).toMatchObject({
      severity: 'critical',
    });
    expect(finding(at19, 'live-migration-host-devices')!.remediation).toContain(
      'VGPULiveMigration',
    );
    const twoGpus = [
      ...gpu,
      '- name: gpu2',
      '  deviceName: nvidia.com/GRID_T4-1Q',
    ];
    expect(
      finding(
        run(
          vm({ eviction: 'LiveMigrate', devices: twoGpus }),
          'kv-unstated',
          '1.9.0',
        ),
        'live-migration-host-devices',
      )!.remediation,
    ).not.toContain('VGPULiveMigration');
  });
});

describe('live migration: confidential computing', () => {
  it.each([
    ['{sev: {}}', [], 'SEVNotLiveMigratable'],
    ['{snp: {}}', [], 'SEVNotLiveMigratable'],
    ['{tdx: {}}', [], 'TDXNotLiveMigratable'],
    ['{}', ['architecture: s390x'], 'SecureExecutionNotLiveMigratable'],
  ])('blocks launchSecurity %s %j (%s)', (security, spec, reason) => {
    const r = run(
      vm({
        eviction: 'LiveMigrate',
        domain: [`launchSecurity: ${security}`],
        spec,
      }),
      'kv-unstated',
    );
    const f = finding(r, 'live-migration-launch-security');
    expect(f).toMatchObject({ severity: 'critical' });
    expect(f!.message).toContain(reason);
  });

  it('says nothing about an empty launchSecurity outside s390x', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', domain: ['launchSecurity: {}'] }),
      'kv-unstated',
    );
    expect(finding(r, 'live-migration-launch-security')).toBeUndefined();
  });
});

describe('live migration: SCSI persistent reservation', () => {
  const reserved = [
    'disks:',
    '- name: shared-lun',
    '  lun: {bus: scsi, reservation: true}',
  ];

  it('blocks a reserved LUN before KubeVirt 1.9.0', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', devices: reserved }),
      'kv-unstated',
      '1.8.4',
    );
    const f = finding(r, 'live-migration-persistent-reservation');
    expect(f).toMatchObject({ severity: 'critical' });
    expect(f!.message).toContain('PersistentReservationNotLiveMigratable');
  });

  it('lets it migrate from KubeVirt 1.9.0 (commit 6e459496)', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', devices: reserved }),
      'kv-unstated',
      '1.9.0',
    );
    expect(finding(r, 'live-migration-persistent-reservation')).toBeUndefined();
  });

  it('hedges when there is no KubeVirt target, never critical', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', devices: reserved }),
      undefined,
    );
    expect(finding(r, 'live-migration-persistent-reservation')).toMatchObject({
      severity: 'warning',
    });
  });
});

describe('live migration: Hyper-V', () => {
  it('blocks hypervPassthrough (HypervPassthroughNotLiveMigratable)', () => {
    const r = run(
      vm({
        eviction: 'LiveMigrate',
        domain: ['features:', '  hypervPassthrough: {enabled: true}'],
      }),
      'kv-unstated',
    );
    const f = finding(r, 'live-migration-hyperv-passthrough');
    expect(f).toMatchObject({ severity: 'critical' });
    expect(f!.message).toContain('HypervPassthroughNotLiveMigratable');
  });

  it('warns that reenlightenment needs TSC-frequency topology, naming NoTSCFrequency', () => {
    const r = run(
      vm({
        eviction: 'LiveMigrate',
        domain: [
          'features:',
          '  hyperv:',
          '    reenlightenment: {enabled: true}',
        ],
      }),
      'kv-unstated',
    );
    const f = finding(r, 'live-migration-tsc-frequency');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('NoTSCFrequencyNotLiveMigratable');
  });

  it('tells at info that invtsc ties the VM to nodes of a matching TSC frequency', () => {
    const r = run(
      vm({
        eviction: 'LiveMigrate',
        domain: ['cpu:', '  features:', '  - {name: invtsc, policy: require}'],
      }),
      'kv-unstated',
    );
    expect(finding(r, 'live-migration-tsc-frequency')).toMatchObject({
      severity: 'info',
    });
  });
});

describe('live migration: virtiofs', () => {
  const virtiofs = ['filesystems:', '- name: share', '  virtiofs: {}'];

  // No cluster: a planned version is never below the version a cluster runs.
  it('blocks a virtiofs filesystem before KubeVirt 1.5.0, not from it', () => {
    expect(
      finding(
        run(
          vm({ eviction: 'LiveMigrate', devices: virtiofs }),
          undefined,
          '1.4.0',
        ),
        'live-migration-virtiofs',
      ),
    ).toMatchObject({ severity: 'critical' });
    expect(
      finding(
        run(
          vm({ eviction: 'LiveMigrate', devices: virtiofs }),
          undefined,
          '1.5.0',
        ),
        'live-migration-virtiofs',
      ),
    ).toBeUndefined();
  });
});

describe('live migration: the pod network', () => {
  it('reads an implicit pod interface as bridge where the cluster default is bridge', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', podBinding: null }),
      'kv-upstream',
    );
    const f = finding(r, 'live-migration-pod-network-default');
    expect(f).toMatchObject({ severity: 'critical' });
    expect(f!.message).toContain('InterfaceNotLiveMigratable');
    expect(f!.message).toContain('cluster kv-upstream');
  });

  it('accepts an implicit pod interface where the cluster default is masquerade', () => {
    const r = run(vm({ eviction: 'LiveMigrate', podBinding: null }), 'kv-hco');
    expect(finding(r, 'live-migration-pod-network-default')).toBeUndefined();
  });

  it('says it depends on the cluster default when that is not stated, never critical', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', podBinding: null }),
      'kv-unstated',
    );
    const f = finding(r, 'live-migration-pod-network-default');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('depends on the cluster default');
    expect(f!.message).toContain('bridge in upstream KubeVirt');
  });

  it('says nothing when the VM opts out of the pod network (autoattachPodInterface: false)', () => {
    const r = run(
      vm({
        eviction: 'LiveMigrate',
        podBinding: null,
        devices: ['autoattachPodInterface: false'],
      }),
      'kv-upstream',
    );
    expect(finding(r, 'live-migration-pod-network-default')).toBeUndefined();
  });

  it('reads the defaults from a KubeVirt CR shipped with the manifests', () => {
    const cr = `---
apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata:
  name: kubevirt
spec:
  configuration:
    evictionStrategy: LiveMigrate
    network:
      defaultNetworkInterface: masquerade
      binding:
        passt:
          sidecarImage: quay.io/kubevirt/network-passt-binding
          migration: {}
`;
    const implicit = run(vm({ podBinding: null }) + cr, 'kv-unstated');
    expect(
      finding(implicit, 'live-migration-pod-network-default'),
    ).toBeUndefined();
    expect(
      finding(implicit, 'live-migration-eviction-strategy'),
    ).toBeUndefined();
    const plugin = run(
      vm({ podBinding: 'binding: {name: passt}' }) + cr,
      'kv-unstated',
    );
    expect(
      finding(plugin, 'live-migration-pod-network-binding'),
    ).toBeUndefined();
    const unregistered = run(
      vm({ eviction: 'LiveMigrate', podBinding: 'binding: {name: other}' }) +
        cr,
      'kv-unstated',
    );
    expect(
      finding(unregistered, 'live-migration-pod-network-binding'),
    ).toMatchObject({ severity: 'critical' });
  });

  it('does not take a binding plugin for migratable when nothing shows it registered with migration', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', podBinding: 'binding: {name: passt}' }),
      'kv-unstated',
    );
    const f = finding(r, 'live-migration-pod-network-binding');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('only if the KubeVirt CR registers it');
  });

  it('blocks bridge binding on the pod network and never advises a binding plugin as always migrating', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', podBinding: 'bridge: {}' }),
      'kv-unstated',
      '1.6.0',
    );
    const f = finding(r, 'live-migration-pod-network-bridge');
    expect(f).toMatchObject({ severity: 'critical' });
    expect(f!.remediation).toContain('masquerade');
    expect(f!.remediation).not.toMatch(/passt/);
    expect(
      run(
        vm({
          eviction: 'LiveMigrate',
          podBinding: 'bridge: {}',
          annotations: [
            'kubevirt.io/allow-pod-bridge-network-live-migration: ""',
          ],
        }),
        'kv-unstated',
      ).findings.map(x => x.id),
    ).not.toContain('live-migration-pod-network-bridge');
  });

  it('blocks other bindings on the pod network', () => {
    const r = run(
      vm({ eviction: 'LiveMigrate', podBinding: 'sriov: {}' }),
      'kv-unstated',
    );
    expect(finding(r, 'live-migration-pod-network-binding')).toMatchObject({
      severity: 'critical',
    });
  });
});

describe('live migration: eviction strategy', () => {
  it('takes the cluster default when the VM sets none', () => {
    const bridged = vm({ podBinding: 'bridge: {}' });
    // HCO on a multi-node cluster: LiveMigrate, so the blocker blocks drains.
    const hco = run(bridged, 'kv-hco');
    expect(finding(hco, 'live-migration-eviction-strategy')).toBeUndefined();
    expect(finding(hco, 'live-migration-pod-network-bridge')).toMatchObject({
      severity: 'critical',
    });
    expect(
      finding(hco, 'live-migration-pod-network-bridge')!.message,
    ).toContain('the default of cluster kv-hco');
    // Upstream default None: a drain shuts the VM down.
    const upstream = run(bridged, 'kv-upstream');
    expect(finding(upstream, 'live-migration-eviction-strategy')).toMatchObject(
      {
        severity: 'warning',
      },
    );
    expect(
      finding(upstream, 'live-migration-eviction-strategy')!.message,
    ).toContain('inherits None from cluster kv-upstream');
    expect(
      finding(upstream, 'live-migration-pod-network-bridge'),
    ).toMatchObject({
      severity: 'warning',
    });
  });

  it('hedges, never stating None, when the cluster default is not known', () => {
    const r = run(vm(), 'kv-unstated');
    const f = finding(r, 'live-migration-eviction-strategy');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.message).toContain('which is not stated');
    expect(f!.message).toContain(
      'LiveMigrate under HCO/OpenShift Virtualization',
    );
    expect(f!.message).not.toMatch(/the cluster default is None/);
  });

  it("lets the VM's own strategy win over the cluster default", () => {
    const r = run(vm({ eviction: 'None', podBinding: 'bridge: {}' }), 'kv-hco');
    expect(finding(r, 'live-migration-eviction-strategy')).toMatchObject({
      severity: 'warning',
    });
    expect(finding(r, 'live-migration-pod-network-bridge')).toMatchObject({
      severity: 'warning',
    });
  });
});
