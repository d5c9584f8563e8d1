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

import type { Finding } from '../types';
import { evaluate } from './evaluate';
import { makeFinding } from './findings';
import { RULE_CATALOG, RULES_BY_ID } from './ruleCatalog';

// A component that trips many rules at once: removed, deprecated and alpha
// APIs, an untargeted component, VMs with live-migration blockers, no
// monitoring, workloads without probes, requests or PDB, and bad annotations.
const MANIFESTS = [
  `apiVersion: batch/v1beta1
kind: CronJob
metadata: {name: report}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: r, image: r}]`,
  `apiVersion: extensions/v1beta1
kind: PodSecurityPolicy
metadata: {name: legacy}`,
  `apiVersion: v1
kind: Endpoints
metadata: {name: external-db}`,
  `apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
kind: FlowSchema
metadata: {name: fs}`,
  `apiVersion: pool.kubevirt.io/v1alpha1
kind: VirtualMachinePool
metadata: {name: pool}
spec:
  virtualMachineTemplate:
    spec:
      running: true
      runStrategy: Always
      template:
        spec:
          domain: {devices: {}}`,
  `apiVersion: cdi.kubevirt.io/v1beta1
kind: DataVolume
metadata: {name: disk}
spec:
  pvc: {accessModes: [ReadWriteOnce]}`,
  `apiVersion: kubevirt.io/v1alpha3
kind: VirtualMachine
metadata: {name: legacy}
spec:
  running: true
  liveMigrate: true
  template:
    spec:
      domain:
        launchSecurity: {sev: {}}
        features:
          hypervPassthrough: {enabled: true}
        devices:
          gpus: [{name: g, deviceName: nvidia.com/A100}]
          disks: [{name: lun, lun: {reservation: true}}]
          interfaces: [{name: default, bridge: {}}]
      networks: [{name: default, pod: {}}]
      volumes:
      - {name: disk, dataVolume: {name: disk}}
      - {name: host, hostDisk: {path: /d.img, type: DiskOrCreate}}`,
  `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: implicit}
spec:
  evictionStrategy: LiveMigrate
  domain: {devices: {}}`,
  `apiVersion: migrations.kubevirt.io/v1alpha1
kind: MigrationPolicy
metadata: {name: p}
spec:
  selectors:
    namespaceSelector: {matchLabels: {a: b}}`,
  `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web}]`,
].join('\n---\n');

function trippingFindings(): Finding[] {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: {
        name: 'everything',
        annotations: {
          'runtime-mode.dev/clusters': 'kv, nowhere',
          'runtime-mode.dev/isolation': 'very',
          'runtime-mode.dev/waive.no-such-rule': 'until=2027-01-01; reason=x',
        },
      },
      spec: { lifecycle: 'production' },
    },
    manifests: [{ path: 'all.yaml', content: MANIFESTS }],
    config: {
      clusters: [
        {
          name: 'kv',
          mode: 'container-virtualization',
          kubernetesVersion: '1.34',
          kubevirtVersion: '1.6.0',
        },
      ],
    },
    options: { now: new Date('2026-12-01T00:00:00Z') },
  }).findings;
}

// Imperatives that belong in a remediation, not in the statement of a problem.
const ADVICE =
  /(^|[.;:]\s+)(Use|Move|Set|Add|Replace|Remove|Give|Plan|Keep|Declare|Enable|Point|Label|Drop|Check)\s/;

describe('the rule catalog', () => {
  it("keeps every rule's metadata beside its id: title, description, docs link and remediation", () => {
    for (const rule of RULE_CATALOG) {
      expect(rule.title).not.toBe('');
      expect(rule.description).not.toBe('');
      expect(rule.docsUrl).toMatch(/^https:\/\//);
      expect(rule.remediation).toMatch(/\.$/);
    }
    expect(new Set(RULE_CATALOG.map(r => r.id)).size).toBe(RULE_CATALOG.length);
  });

  it('lists the rules of KubeVirt live migration, admission, monitoring and VM nodes', () => {
    for (const id of [
      'api-run-strategy-conflict',
      'live-migration-pod-network-default',
      'live-migration-pod-network-binding',
      'live-migration-launch-security',
      'live-migration-persistent-reservation',
      'live-migration-hyperv-passthrough',
      'live-migration-tsc-frequency',
      'live-migration-virtiofs',
      'monitoring-virt-launcher-selector',
      'transition-kvm-on-vm-nodes',
    ]) {
      expect(RULES_BY_ID.get(id)).toMatchObject({ id });
    }
  });

  it("gives a finding the rule's general remediation unless it names a more specific one", () => {
    expect(
      makeFinding('hardware-nested-virtualization', 'warning', 'x'),
    ).toMatchObject({
      remediation: RULES_BY_ID.get('hardware-nested-virtualization')!
        .remediation,
    });
    expect(
      makeFinding('hardware-nested-virtualization', 'warning', 'x', {
        remediation: 'Specific.',
      }).remediation,
    ).toBe('Specific.');
  });
});

describe('findings', () => {
  const findings = trippingFindings();

  it('trip a wide set of rules (the fixture below stays meaningful)', () => {
    expect(new Set(findings.map(f => f.id)).size).toBeGreaterThanOrEqual(20);
  });

  it('say in the message what is wrong, and leave what to do to the remediation', () => {
    const advising = findings
      .filter(f => ADVICE.test(f.message))
      .map(f => `${f.id}: ${f.message}`);
    expect(advising).toEqual([]);
    const repeating = findings
      .filter(f => f.remediation && f.message.includes(f.remediation))
      .map(f => f.id);
    expect(repeating).toEqual([]);
  });

  it('each carry a remediation and a docs link', () => {
    expect(findings.filter(f => !f.remediation || !f.docsUrl)).toEqual([]);
  });
});
