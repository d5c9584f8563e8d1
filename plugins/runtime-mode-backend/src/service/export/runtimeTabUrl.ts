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

/** The Runtime tab's path below the entity page (the frontend's RUNTIME_TAB_PATH). */
const RUNTIME_TAB_PATH = 'runtime';

/**
 * The component's Runtime tab in the portal, where the catalog mounts entity
 * pages (`/catalog/:namespace/:kind/:name`, with the namespace lower-cased
 * as the catalog's own links do); undefined without an app base URL.
 */
export function runtimeTabUrl(
  appBaseUrl: string | undefined,
  row: Pick<PortfolioRow, 'namespace' | 'name'>,
): string | undefined {
  if (!appBaseUrl) return undefined;
  return `${appBaseUrl.replace(/\/+$/, '')}${runtimeTabPath(row)}`;
}

/** The component's Runtime tab as a path in the portal (`/catalog/...`). */
export function runtimeTabPath(
  row: Pick<PortfolioRow, 'namespace' | 'name'>,
): string {
  const namespace = encodeURIComponent(row.namespace.toLowerCase());
  return `/catalog/${namespace}/component/${encodeURIComponent(
    row.name,
  )}/${RUNTIME_TAB_PATH}`;
}
