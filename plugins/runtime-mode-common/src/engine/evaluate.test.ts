import type { EvaluationInput, RuntimeModeConfig } from '../types';
import { evaluate } from './evaluate';

const now = new Date('2026-06-01T00:00:00Z');

const config: Partial<RuntimeModeConfig> = {
  clusters: [
    { name: 'metal', mode: 'bare-metal-container', kubernetesVersion: '1.31' },
    { name: 'tanzu', mode: 'virtualized-container', kubernetesVersion: '1.30' },
    {
      name: 'kv',
      mode: 'container-virtualization',
      kubernetesVersion: '1.31',
      kubevirtVersion: '1.6.0',
      hardwareVirtualization: true,
    },
    {
      name: 'kv-emu',
      mode: 'container-virtualization',
      kubernetesVersion: '1.31',
      kubevirtVersion: '1.6.0',
      hardwareVirtualization: false,
    },
  ],
};

function run(
  content: string,
  annotations: Record<string, string> = {},
  extra: Partial<EvaluationInput> = {},
) {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: { name: 'c', annotations },
      spec: { lifecycle: 'production' },
    },
    manifests: [{ path: 'app.yaml', content }],
    config,
    ...extra,
    options: { now, ...extra.options },
  });
}

const ids = (r: ReturnType<typeof run>) => r.findings.map(f => f.id);

const vmManifest = (spec: string, extraDocs = '') => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm1
spec:
  runStrategy: Always
  template:
    metadata:
      labels:
        app: vm1
    spec:
${spec}
${extraDocs}`;

const GOOD_VM_SPEC = `      evictionStrategy: LiveMigrate
      domain:
        devices:
          interfaces:
          - name: default
            masquerade: {}
      networks:
      - name: default
        pod: {}
      volumes:
      - name: root
        dataVolume:
          name: root-dv`;

const RWX_DV = `---
apiVersion: cdi.kubevirt.io/v1beta1
kind: DataVolume
metadata:
  name: root-dv
spec:
  pvc:
    accessModes: [ReadWriteMany]
`;

const MONITORS = `---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: kubevirt
spec:
  selector:
    matchLabels:
      prometheus.kubevirt.io: "true"
  endpoints:
  - port: metrics
---
apiVersion: v1
kind: Service
metadata:
  name: app
  labels:
    app: vm1
spec:
  selector:
    app: vm1
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: app
spec:
  selector:
    matchLabels:
      app: vm1
  endpoints:
  - port: http
`;

const deploymentManifest = (
  replicas: number,
  container: string,
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
${container}
`;

const GOOD_CONTAINER = `      - name: web
        image: nginx
        readinessProbe: {httpGet: {path: /, port: 80}}
        resources: {requests: {cpu: 100m, memory: 64Mi}}`;

describe('evaluate: mode', () => {
  it('decides container virtualization from a KubeVirt VM, with evidence', () => {
    const r = run(vmManifest(GOOD_VM_SPEC, RWX_DV + MONITORS), {
      'runtime-mode.dev/clusters': 'kv',
    });
    expect(r.mode).toMatchObject({
      value: 'container-virtualization',
      source: 'manifest',
      confidence: 'high',
      conflict: false,
    });
    expect(r.mode.evidence[0]).toMatchObject({
      source: 'manifest',
      file: 'app.yaml',
      line: 1,
    });
  });

  it('decides the container mode from the cluster a Deployment runs on', () => {
    expect(
      run(deploymentManifest(1, GOOD_CONTAINER), {
        'runtime-mode.dev/clusters': 'tanzu',
      }).mode.value,
    ).toBe('virtualized-container');
    expect(
      run(deploymentManifest(1, GOOD_CONTAINER), {
        'runtime-mode.dev/clusters': 'metal',
      }).mode.value,
    ).toBe('bare-metal-container');
  });

  it('reads a TanzuKubernetesCluster as virtualized containers', () => {
    const r = run(
      'apiVersion: run.tanzu.vmware.com/v1alpha3\nkind: TanzuKubernetesCluster\nmetadata:\n  name: tkc\n',
    );
    expect(r.mode.value).toBe('virtualized-container');
  });

  it('reports a declared mode that contradicts the manifests', () => {
    const r = run(vmManifest(GOOD_VM_SPEC), {
      'runtime-mode.dev/mode': 'bare-metal-container',
    });
    expect(r.mode).toMatchObject({
      value: 'container-virtualization',
      declared: 'bare-metal-container',
      conflict: true,
    });
    expect(ids(r)).toContain('mode-declaration-conflict');
  });

  it('says unknown, never a guess, when nothing tells', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
    expect(r.mode).toMatchObject({
      value: 'unknown',
      source: 'none',
      confidence: 'none',
    });
    // No version for Kubernetes, whose object it is: not judged, not a pass.
    expect(r.upgrade.level).toBe('unknown');
    expect(r.migration).toBeNull();
    expect(r.suggestion).toBeNull();
  });

  it('falls back to the declared annotation with low confidence', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', {
      'runtime-mode.dev/mode': 'virtualized-container',
    });
    expect(r.mode).toMatchObject({
      value: 'virtualized-container',
      source: 'annotation',
      confidence: 'low',
    });
  });
});

describe('evaluate: fit', () => {
  it('scores requirements against the profiles and picks the best fit', () => {
    const r = run(deploymentManifest(1, GOOD_CONTAINER), {
      'runtime-mode.dev/clusters': 'metal',
      'runtime-mode.dev/isolation': 'strong',
      'runtime-mode.dev/max-overhead': '20%',
    });
    expect(r.fit.scores).toEqual({
      'bare-metal-container': 50,
      'virtualized-container': 100,
      'container-virtualization': 75,
    });
    expect(r.fit.bestFit).toBe('virtualized-container');
    expect(r.fit.currentFit).toBe(50);
    expect(r.suggestion).toMatchObject({
      mode: 'virtualized-container',
      fitScore: 100,
    });
    expect(r.suggestion!.reasons.at(-1)).toBe(
      'Fit 100/100, against 50/100 for Bare-metal containers, where it runs.',
    );
    // A suggestion is not a plan: nothing is judged against it.
    expect(r.migration).toBeNull();
    expect(r.readiness).toMatchObject({
      targetMode: null,
      targetSource: 'none',
    });
    expect(r.fit.dimensions[0].modes['bare-metal-container'].reason).toContain(
      '2 level(s) below strong',
    );
  });

  it('gives a container component with no plan no "stay" verdict: no migration, no suggestion', () => {
    const r = run(deploymentManifest(1, GOOD_CONTAINER), {
      'runtime-mode.dev/clusters': 'metal',
    });
    expect(r.fit.bestFit).toBeNull();
    expect(r.migration).toBeNull();
    expect(r.suggestion).toBeNull();
    expect(r.readiness).toMatchObject({
      targetMode: null,
      targetSource: 'none',
      level: 'ready',
    });
    expect(r.upgrade).toMatchObject({
      level: 'clean',
      checks: { passing: 1, total: 1 },
    });
  });

  it('suggests nothing when the component already runs in the mode that fits best', () => {
    const r = run(deploymentManifest(1, GOOD_CONTAINER), {
      'runtime-mode.dev/clusters': 'tanzu',
      'runtime-mode.dev/isolation': 'strong',
      'runtime-mode.dev/max-overhead': '20%',
    });
    expect(r.fit.bestFit).toBe('virtualized-container');
    expect(r.suggestion).toBeNull();
  });

  it('suggests the best fit with a reason per requirement when the mode it runs in is unknown', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', {
      'runtime-mode.dev/isolation': 'strong',
      'runtime-mode.dev/max-overhead': '20%',
    });
    expect(r.suggestion).toEqual({
      mode: 'virtualized-container',
      fitScore: 100,
      reasons: [
        expect.stringMatching(/^Isolation: /),
        expect.stringMatching(/^Performance overhead: /),
        'Fit 100/100; the mode it runs in is unknown.',
      ],
    });
  });

  it('uses profile overrides from config', () => {
    const r = run(
      deploymentManifest(1, GOOD_CONTAINER),
      { 'runtime-mode.dev/max-overhead': '5%' },
      {
        config: {
          ...config,
          profiles: {
            'container-virtualization': { performanceOverhead: '1-3%' },
          },
        },
      },
    );
    expect(r.fit.dimensions[0].modes['container-virtualization']).toMatchObject(
      { value: '1-3%', fit: 'fit' },
    );
  });

  it('reports bad requirement annotations', () => {
    expect(
      ids(
        run('apiVersion: v1\nkind: ConfigMap\n', {
          'runtime-mode.dev/isolation': 'total',
        }),
      ),
    ).toContain('annotation-invalid');
  });
});

describe('evaluate: readiness rules', () => {
  it('gives a well-prepared VM on a KVM cluster no live-migration, hardware or monitoring concern', () => {
    const r = run(vmManifest(GOOD_VM_SPEC, RWX_DV + MONITORS), {
      'runtime-mode.dev/clusters': 'kv',
    });
    expect(
      r.findings.filter(f =>
        ['live-migration', 'hardware', 'monitoring'].includes(f.category),
      ),
    ).toEqual([]);
    expect(r.readiness).toMatchObject({ level: 'ready', score: 100 });
  });

  it('flags every live-migration blocker of a VM that asks to live-migrate', () => {
    const spec = `      evictionStrategy: LiveMigrate
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
      - name: data
        persistentVolumeClaim:
          claimName: data
      - name: host
        hostDisk:
          path: /data/disk.img
          type: DiskOrCreate`;
    const pvc =
      '---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n';
    const r = run(vmManifest(spec, pvc), { 'runtime-mode.dev/clusters': 'kv' });
    const critical = r.findings
      .filter(f => f.severity === 'critical')
      .map(f => f.id)
      .sort();
    expect(critical).toEqual([
      'live-migration-host-devices',
      'live-migration-host-disk',
      'live-migration-pod-network-bridge',
      'live-migration-volume-access-mode',
    ]);
    expect(r.readiness.level).toBe('blocked');
  });

  it('accepts bridge on the pod network with the allow annotation, and masquerade', () => {
    const spec = GOOD_VM_SPEC.replace('masquerade: {}', 'bridge: {}');
    const allowed = vmManifest(spec, RWX_DV).replace(
      '    metadata:\n      labels:',
      '    metadata:\n      annotations:\n        kubevirt.io/allow-pod-bridge-network-live-migration: ""\n      labels:',
    );
    expect(ids(run(allowed))).not.toContain(
      'live-migration-pod-network-bridge',
    );
    expect(ids(run(vmManifest(spec, RWX_DV)))).toContain(
      'live-migration-pod-network-bridge',
    );
  });

  it("flags the seed's liveMigrate field and a missing evictionStrategy", () => {
    const spec = GOOD_VM_SPEC.replace(
      'evictionStrategy: LiveMigrate',
      'liveMigrate: true',
    );
    const r = run(vmManifest(spec, RWX_DV));
    expect(ids(r)).toEqual(
      expect.arrayContaining([
        'live-migration-unknown-field',
        'live-migration-eviction-strategy',
      ]),
    );
    expect(
      r.findings.find(f => f.id === 'live-migration-unknown-field')!.message,
    ).toContain('not a KubeVirt field');
  });

  it('requires ServiceMonitors covering the app and virt-launcher pods', () => {
    expect(ids(run(vmManifest(GOOD_VM_SPEC, RWX_DV)))).toContain(
      'monitoring-service-monitor-missing',
    );
    const appOnly = MONITORS.replace(
      'prometheus.kubevirt.io: "true"',
      'team: x',
    );
    const r = run(vmManifest(GOOD_VM_SPEC, RWX_DV + appOnly));
    expect(ids(r)).toContain('monitoring-virt-launcher-not-covered');
    expect(ids(r)).not.toContain('monitoring-app-not-covered');
    const kvOnly = MONITORS.replace(
      'app: vm1\n  endpoints',
      'app: other\n  endpoints',
    );
    expect(ids(run(vmManifest(GOOD_VM_SPEC, RWX_DV + kvOnly)))).toContain(
      'monitoring-app-not-covered',
    );
  });

  it('blocks KubeVirt on a cluster without hardware virtualization', () => {
    const r = run(vmManifest(GOOD_VM_SPEC, RWX_DV + MONITORS), {
      'runtime-mode.dev/clusters': 'kv-emu',
    });
    expect(
      r.findings.find(f => f.id === 'hardware-virtualization-missing'),
    ).toMatchObject({ severity: 'critical', category: 'hardware' });
    const nested = run(vmManifest(GOOD_VM_SPEC, RWX_DV + MONITORS), {
      'runtime-mode.dev/clusters': 'tanzu',
    });
    expect(ids(nested)).toContain('hardware-nested-virtualization');
  });

  it('checks probes, requests and PodDisruptionBudgets of workloads', () => {
    const bare = deploymentManifest(
      3,
      '      - name: web\n        image: nginx',
    );
    expect(ids(run(bare, { 'runtime-mode.dev/clusters': 'metal' }))).toEqual(
      expect.arrayContaining([
        'operations-probes-missing',
        'operations-resources-missing',
        'operations-pdb-missing',
      ]),
    );
    const pdb =
      '---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n';
    const good = run(deploymentManifest(3, GOOD_CONTAINER) + pdb, {
      'runtime-mode.dev/clusters': 'metal',
    });
    expect(good.findings.filter(f => f.category === 'operations')).toEqual([]);
  });

  it('checks isolation and overhead requirements against the target mode', () => {
    const r = run(deploymentManifest(1, GOOD_CONTAINER), {
      'runtime-mode.dev/clusters': 'tanzu',
      'runtime-mode.dev/target-mode': 'bare-metal-container',
      'runtime-mode.dev/isolation': 'strong',
    });
    expect(
      r.findings.find(f => f.id === 'isolation-requirement-unmet'),
    ).toMatchObject({ severity: 'critical' });
    const perf = run(deploymentManifest(1, GOOD_CONTAINER), {
      'runtime-mode.dev/target-mode': 'virtualized-container',
      'runtime-mode.dev/max-overhead': '4%',
      'runtime-mode.dev/latency-sensitive': 'true',
    });
    expect(
      perf.findings.find(f => f.id === 'performance-overhead-budget'),
    ).toMatchObject({ severity: 'critical' });
    expect(ids(perf)).toContain('performance-latency-sensitive');
  });
});

describe('evaluate: targets, waivers and scoring', () => {
  const PDB_BETA =
    'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n';

  it('takes target versions from the component clusters and lists components not judged', () => {
    const r = run(
      `${PDB_BETA}---\napiVersion: cdi.kubevirt.io/v1alpha1\nkind: DataVolume\nmetadata:\n  name: d\n`,
      { 'runtime-mode.dev/clusters': 'kv' },
    );
    expect(r.targets).toEqual([
      { component: 'k8s', version: '1.31', source: 'cluster' },
      { component: 'kubevirt', version: '1.6.0', source: 'cluster' },
    ]);
    expect(r.findings.find(f => f.id === 'api-removed')).toMatchObject({
      kind: 'PodDisruptionBudget',
    });
    expect(r.notJudged).toEqual(['cdi']);
  });

  it('lets option targets win over config, and never plans below the version a cluster runs', () => {
    const r = run(PDB_BETA, {}, { options: { targets: { k8s: '1.24' } } });
    expect(r.targets.find(t => t.component === 'k8s')).toEqual({
      component: 'k8s',
      version: '1.24',
      source: 'option',
    });
    expect(r.findings.find(f => f.id === 'api-deprecated')).toBeDefined();
    const onCluster = run(
      PDB_BETA,
      { 'runtime-mode.dev/clusters': 'kv' },
      { options: { targets: { k8s: '1.24' } } },
    );
    expect(onCluster.targets.find(t => t.component === 'k8s')).toEqual({
      component: 'k8s',
      version: '1.31',
      source: 'cluster',
    });
    expect(onCluster.findings.find(f => f.id === 'api-removed')).toMatchObject({
      timing: 'now',
    });
  });

  it('keeps waived concerns visible, costs nothing for them, and counts expired ones again', () => {
    const base = { 'runtime-mode.dev/target-mode': 'bare-metal-container' };
    const opts = { options: { targets: { k8s: '1.25' } } };
    const open = run(PDB_BETA, base, opts);
    expect(open.readiness).toMatchObject({ level: 'blocked', score: 70 });
    const waived = run(
      PDB_BETA,
      {
        ...base,
        'runtime-mode.dev/waive.api-removed':
          'until=2026-12-31; reason=cluster stays on 1.24 until Q4',
      },
      opts,
    );
    const finding = waived.findings.find(f => f.id === 'api-removed')!;
    expect(finding).toMatchObject({
      waived: true,
      waiver: { reason: 'cluster stays on 1.24 until Q4', expired: false },
    });
    expect(waived.readiness).toMatchObject({ level: 'ready', score: 100 });
    const expired = run(
      PDB_BETA,
      {
        ...base,
        'runtime-mode.dev/waive.api-removed': 'until=2026-01-31; reason=old',
      },
      opts,
    );
    expect(expired.findings.find(f => f.id === 'api-removed')).toMatchObject({
      waived: false,
      waiver: { expired: true },
    });
    expect(expired.readiness.level).toBe('blocked');
  });

  it('records the rule-set version and knowledge-base date', () => {
    const r = run(PDB_BETA);
    expect(r.ruleSetVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(r.knowledgeBaseAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('evaluate: fields and candidate clusters', () => {
  it('flags VirtualMachine spec.running at KubeVirt 1.4.0 and later', () => {
    const vm =
      'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: v\nspec:\n  running: true\n';
    const at = (kubevirt: string) =>
      run(vm, {}, { options: { targets: { kubevirt } } }).findings.filter(
        f => f.id === 'api-deprecated-field',
      );
    expect(at('1.4.0')).toHaveLength(1);
    expect(at('1.3.1')).toHaveLength(0);
  });

  it('flags matchLabels in a MigrationPolicy selector', () => {
    const policy =
      'apiVersion: migrations.kubevirt.io/v1alpha1\nkind: MigrationPolicy\nmetadata:\n  name: p\nspec:\n  selectors:\n    virtualMachineInstanceSelector:\n      matchLabels: {tier: db}\n';
    expect(
      run(policy).findings.find(f => f.id === 'live-migration-unknown-field')
        ?.message,
    ).toContain('plain label map');
  });

  it('blocks a move to KubeVirt only when no candidate cluster has KVM', () => {
    const annotations = {
      'runtime-mode.dev/target-mode': 'container-virtualization',
    };
    const some = run(deploymentManifest(1, GOOD_CONTAINER), annotations);
    expect(
      some.findings.find(f => f.id === 'hardware-virtualization-missing'),
    ).toMatchObject({ severity: 'info' });
    const none = run(deploymentManifest(1, GOOD_CONTAINER), annotations, {
      config: {
        clusters: [
          {
            name: 'lab',
            mode: 'container-virtualization',
            hardwareVirtualization: false,
          },
        ],
      },
    });
    expect(
      none.findings.find(f => f.id === 'hardware-virtualization-missing'),
    ).toMatchObject({ severity: 'critical' });
  });
});

describe('evaluate: hostile input', () => {
  it('never throws on malformed input shapes', () => {
    const weird: unknown[] = [
      { manifests: null },
      { manifests: [null, 1, { path: 3 }, { path: 'a.yaml', content: 42 }] },
      {
        entity: {
          metadata: {
            name: 'x',
            annotations: {
              'runtime-mode.dev/isolation': 5,
              'runtime-mode.dev/waive.api-removed': null,
            },
          },
        },
        manifests: [],
      },
      {
        entity: { metadata: { name: 'x', annotations: 'nope' } },
        manifests: [{ path: 'a', content: 'apiVersion: v1\nkind: Pod\n' }],
      },
    ];
    for (const input of weird) {
      expect(() => evaluate(input as EvaluationInput)).not.toThrow();
    }
  });
});

describe('evaluate: remaining rules', () => {
  it('reports software emulation in a KubeVirt CR', () => {
    const kv =
      'apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata:\n  name: kubevirt\nspec:\n  configuration:\n    developerConfiguration:\n      useEmulation: true\n';
    expect(
      run(kv).findings.find(f => f.id === 'hardware-software-emulation'),
    ).toMatchObject({ severity: 'warning', line: 1 });
  });

  it('says when a KubeVirt cluster does not state hardware virtualization', () => {
    const r = run(
      vmManifest(GOOD_VM_SPEC, RWX_DV + MONITORS),
      { 'runtime-mode.dev/clusters': 'kv-unknown' },
      {
        config: {
          clusters: [{ name: 'kv-unknown', mode: 'container-virtualization' }],
        },
      },
    );
    expect(
      r.findings.find(f => f.id === 'hardware-virtualization-unknown'),
    ).toMatchObject({ severity: 'info' });
  });

  it('treats evictionStrategy External as information', () => {
    const r = run(
      vmManifest(GOOD_VM_SPEC.replace('LiveMigrate', 'External'), RWX_DV),
    );
    expect(
      r.findings.find(f => f.id === 'live-migration-eviction-strategy'),
    ).toMatchObject({ severity: 'info' });
  });

  it('reports a kind without apiVersion, a superseded API and manifests without objects', () => {
    expect(ids(run('kind: Deployment\nmetadata:\n  name: x\n'))).toContain(
      'manifest-no-api-version',
    );
    const snapshot = run(
      'apiVersion: snapshot.storage.k8s.io/v1beta1\nkind: VolumeSnapshot\nmetadata:\n  name: s\n',
    );
    expect(
      snapshot.findings.find(f => f.id === 'api-superseded'),
    ).toMatchObject({
      severity: 'info',
      replacement: 'snapshot.storage.k8s.io/v1',
    });
    // For an alpha version the alpha warning names the newer version: said once.
    const alphaSnapshot = run(
      'apiVersion: snapshot.kubevirt.io/v1alpha1\nkind: VirtualMachineSnapshot\nmetadata:\n  name: s\n',
      {},
      { options: { targets: { kubevirt: '1.6.0' } } },
    );
    expect(ids(alphaSnapshot).filter(id => id.startsWith('api-'))).toEqual([
      'api-alpha-in-production',
    ]);
    expect(
      alphaSnapshot.findings.find(f => f.id === 'api-alpha-in-production')
        ?.remediation,
    ).toContain('Move to snapshot.kubevirt.io/v1beta1');
    expect(ids(run('# nothing here\n'))).toContain('manifest-no-objects');
  });
});
