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

import { HistoryWindow } from './HistoryWindow';
import { buildTrend } from './trend';

const point = (entity: string, day: number, level: string) => ({
  entityRef: `component:default/${entity}`,
  evaluatedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  level,
});

const refs = (window: HistoryWindow) =>
  window
    .toArray()
    .map(p => `${p.entityRef.split('/')[1]}@${p.evaluatedAt.slice(8, 10)}`);

describe('HistoryWindow', () => {
  it("keeps the points in time order, each with the index of the same entity's point before it", () => {
    const window = HistoryWindow.of([
      point('a', 3, 'blocked'),
      point('b', 1, 'ready'),
      point('a', 2, 'ready'),
    ]);
    expect(refs(window)).toEqual(['b@01', 'a@02', 'a@03']);
    expect([0, 1, 2].map(i => window.previousOf(i))).toEqual([-1, -1, 1]);
  });

  it('appends later points in place, and an earlier window keeps seeing only its own points', () => {
    const first = HistoryWindow.of([point('a', 1, 'ready')]);
    const second = first.append([
      point('b', 2, 'ready'),
      point('a', 3, 'blocked'),
    ]);
    expect(refs(first)).toEqual(['a@01']);
    expect(refs(second)).toEqual(['a@01', 'b@02', 'a@03']);
    expect(second.previousOf(2)).toBe(0);
    expect(second.append([])).toBe(second);
  });

  it('builds the window again for a point earlier than the latest, or an append to a window already appended to', () => {
    const first = HistoryWindow.of([point('a', 5, 'ready')]);
    const skewed = first.append([point('b', 2, 'blocked')]);
    expect(refs(skewed)).toEqual(['b@02', 'a@05']);
    expect(refs(first)).toEqual(['a@05']);

    const base = HistoryWindow.of([point('a', 1, 'ready')]);
    const one = base.append([point('b', 2, 'ready')]);
    const other = base.append([point('c', 3, 'ready')]);
    expect(refs(one)).toEqual(['a@01', 'b@02']);
    expect(refs(other)).toEqual(['a@01', 'c@03']);
  });
});

describe('buildTrend', () => {
  it('counts each included entity once a day, at its latest level', () => {
    const window = HistoryWindow.of([
      point('a', 1, 'ready'),
      point('b', 1, 'blocked'),
      point('a', 2, 'blocked'),
      point('hidden', 2, 'ready'),
    ]);
    const trend = buildTrend(
      window,
      ref => !ref.endsWith('hidden'),
      new Date('2026-11-01T00:00:00.000Z'),
      new Date('2026-11-03T12:00:00.000Z'),
    );
    expect(
      trend.map(d => [d.date, d.byLevel.ready, d.byLevel.blocked]),
    ).toEqual([
      ['2026-11-01', 1, 1],
      ['2026-11-02', 0, 2],
      ['2026-11-03', 0, 2],
    ]);
  });
});
