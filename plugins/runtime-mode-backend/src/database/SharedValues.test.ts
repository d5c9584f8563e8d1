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

import { SharedValues } from './SharedValues';

describe('SharedValues', () => {
  it('hands out one value per distinct key, made once', () => {
    const shared = new SharedValues();
    const make = jest.fn(() => ['api-compatibility']);
    const first = shared.of('categories:api-compatibility', make);
    expect(shared.of('categories:api-compatibility', make)).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
    expect(shared.of('categories:hardware', () => ['hardware'])).not.toBe(
      first,
    );
    expect(shared.text(null)).toBeNull();
    expect(shared.text(undefined)).toBeUndefined();
    expect(shared.text('group:default/team-a')).toBe('group:default/team-a');
  });

  it('starts over past 50,000 distinct values, so values no row uses any more are not kept for ever', () => {
    const shared = new SharedValues();
    const first = shared.of('key-0', () => ({ n: 0 }));
    for (let i = 1; i <= 50_000; i++) shared.of(`key-${i}`, () => ({ n: i }));
    expect(shared.of('key-0', () => ({ n: 0 }))).not.toBe(first);
  });
});
