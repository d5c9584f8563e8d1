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

import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PortfolioRow } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { PairMemo } from './PairMemo';

/** What one caller may read in the catalog. */
export interface CallerView {
  /** Refs of the Components the caller may read. */
  components: Set<string>;
  /** Refs of the Systems the caller may read: their domain is shown only then. */
  systems: Set<string>;
}

/**
 * Answers "what may this caller read?" by asking the catalog with the
 * caller's own credentials, so the catalog's permission policy decides.
 * The answer is cached briefly per principal: a portfolio page asks several
 * times in a row and 10,000 refs are not free to fetch.
 */
export class ReadableEntities {
  private readonly cache = new Map<
    string,
    { expires: number; view: Promise<CallerView> }
  >();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      cacheMs: number;
    },
  ) {}

  /** The Components and Systems the caller may read. */
  async callerView(credentials: BackstageCredentials): Promise<CallerView> {
    const key = principalKey(credentials);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) {
      return hit.view;
    }
    const view = this.fetchView(credentials);
    this.cache.set(key, { expires: now + this.options.cacheMs, view });
    view.catch(() => this.cache.delete(key));
    if (this.cache.size > 1000) {
      for (const [k, v] of this.cache) {
        if (v.expires <= now) this.cache.delete(k);
      }
    }
    return view;
  }

  /**
   * The entity if the caller may read it. One the catalog hides from the
   * caller answers exactly like one that does not exist, as the catalog
   * itself does: otherwise the answer would tell which refs exist.
   */
  async requireReadable(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} was found`);
    }
    return entity;
  }

  /**
   * Which of the given refs the caller may read, asked of the catalog in one
   * request with the caller's credentials: exact for these refs, whatever the
   * cached view says, and the cost follows the number of refs asked.
   */
  async readableOf(
    entityRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    if (entityRefs.length === 0) {
      return new Set();
    }
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return new Set(
      items.flatMap(entity =>
        entity ? [stringifyEntityRef(entity).toLocaleLowerCase('en-US')] : [],
      ),
    );
  }

  private async fetchView(credentials: BackstageCredentials) {
    const view: CallerView = { components: new Set(), systems: new Set() };
    for await (const page of this.options.catalog.streamEntities(
      {
        filter: { kind: ['Component', 'System'] },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    )) {
      for (const entity of page) {
        const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
        if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
          view.systems.add(ref);
        } else {
          view.components.add(ref);
        }
      }
    }
    return view;
  }
}

/** Rows with the domain taken out, per caller view: made once, not per request. */
const withoutDomain = new PairMemo<CallerView, PortfolioRow, PortfolioRow>();

/**
 * A stored row as a caller sees it; undefined when the caller may not read
 * the component. The domain is shown only when the caller may read the
 * System it comes from, so that neither the rows nor a `?domain=` filter
 * tell anything about a hidden System.
 */
export function rowAsSeenBy(
  view: CallerView,
  row: PortfolioRow,
): PortfolioRow | undefined {
  if (!view.components.has(row.entityRef)) return undefined;
  if (!row.domain || (row.system && view.systems.has(row.system))) return row;
  return withoutDomain.get(view, row, () => ({ ...row, domain: undefined }));
}

/** The stored rows a caller may see ({@link rowAsSeenBy}), in their order. */
export function rowsVisibleTo(
  view: CallerView,
  rows: Iterable<PortfolioRow>,
): PortfolioRow[] {
  const visible: PortfolioRow[] = [];
  for (const row of rows) {
    const seen = rowAsSeenBy(view, row);
    if (seen) visible.push(seen);
  }
  return visible;
}

/** A stable key per caller, for caches and rate limits. */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}
