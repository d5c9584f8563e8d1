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

import { labelMapSelects, labelSelectorMatches } from './labelSelectors';

const pod = { app: 'shop', tier: 'web', track: 'stable' };

describe('labelSelectorMatches', () => {
  it('requires every matchLabels pair', () => {
    expect(labelSelectorMatches({ matchLabels: { app: 'shop' } }, pod)).toBe(
      true,
    );
    expect(
      labelSelectorMatches({ matchLabels: { app: 'shop', tier: 'db' } }, pod),
    ).toBe(false);
  });

  it.each([
    [{ key: 'tier', operator: 'In', values: ['web', 'api'] }, true],
    [{ key: 'tier', operator: 'In', values: ['db'] }, false],
    [{ key: 'tier', operator: 'NotIn', values: ['db'] }, true],
    [{ key: 'missing', operator: 'NotIn', values: ['x'] }, true],
    [{ key: 'track', operator: 'Exists' }, true],
    [{ key: 'missing', operator: 'Exists' }, false],
    [{ key: 'missing', operator: 'DoesNotExist' }, true],
    [{ key: 'app', operator: 'DoesNotExist' }, false],
    [{ key: 'app', operator: 'Like', values: ['shop'] }, false],
  ])('evaluates matchExpressions %j as %s', (expression, expected) => {
    expect(labelSelectorMatches({ matchExpressions: [expression] }, pod)).toBe(
      expected,
    );
  });

  it('combines matchLabels and matchExpressions', () => {
    expect(
      labelSelectorMatches(
        {
          matchLabels: { app: 'shop' },
          matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }],
        },
        pod,
      ),
    ).toBe(false);
  });

  it('selects everything with an empty selector and nothing without one', () => {
    expect(labelSelectorMatches({}, pod)).toBe(true);
    expect(labelSelectorMatches(undefined, pod)).toBe(false);
    expect(labelSelectorMatches('app=shop', pod)).toBe(false);
  });
});

describe('labelMapSelects', () => {
  it('reads a Service selector as matchLabels, and an empty one as selecting nothing', () => {
    expect(labelMapSelects({ app: 'shop' }, pod)).toBe(true);
    expect(labelMapSelects({ app: 'cart' }, pod)).toBe(false);
    expect(labelMapSelects({}, pod)).toBe(false);
    expect(labelMapSelects(undefined, pod)).toBe(false);
  });
});

describe('selectors read as labelsOf reads label maps', () => {
  // js-yaml keeps a `__proto__` key as an own field; labelsOf cannot.
  const withProtoKey = JSON.parse('{"__proto__": "x", "app": "shop"}');
  const onlyProtoKey = JSON.parse('{"__proto__": "x"}');

  it('ignores a __proto__ key in matchLabels', () => {
    expect(labelSelectorMatches({ matchLabels: withProtoKey }, pod)).toBe(true);
  });

  it('treats a Service selector with only a __proto__ key as empty', () => {
    expect(labelMapSelects(onlyProtoKey, pod)).toBe(false);
    expect(labelMapSelects(withProtoKey, pod)).toBe(true);
  });

  it('compares label values as text', () => {
    expect(
      labelSelectorMatches({ matchLabels: { replicas: 3 } }, { replicas: '3' }),
    ).toBe(true);
  });
});
