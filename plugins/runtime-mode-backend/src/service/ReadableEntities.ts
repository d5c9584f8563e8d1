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
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Answers "which components may this caller read?" by asking the catalog with
 * the caller's own credentials, so the catalog's permission policy decides.
 * The answer is cached briefly per principal: a portfolio page asks several
 * times in a row and 10,000 refs are not free to fetch.
 */
export class ReadableEntities {
  private readonly cache = new Map<
    string,
    { expires: number; refs: Promise<Set<string>> }
  >();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      cacheMs: number;
    },
  ) {}

  /** Refs of all Components the caller may read. */
  async readableComponentRefs(
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const key = principalKey(credentials);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) {
      return hit.refs;
    }
    const refs = this.fetchRefs(credentials);
    this.cache.set(key, { expires: now + this.options.cacheMs, refs });
    refs.catch(() => this.cache.delete(key));
    if (this.cache.size > 1000) {
      for (const [k, v] of this.cache) {
        if (v.expires <= now) this.cache.delete(k);
      }
    }
    return refs;
  }

  /**
   * The entity if the caller may read it. Throws NotFoundError when it does
   * not exist and NotAllowedError when it exists but is hidden from the caller.
   */
  async requireReadable(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (entity) {
      return entity;
    }
    const exists = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (exists) {
      throw new NotAllowedError(`You may not read ${entityRef}`);
    }
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }

  private async fetchRefs(credentials: BackstageCredentials) {
    const refs = new Set<string>();
    for await (const page of this.options.catalog.streamEntities(
      {
        filter: { kind: 'Component' },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    )) {
      for (const entity of page) {
        refs.add(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
      }
    }
    return refs;
  }
}

function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${principal.userEntityRef ?? principal.subject}`;
}
