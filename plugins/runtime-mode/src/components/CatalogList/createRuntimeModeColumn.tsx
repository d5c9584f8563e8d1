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

import type { Entity } from '@backstage/catalog-model';
import type { TableColumn } from '@backstage/core-components';
import { RuntimeModeCell } from './RuntimeModeCell';

/**
 * Options of {@link createRuntimeModeColumn}.
 *
 * @public
 */
export interface RuntimeModeColumnOptions {
  /** The column header; `Runtime mode` unless given. */
  title?: string;
}

/**
 * A column for the catalog's entity list (`CatalogIndexPage`'s `columns`,
 * `CatalogTable`): each component's runtime mode chip, readiness level and
 * score. The cells of one page of rows are fetched in one request; a
 * component without an evaluation shows an empty cell.
 *
 * @example
 * ```tsx
 * <CatalogIndexPage
 *   columns={context => [
 *     ...CatalogTable.defaultColumnsFunc(context),
 *     createRuntimeModeColumn(),
 *   ]}
 * />
 * ```
 *
 * @public
 */
export function createRuntimeModeColumn<
  TRow extends { entity: Entity } = { entity: Entity },
>(options?: RuntimeModeColumnOptions): TableColumn<TRow> {
  return {
    title: options?.title ?? 'Runtime mode',
    sorting: false,
    searchable: false,
    // Room for the longest level, "Ready with warnings", and the score.
    cellStyle: { minWidth: 230 },
    render: row => <RuntimeModeCell entity={row.entity} />,
  };
}
