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

import { ManifestObjectMap } from './manifestObjectMap';

const object = (line: number, name?: string) => ({
  file: 'app.yaml',
  line,
  apiVersion: 'policy/v1beta1',
  kind: 'PodDisruptionBudget',
  name,
});

describe('ManifestObjectMap', () => {
  it('holds one value per object: same file, line, apiVersion, kind and name', () => {
    const map = new ManifestObjectMap<string>();
    map.set(object(3, 'web'), 'first');
    map.set({ ...object(3, 'web') }, 'second');
    map.set(object(3, 'api'), 'other name');
    map.set({ ...object(3, 'web'), kind: 'Deployment' }, 'other kind');
    map.set({ ...object(3, 'web'), file: 'b.yaml' }, 'other file');
    map.set(object(4, 'web'), 'other line');
    expect(map.size).toBe(5);
    expect(map.get(object(3, 'web'))).toBe('second');
    expect(map.has(object(5, 'web'))).toBe(false);
  });

  it('has an object whose value is undefined', () => {
    const map = new ManifestObjectMap<string | undefined>();
    map.set(object(2, 'web'), undefined);
    expect(map.has(object(2, 'web'))).toBe(true);
    expect(map.size).toBe(1);
  });

  it('tells an unnamed object from one named "undefined"', () => {
    const map = new ManifestObjectMap<number>();
    map.set(object(1), 1);
    map.set(object(1, 'undefined'), 2);
    expect(map.size).toBe(2);
    expect(map.get(object(1))).toBe(1);
  });

  it('finds objects the same way when one line holds many (a minified JSON List)', () => {
    const map = new ManifestObjectMap<number>();
    for (let i = 0; i < 50; i++) map.set(object(1, `item-${i}`), i);
    for (let i = 0; i < 50; i++) map.set(object(1, `item-${i}`), i * 10);
    map.set(object(1), -1);
    expect(map.size).toBe(51);
    expect(map.get(object(1, 'item-7'))).toBe(70);
    expect(map.get(object(1))).toBe(-1);
    expect(map.has(object(1, 'item-50'))).toBe(false);
    const seen: number[] = [];
    map.forEach(value => seen.push(value));
    expect(seen).toHaveLength(51);
    expect(seen[49]).toBe(490);
  });
});
