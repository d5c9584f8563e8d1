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

import type { Finding } from '../types';
import { scoreConcerns } from './scoring';

function concern(id: string, severity: Finding['severity']): Finding {
  return {
    id,
    category: 'api-compatibility',
    severity,
    message: `${id} fired`,
    waived: false,
  } as Finding;
}

function penaltyLines(findings: Finding[]): string[] {
  return scoreConcerns(findings, true).explanation.filter(line =>
    line.startsWith('-'),
  );
}

describe('scoreConcerns', () => {
  it('lists a rule before the longer rule it begins (the text "rule,severity" decides)', () => {
    expect(
      penaltyLines([
        concern('api-deprecated-field', 'warning'),
        concern('api-deprecated', 'warning'),
      ]),
    ).toEqual([
      '-10 api-deprecated (warning)',
      '-10 api-deprecated-field (warning)',
    ]);
  });

  it('orders rule ids from source findings by the same text, commas included', () => {
    expect(
      penaltyLines([concern('x', 'warning'), concern('x,a', 'warning')]),
    ).toEqual(['-10 x,a (warning)', '-10 x (warning)']);
    expect(
      penaltyLines([concern('x,y', 'warning'), concern('x', 'critical')]),
    ).toEqual(['-30 x (critical)', '-10 x,y (warning)']);
  });

  it('counts waived concerns apart, at no cost', () => {
    const waived = { ...concern('api-removed', 'critical'), waived: true };
    const result = scoreConcerns([waived, concern('x', 'warning')], true);
    expect(result.score).toBe(90);
    expect(result.explanation).toContain('1 waived concern(s) cost nothing.');
  });
});
