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

import type { ManifestFile } from '../types';
import { evaluate } from './evaluate';

// A repository root, as a manifests annotation pointing at `.` reads it.
const TOOL_FILES: ManifestFile[] = [
  {
    path: 'catalog-info.yaml',
    content:
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\nspec:\n  type: service\n  lifecycle: production\n---\napiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: new-service\nspec:\n  steps: []\n',
  },
  {
    path: 'deploy/base/kustomization.yaml',
    content:
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- deployment.yaml\n',
  },
  {
    path: 'deploy/components/debug/kustomization.yaml',
    content:
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n- path: debug.yaml\n',
  },
  {
    // Kustomize accepts a kustomization without apiVersion and kind.
    path: 'deploy/overlays/prod/kustomization.yml',
    content: 'resources:\n- ../../base\nnamePrefix: prod-\n',
  },
  {
    path: 'deploy/fn/set-labels.yaml',
    content:
      'apiVersion: fn.kpt.dev/v1alpha1\nkind: SetLabels\nmetadata:\n  name: labels\n  annotations:\n    config.kubernetes.io/local-config: "true"\nlabels:\n  team: orders\n',
  },
  {
    path: 'deploy/base/labels.yaml',
    content:
      'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: labels\nlabels:\n  team: orders\nfieldSpecs:\n- path: metadata/labels\n  create: true\n',
  },
  {
    path: 'skaffold.yaml',
    content:
      'apiVersion: skaffold/v4beta11\nkind: Config\nmanifests:\n  kustomize:\n    paths: [deploy/overlays/prod]\n',
  },
  {
    path: 'hack/kind-cluster.yaml',
    content:
      'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes:\n- role: control-plane\n',
  },
  {
    // kpt and Kustomize never apply a resource marked local config.
    path: 'deploy/base/setters.yaml',
    content:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: setters-only\n  annotations:\n    config.kubernetes.io/local-config: "true"\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: x\n        image: x\n',
  },
];

const DEPLOYMENT: ManifestFile = {
  path: 'deploy/base/deployment.yaml',
  content:
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels: {app: orders}\n    spec:\n      containers:\n      - name: orders\n        image: registry.example.com/orders:1.0\n        readinessProbe: {httpGet: {path: /ready, port: 8080}}\n        resources: {requests: {cpu: 100m, memory: 128Mi}}\n',
};

function evaluateTree(manifests: ManifestFile[]) {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: {
        name: 'orders',
        annotations: { 'runtime-mode.dev/clusters': 'metal' },
      },
      spec: { lifecycle: 'production' },
    },
    manifests,
    config: {
      clusters: [
        {
          name: 'metal',
          mode: 'bare-metal-container',
          kubernetesVersion: '1.34',
        },
      ],
    },
  });
}

describe('build-time and tool files', () => {
  it('are not objects: only what reaches an API server is listed, judged and scored', () => {
    const result = evaluateTree([...TOOL_FILES, DEPLOYMENT]);
    expect(result.objects.map(o => `${o.file} ${o.kind}`)).toEqual([
      'deploy/base/deployment.yaml Deployment',
    ]);
    expect(
      result.findings.filter(f => f.category === 'api-compatibility'),
    ).toEqual([]);
    // Readiness rules never saw the local-config Deployment (3 replicas, no probe, no PDB).
    expect(
      result.findings.filter(
        f => f.name === 'setters-only' || f.file === 'deploy/base/setters.yaml',
      ),
    ).toEqual([]);
    // The mode comes from the real Deployment alone.
    expect(result.mode.value).toBe('bare-metal-container');
    expect(
      result.mode.evidence.filter(
        e => e.source === 'manifest' && e.file !== DEPLOYMENT.path,
      ),
    ).toEqual([]);
    expect(result.mode.evidence.some(e => e.file === DEPLOYMENT.path)).toBe(
      true,
    );
    expect(result.readiness.level).toBe('ready');
  });

  it('give one info for the whole tree, naming the tools and how to build the real objects', () => {
    const result = evaluateTree([...TOOL_FILES, DEPLOYMENT]);
    const setAside = result.findings.filter(
      f => f.id === 'manifest-build-time-file',
    );
    expect(setAside).toHaveLength(1);
    expect(setAside[0]).toMatchObject({
      severity: 'info',
      category: 'manifest',
      file: 'catalog-info.yaml',
      line: 1,
    });
    for (const tool of ['Backstage', 'Kustomize', 'kpt', 'Skaffold', 'kind']) {
      expect(setAside[0].message).toContain(tool);
    }
    expect(setAside[0].remediation).toContain('kustomize build');
    expect(setAside[0].remediation).toContain('POST /v1/evaluate');
    // Nothing else is said about them: no "no kind" for the bare kustomization.
    expect(result.findings.map(f => f.id)).not.toContain('manifest-no-kind');
  });

  it('alone give no objects and no manifest evidence: the mode comes from the cluster', () => {
    const result = evaluateTree(TOOL_FILES);
    expect(result.objects).toEqual([]);
    expect(result.mode.source).toBe('cluster');
    expect(result.mode.evidence.filter(e => e.source === 'manifest')).toEqual(
      [],
    );
    expect(
      result.findings.filter(f => f.category === 'api-compatibility'),
    ).toEqual([]);
    expect(result.readiness.level).toBe('unknown');
  });
});
