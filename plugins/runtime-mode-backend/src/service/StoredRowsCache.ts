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
import { rowComparator, sortRows } from './rows/rowOrder';
import { RowComparator, SortedRows } from './rows/SortedRows';
import { HistoryWindow } from './rows/HistoryWindow';
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
  window: HistoryWindow<HistoryPoint>;
};

/** How an order was made from the one before it (what a caller's copy of it repeats). */
export interface OrderPatch {
  from: SortedRows;
  removed: readonly PortfolioRow[];
  /** In the order's sort. */
  added: readonly PortfolioRow[];
  compare: RowComparator;
}

/** The rows in one order at one data version, with the current rows by ref. */
export interface OrderedRows {
  order: SortedRows;
  /** Set when `order` is an earlier order patched with a write's rows. */
  patch?: OrderPatch;
  /** Current rows by ref; read it before waiting for anything else. */
  byRef: ReadonlyMap<string, PortfolioRow>;
  /** The change number the rows were read at. */
  version: number;
}

/**
 * Keeps the portfolio rows and the trend window in memory, the rows also in
 * each sort order asked for (sorting 100,000 rows on every request cost more
 * than the rest of the summary) and the trend window in time order. Each read asks
 * the shared database for its change number (one row), then loads only the
 * rows and history written after the number it last saw: a refresh that
 * touched 100 rows costs 100 rows, not 10,000, and patches each order and
 * the trend window rather than copying them (decision 0018). The numbers
 * follow commit order (see the `runtime_mode_changes` migration), so a batch
 * that commits after a newer one, on this replica or another, is never
 * missed.
 */
export class StoredRowsCache {
  private readonly rowsTable: IncrementalTable<PortfolioRow>;
  private readonly usageTable: IncrementalTable<StoredApiUsage>;
  private historyState?: Promise<HistoryState>;

  constructor(private readonly store: EvaluationStore) {
    this.rowsTable = new IncrementalTable(
      async options => byRef(await store.listRows(options)),
      { writes: 'patch' },
    );
    this.usageTable = new IncrementalTable(
      options => store.listApiUsage(options),
      { writes: 'copy' },
    );
  }

  /** Rows in the order asked for and the trend window, checked against one data version. */
  async orderedSnapshot(
    order: SortQuery,
    trendSince?: Date,
  ): Promise<OrderedRows & { history: HistoryWindow<HistoryPoint> }> {
    const version = await this.store.getDataVersion();
    // Rows first: the history points then share their refs (see historySince).
    const snapshot = await this.rowsAt(version);
    const history = trendSince
      ? await this.historySince(trendSince, version)
      : HistoryWindow.of<HistoryPoint>([]);
    return { ...this.orderedRows(snapshot, order), history };
  }

  /** The rows sorted as asked; the order is kept until the rows change. */
  async rowsInOrder(
    order: SortQuery,
    given?: DataVersion,
  ): Promise<OrderedRows> {
    return this.orderedRows(await this.rowsAt(given), order);
  }

  /**
   * Orders are derived from the last snapshot read, whichever the caller
   * waited for: the rows map is shared and up to date with that one only.
   */
  private orderedRows(
    read: TableSnapshot<PortfolioRow>,
    order: SortQuery,
  ): OrderedRows {
    return orderedRowsOf(this.rowsTable.latest ?? read, order);
  }

  async rows(given?: DataVersion): Promise<PortfolioRow[]> {
    return [...(await this.rowsAt(given)).byKey.values()];
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

  /** History since a day boundary; points written since the last read are appended. */
  async historySince(
    since: Date,
    given?: DataVersion,
  ): Promise<HistoryWindow<HistoryPoint>> {
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
            window: state.window.append(this.withRowRefs(added)),
          };
        }
      }
      const points = await this.store.listHistorySince(since);
      return {
        since: sinceIso,
        changeSeq: lastSeen(version.changeSeq, points),
        window: HistoryWindow.of(this.withRowRefs(points)),
      };
    })();
    this.historyState = next;
    return (await next).window;
  }

  /**
   * Points whose ref is the very string of the row's ref: one string per
   * entity in memory, and the trend's lookups compare pointers.
   */
  private withRowRefs(points: HistoryPoint[]): HistoryPoint[] {
    const rows = this.rowsTable.latest?.byKey;
    if (!rows) return points;
    return points.map(point => {
      const entityRef = rows.get(point.entityRef)?.entityRef;
      // Equal texts, and (what `===` cannot tell) one string object.
      return entityRef === undefined ? point : { ...point, entityRef };
    });
  }
}

/** Rows keyed by ref, one pair at a time (not an array of 100,000 pairs). */
function* byRef(rows: PortfolioRow[]): Iterable<[string, PortfolioRow]> {
  for (const row of rows) yield [row.entityRef, row];
}

/**
 * A row numbered n that a read saw was committed after every row numbered
 * below n, so the read saw those too: the next read can start after n, and
 * no point is appended twice.
 */
function lastSeen(changeSeq: number, points: HistoryPoint[]) {
  return points.reduce((max, p) => Math.max(max, p.changeSeq), changeSeq);
}

function orderedRowsOf(
  snapshot: TableSnapshot<PortfolioRow>,
  order: SortQuery,
): OrderedRows {
  const key = `order:${order.sort}:${order.order}`;
  let ordered = snapshot.derived.get(key) as
    | Pick<OrderedRows, 'order' | 'patch'>
    | undefined;
  if (!ordered) {
    ordered = orderOf(snapshot, key, order);
    snapshot.derived.set(key, ordered);
  }
  return { ...ordered, byRef: snapshot.byKey, version: snapshot.changeSeq };
}

/**
 * Sorted once per order and data version: after a write that changed a few
 * rows, the previous order with those rows moved (sharing every chunk they
 * neither leave nor enter) rather than a full sort.
 */
function orderOf(
  snapshot: TableSnapshot<PortfolioRow>,
  key: string,
  order: SortQuery,
): Pick<OrderedRows, 'order' | 'patch'> {
  const previous = (
    snapshot.updated?.derived.get(key) as OrderedRows | undefined
  )?.order;
  if (previous) {
    const removed: PortfolioRow[] = [];
    const added: PortfolioRow[] = [];
    for (const { before, after } of snapshot.updated!.changes.values()) {
      if (before) removed.push(before);
      if (after) added.push(after);
    }
    const compare = rowComparator(order);
    const sortedAdded = sortRows(added, order);
    const patched = previous.replace(removed, sortedAdded, compare);
    if (patched) {
      return {
        order: patched,
        // Kept with this snapshot only: the order before is dropped with it.
        patch: { from: previous, removed, added: sortedAdded, compare },
      };
    }
  }
  return {
    order: SortedRows.of(sortRows([...snapshot.byKey.values()], order)),
  };
}

/** Start of the UTC day `days` days ago. */
export function trendStart(days: number, now: Date = new Date()): Date {
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days),
  );
}
