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

/** One key's value before and after the rows read since a snapshot. */
export interface TableChange<T> {
  before: T | undefined;
  after: T | undefined;
}

/** The table as read up to one change number. */
export interface TableSnapshot<T> {
  /** The change number read before the rows: every write up to it is here. */
  changeSeq: number;
  /**
   * The current values by key. With `writes: 'patch'` one map serves every
   * snapshot and is brought up to date in place (a copy per write cost
   * 100,000 entries a write): read it right after `at()`, without waiting
   * in between.
   */
  byKey: ReadonlyMap<string, T>;
  /** Values derived from this snapshot (sort orders), kept until it is replaced. */
  derived: Map<string, unknown>;
  /**
   * The snapshot this one updated, when it only read changed rows: what was
   * derived from it, and each key read since (changed, added or removed).
   */
  updated?: {
    derived: ReadonlyMap<string, unknown>;
    changes: ReadonlyMap<string, TableChange<T>>;
  };
}

/**
 * An in-memory copy of rows of the evaluations table, brought up to date by
 * reading only the rows written after the change number it last saw: a
 * refresh that touched 100 rows costs 100 rows, not 100,000, and the changes
 * are kept beside the new snapshot so that what was derived from the last
 * one (sort orders) is patched rather than derived again. A removal since
 * then reads the table again. Reads that overlap share one load.
 */
export class IncrementalTable<T> {
  private state?: Promise<TableSnapshot<T>>;
  private latestRead?: TableSnapshot<T>;

  constructor(
    /** Reads every row without options, else the rows changed after a number. */
    private readonly read: (options?: {
      changedAfter: number;
    }) => Promise<Iterable<[string, T | undefined]>>,
    private readonly options: {
      /**
       * `patch`: one map, brought up to date in place (the rows: nothing
       * is kept per map). `copy`: a new map per write, for values kept per
       * map object (the blast radius keeps statuses per usage map).
       */
      writes: 'patch' | 'copy';
    },
  ) {}

  /**
   * The last snapshot read: with `writes: 'patch'` the only one whose
   * `byKey` is its own (earlier ones share the map), so the one to derive
   * values from.
   */
  get latest(): TableSnapshot<T> | undefined {
    return this.latestRead;
  }

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
      const read = await this.read(
        incremental ? { changedAfter: state.changeSeq } : undefined,
      );
      if (!incremental) {
        const byKey = new Map<string, T>();
        for (const [key, value] of read) {
          if (value !== undefined) byKey.set(key, value);
        }
        this.latestRead = {
          changeSeq: version.changeSeq,
          byKey,
          derived: new Map(),
        };
        return this.latestRead;
      }
      const byKey =
        this.options.writes === 'patch'
          ? (state.byKey as Map<string, T>)
          : new Map(state.byKey);
      // Nothing was derived from the last snapshot: its changes and these
      // patch what was derived from the one before it (the map grows in
      // place: nothing can be derived from the last snapshot any more).
      const base =
        state.derived.size === 0 && state.updated ? state.updated : undefined;
      const changes =
        (base?.changes as Map<string, TableChange<T>> | undefined) ??
        new Map<string, TableChange<T>>();
      for (const [key, after] of read) {
        const before = byKey.get(key);
        if (after === undefined) byKey.delete(key);
        else byKey.set(key, after);
        const earlier = changes.get(key);
        changes.set(key, { before: earlier ? earlier.before : before, after });
      }
      // Patching past a quarter of the rows costs more than deriving anew,
      // and the changes would keep that many earlier values alive.
      const patchable = changes.size <= byKey.size / 4;
      this.latestRead = {
        changeSeq: version.changeSeq,
        byKey,
        derived: new Map(),
        ...(patchable
          ? { updated: { derived: base?.derived ?? state.derived, changes } }
          : {}),
      };
      return this.latestRead;
    })();
    this.state = next;
    return next;
  }
}
