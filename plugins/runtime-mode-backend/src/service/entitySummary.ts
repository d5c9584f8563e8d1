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
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { EntityLike } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { EntitySummaryFields } from '../database/EvaluationStore';
import { hashOf } from './hashing';

/**
 * Catalog kinds, namespaces and names are at most 63 characters, so a longer
 * ref names no entity: it is dropped rather than stored (and indexed).
 */
const MAX_REF_LENGTH = 255;

function boundedRef(ref: string | undefined): string | undefined {
  return ref && ref.length <= MAX_REF_LENGTH ? ref : undefined;
}

function refOrUndefined(
  value: unknown,
  defaultKind: string,
  namespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  try {
    return boundedRef(
      stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
      ).toLocaleLowerCase('en-US'),
    );
  } catch {
    return undefined;
  }
}

/** The stringified, lower-cased ref used as the store key. */
export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** The System a component is part of, as a lower-case ref. */
export function systemRefOf(entity: Entity): string | undefined {
  const namespace = entity.metadata.namespace ?? 'default';
  const relation = entity.relations?.find(
    r => r.type === RELATION_PART_OF && r.targetRef.startsWith('system:'),
  )?.targetRef;
  return (
    boundedRef(relation) ??
    refOrUndefined(
      (entity.spec as Record<string, unknown> | undefined)?.system,
      'system',
      namespace,
    )
  );
}

/** The catalog fields kept next to each result for portfolio filters. */
export function summarizeEntity(
  entity: Entity,
  systemDomains: Map<string, string | undefined>,
): EntitySummaryFields {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ownerRelation = entity.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  const system = systemRefOf(entity);
  return {
    entityRef: entityRefOf(entity),
    entityUid: entity.metadata.uid,
    namespace,
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner:
      boundedRef(ownerRelation) ??
      refOrUndefined(spec.owner, 'group', namespace),
    system,
    domain: system ? systemDomains.get(system) : undefined,
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
  };
}

/** The parts of a catalog entity the engine reads. */
export function toEngineEntity(entity: Entity): EntityLike {
  return {
    kind: entity.kind,
    metadata: {
      name: entity.metadata.name,
      namespace: entity.metadata.namespace ?? 'default',
      annotations: entity.metadata.annotations,
    },
    spec: entity.spec as EntityLike['spec'],
  };
}

/**
 * Hash of what an evaluation depends on in the entity (annotations, spec,
 * owner/system/domain): catalog bookkeeping such as etags does not count.
 */
export function entityHashOf(
  entity: Entity,
  summary: EntitySummaryFields,
): string {
  return hashOf({ engine: toEngineEntity(entity), summary });
}

/** Domain of each system, from System entities. */
export function systemDomainsOf(systems: Entity[]) {
  const domains = new Map<string, string | undefined>();
  for (const system of systems) {
    const namespace = system.metadata.namespace ?? 'default';
    domains.set(
      entityRefOf(system),
      refOrUndefined(
        (system.spec as Record<string, unknown> | undefined)?.domain,
        'domain',
        namespace,
      ),
    );
  }
  return domains;
}
