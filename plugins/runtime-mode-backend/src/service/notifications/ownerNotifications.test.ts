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

import {
  evaluate,
  EvaluationResult,
  readRuntimeModeConfig,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DEPLOYMENT, OLD_INGRESS } from '../../testUtils/fixtures';
import { ownerNotifications } from './ownerNotifications';

const config = readRuntimeModeConfig({
  clusters: [
    { name: 'bm', mode: 'bare-metal-container', kubernetesVersion: '1.31' },
  ],
  apiPolicy: { targets: { k8s: '1.34' } },
});

function resultOf(
  files: Record<string, string>,
  annotations: Record<string, string> = {},
): EvaluationResult {
  return evaluate({
    manifests: Object.entries(files).map(([path, content]) => ({
      path,
      content,
    })),
    config,
    entity: {
      metadata: {
        name: 'web',
        annotations: { 'runtime-mode.dev/clusters': 'bm', ...annotations },
      },
    },
  });
}

const withLevel = (
  result: EvaluationResult,
  level: EvaluationResult['readiness']['level'],
): EvaluationResult => ({
  ...result,
  readiness: { ...result.readiness, level },
});

const AT = '2026-12-01T10:00:00.000Z';

describe('ownerNotifications', () => {
  const clean = resultOf({ 'web.yaml': DEPLOYMENT });
  const removed = resultOf({
    'web.yaml': DEPLOYMENT,
    'ingress.yaml': OLD_INGRESS,
  });

  it('calls for one notification when the level gets worse, and one per new removal at the target', () => {
    const notifications = ownerNotifications(
      { result: withLevel(clean, 'ready'), evaluatedAt: AT },
      removed,
      'Web',
    );
    expect(removed.readiness.level).toBe('blocked');
    expect(notifications).toEqual([
      expect.objectContaining({
        reason: 'readiness-worse',
        severity: 'high',
        key: `readiness:ready:${AT}:blocked`,
        title: 'Web is now blocked',
      }),
      expect.objectContaining({
        reason: 'removal-at-target',
        key: 'removal:k8s:extensions/v1beta1:Ingress:v1.22.0',
        severity: 'critical',
        title:
          'Web uses extensions/v1beta1 Ingress, removed in Kubernetes v1.22.0',
      }),
    ]);
  });

  it('gives a worsening to ready with warnings the normal severity', () => {
    const [notification] = ownerNotifications(
      { result: withLevel(clean, 'ready'), evaluatedAt: AT },
      withLevel(clean, 'ready-with-warnings'),
      'Web',
    );
    expect(notification).toMatchObject({
      reason: 'readiness-worse',
      severity: 'normal',
    });
  });

  it('calls for nothing when the result is the same', () => {
    expect(
      ownerNotifications({ result: removed, evaluatedAt: AT }, removed, 'Web'),
    ).toEqual([]);
  });

  it('calls for nothing when the result gets better', () => {
    expect(
      ownerNotifications({ result: removed, evaluatedAt: AT }, clean, 'Web'),
    ).toEqual([]);
  });

  it('calls for nothing on a first evaluation, which has nothing to compare with', () => {
    expect(ownerNotifications(undefined, removed, 'Web')).toEqual([]);
  });

  it('calls for nothing when the level becomes or stops being unknown', () => {
    expect(
      ownerNotifications(
        { result: withLevel(clean, 'ready'), evaluatedAt: AT },
        withLevel(clean, 'unknown'),
        'Web',
      ),
    ).toEqual([]);
    expect(
      ownerNotifications(
        { result: withLevel(clean, 'unknown'), evaluatedAt: AT },
        withLevel(clean, 'blocked'),
        'Web',
      ),
    ).toEqual([]);
  });

  it('does not count a waived removal', () => {
    const waived = resultOf(
      { 'web.yaml': DEPLOYMENT, 'ingress.yaml': OLD_INGRESS },
      {
        'runtime-mode.dev/waive.api-removed':
          'until=2099-01-01; reason=moving to networking.k8s.io/v1 next sprint',
      },
    );
    expect(
      ownerNotifications(
        { result: clean, evaluatedAt: AT },
        waived,
        'Web',
      ).filter(n => n.reason === 'removal-at-target'),
    ).toEqual([]);
  });

  it('names a later worsening from the same level apart, so it is sent again', () => {
    const first = ownerNotifications(
      { result: withLevel(clean, 'ready'), evaluatedAt: AT },
      removed,
      'Web',
    );
    const later = ownerNotifications(
      {
        result: withLevel(clean, 'ready'),
        evaluatedAt: '2026-12-02T10:00:00.000Z',
      },
      removed,
      'Web',
    );
    expect(first[0].key).not.toBe(later[0].key);
  });
});
