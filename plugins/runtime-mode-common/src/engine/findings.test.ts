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

import { makeFinding } from './findings';
import { RULE_CATALOG, RULES_BY_ID, type RuleId } from './ruleCatalog';

// `string extends RuleId` only when RuleId has widened to string: then an
// unknown id would compile again. This line stops compiling if it does.
const RULE_ID_IS_A_UNION: string extends RuleId ? false : true = true;

describe('rule ids', () => {
  it('come from the catalog, one entry each', () => {
    const ids = RULE_CATALOG.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(RULE_ID_IS_A_UNION).toBe(true);
    const known: RuleId = 'manifest-build-time-file';
    expect(RULES_BY_ID.has(known)).toBe(true);
  });

  it('refuse an unknown id at compile time, and at run time from untyped code', () => {
    expect(() =>
      // @ts-expect-error: not a catalogued rule; `yarn tsc` fails if this compiles
      makeFinding('api-remvoed', 'critical', 'typo'),
    ).toThrow('Unknown rule id "api-remvoed"');
  });

  it('give every finding the category and docs link of its catalog entry', () => {
    const finding = makeFinding('manifest-template-not-rendered', 'info', 'x');
    expect(finding).toMatchObject({
      category: RULES_BY_ID.get('manifest-template-not-rendered')?.category,
      docsUrl: 'https://helm.sh/docs/helm/helm_template/',
      waived: false,
    });
  });
});
