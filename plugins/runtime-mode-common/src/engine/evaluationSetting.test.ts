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

import { RuntimeModeTargetError } from './errors';
import { evaluate } from './evaluate';
import { evaluationSetting } from './evaluationSetting';

const config = {
  clusters: [
    {
      name: 'kv',
      mode: 'container-virtualization' as const,
      kubernetesVersion: '1.31',
    },
  ],
};
const targets = { k8s: '1.34' };

describe('evaluationSetting', () => {
  it('is shared by evaluations with the same config, targets and clusters', () => {
    const first = evaluationSetting(config, targets, 'kv');
    expect(evaluationSetting(config, { k8s: '1.34' }, 'kv')).toBe(first);
    expect(evaluationSetting(config, targets, undefined)).not.toBe(first);
    expect(evaluationSetting(config, { k8s: '1.33' }, 'kv')).not.toBe(first);
    expect(evaluationSetting({ ...config }, targets, 'kv')).not.toBe(first);
  });

  it('reads a target version given as a number as its text', () => {
    expect(evaluationSetting(config, { k8s: 1.35 }, 'kv').targets).toEqual(
      evaluationSetting(config, { k8s: '1.35' }, 'kv').targets,
    );
  });

  it('follows a targets object its caller changes between evaluations', () => {
    const changing: Record<string, unknown> = { k8s: '1.33' };
    expect(evaluationSetting(config, changing, 'kv').targets.k8s).toBe('1.33');
    changing.k8s = '1.34';
    expect(evaluationSetting(config, changing, 'kv').targets.k8s).toBe('1.34');
    changing.kubevirt = '1.6.0';
    expect(evaluationSetting(config, changing, 'kv').targets).toMatchObject({
      k8s: '1.34',
      kubevirt: '1.6.0',
    });
    delete changing.kubevirt;
    expect(
      evaluationSetting(config, changing, 'kv').targets.kubevirt,
    ).toBeUndefined();
    changing.k8s = 'soon';
    expect(() => evaluationSetting(config, changing, 'kv')).toThrow(
      RuntimeModeTargetError,
    );
  });

  it('is found again for the same targets object and a different clusters annotation', () => {
    const same = { k8s: '1.34' };
    const withKv = evaluationSetting(config, same, 'kv');
    const without = evaluationSetting(config, same, undefined);
    expect(without).not.toBe(withKv);
    expect(without.clusters).toEqual([]);
    expect(evaluationSetting(config, same, 'kv')).toBe(withKv);
  });

  it('rejects a malformed target on every evaluation, not only the first', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => evaluationSetting(config, { k8s: 'soon' }, 'kv')).toThrow(
        RuntimeModeTargetError,
      );
    }
  });
});

describe('evaluate with a shared setting', () => {
  const input = {
    entity: {
      kind: 'Component',
      metadata: {
        name: 'c',
        annotations: { 'runtime-mode.dev/clusters': 'kv,unknown' },
      },
    },
    manifests: [
      {
        path: 'pdb.yaml',
        content:
          'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\n',
      },
    ],
    config,
    options: { targets },
  };

  it('returns results another evaluation cannot change', () => {
    const first = evaluate(input);
    first.targets[0].version = 'changed';
    first.findings.forEach(f => {
      f.message = 'changed';
    });
    const second = evaluate(input);
    expect(second.targets[0].version).toBe('1.34');
    expect(
      second.findings.find(f => f.id === 'annotation-invalid')?.message,
    ).toContain('"unknown"');
  });
});
