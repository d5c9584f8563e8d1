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

import { PortfolioRow } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { SortQuery } from './schemas';
import { reorderRows, sortRows } from './rows/rowOrder';
import { compareText } from './compareText';
import {
  DataVersion,
  EvaluationStore,
  HistoryPoint,
  StoredApiUsage,
} from '../database/EvaluationStore';
import { IncrementalTable, TableSnapshot } from './IncrementalTable';

type HistoryState = {
  since: string;
  changeSeq: number;
  points: HistoryPoint[];
};

/**
 * Keeps the portfolio rows and the trend window in memory, the rows also in
 * each sort order asked for (sorting 100,000 rows on every request cost more
 * than the rest of the summary) and the trend window in time order. Each read asks
 * the shared database for its change number (one row), then loads only the
 * rows and history written after the number it last saw: a refresh that
 * touched 100 rows costs 100 rows, not 10,000. The numbers follow commit
 * order (see the `runtime_mode_changes` migration), so a batch that commits
 * after a newer one, on this replica or another, is never missed.
 */
export class StoredRowsCache {
  private readonly rowsTable: IncrementalTable<PortfolioRow>;
  private readonly usageTable: IncrementalTable<StoredApiUsage>;
  private historyState?: Promise<HistoryState>;

  constructor(private readonly store: EvaluationStore) {
    this.rowsTable = new IncrementalTable(async options =>
      (await store.listRows(options)).map(
        row => [row.entityRef, row] as [string, PortfolioRow],
      ),
    );
    this.usageTable = new IncrementalTable(options =>
      store.listApiUsage(options),
    );
  }

  /** Rows and the trend window, checked against one data version. */
  async snapshot(
    trendSince: Date,
  ): Promise<{ rows: PortfolioRow[]; history: HistoryPoint[] }> {
    const version = await this.store.getDataVersion();
    const [rows, history] = await Promise.all([
      this.rows(version),
      this.historySince(trendSince, version),
    ]);
    return { rows, history };
  }

  /** Rows and the trend window, checked against one data version; rows in the order asked for. */
  async orderedSnapshot(
    order: SortQuery,
    trendSince?: Date,
  ): Promise<{ rows: PortfolioRow[]; history: HistoryPoint[] }> {
    const version = await this.store.getDataVersion();
    const [rows, history] = await Promise.all([
      this.rowsInOrder(order, version),
      trendSince ? this.historySince(trendSince, version) : [],
    ]);
    return { rows, history };
  }

  /** The rows sorted as asked; the order is kept until the rows change. */
  async rowsInOrder(
    order: SortQuery,
    given?: DataVersion,
  ): Promise<PortfolioRow[]> {
    const snapshot = await this.rowsAt(given);
    const key = `order:${order.sort}:${order.order}`;
    let sorted = snapshot.derived.get(key) as PortfolioRow[] | undefined;
    if (!sorted) {
      sorted = orderOf(snapshot, key, order);
      snapshot.derived.set(key, sorted);
    }
    return sorted;
  }

  async rows(given?: DataVersion): Promise<PortfolioRow[]> {
    return listOf(await this.rowsAt(given));
  }

  /** The current rows by entity ref, for lookups of a few refs. */
  async rowsByRef(
    given?: DataVersion,
  ): Promise<ReadonlyMap<string, PortfolioRow>> {
    return (await this.rowsAt(given)).byKey;
  }

  /** What each evaluated entity uses (blast radius), by ref. */
  async apiUsage(
    given?: DataVersion,
  ): Promise<ReadonlyMap<string, StoredApiUsage>> {
    const version = given ?? (await this.store.getDataVersion());
    return (await this.usageTable.at(version)).byKey;
  }

  private async rowsAt(given?: DataVersion) {
    const version = given ?? (await this.store.getDataVersion());
    return this.rowsTable.at(version);
  }

  /** History since a day boundary; rows written since the last read are appended. */
  async historySince(
    since: Date,
    given?: DataVersion,
  ): Promise<HistoryPoint[]> {
    const version = given ?? (await this.store.getDataVersion());
    const sinceIso = since.toISOString();
    const previous = this.historyState;
    const next = (async (): Promise<HistoryState> => {
      const state = await previous?.catch(() => undefined);
      const reusable =
        state &&
        state.since === sinceIso &&
        version.historyRemovedSeq <= state.changeSeq;
      if (reusable && state.changeSeq >= version.changeSeq) {
        return state;
      }
      if (reusable) {
        const added = await this.store.listHistorySince(since, {
          changedAfter: state.changeSeq,
        });
        // A row dated before the window changes an entity's starting level:
        // rare enough (clock skew) to simply load the window again.
        if (added.every(p => p.evaluatedAt >= sinceIso)) {
          return {
            since: sinceIso,
            changeSeq: lastSeen(version.changeSeq, added),
            points: inTimeOrder([...state.points, ...added]),
          };
        }
      }
      const points = await this.store.listHistorySince(since);
      return {
        since: sinceIso,
        changeSeq: lastSeen(version.changeSeq, points),
        points: inTimeOrder(points),
      };
    })();
    this.historyState = next;
    return (await next).points;
  }
}

/**
 * A row numbered n that a read saw was committed after every row numbered
 * below n, so the read saw those too: the next read can start after n, and
 * no point is appended twice.
 */
function lastSeen(changeSeq: number, points: HistoryPoint[]) {
  return points.reduce((max, p) => Math.max(max, p.changeSeq), changeSeq);
}

/**
 * Sorted once per order and data version: after a write that changed a few
 * rows, from the previous order (a merge) rather than a full sort.
 */
function orderOf(
  snapshot: TableSnapshot<PortfolioRow>,
  key: string,
  order: SortQuery,
): PortfolioRow[] {
  const previous = snapshot.updated?.derived.get(key) as
    | PortfolioRow[]
    | undefined;
  if (!previous || snapshot.updated!.keys.size > previous.length / 4) {
    return sortRows(listOf(snapshot), order);
  }
  const { keys } = snapshot.updated!;
  const changed: PortfolioRow[] = [];
  for (const ref of keys) {
    const row = snapshot.byKey.get(ref);
    if (row) changed.push(row);
  }
  return reorderRows(previous, keys, changed, order);
}

function listOf(snapshot: TableSnapshot<PortfolioRow>): PortfolioRow[] {
  let list = snapshot.derived.get('list') as PortfolioRow[] | undefined;
  if (!list) {
    list = [...snapshot.byKey.values()];
    snapshot.derived.set('list', list);
  }
  return list;
}

/**
 * History points by time of evaluation. The points arrive almost in that
 * order already (two sorted runs after an append), which the sort merges in
 * linear time; the trend then walks them without sorting per request.
 */
function inTimeOrder(points: HistoryPoint[]): HistoryPoint[] {
  return points.sort((a, b) => compareText(a.evaluatedAt, b.evaluatedAt));
}

/** Start of the UTC day `days` days ago. */
export function trendStart(days: number, now: Date = new Date()): Date {
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days),
  );
}
