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

import { evaluate } from './evaluate';

// A chart as `helm create` lays it out, with an old Ingress behind a switch.
const CHART = [
  {
    path: 'charts/storefront/Chart.yaml',
    content:
      'apiVersion: v2\nname: storefront\ndescription: The shop front\ntype: application\nversion: 0.4.0\nappVersion: "2.1"\n',
  },
  {
    path: 'charts/storefront/values.yaml',
    content:
      '# kind of workload: Deployment or DaemonSet\nkind: Deployment\nreplicaCount: 2\ningress:\n  enabled: false\n',
  },
  {
    path: 'charts/storefront/values-prod.yaml',
    content: 'replicaCount: 4\ningress:\n  enabled: true\n',
  },
  {
    path: 'charts/storefront/templates/_helpers.tpl',
    content:
      '{{- define "storefront.fullname" -}}\n{{- .Release.Name | trunc 63 -}}\n{{- end }}\n',
  },
  {
    path: 'charts/storefront/templates/deployment.yaml',
    content:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "storefront.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: web\n          image: "{{ .Values.image }}"\n',
  },
  {
    path: 'charts/storefront/templates/ingress.yaml',
    content:
      '{{- if .Values.ingress.enabled -}}\napiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: {{ include "storefront.fullname" . }}\nspec:\n  backend:\n    serviceName: web\n{{- end }}\n',
  },
  {
    path: 'charts/storefront/templates/cronjob.yaml',
    content:
      '{{- if semverCompare ">=1.21-0" .Capabilities.KubeVersion.GitVersion }}\napiVersion: batch/v1\n{{- else }}\napiVersion: batch/v1beta1\n{{- end }}\nkind: CronJob\nmetadata:\n  name: sitemap\n',
  },
];

describe('evaluating a Helm chart from its sources', () => {
  it('reports a removed API inside an {{- if }} switch: the chart is blocked, not ready', () => {
    const result = evaluate({
      manifests: CHART,
      options: { targets: { k8s: '1.34' } },
    });
    expect(
      result.findings.filter(f => f.category === 'api-compatibility'),
    ).toEqual([
      expect.objectContaining({
        id: 'api-removed',
        severity: 'critical',
        file: 'charts/storefront/templates/ingress.yaml',
        line: 2,
        apiVersion: 'extensions/v1beta1',
        kind: 'Ingress',
      }),
    ]);
    expect(result.readiness.level).toBe('blocked');
    expect(result.readiness.score).toBeLessThan(100);
  });

  it('judges the branch the target renders: no removed batch/v1beta1 at 1.34', () => {
    const result = evaluate({
      manifests: CHART,
      options: { targets: { k8s: '1.34' } },
    });
    expect(result.objects.map(o => `${o.apiVersion} ${o.kind}`)).toEqual([
      'apps/v1 Deployment',
      'extensions/v1beta1 Ingress',
      'batch/v1 CronJob',
    ]);
    expect(result.findings.some(f => f.apiVersion === 'batch/v1beta1')).toBe(
      false,
    );
  });

  it('never reports a removed API for a choice the target cannot make', () => {
    const result = evaluate({ manifests: CHART.slice(6) });
    expect(result.objects).toEqual([]);
    expect(result.findings.map(f => [f.id, f.severity])).toContainEqual([
      'manifest-template-not-rendered',
      'info',
    ]);
    expect(
      result.findings.some(
        f => f.category === 'api-compatibility' && f.severity !== 'info',
      ),
    ).toBe(false);
    expect(
      result.findings.find(f => f.id === 'manifest-template-not-rendered')
        ?.message,
    ).toContain('batch/v1 or batch/v1beta1');
  });

  it('takes Chart.yaml, values files and _helpers.tpl for what they are, not objects', () => {
    const result = evaluate({
      manifests: CHART.slice(0, 4),
      options: { targets: { k8s: '1.34' } },
    });
    expect(result.objects).toEqual([]);
    // `kind: Deployment` in values.yaml is a value, not an object without apiVersion.
    expect(
      result.findings.filter(f =>
        ['manifest-no-kind', 'manifest-no-api-version'].includes(f.id),
      ),
    ).toEqual([]);
    expect(
      result.findings.filter(f => f.id === 'manifest-build-time-file'),
    ).toHaveLength(1);
  });
});
