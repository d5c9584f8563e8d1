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

/**
 * A value derived from two objects, kept while both are alive: the rows as
 * one caller may see them are worked out once per rows snapshot and caller
 * view (the view is cached per caller, the snapshot until the data changes),
 * not on every request. Nothing is kept once either object is dropped.
 */
export class PairMemo<A extends object, B extends object, V> {
  private readonly values = new WeakMap<A, WeakMap<B, V>>();

  get(a: A, b: B, compute: () => V): V {
    let byB = this.values.get(a);
    if (!byB) {
      byB = new WeakMap();
      this.values.set(a, byB);
    }
    if (byB.has(b)) return byB.get(b)!;
    const value = compute();
    byB.set(b, value);
    return value;
  }
}
