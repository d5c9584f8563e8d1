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

import {
  PortfolioSummary,
  READINESS_LEVELS,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { zeroLevels } from './levelCounts';
import { HistoryWindow } from './HistoryWindow';

/**
 * Daily counts per level from the change history (a row only when something
 * changed), of the entities `includes` accepts (the rows that match the
 * query, as the caller sees them).
 */
export function buildTrend(
  history: HistoryWindow,
  includes: (entityRef: string) => boolean,
  since: Date,
  now: Date,
): PortfolioSummary['trend'] {
  const counts = zeroLevels() as Record<string, number>;
  const trend: PortfolioSummary['trend'] = [];
  let next = 0;
  const day = new Date(
    Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate()),
  );
  while (day.getTime() <= now.getTime()) {
    const dayEnd = new Date(day.getTime() + 86_400_000).toISOString();
    while (next < history.length && history.at(next).evaluatedAt < dayEnd) {
      const index = next++;
      const event = history.at(index);
      if (!includes(event.entityRef)) continue;
      // The entity's earlier point (same entity: included as well) no longer counts.
      const previous = history.previousOf(index);
      if (previous >= 0) counts[history.at(previous).level] -= 1;
      counts[event.level] = (counts[event.level] ?? 0) + 1;
    }
    const byLevel = zeroLevels();
    for (const level of READINESS_LEVELS) {
      byLevel[level] = counts[level] ?? 0;
    }
    trend.push({ date: day.toISOString().slice(0, 10), byLevel });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return trend;
}
