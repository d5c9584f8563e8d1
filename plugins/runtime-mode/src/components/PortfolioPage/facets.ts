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

import type {
  PortfolioFacet,
  PortfolioSummary,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * Components per value of a facet, counted with every filter but the
 * facet's own (the server's `facets`). A backend without facets gives the
 * KPIs instead, which shrink with the facet's own filter; undefined when it
 * has neither (a backend older than the two questions).
 */
export function facetCounts(
  summary: PortfolioSummary,
  facet: PortfolioFacet,
): Record<string, number> | undefined {
  const counted = summary.facets?.[facet];
  if (counted) return counted;
  switch (facet) {
    case 'mode':
      return summary.kpis.byMode;
    case 'level':
      return summary.kpis.byLevel;
    case 'upgradeLevel':
      return summary.kpis.byUpgradeLevel;
    case 'migrationLevel':
      return summary.kpis.byMigrationLevel;
    default:
      return undefined;
  }
}

/** The sum of a facet's counts over the given values. */
export function facetTotal(
  counts: Record<string, number>,
  values: readonly string[],
): number {
  return values.reduce((sum, value) => sum + (counts[value] ?? 0), 0);
}
