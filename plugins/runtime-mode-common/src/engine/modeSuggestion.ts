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

import { MODE_LABELS } from '../labels';
import type { FitVerdict, ModeSuggestion } from '../types';

/**
 * The mode that fits the stated requirements best, as a suggestion with its
 * reasons; null when no requirement is stated or the component already runs
 * in the best-fitting mode. Never judged as if it were the plan.
 * @internal
 */
export function suggestMode(fit: FitVerdict): ModeSuggestion | null {
  const mode = fit.bestFit;
  const fitScore = mode ? fit.scores[mode] : null;
  if (!mode || fitScore === null || mode === fit.currentMode) return null;
  const reasons = fit.dimensions
    .filter(dimension => dimension.modes[mode].fit !== 'unknown')
    .map(dimension => `${dimension.label}: ${dimension.modes[mode].reason}.`);
  reasons.push(
    fit.currentMode === 'unknown' || fit.currentFit === null
      ? `Fit ${fitScore}/100; the mode it runs in is unknown.`
      : `Fit ${fitScore}/100, against ${fit.currentFit}/100 for ${
          MODE_LABELS[fit.currentMode]
        }, where it runs.`,
  );
  return { mode, fitScore, reasons };
}
