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
  readRuntimeModeConfig,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DEPLOYMENT, OLD_INGRESS } from '../../testUtils/fixtures';
import { portfolioRow } from '../../testUtils/rows';
import { componentVerdict } from './componentVerdict';

const config = readRuntimeModeConfig({
  clusters: [
    { name: 'bm', mode: 'bare-metal-container', kubernetesVersion: '1.31' },
  ],
  apiPolicy: { targets: { k8s: '1.34' } },
});

function verdictOf(annotations: Record<string, string> = {}) {
  const result = evaluate({
    manifests: [
      { path: 'web.yaml', content: DEPLOYMENT },
      { path: 'ingress.yaml', content: OLD_INGRESS },
    ],
    config,
    entity: {
      metadata: {
        name: 'web',
        annotations: { 'runtime-mode.dev/clusters': 'bm', ...annotations },
      },
    },
  });
  return { result, verdict: componentVerdict(portfolioRow('web'), result) };
}

describe('componentVerdict', () => {
  it('counts unwaived critical and warning concerns per category, and the removed APIs at the targets', () => {
    const { result, verdict } = verdictOf();
    const unwaived = result.findings.filter(
      f => !f.waived && f.severity !== 'info',
    );
    const counted = Object.values(verdict.concerns).reduce(
      (sum, c) => sum + c.critical + c.warning,
      0,
    );
    expect(counted).toBe(unwaived.length);
    expect(verdict.concerns['api-compatibility'].critical).toBe(1);
    expect(verdict.apis).toEqual({ removed: 1, deprecated: 0 });
    expect(verdict).toMatchObject({
      entityRef: 'component:default/web',
      mode: 'bare-metal-container',
      level: 'blocked',
      ruleSetVersion: result.ruleSetVersion,
      targets: { k8s: '1.34' },
    });
  });

  it('gives the two answers apart: an API its cluster no longer serves is broken now, and no move is planned', () => {
    const { verdict } = verdictOf();
    expect(verdict).toMatchObject({
      upgradeLevel: 'broken-now',
      migrationLevel: null,
      targetMode: null,
    });
  });

  it('gives the level of the planned move with its target mode', () => {
    const { result, verdict } = verdictOf({
      'runtime-mode.dev/target-mode': 'virtualized-container',
    });
    expect(result.migration).not.toBeNull();
    expect(verdict).toMatchObject({
      migrationLevel: result.migration!.level,
      targetMode: 'virtualized-container',
    });
  });

  it('leaves the two answers out for a result of a rule set that did not give them', () => {
    const { result } = verdictOf();
    const { upgrade: _u, migration: _m, ...older } = result;
    const verdict = componentVerdict(portfolioRow('web'), older);
    expect(verdict).not.toHaveProperty('upgradeLevel');
    expect(verdict).not.toHaveProperty('migrationLevel');
    expect(verdict.level).toBe('blocked');
  });

  it('leaves a waived removal out of the counts, as the level does', () => {
    const { verdict } = verdictOf({
      'runtime-mode.dev/waive.api-removed':
        'until=2099-01-01; reason=moving to networking.k8s.io/v1 next sprint',
    });
    expect(verdict.apis.removed).toBe(0);
    expect(verdict.concerns['api-compatibility'].critical).toBe(0);
    expect(verdict.level).not.toBe('blocked');
  });
});
