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
  type EntityVerdict,
  MAX_VERDICT_REFS,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { VerdictLoader } from './VerdictLoader';

function verdictOf(entityRef: string): EntityVerdict {
  return {
    entityRef,
    mode: 'bare-metal-container',
    level: 'ready',
    score: 100,
    status: 'fresh',
  };
}

describe('VerdictLoader', () => {
  it('asks for the refs of one task in one request, each ref once', async () => {
    const getVerdicts = jest.fn(async (refs: string[]) => refs.map(verdictOf));
    const loader = new VerdictLoader({
      api: { getVerdicts },
      maxAgeMs: 60_000,
    });
    const answers = await Promise.all([
      loader.load('component:default/a'),
      loader.load('Component:default/B'),
      loader.load('component:default/a'),
    ]);
    expect(getVerdicts.mock.calls).toEqual([
      [['component:default/a', 'component:default/b']],
    ]);
    expect(answers.map(v => v?.entityRef)).toEqual([
      'component:default/a',
      'component:default/b',
      'component:default/a',
    ]);
    // Answered again from what it keeps.
    await loader.load('component:default/b');
    expect(getVerdicts).toHaveBeenCalledTimes(1);
  });

  it('splits more refs than one request takes into requests of the largest size', async () => {
    const getVerdicts = jest.fn(async (refs: string[]) => refs.map(verdictOf));
    const loader = new VerdictLoader({
      api: { getVerdicts },
      maxAgeMs: 60_000,
    });
    const refs = Array.from(
      { length: MAX_VERDICT_REFS + 1 },
      (_, i) => `component:default/c${i}`,
    );
    const verdicts = await loader.loadMany(refs);
    expect(verdicts.size).toBe(refs.length);
    expect(getVerdicts.mock.calls.map(([chunk]) => chunk.length)).toEqual([
      MAX_VERDICT_REFS,
      1,
    ]);
  });

  it('answers undefined for a ref without a verdict', async () => {
    const getVerdicts = jest.fn(async () => []);
    const loader = new VerdictLoader({
      api: { getVerdicts },
      maxAgeMs: 60_000,
    });
    await expect(loader.load('component:default/new')).resolves.toBeUndefined();
  });

  it('does not keep a failure: the next load asks again', async () => {
    const getVerdicts = jest
      .fn()
      .mockRejectedValueOnce(new Error('backend down'))
      .mockResolvedValueOnce([verdictOf('component:default/a')]);
    const loader = new VerdictLoader({
      api: { getVerdicts },
      maxAgeMs: 60_000,
    });
    await expect(loader.load('component:default/a')).rejects.toThrow(
      'backend down',
    );
    await expect(loader.load('component:default/a')).resolves.toEqual(
      verdictOf('component:default/a'),
    );
    expect(getVerdicts).toHaveBeenCalledTimes(2);
  });
});
