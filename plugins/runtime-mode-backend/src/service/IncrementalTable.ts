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
      const byKey =
        !state || version.rowsRemovedSeq > state.changeSeq
          ? new Map<string, T>()
          : new Map(state.byKey);
      const changed = await this.read(
        byKey.size ? { changedAfter: state!.changeSeq } : undefined,
      );
      for (const [key, value] of changed) {
        if (value === undefined) byKey.delete(key);
        else byKey.set(key, value);
      }
      return { changeSeq: version.changeSeq, byKey, derived: new Map() };
    })();
    this.state = next;
    return next;
  }
}
