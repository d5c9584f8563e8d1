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

import { semverSatisfies } from './semverConstraint';

describe('semverSatisfies (Helm semverCompare, Masterminds/semver v3 rules)', () => {
  it.each([
    // The forms charts use against .Capabilities.KubeVersion.
    ['>=1.21-0', 'v1.34.0', true],
    ['>=1.21-0', 'v1.21.0', true],
    ['>=1.21-0', 'v1.20.15', false],
    ['<1.21-0', 'v1.20.15', true],
    ['<1.21-0', 'v1.21.0', false],
    ['>= 1.19-0', '1.19.0', true],
    // AND by comma or space, OR by ||, hyphen ranges.
    ['>= 1.19-0, < 1.22-0', 'v1.21.3', true],
    ['>= 1.19-0, < 1.22-0', 'v1.22.0', false],
    ['>=1.16-0 <1.19-0', 'v1.18.1', true],
    ['<1.20 || >=1.25', 'v1.34.0', true],
    ['<1.20 || >=1.25', 'v1.22.0', false],
    ['1.20 - 1.24', 'v1.24.9', true],
    ['1.20 - 1.24', 'v1.25.0', false],
    // Partial versions and wildcards, as Masterminds reads them.
    ['>1.33', 'v1.34.0', true],
    ['>1.33', 'v1.33.9', false],
    ['>1', 'v1.99.0', false],
    ['<=1.33', 'v1.33.9', true],
    ['<=1.33', 'v1.34.0', false],
    ['1.34.x', 'v1.34.2', true],
    ['1.x', 'v1.34.2', true],
    ['~1.34', 'v1.34.5', true],
    ['~1.2', 'v1.34.0', false],
    ['^1.2', 'v1.34.0', true],
    ['!=1.34.0', 'v1.34.0', false],
    ['=1.34.0', '1.34.0', true],
  ])('%s against %s is %s', (constraint, version, expected) => {
    expect(semverSatisfies(constraint, version)).toBe(expected);
  });

  it('gives no answer for what Helm would fail on', () => {
    expect(semverSatisfies('>=banana', 'v1.34.0')).toBeUndefined();
    expect(semverSatisfies('>=1.21-0', 'latest')).toBeUndefined();
    expect(semverSatisfies('', 'v1.34.0')).toBeUndefined();
    expect(semverSatisfies('>=1.21-0', 'v1.34.0-rc.1')).toBeUndefined();
  });
});
