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
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import type { EvaluationResult } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { Knex } from 'knex';
import type {
  EntitySummaryFields,
  EntityWrite,
} from '../database/EvaluationStore';

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

export const OLD_INGRESS = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  backend:
    serviceName: web
    servicePort: 80
`;

export const VIRTUAL_MACHINE = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: legacy-vm
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        devices: {}
        resources:
          requests:
            memory: 1Gi
`;

/** A temporary "repository" with manifests, removed by the returned cleanup. */
export function createManifestTree(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-mode-test-'));
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return {
    root,
    write(file: string, content: string) {
      const full = path.join(root, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, content);
    },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export function component(
  name: string,
  options: {
    root?: string;
    manifests?: string;
    owner?: string;
    system?: string;
    lifecycle?: string;
    title?: string;
    uid?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: options.uid ?? `uid-${name}`,
      ...(options.title ? { title: options.title } : {}),
      annotations: {
        ...(options.root
          ? {
              'backstage.io/managed-by-location': `file:${options.root}/catalog-info.yaml`,
            }
          : {}),
        ...(options.manifests
          ? { 'runtime-mode.dev/manifests': options.manifests }
          : {}),
        ...options.annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: options.lifecycle ?? 'production',
      owner: options.owner ?? 'team-a',
      ...(options.system ? { system: options.system } : {}),
    },
  };
}

function credentialsOf(options: unknown): BackstageCredentials | undefined {
  return (options as { credentials?: BackstageCredentials } | undefined)
    ?.credentials;
}

/** A System entity, for domain lookups. */
export function system(name: string, domain?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default', uid: `uid-system-${name}` },
    spec: { owner: 'team-a', ...(domain ? { domain } : {}) },
  };
}

/** The user the visibility-aware catalog hides entities from. */
export const RESTRICTED_USER = 'user:default/restricted';

function hiddenFor(
  credentials: BackstageCredentials | undefined,
  hidden: Set<string>,
) {
  const principal = credentials?.principal as
    | { userEntityRef?: string }
    | undefined;
  return (entity: Entity | undefined) =>
    entity !== undefined &&
    principal?.userEntityRef === RESTRICTED_USER &&
    hidden.has(stringifyEntityRef(entity));
}

/**
 * An in-memory catalog that behaves like the real one under a permission
 * policy: entities in `hidden` do not exist for {@link RESTRICTED_USER}.
 */
export function visibilityAwareCatalog(
  entities: Entity[],
  hidden: string[] = [],
) {
  const hiddenSet = new Set(hidden);
  const inner = catalogServiceMock({ entities });
  const catalog = catalogServiceMock.mock({
    getEntityByRef: async (ref, options) => {
      const entity = await inner.getEntityByRef(ref);
      const isHidden = hiddenFor(credentialsOf(options), hiddenSet);
      return isHidden(entity) ? undefined : entity;
    },
    getEntitiesByRefs: async (request, options) => {
      const response = await inner.getEntitiesByRefs(request);
      const isHidden = hiddenFor(credentialsOf(options), hiddenSet);
      return {
        items: response.items.map(e => (isHidden(e) ? undefined : e)),
      };
    },
    getEntities: async (request, options) => {
      const response = await inner.getEntities(request);
      const isHidden = hiddenFor(credentialsOf(options), hiddenSet);
      return { items: response.items.filter(e => !isHidden(e)) };
    },
    streamEntities: (request, options) => {
      const isHidden = hiddenFor(credentialsOf(options), hiddenSet);
      return (async function* stream() {
        for await (const page of inner.streamEntities(request)) {
          yield page.filter(e => !isHidden(e));
        }
      })();
    },
  });
  return {
    catalog,
    factory: createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => catalog,
    }),
  };
}

/** A write that stores a result (store tests). */
export function resultWrite(
  summary: EntitySummaryFields,
  result: EvaluationResult,
  options: { inputHash?: string; at?: Date } = {},
): EntityWrite {
  return {
    entityRef: summary.entityRef,
    evaluation: {
      type: 'result',
      summary,
      result,
      inputHash: options.inputHash ?? 'hash',
      evaluatedAt: options.at ?? new Date(),
    },
  };
}

/** A write that marks the stored result stale (store tests). */
export function staleWrite(
  summary: EntitySummaryFields,
  reason: string,
  at: Date = new Date(),
): EntityWrite {
  return {
    entityRef: summary.entityRef,
    evaluation: { type: 'stale', summary, reason, at },
  };
}

/** The summary fields of a component (store tests). */
export function summaryOf(
  name: string,
  fields: Partial<EntitySummaryFields> = {},
): EntitySummaryFields {
  return {
    entityRef: `component:default/${name}`,
    namespace: 'default',
    name,
    ...fields,
  };
}

/**
 * Makes the database itself refuse writes of rows titled `poison`, on SQLite
 * and PostgreSQL alike: a fault only the database sees, as a bad value or a
 * constraint would be in production.
 */
export async function refuseTitle(knex: Knex, title = 'poison') {
  const message = `the test database refuses the title ${title}`;
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE OR REPLACE FUNCTION runtime_mode_test_refuse() RETURNS trigger AS $$
      BEGIN
        IF NEW.title = '${title}' THEN RAISE EXCEPTION '${message}'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await knex.raw(`
      CREATE TRIGGER runtime_mode_test_refuse BEFORE INSERT OR UPDATE
      ON runtime_mode_evaluations FOR EACH ROW
      EXECUTE FUNCTION runtime_mode_test_refuse()`);
    return;
  }
  for (const event of ['INSERT', 'UPDATE']) {
    await knex.raw(`
      CREATE TRIGGER runtime_mode_test_refuse_${event.toLowerCase()}
      BEFORE ${event} ON runtime_mode_evaluations
      WHEN NEW.title = '${title}'
      BEGIN SELECT RAISE(ABORT, '${message}'); END`);
  }
}
