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
import { CallerView, rowAsSeenBy } from './ReadableEntities';
import { SortedRows } from './rows/SortedRows';

/**
 * The rows one caller may see, in one order, read through the shared order
 * of the estate instead of copied out of it: a write then costs the caller
 * nothing until a request asks, and a request walks only as far as it
 * needs (a page stops at its end). Rows are shown as {@link rowAsSeenBy}
 * says.
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
  static seenBy(
    view: CallerView,
    estate: {
      order: SortedRows;
      byRef: ReadonlyMap<string, PortfolioRow>;
      version: number;
    },
  ): CallerRows {
    return new CallerRows(
      estate.order,
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

  /** The row of a ref as the caller sees it; undefined when there is none or it is hidden. */
  get(entityRef: string): PortfolioRow | undefined {
    const row = this.byRef.get(entityRef);
    return row && this.seen(row);
  }

  /** Calls `visit` with each row in order until it answers false. */
  forEach(visit: (row: PortfolioRow) => boolean | void): void {
    for (const chunk of this.order.chunks) {
      for (const stored of chunk) {
        const row = this.seen(stored);
        if (row && visit(row) === false) return;
      }
    }
  }

  toArray(): PortfolioRow[] {
    if (!this.view) return this.order.toArray();
    const rows: PortfolioRow[] = [];
    this.forEach(row => {
      rows.push(row);
    });
    return rows;
  }

  private seen(row: PortfolioRow): PortfolioRow | undefined {
    return this.view ? rowAsSeenBy(this.view, row) : row;
  }
}
