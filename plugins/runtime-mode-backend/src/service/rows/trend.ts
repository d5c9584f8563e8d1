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
import { compareText } from '../compareText';

/** A history row, as the trend needs it. */
export type HistoryEvent = {
  entityRef: string;
  evaluatedAt: string;
  level: string;
};

/** Daily counts per level from the change history (a row only when something changed). */
export function buildTrend(
  history: HistoryEvent[],
  included: Set<string>,
  since: Date,
  now: Date,
): PortfolioSummary['trend'] {
  const events = history
    .filter(h => included.has(h.entityRef))
    .sort((a, b) => compareText(a.evaluatedAt, b.evaluatedAt));
  const current = new Map<string, string>();
  const counts = zeroLevels() as Record<string, number>;
  const trend: PortfolioSummary['trend'] = [];
  let next = 0;
  const day = new Date(
    Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), since.getUTCDate()),
  );
  while (day.getTime() <= now.getTime()) {
    const dayEnd = new Date(day.getTime() + 86_400_000).toISOString();
    while (next < events.length && events[next].evaluatedAt < dayEnd) {
      const event = events[next++];
      const previous = current.get(event.entityRef);
      if (previous !== undefined) {
        counts[previous] -= 1;
      }
      current.set(event.entityRef, event.level);
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
