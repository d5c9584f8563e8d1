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

/**
 * Rows written by another replica whose clock runs behind ours could carry a
 * `checked_at` just below the last one we saw; re-reading a margin catches
 * them. NTP keeps replicas well within five seconds of each other.
 */
const CLOCK_SKEW_MARGIN_MS = 5_000;

type RowsState = {
  rowCount: number;
  lastChecked?: string;
  byRef: Map<string, PortfolioRow>;
  list: PortfolioRow[];
};

/**
 * Keeps the portfolio rows and the trend window in memory. Each read asks
 * the shared database whether anything changed (a count/max query of a
 * millisecond or two), then loads only the rows written since the last read:
 * a refresh that touched 100 rows costs 100 rows, not 10,000. Replicas stay
 * correct because the check goes to the database, not to local events.
 */
export class StoredRowsCache {
  private rowsState?: Promise<RowsState>;
  private history?: Promise<{
    since: string;
    lastId: number;
    points: HistoryPoint[];
  }>;

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
    const version = given ?? (await this.store.getDataVersion());
    const previous = this.rowsState;
    const next = (async (): Promise<RowsState> => {
      const state = await previous?.catch(() => undefined);
      if (
        state &&
        state.rowCount === version.rowCount &&
        state.lastChecked === version.lastChecked
      ) {
        return state;
      }
      if (!state || !state.lastChecked || version.rowCount < state.rowCount) {
        return this.fullLoad(version.rowCount, version.lastChecked);
      }
      const changed = await this.store.listRows({
        checkedSince: new Date(
          Date.parse(state.lastChecked) - CLOCK_SKEW_MARGIN_MS,
        ),
      });
      const byRef = new Map(state.byRef);
      for (const row of changed) {
        byRef.set(row.entityRef, row);
      }
      if (byRef.size !== version.rowCount) {
        // Rows were deleted and others added in between: start over.
        return this.fullLoad(version.rowCount, version.lastChecked);
      }
      return {
        rowCount: version.rowCount,
        lastChecked: version.lastChecked,
        byRef,
        list: [...byRef.values()],
      };
    })();
    this.rowsState = next;
    return (await next).list;
  }

  /** History since a day boundary; new rows are appended, never re-read. */
  async historySince(
    since: Date,
    given?: DataVersion,
  ): Promise<HistoryPoint[]> {
    const version = given ?? (await this.store.getDataVersion());
    const sinceIso = since.toISOString();
    const previous = this.history;
    const next = (async () => {
      const state = await previous?.catch(() => undefined);
      if (state && state.since === sinceIso) {
        if (state.lastId === version.lastHistoryId) {
          return state;
        }
        const added = await this.store.listHistorySince(since, {
          afterId: state.lastId,
        });
        const points = [...state.points, ...added];
        return {
          since: sinceIso,
          lastId: Math.max(state.lastId, ...added.map(p => p.id)),
          points,
        };
      }
      const points = await this.store.listHistorySince(since);
      return {
        since: sinceIso,
        lastId: points.reduce((max, p) => Math.max(max, p.id), 0),
        points,
      };
    })();
    this.history = next;
    return (await next).points;
  }

  private async fullLoad(
    rowCount: number,
    lastChecked?: string,
  ): Promise<RowsState> {
    const list = await this.store.listRows();
    return {
      rowCount,
      lastChecked,
      byRef: new Map(list.map(row => [row.entityRef, row])),
      list,
    };
  }
}

/** Start of the UTC day `days` days ago. */
export function trendStart(days: number, now: Date = new Date()): Date {
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days),
  );
}
