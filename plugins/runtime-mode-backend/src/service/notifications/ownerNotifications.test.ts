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
  UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DEPLOYMENT, OLD_INGRESS } from '../../testUtils/fixtures';
import { ownerNotifications } from './ownerNotifications';

/** Evaluates `web` on a bare-metal cluster running `kubernetesVersion`, judged at 1.34. */
function resultOf(
  files: Record<string, string>,
  options: {
    annotations?: Record<string, string>;
    kubernetesVersion?: string;
  } = {},
): EvaluationResult {
  return evaluate({
    manifests: Object.entries(files).map(([path, content]) => ({
      path,
      content,
    })),
    config: readRuntimeModeConfig({
      clusters: [
        {
          name: 'bm',
          mode: 'bare-metal-container',
          kubernetesVersion: options.kubernetesVersion ?? '1.31',
        },
      ],
      apiPolicy: { targets: { k8s: '1.34' } },
    }),
    entity: {
      metadata: {
        name: 'web',
        annotations: {
          'runtime-mode.dev/clusters': 'bm',
          ...options.annotations,
        },
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

const withUpgradeLevel = (
  result: EvaluationResult,
  level: UpgradeLevel,
): EvaluationResult => ({
  ...result,
  upgrade: { ...result.upgrade!, level },
});

/** A move to KubeVirt with an overhead budget: 1% blocks it, 50% does not. */
const movingWithBudget = (budget: string) =>
  resultOf(
    { 'web.yaml': DEPLOYMENT },
    {
      annotations: {
        'runtime-mode.dev/target-mode': 'container-virtualization',
        'runtime-mode.dev/max-overhead': budget,
      },
    },
  );

const AT = '2026-12-01T10:00:00.000Z';

describe('ownerNotifications', () => {
  const clean = resultOf({ 'web.yaml': DEPLOYMENT });
  const files = { 'web.yaml': DEPLOYMENT, 'ingress.yaml': OLD_INGRESS };
  const removed = resultOf(files);

  it('calls for one notification per new removal at the target, which says why the upgrade answer got worse', () => {
    expect(clean.upgrade!.level).toBe('clean');
    expect(removed.upgrade!.level).toBe('broken-now');
    expect(
      ownerNotifications({ result: clean, evaluatedAt: AT }, removed, 'Web'),
    ).toEqual([
      expect.objectContaining({
        reason: 'removal-at-target',
        key: 'removal:k8s:extensions/v1beta1:Ingress:v1.22.0',
        severity: 'critical',
        title:
          'Web uses extensions/v1beta1 Ingress, removed in Kubernetes v1.22.0',
      }),
    ]);
  });

  it('gives a removal that bites only at the planned version the high severity', () => {
    const onOldCluster = resultOf(files, { kubernetesVersion: '1.21' });
    expect(onOldCluster.upgrade!.level).toBe('breaks-at-upgrade');
    const [notification] = ownerNotifications(
      { result: resultOf({ 'web.yaml': DEPLOYMENT }), evaluatedAt: AT },
      onOldCluster,
      'Web',
    );
    expect(notification).toMatchObject({
      reason: 'removal-at-target',
      severity: 'high',
    });
  });

  it('calls for one upgrade notification when the answer gets worse with no new removal: its cluster moved past the removal', () => {
    const before = resultOf(files, { kubernetesVersion: '1.21' });
    expect(
      ownerNotifications({ result: before, evaluatedAt: AT }, removed, 'Web'),
    ).toEqual([
      expect.objectContaining({
        reason: 'upgrade-worse',
        severity: 'critical',
        key: `upgrade:breaks-at-upgrade:${AT}:broken-now`,
        title: 'Web broken now on its clusters',
      }),
    ]);
  });

  it('gives an upgrade answer worsened to deprecated APIs the normal severity', () => {
    const [notification] = ownerNotifications(
      { result: clean, evaluatedAt: AT },
      withUpgradeLevel(clean, 'deprecated'),
      'Web',
    );
    expect(notification).toMatchObject({
      reason: 'upgrade-worse',
      severity: 'normal',
      title: 'Web uses deprecated APIs',
    });
  });

  it('calls for one notification when the planned move gets worse', () => {
    const affordable = movingWithBudget('50%');
    const unaffordable = movingWithBudget('1%');
    expect(affordable.migration!.level).not.toBe('blocked');
    expect(unaffordable.migration!.level).toBe('blocked');
    expect(
      ownerNotifications(
        { result: affordable, evaluatedAt: AT },
        unaffordable,
        'Web',
      ),
    ).toEqual([
      expect.objectContaining({
        reason: 'migration-worse',
        severity: 'high',
        key: `migration:container-virtualization:${
          affordable.migration!.level
        }:${AT}:blocked`,
        title: 'Web: the move to KubeVirt VMs is now blocked',
      }),
    ]);
  });

  it('calls for nothing when a move is newly planned, however far it has to go', () => {
    expect(
      ownerNotifications(
        { result: clean, evaluatedAt: AT },
        movingWithBudget('1%'),
        'Web',
      ),
    ).toEqual([]);
  });

  it('never tells a component with no planned move that it is blocked', () => {
    expect(clean.migration).toBeNull();
    expect(
      ownerNotifications(
        { result: withLevel(clean, 'ready'), evaluatedAt: AT },
        withLevel(clean, 'blocked'),
        'Web',
      ),
    ).toEqual([]);
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

  it('calls for nothing when the upgrade answer becomes or stops being unknown', () => {
    const unknown = withUpgradeLevel(clean, 'unknown');
    expect(
      ownerNotifications({ result: clean, evaluatedAt: AT }, unknown, 'Web'),
    ).toEqual([]);
    expect(
      ownerNotifications(
        { result: unknown, evaluatedAt: AT },
        withUpgradeLevel(clean, 'breaks-at-upgrade'),
        'Web',
      ),
    ).toEqual([]);
  });

  it('does not compare with a result of an older rule set, which did not answer the upgrade question', () => {
    const { upgrade: _upgrade, migration: _migration, ...older } = clean;
    expect(
      ownerNotifications(
        { result: older, evaluatedAt: AT },
        withUpgradeLevel(clean, 'breaks-at-upgrade'),
        'Web',
      ),
    ).toEqual([]);
  });

  it('does not count a waived removal', () => {
    const waived = resultOf(files, {
      annotations: {
        'runtime-mode.dev/waive.api-removed':
          'until=2099-01-01; reason=moving to networking.k8s.io/v1 next sprint',
      },
    });
    expect(
      ownerNotifications({ result: clean, evaluatedAt: AT }, waived, 'Web'),
    ).toEqual([]);
  });

  it('names a later worsening from the same level apart, so it is sent again', () => {
    const before = resultOf(files, { kubernetesVersion: '1.21' });
    const first = ownerNotifications(
      { result: before, evaluatedAt: AT },
      removed,
      'Web',
    );
    const later = ownerNotifications(
      { result: before, evaluatedAt: '2026-12-02T10:00:00.000Z' },
      removed,
      'Web',
    );
    expect(first[0].key).not.toBe(later[0].key);
  });
});
