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

import type { Finding } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  makeLegacyResult,
  makePlannedMoveResult,
  makeResult,
} from '../../__testUtils__/fixtures';
import {
  answersOf,
  byChange,
  nextStep,
  openConcerns,
  topConcerns,
  versionWords,
} from './answers';

function finding(overrides: Partial<Finding>): Finding {
  return {
    id: 'operations-pdb-missing',
    category: 'operations',
    severity: 'warning',
    message: 'No PodDisruptionBudget',
    waived: false,
    ...overrides,
  };
}

describe('answersOf', () => {
  it('answers the upgrade for every component and no migration when no move is planned', () => {
    const answers = answersOf(makeResult());
    expect(answers.legacy).toBe(false);
    expect(answers.upgrade?.level).toBe('broken-now');
    expect(answers.move).toBeNull();
    expect(answers.suggestion).toMatchObject({
      mode: 'virtualized-container',
      fitScore: 100,
    });
  });

  it('judges a planned move with its checks', () => {
    expect(answersOf(makePlannedMoveResult()).move).toEqual({
      targetMode: 'container-virtualization',
      source: 'annotation',
      level: 'blocked',
      checks: { passing: 5, total: 7 },
      explanation: expect.any(Array),
    });
  });

  it('turns the best fit an older rule set judged into a suggestion, never a plan', () => {
    const answers = answersOf(makeLegacyResult());
    expect(answers.legacy).toBe(true);
    expect(answers.upgrade).toBeUndefined();
    expect(answers.move).toBeNull();
    expect(answers.suggestion).toEqual({
      mode: 'virtualized-container',
      fitScore: 100,
      reasons: [],
    });
  });

  it('does not call staying where it runs a move in an older result', () => {
    const answers = answersOf(
      makeLegacyResult({
        targetMode: 'container-virtualization',
        targetSource: 'current',
      }),
    );
    expect(answers.move).toBeNull();
    expect(answers.suggestion).toBeNull();
  });

  it('keeps a declared move of an older result, without checks it did not count', () => {
    const answers = answersOf(
      makeLegacyResult({
        targetMode: 'bare-metal-container',
        targetSource: 'annotation',
      }),
    );
    expect(answers.move).toMatchObject({
      targetMode: 'bare-metal-container',
      source: 'annotation',
      level: 'blocked',
    });
    expect(answers.move?.checks).toBeUndefined();
  });
});

describe('openConcerns', () => {
  it('puts criticals first, broken today before breaking at the upgrade, and leaves out waived and info', () => {
    const later = finding({
      id: 'api-removed',
      severity: 'critical',
      message: 'removed at 1.34',
      timing: 'at-upgrade',
    });
    const now = finding({
      id: 'api-removed',
      severity: 'critical',
      message: 'removed today',
      timing: 'now',
    });
    const warning = finding({ message: 'warning first in the list' });
    const waived = finding({ severity: 'critical', waived: true });
    const info = finding({ severity: 'info' });
    expect(
      openConcerns([warning, later, waived, info, now]).map(f => f.message),
    ).toEqual([
      'removed today',
      'removed at 1.34',
      'warning first in the list',
    ]);
  });
});

describe('topConcerns', () => {
  it('shows each concern once: the same message or the same rule on the same object is a repeat', () => {
    const a = finding({ message: 'A', kind: 'Deployment', name: 'web' });
    const sameMessage = finding({
      message: 'A',
      kind: 'Deployment',
      name: 'api',
    });
    const sameObject = finding({
      message: 'A, said differently',
      kind: 'Deployment',
      name: 'web',
    });
    const b = finding({ message: 'B', kind: 'Deployment', name: 'api' });
    const c = finding({ message: 'C' });
    const d = finding({ message: 'D' });
    const { shown, open } = topConcerns([a, sameMessage, sameObject, b, c, d]);
    expect(shown.map(f => f.message)).toEqual(['A', 'B', 'C']);
    expect(open).toBe(6);
  });
});

describe('nextStep', () => {
  it('is the remediation of the worst open concern that has one', () => {
    const step = nextStep(makeResult().findings);
    expect(step?.action).toBe('Move to cdi.kubevirt.io/v1beta1.');
    expect(step?.finding.name).toBe('billing-archive');
  });

  it('is absent when nothing open says what to do', () => {
    expect(nextStep([finding({ remediation: undefined })])).toBeUndefined();
  });
});

describe('versionWords', () => {
  it('says where each component goes, and when nothing tells', () => {
    expect(
      byChange([
        { component: 'cdi', current: '1.60.0', planned: '1.60.0' },
        { component: 'kubevirt', current: '1.5.0', planned: '1.6.0' },
        { component: 'k8s', current: '1.32', planned: '1.34' },
        { component: 'vsphere-tkgs', current: null, planned: '3.3.0' },
        { component: 'cluster-api', current: null, planned: null },
      ]).map(versionWords),
    ).toEqual([
      'Kubernetes 1.32 → 1.34',
      'KubeVirt 1.5.0 → 1.6.0',
      'vSphere TKG Service 3.3.0 (no cluster states its version)',
      'Cluster API: no version known',
      'CDI 1.60.0 (unchanged)',
    ]);
  });
});
