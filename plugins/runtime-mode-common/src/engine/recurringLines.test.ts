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

import { RecurringLines } from './recurringLines';

describe('RecurringLines', () => {
  it('gives back the line kept for a key', () => {
    const lines = new RecurringLines(10);
    expect(lines.get(7)).toBeUndefined();
    expect(lines.keep(7, '= 90; level ready-with-warnings')).toBe(
      '= 90; level ready-with-warnings',
    );
    expect(lines.get(7)).toBe('= 90; level ready-with-warnings');
    expect(lines.get(8)).toBeUndefined();
  });

  it('keeps no more than its bound, whatever the input brings', () => {
    const lines = new RecurringLines(3);
    for (let key = 0; key < 3; key++) lines.keep(key, `line ${key}`);
    expect(lines.get(0)).toBe('line 0');
    lines.keep(3, 'line 3');
    // Past the bound the kept lines were dropped: only the newest is left.
    expect(lines.get(0)).toBeUndefined();
    expect(lines.get(3)).toBe('line 3');
  });
});
