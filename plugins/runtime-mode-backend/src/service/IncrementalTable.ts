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

import { DataVersion } from '../database/EvaluationStore';

/** The table as read up to one change number. */
export interface TableSnapshot<T> {
  /** The change number read before the rows: every write up to it is here. */
  changeSeq: number;
  byKey: ReadonlyMap<string, T>;
  /** Values derived from this snapshot (sort orders), kept until it is replaced. */
  derived: Map<string, unknown>;
  /**
   * The snapshot this one updated, when it only read changed rows: what was
   * derived from it, and the keys read since (changed, added or removed).
   */
  updated?: {
    derived: ReadonlyMap<string, unknown>;
    keys: ReadonlySet<string>;
  };
}

/**
 * An in-memory copy of rows of the evaluations table, brought up to date by
 * reading only the rows written after the change number it last saw: a
 * refresh that touched 100 rows costs 100 rows, not 100,000. A removal since
 * then reads the table again. Reads that overlap share one load.
 */
export class IncrementalTable<T> {
  private state?: Promise<TableSnapshot<T>>;

  constructor(
    /** Reads every row without options, else the rows changed after a number. */
    private readonly read: (options?: {
      changedAfter: number;
    }) => Promise<Iterable<[string, T | undefined]>>,
  ) {}

  at(version: DataVersion): Promise<TableSnapshot<T>> {
    const previous = this.state;
    const next = (async (): Promise<TableSnapshot<T>> => {
      const state = await previous?.catch(() => undefined);
      if (state && state.changeSeq >= version.changeSeq) {
        return state;
      }
      const incremental =
        state !== undefined &&
        state.byKey.size > 0 &&
        version.rowsRemovedSeq <= state.changeSeq;
      const byKey = incremental ? new Map(state.byKey) : new Map<string, T>();
      const changed = await this.read(
        incremental ? { changedAfter: state.changeSeq } : undefined,
      );
      const keys = new Set<string>();
      for (const [key, value] of changed) {
        keys.add(key);
        if (value === undefined) byKey.delete(key);
        else byKey.set(key, value);
      }
      return {
        changeSeq: version.changeSeq,
        byKey,
        derived: new Map(),
        ...(incremental ? { updated: { derived: state.derived, keys } } : {}),
      };
    })();
    this.state = next;
    return next;
  }
}
