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

import { getKnowledgeIndex } from '../knowledgeBase/knowledgeIndex';
import { findStructuralTemplate } from './helmTemplates/findStructuralTemplate';
import { targetCapabilities } from './targetCapabilities';

describe('targetCapabilities: what .Capabilities tells a chart at the target', () => {
  const at = (targets: Record<string, string>) =>
    targetCapabilities(targets, getKnowledgeIndex());

  it('gives the target Kubernetes version, or none without a target', () => {
    expect(at({ k8s: '1.34' }).kubeVersion).toEqual({
      major: 1,
      minor: 34,
      patch: 0,
    });
    expect(at({}).kubeVersion).toBeUndefined();
  });

  it.each([
    ['v1', '1.34', true],
    ['batch/v1beta1', '1.34', false], // CronJob removed in 1.25
    ['batch/v1beta1', '1.22', true], // deprecated, still served
    ['batch/v1beta1/CronJob', '1.25', false],
    ['batch/v1/CronJob', '1.21', true], // the replacement, available since 1.21
    ['batch/v1/CronJob', '1.20', false],
    ['policy/v1beta1/PodSecurityPolicy', '1.25', false],
    ['policy/v1/PodDisruptionBudget', '1.34', true],
    ['networking.k8s.io/v1/Ingress', '1.19', true],
    ['networking.k8s.io/v1/Ingress', '1.18', false],
  ])('Has %s at Kubernetes %s is %s', (api, k8s, expected) => {
    expect(at({ k8s }).hasApi(api)).toBe(expected);
  });

  it('leaves undecided what only a cluster knows', () => {
    // A CRD's group, a group version whose other kinds may predate the
    // known replacement, a component without a target.
    expect(at({ k8s: '1.34' }).hasApi('monitoring.coreos.com/v1')).toBe(
      undefined,
    );
    expect(at({ k8s: '1.20' }).hasApi('autoscaling/v2')).toBe(undefined);
    expect(at({ k8s: '1.34' }).hasApi('batch/v1beta1')).toBe(false);
    expect(at({}).hasApi('batch/v1beta1')).toBe(undefined);
    expect(at({ kubevirt: '1.6.0' }).hasApi('kubevirt.io/v1')).toBe(true);
  });
});

describe('findStructuralTemplate', () => {
  it.each([
    ['{{- if .Values.on }}\napiVersion: v1\n', 0],
    ['apiVersion: v1\nmetadata:\n  name: {{ .Values.name }}\n', 33],
    ['labels: {app: {{ .Values.name }}}\n', 14],
    ['items:\n- {{ .Values.item }}\n', 9],
  ])('finds the action where YAML expects a node in %j', (text, offset) => {
    expect(findStructuralTemplate(text)).toBe(offset);
  });

  it.each([
    'a: "{{ .x }}"\n',
    "a: '{{ .x }}'\n",
    'script: |\n  {{ .x }}\n  {{- if .y }}\n',
    'description: Target {{ $labels.job }} is down\n',
    'summary: first line\n  {{ $labels.job }} continues it\n',
    '# {{ .x }}\n',
    'cores: ${{CPU_CORES}}\n',
  ])('sees only data in %j', text => {
    expect(findStructuralTemplate(text)).toBeUndefined();
  });
});
