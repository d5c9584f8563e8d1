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

import { nextVersionsOf } from './nextVersions';

const cluster = {
  name: 'c',
  mode: 'bare-metal-container' as const,
  kubernetesVersion: '1.29',
};

describe('nextVersionsOf', () => {
  it('steps through every Kubernetes minor up to the planned target', () => {
    expect(
      nextVersionsOf(cluster, { k8s: '1.32' }, '1.37').map(s => s.version),
    ).toEqual(['1.30', '1.31', '1.32']);
  });

  it('marks only the planned target as planned', () => {
    expect(
      nextVersionsOf(cluster, { k8s: '1.31' }, '1.37').map(s => s.planned),
    ).toEqual([false, true]);
  });

  it('shows the next minor when the cluster already reached the target', () => {
    expect(
      nextVersionsOf(
        { ...cluster, kubernetesVersion: '1.34' },
        { k8s: '1.33' },
        '1.37',
      ).map(s => s.version),
    ).toEqual(['1.35']);
  });

  it('never goes past the newest minor the knowledge base knows', () => {
    expect(
      nextVersionsOf({ ...cluster, kubernetesVersion: '1.37' }, {}, '1.37'),
    ).toEqual([]);
  });

  it('keeps a planned target past the newest known minor: an admin chose it', () => {
    expect(
      nextVersionsOf(
        { ...cluster, kubernetesVersion: '1.36' },
        { k8s: '1.38' },
        '1.37',
      ).map(s => s.version),
    ).toEqual(['1.37', '1.38']);
  });

  it('judges a patch release as its minor: the next step is the next minor', () => {
    expect(
      nextVersionsOf(
        { ...cluster, kubernetesVersion: '1.31.4' },
        {},
        '1.37',
      ).map(s => [s.from, s.version]),
    ).toEqual([['1.31.4', '1.32']]);
  });

  it('gives another component one step, its target, only when the cluster runs it', () => {
    expect(
      nextVersionsOf(
        { ...cluster, kubevirtVersion: '1.5.0', versions: { cdi: '1.60.0' } },
        {
          k8s: '1.29',
          kubevirt: '1.6.0',
          cdi: '1.61.0',
          'cluster-api': '1.11.0',
        },
        '1.37',
      ).map(s => [s.component, s.version]),
    ).toEqual([
      ['k8s', '1.30'],
      ['kubevirt', '1.6.0'],
      ['cdi', '1.61.0'],
    ]);
  });
});
