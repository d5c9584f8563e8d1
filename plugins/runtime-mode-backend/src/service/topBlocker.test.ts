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
  Finding,
  makeFinding,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DEPLOYMENT } from '../testUtils/fixtures';
import { MAX_BLOCKER_MESSAGE_CHARS, topBlockerOf } from './topBlocker';

const base = evaluate({
  manifests: [{ path: 'deploy.yaml', content: DEPLOYMENT }],
  options: { targets: { k8s: '1.34' } },
});

const withFindings = (findings: Finding[]) => ({ ...base, findings });

const finding = (
  id: string,
  severity: 'critical' | 'warning' | 'info',
  fields: Partial<Finding> = {},
): Finding => ({
  ...makeFinding(id, severity, `${id} message`, fields),
  ...fields,
});

describe('topBlockerOf', () => {
  it('is the worst unwaived concern: critical before warning, broken now before breaking later', () => {
    const result = withFindings([
      finding('operations-probes-missing', 'warning', { file: 'a.yaml' }),
      finding('api-removed', 'critical', {
        file: 'b.yaml',
        line: 3,
        timing: 'at-upgrade',
      }),
      finding('api-removed', 'critical', {
        file: 'c.yaml',
        line: 7,
        timing: 'now',
      }),
    ]);
    expect(topBlockerOf(result)).toEqual({
      ruleId: 'api-removed',
      message: 'api-removed message',
      file: 'c.yaml',
      line: 7,
    });
  });

  it('is none when only waived or informational concerns are left', () => {
    const waived = {
      ...finding('api-removed', 'critical'),
      waived: true,
    };
    expect(
      topBlockerOf(withFindings([waived, finding('api-superseded', 'info')])),
    ).toBeNull();
  });

  it('keeps a long message short: the full text is on the component page', () => {
    const long = finding('api-removed', 'critical');
    long.message = 'x'.repeat(5000);
    const blocker = topBlockerOf(withFindings([long]))!;
    expect(blocker.message).toHaveLength(MAX_BLOCKER_MESSAGE_CHARS);
    expect(blocker.message.endsWith('…')).toBe(true);
    expect(blocker.file).toBeUndefined();
  });
});
