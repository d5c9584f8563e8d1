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

import { ManifestObjectRef } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { judgeAt, objectFindings, pairJudge } from './judgeAt';

const OBJECTS: ManifestObjectRef[] = [
  {
    file: 'a.yaml',
    line: 1,
    apiVersion: 'extensions/v1beta1',
    kind: 'Ingress',
    name: 'web',
  },
  {
    file: 'a.yaml',
    line: 12,
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'web',
  },
  {
    file: 'b.yaml',
    line: 3,
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
  },
  {
    file: 'c.yaml',
    line: 7,
    apiVersion: 'extensions/v1beta1',
    kind: 'Ingress',
    name: 'admin',
  },
  {
    file: 'c.yaml',
    line: 20,
    apiVersion: 'batch/v1beta1',
    kind: 'CronJob',
    name: 'nightly',
  },
  {
    file: 'd.yaml',
    line: 1,
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kind: 'FlowSchema',
    name: 'fs',
  },
  {
    file: 'd.yaml',
    line: 9,
    apiVersion: 'resource.k8s.io/v1alpha3',
    kind: 'ResourceClaim',
    name: 'gpu',
  },
  {
    file: 'e.yaml',
    line: 1,
    apiVersion: 'kubevirt.io/v1alpha3',
    kind: 'VirtualMachine',
    name: 'vm',
  },
  {
    file: 'e.yaml',
    line: 30,
    apiVersion: 'cdi.kubevirt.io/v1alpha1',
    kind: 'DataVolume',
    name: 'disk',
  },
  {
    file: 'f.yaml',
    line: 2,
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    name: 'w',
  },
];

describe('objectFindings', () => {
  it.each([
    ['k8s', '1.34', '1.21'],
    ['k8s', '1.34', '1.26'],
    ['k8s', '1.34', undefined],
    ['k8s', '1.22', '1.31'],
    ['kubevirt', '1.6.0', '1.5.0'],
    ['kubevirt', '1.6.0', undefined],
  ])(
    "gives what judging the objects gives, each pair judged once, each finding at its object's file, line and name (%s %s, today %s)",
    (component, version, current) => {
      const judge = judgeAt(component, version, []);
      const judged = judge(OBJECTS, current);
      expect(judged.length).toBeGreaterThan(0);
      expect(objectFindings(pairJudge(judge), OBJECTS, current)).toEqual(
        judged,
      );
      // Same keys in the same order, as the answer's JSON shows them.
      expect(
        JSON.stringify(objectFindings(pairJudge(judge), OBJECTS, current)),
      ).toBe(JSON.stringify(judged));
    },
  );

  it('judges a pair once, however many objects use it', () => {
    const judge = jest.fn(judgeAt('k8s', '1.34', []));
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...OBJECTS[0],
      line: i + 1,
    }));
    const findings = objectFindings(pairJudge(judge), many, '1.31');
    expect(judge).toHaveBeenCalledTimes(1);
    expect(findings.map(f => f.line)).toEqual(many.map(o => o.line));
  });
});
