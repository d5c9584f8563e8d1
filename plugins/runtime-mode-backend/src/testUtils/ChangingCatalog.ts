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

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { hashOf } from '../service/hashing';

/**
 * A catalog whose Components can be registered and edited while the backend
 * runs; like the real one it stamps each version of an entity with a new
 * `metadata.etag`.
 */
export class ChangingCatalog {
  private readonly entities = new Map<string, Entity>();

  set(entity: Entity) {
    const { etag: _, ...metadata } = entity.metadata;
    const stamped = {
      ...entity,
      metadata: { ...metadata, etag: hashOf({ ...entity, metadata }) },
    };
    this.entities.set(
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      stamped,
    );
  }

  get(name: string) {
    return this.entities.get(`component:default/${name}`)!;
  }

  readonly service = {
    streamEntities: async function* stream(this: ChangingCatalog) {
      yield [...this.entities.values()];
    }.bind(this),
    getEntities: async () => ({ items: [...this.entities.values()] }),
    getEntitiesByRefs: async (request: { entityRefs: string[] }) => ({
      items: request.entityRefs.map(ref => this.entities.get(ref)),
    }),
  } as unknown as CatalogService;
}
