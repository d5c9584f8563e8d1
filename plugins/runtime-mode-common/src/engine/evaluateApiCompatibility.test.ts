import { evaluateApiCompatibility } from './evaluateApiCompatibility';
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

  it('reports an API the server stopped serving before the CRD dropped it as removed', () => {
    const cluster = obj('cluster.x-k8s.io/v1alpha3', 'Cluster');
    expect(
      evaluateApiCompatibility([cluster], { 'cluster-api': '1.11.0' })[0],
    ).toMatchObject({ id: 'api-removed', removedIn: 'v1.5.0' });
    expect(
      evaluateApiCompatibility([cluster], { 'cluster-api': '1.11.0' })[0]
        .message,
    ).toContain(
      'no longer served since Cluster API v1.5.0 (dropped from the CRD in v1.13.0)',
    );
    expect(
      evaluateApiCompatibility([cluster], { 'cluster-api': '1.4.0' })[0],
    ).toMatchObject({ id: 'api-alpha-in-production' });
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
    expect(f).toMatchObject({
      id: 'api-deprecated',
      severity: 'warning',
      replacement: 'run.tanzu.vmware.com/v1alpha2',
    });
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
