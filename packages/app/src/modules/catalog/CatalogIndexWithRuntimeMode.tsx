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

import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { CatalogTable } from '@backstage/plugin-catalog';
import {
  CatalogFilterLayout,
  EntityListProvider,
} from '@backstage/plugin-catalog-react';
import { Container, Header } from '@backstage/ui';
import { createRuntimeModeColumn } from '@runtime-mode/backstage-plugin-runtime-mode';
import type { ReactNode } from 'react';

/**
 * The catalog's entity list with the Runtime mode column: the catalog page
 * of the new frontend system has no input for columns yet
 * (backstage/backstage#33438), so the app renders the list itself, from the
 * catalog's public parts, with the filters the page collected.
 */
export function CatalogIndexWithRuntimeMode(props: {
  filters: ReactNode;
  pagination: Parameters<typeof EntityListProvider>[0]['pagination'];
}) {
  const orgName =
    useApi(configApiRef).getOptionalString('organization.name') ?? 'Backstage';
  return (
    <EntityListProvider pagination={props.pagination}>
      <Header title={`${orgName} Catalog`} />
      <Container>
        <CatalogFilterLayout>
          <CatalogFilterLayout.Filters>
            {props.filters}
          </CatalogFilterLayout.Filters>
          <CatalogFilterLayout.Content>
            <CatalogTable
              columns={context => [
                ...CatalogTable.defaultColumnsFunc(context),
                createRuntimeModeColumn(),
              ]}
            />
          </CatalogFilterLayout.Content>
        </CatalogFilterLayout>
      </Container>
    </EntityListProvider>
  );
}
