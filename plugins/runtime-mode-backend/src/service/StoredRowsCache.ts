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

import { PortfolioRow } from '@internal/plugin-runtime-mode-common';
import { EvaluationStore } from '../database/EvaluationStore';

type HistoryRow = { entityRef: string; evaluatedAt: string; level: string };

/**
 * Keeps the portfolio rows and the trend window in memory and reloads them
 * only when the database says something changed (a count/max query of a few
 * milliseconds). Replicas stay correct: the check goes to the shared database.
 */
export class StoredRowsCache {
  private rowsEntry?: { version: string; rows: Promise<PortfolioRow[]> };
  private historyEntry?: {
    key: string;
    rows: Promise<HistoryRow[]>;
  };

  constructor(private readonly store: EvaluationStore) {}

  async rows(): Promise<PortfolioRow[]> {
    const { rows: version } = await this.store.getDataVersion();
    if (this.rowsEntry?.version !== version) {
      const rows = this.store.listRows();
      this.rowsEntry = { version, rows };
      rows.catch(() => {
        if (this.rowsEntry?.rows === rows) this.rowsEntry = undefined;
      });
    }
    return this.rowsEntry.rows;
  }

  /** History since a day boundary, so the cache key is stable for a day. */
  async historySince(since: Date): Promise<HistoryRow[]> {
    const { history: version } = await this.store.getDataVersion();
    const key = `${version}:${since.toISOString()}`;
    if (this.historyEntry?.key !== key) {
      const rows = this.store.listHistorySince(since);
      this.historyEntry = { key, rows };
      rows.catch(() => {
        if (this.historyEntry?.rows === rows) this.historyEntry = undefined;
      });
    }
    return this.historyEntry.rows;
  }
}

/** Start of the UTC day `days` days ago. */
export function trendStart(days: number, now: Date = new Date()): Date {
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days),
  );
}
