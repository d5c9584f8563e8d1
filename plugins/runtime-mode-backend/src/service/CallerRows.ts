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

import type { PortfolioRow } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { CallerView, rowAsSeenBy, rowsVisibleTo } from './ReadableEntities';
import type { OrderedRows } from './StoredRowsCache';
import { SortedRows } from './rows/SortedRows';

/**
 * Each caller view's copy of each estate order it asked for: its rows as it
 * sees them, in that order. Kept while both the view (cached per caller)
 * and the estate order (until the data changes) are alive; after a write,
 * made from the copy of the order before it with the write's rows only.
 */
const ordersSeen = new WeakMap<CallerView, WeakMap<SortedRows, SortedRows>>();

function orderSeenBy(view: CallerView, estate: OrderedRows): SortedRows {
  let byOrder = ordersSeen.get(view);
  if (!byOrder) {
    byOrder = new WeakMap();
    ordersSeen.set(view, byOrder);
  }
  let seen = byOrder.get(estate.order);
  if (seen) return seen;
  const { patch } = estate;
  const before = patch && byOrder.get(patch.from);
  seen =
    (before &&
      before.replace(
        rowsVisibleTo(view, patch.removed),
        rowsVisibleTo(view, patch.added),
        patch.compare,
      )) ??
    SortedRows.of(rowsVisibleTo(view, estate.order));
  byOrder.set(estate.order, seen);
  return seen;
}

/**
 * The rows one caller may see, in one order, as {@link rowAsSeenBy} shows
 * them: worked out once per caller view and estate order, and after a write
 * from the caller's previous copy with the written rows only (chunks shared
 * as in {@link SortedRows}), so that a request walks the caller's rows
 * without asking for each whether the caller may see it.
 */
export class CallerRows {
  private constructor(
    private readonly order: SortedRows,
    private readonly byRef: ReadonlyMap<string, PortfolioRow>,
    private readonly view: CallerView | undefined,
    /** Counts worked out from these rows are kept per this object and `version`. */
    readonly owner: object,
    readonly version: number,
  ) {}

  /** The estate's rows in one order as `view` sees them, at a data version. */
  static seenBy(view: CallerView, estate: OrderedRows): CallerRows {
    return new CallerRows(
      orderSeenBy(view, estate),
      estate.byRef,
      view,
      view,
      estate.version,
    );
  }

  /** Rows already visible and in order (tests, tools answering once). */
  static of(rows: readonly PortfolioRow[]): CallerRows {
    return new CallerRows(
      SortedRows.of(rows),
      new Map(rows.map(row => [row.entityRef, row])),
      undefined,
      {},
      0,
    );
  }

  /** How many rows the caller sees. */
  get length(): number {
    return this.order.length;
  }

  /** The row of a ref as the caller sees it; undefined when there is none or it is hidden. */
  get(entityRef: string): PortfolioRow | undefined {
    const row = this.byRef.get(entityRef);
    return row && (this.view ? rowAsSeenBy(this.view, row) : row);
  }

  /** Calls `visit` with each row in order until it answers false. */
  forEach(visit: (row: PortfolioRow) => boolean | void): void {
    for (const chunk of this.order.chunks) {
      for (const row of chunk) {
        if (visit(row) === false) return;
      }
    }
  }

  /** The caller's rows in order: one array, shared by nothing else. */
  toArray(): PortfolioRow[] {
    return this.order.toArray();
  }
}
