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
import {
  DataVersion,
  EvaluationStore,
  HistoryPoint,
} from '../database/EvaluationStore';

type RowsState = {
  /** The change number read before the rows: every write up to it is in `byRef`. */
  changeSeq: number;
  byRef: Map<string, PortfolioRow>;
  list: PortfolioRow[];
};

type HistoryState = {
  since: string;
  changeSeq: number;
  points: HistoryPoint[];
};

/**
 * Keeps the portfolio rows and the trend window in memory. Each read asks
 * the shared database for its change number (one row), then loads only the
 * rows and history written after the number it last saw: a refresh that
 * touched 100 rows costs 100 rows, not 10,000. The numbers follow commit
 * order (see the `runtime_mode_changes` migration), so a batch that commits
 * after a newer one, on this replica or another, is never missed.
 */
export class StoredRowsCache {
  private rowsState?: Promise<RowsState>;
  private historyState?: Promise<HistoryState>;

  constructor(private readonly store: EvaluationStore) {}

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

  async rows(given?: DataVersion): Promise<PortfolioRow[]> {
    return (await this.currentRows(given)).list;
  }

  /** The current rows by entity ref, for lookups of a few refs. */
  async rowsByRef(
    given?: DataVersion,
  ): Promise<ReadonlyMap<string, PortfolioRow>> {
    return (await this.currentRows(given)).byRef;
  }

  private async currentRows(given?: DataVersion): Promise<RowsState> {
    const version = given ?? (await this.store.getDataVersion());
    const previous = this.rowsState;
    const next = (async (): Promise<RowsState> => {
      const state = await previous?.catch(() => undefined);
      if (state && state.changeSeq >= version.changeSeq) {
        return state;
      }
      if (!state || version.rowsRemovedSeq > state.changeSeq) {
        const list = await this.store.listRows();
        return {
          changeSeq: version.changeSeq,
          byRef: new Map(list.map(row => [row.entityRef, row])),
          list,
        };
      }
      const changed = await this.store.listRows({
        changedAfter: state.changeSeq,
      });
      const byRef = new Map(state.byRef);
      for (const row of changed) {
        byRef.set(row.entityRef, row);
      }
      return {
        changeSeq: version.changeSeq,
        byRef,
        list: [...byRef.values()],
      };
    })();
    this.rowsState = next;
    return next;
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
            points: [...state.points, ...added],
          };
        }
      }
      const points = await this.store.listHistorySince(since);
      return {
        since: sinceIso,
        changeSeq: lastSeen(version.changeSeq, points),
        points,
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

/** Start of the UTC day `days` days ago. */
export function trendStart(days: number, now: Date = new Date()): Date {
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days),
  );
}
