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

import fc from 'fast-check';
import { apiGroupOf, isInApiGroup } from './apiGroups';

// apiVersions and groups built from the pieces that make them differ:
// slashes, dots, a shared prefix, the empty core group.
const part = fc.constantFrom('', 'v1', 'kubevirt.io', 'pool.', 'io', '/', 'x');
const text = fc.array(part, { maxLength: 5 }).map(parts => parts.join(''));

describe('isInApiGroup', () => {
  it('answers as comparing the group cut out of the apiVersion does', () => {
    fc.assert(
      fc.property(text, text, (apiVersion, group) => {
        expect(isInApiGroup(apiVersion, group)).toBe(
          apiGroupOf(apiVersion) === group,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('tells the core group, a group and a group that only shares a prefix apart', () => {
    expect(isInApiGroup('v1', '')).toBe(true);
    expect(isInApiGroup('apps/v1', '')).toBe(false);
    expect(isInApiGroup('kubevirt.io/v1', 'kubevirt.io')).toBe(true);
    expect(isInApiGroup('pool.kubevirt.io/v1alpha1', 'kubevirt.io')).toBe(
      false,
    );
    expect(isInApiGroup('kubevirt.io.example/v1', 'kubevirt.io')).toBe(false);
  });
});
