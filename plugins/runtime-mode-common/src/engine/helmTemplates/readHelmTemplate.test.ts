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

import { getKnowledgeIndex } from '../../knowledgeBase/knowledgeIndex';
import type { ManifestFile } from '../../types';
import { readManifests } from '../readManifests';
import { DEFAULT_MANIFEST_LIMITS } from '../readRuntimeModeConfig';
import { targetCapabilities } from '../targetCapabilities';

function readAt(
  files: ManifestFile[],
  targets: Record<string, string> = { k8s: '1.34' },
  limits = DEFAULT_MANIFEST_LIMITS,
) {
  return readManifests(files, limits, {
    capabilities: targetCapabilities(targets, getKnowledgeIndex()),
  });
}

const summary = (r: ReturnType<typeof readAt>) =>
  r.objects.map(o => [o.line, o.apiVersion, o.kind, o.name ?? null]);

// What `helm create` generated for years: the whole Ingress inside an
// `enabled` switch, its name from a helper.
const WRAPPED_INGRESS = `{{- if .Values.ingress.enabled -}}
{{- $fullName := include "storefront.fullname" . -}}
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: {{ $fullName }}
  labels:
    {{- include "storefront.labels" . | nindent 4 }}
spec:
  rules:
  {{- range .Values.ingress.hosts }}
    - host: {{ .host | quote }}
  {{- end }}
{{- end }}
`;

// The apiVersion chosen by the Kubernetes version the chart is installed on.
const VERSIONED_INGRESS = `{{- if semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion -}}
apiVersion: networking.k8s.io/v1
{{- else if semverCompare ">=1.14-0" .Capabilities.KubeVersion.GitVersion -}}
apiVersion: networking.k8s.io/v1beta1
{{- else -}}
apiVersion: extensions/v1beta1
{{- end }}
kind: Ingress
metadata:
  name: storefront
`;

describe('reading Helm templates without rendering them', () => {
  it('recovers an object wrapped in {{- if .Values.x.enabled }} with its real line and literal name', () => {
    const r = readAt([
      { path: 'chart/templates/ingress.yaml', content: WRAPPED_INGRESS },
      {
        path: 'chart/templates/sa.yaml',
        content:
          '{{- if .Values.serviceAccount.create -}}\n# the pod identity\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: "storefront-sa"\n  namespace: shop\n{{- end }}\n',
      },
    ]);
    expect(summary(r)).toEqual([
      [3, 'extensions/v1beta1', 'Ingress', null],
      [3, 'v1', 'ServiceAccount', 'storefront-sa'],
    ]);
    expect(r.objects[1]).toMatchObject({ namespace: 'shop', rendered: false });
    expect(r.findings.map(f => [f.id, f.severity, f.line])).toEqual([
      ['manifest-template-not-rendered', 'info', 3],
      ['manifest-template-not-rendered', 'info', 3],
    ]);
  });

  it('reads every --- document of a template file, each at its own line', () => {
    const r = readAt([
      {
        path: 'chart/templates/app.yaml',
        content: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicas }}
---
{{- if .Values.service.enabled }}
apiVersion: v1
kind: Service
metadata:
  name: web
{{- end }}
{{- if .Values.pdb.enabled }}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: web
{{- end }}
`,
      },
    ]);
    expect(summary(r)).toEqual([
      [1, 'apps/v1', 'Deployment', null],
      [9, 'v1', 'Service', 'web'],
      [16, 'policy/v1beta1', 'PodDisruptionBudget', 'web'],
    ]);
    expect(r.documents).toBe(3);
  });

  it.each([
    ['1.34', 'networking.k8s.io/v1', 2],
    ['1.18', 'networking.k8s.io/v1beta1', 4],
    ['1.13', 'extensions/v1beta1', 6],
  ])(
    'picks the branch semverCompare takes at Kubernetes %s',
    (k8s, apiVersion, line) => {
      const r = readAt(
        [{ path: 'chart/templates/ingress.yaml', content: VERSIONED_INGRESS }],
        { k8s },
      );
      expect(summary(r)).toEqual([[line, apiVersion, 'Ingress', 'storefront']]);
    },
  );

  it('understands KubeVersion.Version, Major/Minor, variables and else-if chains', () => {
    const content = `{{- $kube := default .Capabilities.KubeVersion.Version .Values.kubeVersionOverride -}}
{{- if and (eq .Capabilities.KubeVersion.Major "1") (ge (int .Capabilities.KubeVersion.Minor) 25) }}
apiVersion: policy/v1
{{- else if semverCompare "<1.25-0" $kube }}
apiVersion: policy/v1beta1
{{- end }}
kind: PodDisruptionBudget
metadata:
  name: api
`;
    const at = (k8s: string) =>
      summary(readAt([{ path: 'c/templates/pdb.yaml', content }], { k8s }));
    expect(at('1.34')).toEqual([
      [3, 'policy/v1', 'PodDisruptionBudget', 'api'],
    ]);
    expect(at('1.24')).toEqual([
      [5, 'policy/v1beta1', 'PodDisruptionBudget', 'api'],
    ]);
  });

  it('answers .Capabilities.APIVersions.Has from the knowledge base at the target', () => {
    const content = `{{- if .Capabilities.APIVersions.Has "batch/v1/CronJob" }}
apiVersion: batch/v1
{{- else }}
apiVersion: batch/v1beta1
{{- end }}
kind: CronJob
metadata:
  name: nightly
---
{{- if $.Capabilities.APIVersions.Has "policy/v1beta1/PodSecurityPolicy" }}
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
{{- end }}
`;
    const modern = readAt([{ path: 'c/templates/jobs.yaml', content }]);
    expect(summary(modern)).toEqual([[2, 'batch/v1', 'CronJob', 'nightly']]);
    // The PodSecurityPolicy is not rendered at 1.34: said once, not judged.
    expect(modern.findings).toHaveLength(1);
    expect(modern.findings[0].message).toContain(
      'not rendered at Kubernetes 1.34.0 (a capability check is false): PodSecurityPolicy "restricted" (line 12)',
    );
    const old = readAt([{ path: 'c/templates/jobs.yaml', content }], {
      k8s: '1.20',
    });
    expect(summary(old)).toEqual([
      [4, 'batch/v1beta1', 'CronJob', 'nightly'],
      [11, 'policy/v1beta1', 'PodSecurityPolicy', 'restricted'],
    ]);
  });

  it('resolves an apiVersion helper from _helpers.tpl through include and template', () => {
    const helpers = `{{/* Kubernetes version, overridable for offline rendering */}}
{{- define "shop.kubeVersion" -}}
{{- default (default .Capabilities.KubeVersion.Version .Values.kubeVersion) ((.Values.global).kubeVersion) -}}
{{- end -}}

{{- define "shop.cronjob.apiVersion" -}}
{{- if .Values.cronjobApiVersionOverride -}}
{{- .Values.cronjobApiVersionOverride -}}
{{- else if semverCompare "<1.21-0" (include "shop.kubeVersion" .) -}}
{{- print "batch/v1beta1" -}}
{{- else -}}
{{- print "batch/v1" -}}
{{- end -}}
{{- end -}}

{{- define "shop.hpa.apiVersion" -}}
{{- if .Capabilities.APIVersions.Has "autoscaling/v2/HorizontalPodAutoscaler" -}}
autoscaling/v2
{{- else -}}
autoscaling/v2beta2
{{- end -}}
{{- end -}}
`;
    const files = [
      { path: 'shop/templates/_helpers.tpl', content: helpers },
      {
        path: 'shop/templates/cron.yaml',
        content:
          'apiVersion: {{ include "shop.cronjob.apiVersion" . }}\nkind: CronJob\nmetadata:\n  name: report\n',
      },
      {
        path: 'shop/templates/hpa.yaml',
        content:
          'apiVersion: {{ template "shop.hpa.apiVersion" . }}\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n',
      },
    ];
    expect(summary(readAt(files))).toEqual([
      [1, 'batch/v1', 'CronJob', 'report'],
      [1, 'autoscaling/v2', 'HorizontalPodAutoscaler', 'web'],
    ]);
    expect(summary(readAt(files, { k8s: '1.20' }))).toEqual([
      [1, 'batch/v1beta1', 'CronJob', 'report'],
      [1, 'autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'web'],
    ]);
    // The helper file itself holds no object and raises nothing.
    expect(readAt([files[0]]).objects).toEqual([]);
    expect(readAt([files[0]]).findings).toEqual([]);
  });

  it('names both apiVersions, and judges neither, when the target cannot decide', () => {
    const byValues = `{{- if .Values.legacyIngress }}
apiVersion: extensions/v1beta1
{{- else }}
apiVersion: networking.k8s.io/v1
{{- end }}
kind: Ingress
metadata:
  name: edge
`;
    const r = readAt([{ path: 'c/templates/edge.yaml', content: byValues }]);
    expect(r.objects).toEqual([]);
    expect(r.findings).toEqual([
      expect.objectContaining({
        id: 'manifest-template-not-rendered',
        severity: 'info',
        line: 2,
        kind: 'Ingress',
        name: 'edge',
      }),
    ]);
    expect(r.findings[0].message).toContain(
      'apiVersion extensions/v1beta1 or networking.k8s.io/v1',
    );
    // Without a Kubernetes target a version check cannot decide either.
    const untargeted = readAt(
      [{ path: 'c/templates/ingress.yaml', content: VERSIONED_INGRESS }],
      {},
    );
    expect(untargeted.objects).toEqual([]);
    expect(untargeted.findings[0].message).toContain(
      'networking.k8s.io/v1 or networking.k8s.io/v1beta1 or extensions/v1beta1',
    );
    expect(untargeted.findings[0].message).toContain('no Kubernetes target');
  });

  it('does not read commented-out templates, definitions or text inside actions', () => {
    const r = readAt([
      {
        path: 'c/templates/misc.yaml',
        content: `{{/*
apiVersion: extensions/v1beta1
kind: Deployment
*/}}
{{- define "c.inline" }}
apiVersion: batch/v1beta1
kind: CronJob
{{- end }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  note: |
    apiVersion: policy/v1beta1
    {{ .Values.note }}
`,
      },
    ]);
    expect(summary(r)).toEqual([[9, 'v1', 'ConfigMap', 'settings']]);
  });

  it('reports a document whose kind only a render knows, without guessing', () => {
    const r = readAt([
      {
        path: 'lib/templates/workload.yaml',
        content:
          '{{ include "lib.deployment" . }}\n---\napiVersion: apps/v1\nkind: {{ .Values.kind }}\nmetadata:\n  name: x\n',
      },
    ]);
    expect(r.objects).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].message).toMatch(
      /known only when rendered.*a document \(line 1\), a document "x" \(line 4\)/,
    );
  });

  it('stops at an action that is never closed, as Helm does', () => {
    const r = readAt([
      {
        path: 'c/templates/broken.yaml',
        content:
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Values.name\n',
      },
    ]);
    expect(r.findings.map(f => [f.id, f.severity, f.line])).toEqual([
      ['manifest-parse-error', 'warning', 9],
      ['manifest-template-not-rendered', 'info', 1],
    ]);
  });

  it('says when blocks do not balance, which Helm refuses to render', () => {
    const unclosed = readAt([
      {
        path: 'c/templates/open.yaml',
        content:
          '{{- if .Values.on }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
      },
    ]);
    expect(unclosed.findings[0]).toMatchObject({
      id: 'manifest-parse-error',
      severity: 'warning',
    });
    expect(unclosed.findings[0].message).toContain(
      '1 if/with/range/define block(s) never closed',
    );
    const stray = readAt([
      {
        path: 'c/templates/stray.yaml',
        content:
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n',
      },
    ]);
    expect(stray.findings[0].message).toContain('{{ end }} without a block');
    // The object is still recovered for the API check.
    expect(stray.objects.map(o => o.kind)).toEqual(['ConfigMap']);
  });

  it('applies limits.maxDocuments to template documents', () => {
    const content = Array.from(
      { length: 5 },
      (_, i) =>
        `{{- if .Values.on }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n{{- end }}\n`,
    ).join('---\n');
    const r = readAt([{ path: 'c/templates/many.yaml', content }], undefined, {
      ...DEFAULT_MANIFEST_LIMITS,
      maxDocuments: 3,
    });
    expect(r.objects.map(o => o.name)).toEqual(['c0', 'c1', 'c2']);
    expect(r.findings[0]).toMatchObject({ id: 'manifest-limit-exceeded' });
    expect(r.findings[0].message).toContain('maxDocuments');
  });
});

describe('template braces that are data, not templates', () => {
  it('reads files whose {{ }} sit in block scalars, quoted strings or plain text as YAML', () => {
    const r = readAt([
      {
        path: 'cluster/class.yaml',
        content: `apiVersion: cluster.x-k8s.io/v1beta1
kind: ClusterClass
metadata:
  name: quick
spec:
  patches:
  - definitions:
    - jsonPatches:
      - op: add
        path: /spec/template/spec/files/-
        valueFrom:
          template: |
            content: {{ .kubeVipManifest }}
            {{- if .extra }}
            extra: true
            {{- end }}
      selector:
        matchResources: {controlPlane: true}
`,
      },
      {
        path: 'monitoring/rules.yaml',
        content:
          'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n  - name: a\n    rules:\n    - alert: Down\n      annotations:\n        summary: "{{ $labels.instance }} is down"\n        description: Target {{ $labels.job }} has been down\n',
      },
    ]);
    expect(r.objects.map(o => [o.kind, o.rendered])).toEqual([
      ['ClusterClass', true],
      ['PrometheusRule', true],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('does not take OpenShift ${{PARAM}} parameters for Go templates', () => {
    const r = readAt([
      {
        path: 'openshift/vm-template.yaml',
        content: `apiVersion: template.openshift.io/v1
kind: Template
metadata:
  name: small-vm
objects:
- apiVersion: kubevirt.io/v1
  kind: VirtualMachine
  metadata:
    name: \${NAME}
  spec:
    template:
      spec:
        domain:
          cpu:
            cores: \${{CPU_CORES}}
parameters:
- name: CPU_CORES
  value: "2"
`,
      },
    ]);
    expect(r.objects.map(o => [o.line, o.kind, o.rendered])).toEqual([
      [1, 'Template', true],
      [6, 'VirtualMachine', true],
    ]);
    expect(r.findings).toEqual([]);
  });
});
