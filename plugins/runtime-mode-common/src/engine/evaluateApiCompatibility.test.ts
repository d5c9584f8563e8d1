import { apiComponentOf } from './apiComponentOf';
import {
  checkApiCompatibility,
  evaluateApiCompatibility,
} from './evaluateApiCompatibility';
import { RuntimeModeTargetError } from './errors';

const obj = (apiVersion: string, kind: string, name = 'x') => ({
  file: 'f.yaml',
  line: 3,
  apiVersion,
  kind,
  name,
});

describe('evaluateApiCompatibility', () => {
  it('reports an API removed at the target as critical, with date and replacement', () => {
    const [f] = evaluateApiCompatibility([obj('batch/v1beta1', 'CronJob')], {
      k8s: '1.30',
    });
    expect(f).toMatchObject({
      id: 'api-removed',
      severity: 'critical',
      removedIn: 'v1.25.0',
      removalDate: '2022-08-23',
      replacement: 'batch/v1',
      component: 'k8s',
    });
  });

  it('reports a deprecated, still-served API as a warning with the removal release', () => {
    const [f] = evaluateApiCompatibility([obj('batch/v1beta1', 'CronJob')], {
      k8s: '1.22',
    });
    expect(f).toMatchObject({
      id: 'api-deprecated',
      severity: 'warning',
      deprecatedIn: 'v1.21.0',
    });
    expect(f.message).toContain(
      'removal in Kubernetes v1.25.0 (released 2022-08-23)',
    );
  });

  it('says nothing before the deprecation release', () => {
    expect(
      evaluateApiCompatibility([obj('batch/v1beta1', 'CronJob')], {
        k8s: '1.20',
      }),
    ).toEqual([]);
  });

  it('judges KubeVirt rows only against the KubeVirt target, never the Kubernetes one', () => {
    const vm = obj('kubevirt.io/v1alpha3', 'VirtualMachine');
    const k8sOnly = evaluateApiCompatibility([vm], { k8s: '1.34' });
    expect(k8sOnly.find(f => f.id === 'api-deprecated')).toBeUndefined();
    expect(k8sOnly.find(f => f.id === 'api-target-missing')).toMatchObject({
      component: 'kubevirt',
    });
    const [f] = evaluateApiCompatibility([vm], { kubevirt: '1.6.0' });
    expect(f).toMatchObject({
      id: 'api-deprecated',
      severity: 'warning',
      deprecatedIn: 'v1.0.0',
      component: 'kubevirt',
    });
    expect(f.message).toContain('alpha APIs may be removed in any release');
    expect(
      evaluateApiCompatibility([vm], { kubevirt: '0.59.0' })[0],
    ).toMatchObject({ id: 'api-alpha-in-production', severity: 'warning' });
  });

  it('reports cdi.kubevirt.io/v1alpha1 DataVolume as removed in CDI 1.56.0', () => {
    const dv = obj('cdi.kubevirt.io/v1alpha1', 'DataVolume');
    expect(evaluateApiCompatibility([dv], { cdi: '1.56.0' })[0]).toMatchObject({
      id: 'api-removed',
      component: 'cdi',
    });
    expect(evaluateApiCompatibility([dv], { cdi: '1.55.0' })[0]).toMatchObject({
      id: 'api-alpha-in-production',
    });
  });

  it('reports a version no longer served as removed, even while its CRD still lists it', () => {
    const cluster = obj('cluster.x-k8s.io/v1alpha3', 'Cluster');
    const [removed] = evaluateApiCompatibility([cluster], {
      'cluster-api': '1.11.0',
    });
    expect(removed).toMatchObject({ id: 'api-removed', removedIn: 'v1.5.0' });
    expect(removed.message).toContain(
      'no longer served since Cluster API v1.5.0',
    );
    expect(
      evaluateApiCompatibility([cluster], { 'cluster-api': '1.4.0' })[0],
    ).toMatchObject({ id: 'api-alpha-in-production' });
    // instancetype v1alpha1/v1alpha2: Served:false in crds.go at v1.6.0, dropped in v1.7.0.
    const preference = obj(
      'instancetype.kubevirt.io/v1alpha2',
      'VirtualMachinePreference',
    );
    expect(
      evaluateApiCompatibility([preference], { kubevirt: '1.6.0' })[0],
    ).toMatchObject({ id: 'api-removed', removedIn: 'v1.6.0' });
  });

  it('reports the TKC v1alpha1 API as deprecated even without a release number', () => {
    const [f] = evaluateApiCompatibility(
      [obj('run.tanzu.vmware.com/v1alpha1', 'TanzuKubernetesCluster')],
      {},
    );
    expect(f).toMatchObject({ id: 'api-deprecated', severity: 'warning' });
  });

  it('treats the only alpha version of an API as info, and alpha outside production as info', () => {
    const policy = obj('migrations.kubevirt.io/v1alpha1', 'MigrationPolicy');
    expect(
      evaluateApiCompatibility([policy], { kubevirt: '1.6.0' })[0],
    ).toMatchObject({ id: 'api-alpha-in-production', severity: 'info' });
    const init = obj(
      'admissionregistration.k8s.io/v1alpha1',
      'InitializerConfiguration',
    );
    expect(evaluateApiCompatibility([init], { k8s: '1.34' })[0]).toMatchObject({
      severity: 'warning',
    });
    expect(
      evaluateApiCompatibility(
        [init],
        { k8s: '1.34' },
        { lifecycle: 'experimental' },
      )[0],
    ).toMatchObject({ severity: 'info' });
    expect(
      evaluateApiCompatibility(
        [init],
        { k8s: '1.34' },
        { alphaInProduction: 'ignore' },
      ),
    ).toEqual([]);
  });

  it('lets extra rows from config add or override knowledge', () => {
    const row = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      deprecatedIn: '1.0.0',
      removedIn: '2.0.0',
      replacement: 'example.com/v2',
      component: 'widgets',
    };
    const [f] = evaluateApiCompatibility(
      [obj('example.com/v1', 'Widget')],
      { widgets: '2.1' },
      { extraDeprecations: [row] },
    );
    expect(f).toMatchObject({ id: 'api-removed', component: 'widgets' });
  });

  it('rejects malformed or unknown targets with a clear error', () => {
    expect(() => evaluateApiCompatibility([], { k8s: 'latest' })).toThrow(
      RuntimeModeTargetError,
    );
    expect(() => evaluateApiCompatibility([], { k8s: 'latest' })).toThrow(
      /Malformed target version "latest" for k8s/,
    );
    expect(() => evaluateApiCompatibility([], { kubernets: '1.30' })).toThrow(
      /Unknown target component "kubernets"/,
    );
    expect(
      evaluateApiCompatibility([obj('policy/v1beta1', 'PodDisruptionBudget')], {
        kubernetes: 'v1.25.0',
      })[0].id,
    ).toBe('api-removed');
  });

  it('says when the target is newer than the knowledge base', () => {
    expect(evaluateApiCompatibility([], { k8s: '1.40' })[0]).toMatchObject({
      id: 'api-target-beyond-knowledge',
    });
  });
});

describe('advice served at the target', () => {
  it('advises Pod Security Admission for a PodSecurityPolicy, since policy/v1beta1 is itself removed in 1.25', () => {
    const psp = obj('extensions/v1beta1', 'PodSecurityPolicy');
    const [at134] = evaluateApiCompatibility([psp], { k8s: '1.34' });
    expect(at134).toMatchObject({ id: 'api-removed', severity: 'critical' });
    expect(at134.replacement).toMatch(/^Pod Security Admission/);
    expect(at134.remediation).toMatch(
      /^Replace it with Pod Security Admission/,
    );
    expect(at134.remediation).toContain(
      'policy/v1beta1, the next version in line, is itself no longer served since Kubernetes v1.25.0',
    );
    // Before 1.25 policy/v1beta1 is still served: that is the move.
    const [at120] = evaluateApiCompatibility([psp], { k8s: '1.20' });
    expect(at120.replacement).toBe('policy/v1beta1');
  });

  it('advises flowcontrol v1 for v1beta2, since v1beta3 is removed in 1.32', () => {
    const schema = obj('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema');
    const [at134] = evaluateApiCompatibility([schema], { k8s: '1.34' });
    expect(at134).toMatchObject({
      id: 'api-removed',
      replacement: 'flowcontrol.apiserver.k8s.io/v1',
    });
    expect(at134.remediation).toContain(
      'flowcontrol.apiserver.k8s.io/v1beta3, the next version in line, is itself no longer served since Kubernetes v1.32.0',
    );
    // At 1.28 v1beta3 is served and not yet deprecated.
    expect(
      evaluateApiCompatibility([schema], { k8s: '1.28' })[0].replacement,
    ).toBe('flowcontrol.apiserver.k8s.io/v1beta3');
  });

  it('advises a Cluster API Cluster with the tanzukubernetescluster ClusterClass for every TKC version', () => {
    for (const version of ['v1alpha1', 'v1alpha2', 'v1alpha3']) {
      const [f] = evaluateApiCompatibility(
        [obj(`run.tanzu.vmware.com/${version}`, 'TanzuKubernetesCluster')],
        { 'vsphere-tkgs': '3.3.0' },
      );
      expect(f).toMatchObject({
        id: 'api-deprecated',
        replacement: 'cluster.x-k8s.io/v1beta1 Cluster',
      });
      expect(f.remediation).toContain('tanzukubernetescluster ClusterClass');
    }
  });

  it('says at info, never as a warning, when the newer version is not served at the target yet', () => {
    const pool = obj('pool.kubevirt.io/v1alpha1', 'VirtualMachinePool');
    const [at16] = evaluateApiCompatibility([pool], { kubevirt: '1.6.0' });
    expect(at16).toMatchObject({
      id: 'api-alpha-in-production',
      severity: 'info',
    });
    expect(at16.message).toContain(
      'It is the only version KubeVirt 1.6.0 serves',
    );
    expect(at16.remediation).toBe(
      'Keep pool.kubevirt.io/v1alpha1: it is the only version KubeVirt 1.6.0 serves. Plan the move to pool.kubevirt.io/v1beta1 when you upgrade to KubeVirt v1.8.0.',
    );
    expect(
      evaluateApiCompatibility([pool], { kubevirt: '1.8.0' })[0],
    ).toMatchObject({ severity: 'warning' });

    const snapshot = obj(
      'snapshot.kubevirt.io/v1alpha1',
      'VirtualMachineSnapshot',
    );
    expect(
      evaluateApiCompatibility([snapshot], { kubevirt: '1.2.0' })[0],
    ).toMatchObject({ severity: 'info' });
    expect(
      evaluateApiCompatibility([snapshot], { kubevirt: '1.3.0' })[0],
    ).toMatchObject({ severity: 'warning' });
  });

  it('advises export.kubevirt.io/v1beta1 until 1.9.0 serves v1', () => {
    const exported = obj('export.kubevirt.io/v1alpha1', 'VirtualMachineExport');
    expect(
      evaluateApiCompatibility([exported], { kubevirt: '1.2.0' })[0],
    ).toMatchObject({ severity: 'info' });
    const [at16] = evaluateApiCompatibility([exported], { kubevirt: '1.6.0' });
    expect(at16).toMatchObject({
      severity: 'warning',
      replacement: 'export.kubevirt.io/v1beta1',
    });
    const [at19] = evaluateApiCompatibility([exported], { kubevirt: '1.9.0' });
    expect(at19).toMatchObject({
      id: 'api-removed',
      replacement: 'export.kubevirt.io/v1',
    });
  });
});

describe('API facts', () => {
  it('reports core v1 Endpoints as deprecated from Kubernetes 1.33 (KEP-4974), never as removed', () => {
    const endpoints = obj('v1', 'Endpoints');
    expect(evaluateApiCompatibility([endpoints], { k8s: '1.32' })).toEqual([]);
    for (const target of ['1.33', '1.34', '1.37']) {
      expect(
        evaluateApiCompatibility([endpoints], { k8s: target })[0],
      ).toMatchObject({
        id: 'api-deprecated',
        severity: 'warning',
        deprecatedIn: 'v1.33.0',
        replacement: 'discovery.k8s.io/v1 EndpointSlice',
      });
    }
    expect(
      evaluateApiCompatibility([endpoints], { k8s: '1.34' })[0].message,
    ).toContain('no removal release announced');
  });

  it.each([
    ['cluster.x-k8s.io', 'MachineDeployment'],
    ['controlplane.cluster.x-k8s.io', 'KubeadmControlPlane'],
    ['bootstrap.cluster.x-k8s.io', 'KubeadmConfigTemplate'],
    ['addons.cluster.x-k8s.io', 'ClusterResourceSet'],
  ])(
    'reports %s v1alpha3 unserved from Cluster API 1.5.0 and v1alpha4 from 1.6.0',
    (group, kind) => {
      const v1alpha3 = obj(`${group}/v1alpha3`, kind);
      const v1alpha4 = obj(`${group}/v1alpha4`, kind);
      expect(
        evaluateApiCompatibility([v1alpha3], { 'cluster-api': '1.5.0' })[0],
      ).toMatchObject({ id: 'api-removed', removedIn: 'v1.5.0' });
      expect(
        evaluateApiCompatibility([v1alpha4], { 'cluster-api': '1.5.0' })[0],
      ).toMatchObject({ id: 'api-deprecated', severity: 'warning' });
      expect(
        evaluateApiCompatibility([v1alpha4], { 'cluster-api': '1.6.0' })[0],
      ).toMatchObject({ id: 'api-removed', removedIn: 'v1.6.0' });
    },
  );

  it('reports the experimental exp.cluster.x-k8s.io/v1alpha3 MachinePool unserved from Cluster API 1.5.0', () => {
    expect(
      evaluateApiCompatibility(
        [obj('exp.cluster.x-k8s.io/v1alpha3', 'MachinePool')],
        { 'cluster-api': '1.5.0' },
      )[0],
    ).toMatchObject({ id: 'api-removed', component: 'cluster-api' });
  });

  it('attributes infrastructure.cluster.x-k8s.io objects to a provider by kind, and leaves unknown providers not judged', () => {
    expect(
      apiComponentOf(
        'infrastructure.cluster.x-k8s.io/v1beta1',
        'VSphereCluster',
      ),
    ).toBe('cluster-api-provider-vsphere');
    for (const kind of ['AWSCluster', 'AzureMachine', 'Metal3Machine']) {
      expect(
        apiComponentOf('infrastructure.cluster.x-k8s.io/v1beta1', kind),
      ).toBeUndefined();
    }
    // Without the kind the provider is unknown: never CAPV by default.
    expect(
      apiComponentOf('infrastructure.cluster.x-k8s.io/v1beta1'),
    ).toBeUndefined();
    const report = checkApiCompatibility(
      [
        obj('infrastructure.cluster.x-k8s.io/v1beta1', 'AWSCluster'),
        obj('infrastructure.cluster.x-k8s.io/v1beta1', 'AzureCluster'),
      ],
      { k8s: '1.34' },
    );
    expect(report.findings).toEqual([]);
    expect(report.notJudged).toEqual([]);
    expect(
      checkApiCompatibility(
        [obj('infrastructure.cluster.x-k8s.io/v1beta2', 'VSphereMachine')],
        { k8s: '1.34' },
      ).notJudged,
    ).toEqual(['cluster-api-provider-vsphere']);
  });
});

describe('advice names the successor kind when it changes', () => {
  it('advises a VirtualMachinePreference (and an instance type) for a VirtualMachineInstancePreset', () => {
    const [f] = evaluateApiCompatibility(
      [obj('kubevirt.io/v1alpha3', 'VirtualMachineInstancePreset')],
      { kubevirt: '1.6.0' },
    );
    expect(f).toMatchObject({
      id: 'api-deprecated',
      replacement: 'instancetype.kubevirt.io/v1beta1 VirtualMachinePreference',
    });
    expect(f.remediation).toContain('VirtualMachineInstancetype');
    expect(f.remediation).toContain(
      'kubevirt.io/v1, the next version in line, is itself deprecated since KubeVirt v0.57.0',
    );
  });
});
