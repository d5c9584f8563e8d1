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

import { PairMemo } from './PairMemo';

describe('PairMemo', () => {
  it('works a value out once per pair of objects, and again for another pair', () => {
    const memo = new PairMemo<object, object, number>();
    const rows = {};
    const view = {};
    const otherView = {};
    const compute = jest.fn(() => 1);

    expect(memo.get(rows, view, compute)).toBe(1);
    expect(memo.get(rows, view, compute)).toBe(1);
    expect(compute).toHaveBeenCalledTimes(1);

    memo.get(rows, otherView, compute);
    memo.get({}, view, compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });
});
