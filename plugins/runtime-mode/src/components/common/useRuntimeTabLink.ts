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
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/** The tab's path below the entity page, shared by both frontend systems. */
export const RUNTIME_TAB_PATH = 'runtime';

/**
 * Links to entities' Runtime tabs (by entity or reference), or undefined
 * when no entity page is mounted.
 */
export function useRuntimeTabLinks(): (
  entityOrRef: Entity | string,
) => string | undefined {
  let entityRoute:
    | ((params: { namespace: string; kind: string; name: string }) => string)
    | undefined;
  try {
    // Always called, in the same order: the try only catches the "no path"
    // error useRouteRef throws when no catalog entity page is mounted.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    entityRoute = useRouteRef(entityRouteRef);
  } catch {
    // Rendered outside a catalog entity page (e.g. a custom home page).
    entityRoute = undefined;
  }
  return entityOrRef =>
    entityRoute
      ? `${entityRoute(entityRouteParams(entityOrRef))}/${RUNTIME_TAB_PATH}`
      : undefined;
}

/** Link to the entity's Runtime tab, or undefined when no entity page is mounted. */
export function useRuntimeTabLink(entity: Entity): string | undefined {
  return useRuntimeTabLinks()(entity);
}
