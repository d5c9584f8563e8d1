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

import { nextStepWhere, summarize } from './summarize';
import { makeResult } from '../../testUtils/fixtures';

describe('summarize', () => {
  it('says what blocks a move and what to do first', () => {
    const result = makeResult();
    expect(summarize(result)).toEqual({
      runsOn: 'Runs on KubeVirt VMs.',
      readiness:
        'Blocked to stay on KubeVirt VMs: 1 critical concern and 2 warnings.',
      next: 'Change apiVersion to kubevirt.io/v1',
    });
  });

  it('speaks of a move when the target differs from the current mode', () => {
    const base = makeResult();
    const result = makeResult({
      readiness: {
        ...base.readiness,
        targetMode: 'virtualized-container',
        level: 'ready-with-warnings',
      },
      findings: base.findings.filter(f => f.severity !== 'critical'),
    });
    expect(summarize(result).readiness).toBe(
      'Ready to move to Containers on VMs, with 2 warnings to fix first.',
    );
  });

  it('never turns unknown into a pass', () => {
    const base = makeResult();
    const result = makeResult({
      mode: { ...base.mode, value: 'unknown', evidence: [] },
      readiness: {
        ...base.readiness,
        targetMode: null,
        level: 'unknown',
        score: null,
      },
      findings: [],
    });
    expect(summarize(result)).toEqual({
      runsOn: 'Runtime mode unknown: no manifest, cluster or annotation tells.',
      readiness: 'No target mode, so readiness is not judged.',
      next: undefined,
    });
  });

  it('mentions a conflict in the evidence', () => {
    const base = makeResult();
    const result = makeResult({ mode: { ...base.mode, conflict: true } });
    expect(summarize(result).runsOn).toBe(
      'Runs on KubeVirt VMs, but the evidence conflicts.',
    );
  });

  it('says which object and file the next step is about', () => {
    expect(nextStepWhere(makeResult())).toBe(
      'VirtualMachine billing-vm, manifests/vm-billing-legacy/vm.yaml:1',
    );
    expect(nextStepWhere(makeResult(), { withFile: false })).toBe(
      'VirtualMachine billing-vm',
    );
    const base = makeResult();
    expect(
      nextStepWhere(
        makeResult({
          findings: base.findings.map(f => ({ ...f, waived: true })),
        }),
      ),
    ).toBeUndefined();
  });
});
