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
import { portfolioQuerySchema, PortfolioQuery } from '../service/schemas';

/** A portfolio row of a clean, ready component with no move planned (row tests). */
export function portfolioRow(
  name: string,
  fields: Partial<PortfolioRow> = {},
): PortfolioRow {
  return {
    entityRef: `component:default/${name}`,
    name,
    namespace: 'default',
    owner: 'group:default/team-a',
    lifecycle: 'production',
    mode: 'bare-metal-container',
    modeConflict: false,
    targetMode: null,
    level: 'ready',
    score: 100,
    critical: 0,
    warning: 0,
    info: 0,
    categories: [],
    status: 'fresh',
    upgradeLevel: 'clean',
    brokenNow: 0,
    breaksAtUpgrade: 0,
    migrationLevel: null,
    suggestedMode: null,
    checksPassing: null,
    checksTotal: null,
    topBlocker: null,
    ...fields,
  };
}

/** A portfolio query as the router parses it from query parameters. */
export function portfolioQuery(
  params: Record<string, string | string[]> = {},
): PortfolioQuery {
  return portfolioQuerySchema.parse(params);
}
