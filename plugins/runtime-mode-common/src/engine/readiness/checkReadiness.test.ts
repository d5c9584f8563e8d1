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

import type { ClusterConfig, ModeValue, RuntimeModeId } from '../../types';
import { resolveModeProfiles } from '../profileOverrides';
import { readManifests } from '../readManifests';
import { DEFAULT_MANIFEST_LIMITS } from '../readRuntimeModeConfig';
import { RULES_BY_ID } from '../ruleCatalog';
import { checkReadiness } from '.';

const CLUSTERS: ClusterConfig[] = [
  { name: 'tanzu', mode: 'virtualized-container', kubernetesVersion: '1.31' },
  {
    name: 'kv-no-kvm',
    mode: 'container-virtualization',
    kubevirtVersion: '1.6.0',
    hardwareVirtualization: false,
  },
];

// A VM with most live-migration blockers, the seed's liveMigrate, spec.running
// with runStrategy, a KubeVirt CR on emulation, a MigrationPolicy with
// matchLabels, a ServiceMonitor on virt-launcher, and a container workload
// that needs KVM, a GPU, a hostPath and privileges, with no probes or requests.
const ESTATE = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm
spec:
  running: true
  runStrategy: Always
  template:
    spec:
      liveMigrate: true
      domain:
        devices:
          interfaces:
          - name: default
            bridge: {}
          hostDevices:
          - name: nic
            deviceName: vendor.com/nic
      networks:
      - name: default
        pod: {}
      volumes:
      - name: disk
        hostDisk: {path: /data/disk.img, type: DiskOrCreate}
---
apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata:
  name: kubevirt
spec:
  configuration:
    developerConfiguration:
      useEmulation: true
---
apiVersion: migrations.kubevirt.io/v1alpha1
kind: MigrationPolicy
metadata:
  name: fast
spec:
  selectors:
    namespaceSelector:
      matchLabels: {tier: db}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: vms
spec:
  selector:
    matchLabels:
      kubevirt.io: virt-launcher
  endpoints:
  - port: metrics
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 2
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
    spec:
      containers:
      - name: worker
        image: worker
        securityContext: {privileged: true}
        resources:
          limits: {nvidia.com/gpu: 1, devices.kubevirt.io/kvm: 1}
      volumes:
      - name: data
        hostPath: {path: /var/lib/worker}
`;

const objects = readManifests(
  [{ path: 'estate.yaml', content: ESTATE }],
  DEFAULT_MANIFEST_LIMITS,
).objects;

function outcome(currentMode: ModeValue, targetMode: RuntimeModeId | null) {
  return checkReadiness({
    objects,
    currentMode,
    targetMode,
    requirements: {
      isolation: 'strong',
      latencySensitive: true,
      maxOverheadPercent: 1,
    },
    profiles: resolveModeProfiles({}),
    clusters: CLUSTERS,
    allClusters: CLUSTERS,
    targets: { k8s: '1.31', kubevirt: '1.6.0' },
  });
}

const MOVES: Array<[ModeValue, RuntimeModeId | null]> = [
  ['container-virtualization', null],
  ['container-virtualization', 'virtualized-container'],
  ['container-virtualization', 'bare-metal-container'],
  ['bare-metal-container', 'virtualized-container'],
  ['bare-metal-container', 'container-virtualization'],
  ['virtualized-container', 'bare-metal-container'],
  ['unknown', 'container-virtualization'],
];

describe('checkReadiness', () => {
  it.each(MOVES)(
    'reports every rule a finding comes from as evaluated (%s to %s)',
    (currentMode, targetMode) => {
      const { findings, evaluated } = outcome(currentMode, targetMode);
      expect(findings.length).toBeGreaterThan(0);
      const unreported = findings
        .map(f => f.id)
        .filter(id => !evaluated.includes(id));
      expect(unreported).toEqual([]);
    },
  );

  it('reports only catalogued rules', () => {
    for (const [currentMode, targetMode] of MOVES) {
      const { evaluated } = outcome(currentMode, targetMode);
      expect(evaluated.filter(id => !RULES_BY_ID.has(id))).toEqual([]);
    }
  });

  it('evaluates no move rule when no move is planned', () => {
    const { evaluated } = outcome('container-virtualization', null);
    expect(
      evaluated.filter(
        id =>
          id.startsWith('transition-') ||
          id.startsWith('isolation-') ||
          id.startsWith('performance-'),
      ),
    ).toEqual([]);
    expect(evaluated).toContain('live-migration-host-disk');
  });
});
