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

import { compareText } from '../compareText';

/** A history row, as the trend needs it. */
export type HistoryEvent = {
  entityRef: string;
  evaluatedAt: string;
  level: string;
};

/** What windows built from one another share: points past `length` are theirs. */
type Shared = {
  length: number;
  /** The index of each entity's latest point. */
  latest: Map<string, number>;
};

/**
 * The trend window's history points in time order, each with the index of
 * the same entity's point before it (-1 for none): the trend replaces an
 * entity's earlier level by looking it up, without a map of every entity
 * per request. Points written after the window was read are appended in
 * place when they are the latest (a refresh writes "now"): the next window
 * shares the arrays, and this one keeps seeing its own `length` points.
 */
export class HistoryWindow<P extends HistoryEvent = HistoryEvent> {
  private constructor(
    private readonly points: P[],
    private readonly previous: Int32Array,
    readonly length: number,
    private readonly shared: Shared,
  ) {}

  /** The points in any order. */
  static of<P extends HistoryEvent>(points: readonly P[]): HistoryWindow<P> {
    const window = new HistoryWindow<P>([], new Int32Array(0), 0, {
      length: 0,
      latest: new Map(),
    });
    return window.append(points);
  }

  at(index: number): P {
    return this.points[index];
  }

  /** The index of the same entity's point before this one; -1 for none. */
  previousOf(index: number): number {
    return this.previous[index];
  }

  toArray(): P[] {
    return this.points.slice(0, this.length);
  }

  /** The window with `added` points; this one is unchanged. */
  append(added: readonly P[]): HistoryWindow<P> {
    if (added.length === 0) return this;
    const sorted = inTimeOrder([...added]);
    const last = this.length ? this.points[this.length - 1] : undefined;
    const inPlace =
      this.shared.length === this.length &&
      (!last || sorted[0].evaluatedAt >= last.evaluatedAt);
    if (!inPlace) {
      // Earlier than the latest point (clock skew), or appended to already:
      // the window is built again.
      return HistoryWindow.of([...this.toArray(), ...added]);
    }
    const length = this.length + sorted.length;
    let previous = this.previous;
    if (length > previous.length) {
      previous = new Int32Array(Math.max(1024, 2 * length));
      previous.set(this.previous.subarray(0, this.length));
    }
    const { latest } = this.shared;
    for (const point of sorted) {
      const index = this.points.length;
      this.points.push(point);
      previous[index] = latest.get(point.entityRef) ?? -1;
      latest.set(point.entityRef, index);
    }
    this.shared.length = length;
    return new HistoryWindow(this.points, previous, length, this.shared);
  }
}

/** By time of evaluation; points of the same time keep their order. */
function inTimeOrder<P extends HistoryEvent>(points: P[]): P[] {
  return points.sort((a, b) => compareText(a.evaluatedAt, b.evaluatedAt));
}
