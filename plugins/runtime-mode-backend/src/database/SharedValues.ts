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

/** Distinct values kept before the pool starts over (owners, systems, levels: a few thousand). */
const MAX_DISTINCT = 50_000;

/**
 * One object per distinct value of the columns that repeat across rows
 * (owner, system, level, categories, top blocker): 100,000 rows read from
 * the database otherwise hold 100,000 copies of each, and a lookup keyed by
 * a shared string compares one pointer instead of its characters. Values
 * handed out are shared: nobody may change them.
 */
export class SharedValues {
  private readonly texts = new Map<string, string>();
  private readonly made = new Map<string, unknown>();

  /** The shared copy of a text (a function of its own: callers pass it around). */
  readonly text = <T extends string | null | undefined>(value: T): T => {
    if (typeof value !== 'string') return value;
    return sharedIn(this.texts, value, () => value) as T;
  };

  /** The shared value made from a key (a list from its text, an object from its fields). */
  readonly of = <T>(key: string, make: () => T): T =>
    sharedIn(this.made, key, make) as T;
}

function sharedIn<T>(values: Map<string, T>, key: string, make: () => T): T {
  let value = values.get(key);
  if (value === undefined) {
    if (values.size >= MAX_DISTINCT) values.clear();
    value = make();
    values.set(key, value);
  }
  return value;
}
