import { evaluate } from './evaluate';

describe('evaluate', () => {
  it('reports a PodDisruptionBudget on policy/v1beta1 as removed at Kubernetes 1.25', () => {
    const result = evaluate({
      manifests: [
        {
          path: 'pdb.yaml',
          content: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n',
        },
      ],
      options: { targets: { k8s: '1.25' } },
    });
    const removed = result.findings.find(f => f.id === 'api-removed');
    expect(removed).toMatchObject({
      severity: 'critical',
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      removedIn: 'v1.25.0',
      replacement: 'policy/v1',
      file: 'pdb.yaml',
      line: 1,
      name: 'web',
    });
    expect(result.readiness.level).toBe('blocked');
  });
});
