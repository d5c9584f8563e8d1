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

import { coreExtensionData } from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';

/**
 * The catalog plugin with its index page showing the Runtime mode column.
 * The page keeps its path, route, title and every `catalog-filter` extension
 * (the Runtime Mode filter among them); only what it renders changes.
 */
export const catalogPluginWithRuntimeMode = catalogPlugin.withOverrides({
  extensions: [
    catalogPlugin.getExtension('page:catalog').override({
      factory(originalFactory, { inputs, config }) {
        return originalFactory({
          params: {
            loader: async () => {
              const { CatalogIndexWithRuntimeMode } = await import(
                './CatalogIndexWithRuntimeMode'
              );
              const filters = inputs.filters.map(filter =>
                filter.get(coreExtensionData.reactElement),
              );
              return (
                <CatalogIndexWithRuntimeMode
                  filters={<>{filters}</>}
                  pagination={config.pagination}
                />
              );
            },
          },
        });
      },
    }),
  ],
});
