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
import type { CatalogService } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A generated estate for the benchmark and the fault tests: components with
 * manifests on disk (file locations, as the example estate has), a
 * Deployment and Service each, a KubeVirt VM for every tenth, a removed
 * Ingress for every twentieth, spread over 120 Systems in 8 domains.
 */

export const deploymentManifest = (
  name: string,
  replicas = 2,
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1.0.0
          resources:
            requests: { cpu: 100m, memory: 128Mi }
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: { app: ${name} }
  ports:
    - port: 80
      targetPort: 8080
`;

export const oldIngressManifest = (
  name: string,
) => `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: ${name}
spec:
  backend:
    serviceName: ${name}
    servicePort: 80
`;

export const virtualMachineManifest = (
  name: string,
) => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: ${name}
spec:
  runStrategy: Always
  template:
    spec:
      evictionStrategy: LiveMigrate
      domain:
        devices: {}
        resources:
          requests: { memory: 2Gi }
`;

/** The clusters the generated components run on, as `runtimeMode.clusters`. */
export const ESTATE_CLUSTERS = [
  { name: 'bm', mode: 'bare-metal-container', kubernetesVersion: '1.31' },
  { name: 'tanzu', mode: 'virtualized-container', kubernetesVersion: '1.29' },
  {
    name: 'kv',
    mode: 'container-virtualization',
    kubernetesVersion: '1.32',
    kubevirtVersion: '1.5.0',
    hardwareVirtualization: true,
  },
];

export function estateComponentName(i: number) {
  return `svc-${String(i).padStart(5, '0')}`;
}

/** Writes component `i`'s main manifest; `revision` makes a changed copy. */
export function writeEstateManifest(root: string, i: number, revision = 0) {
  const name = estateComponentName(i);
  const body =
    i % 10 === 3 ? virtualMachineManifest(name) : deploymentManifest(name);
  fs.writeFileSync(
    path.join(root, name, 'deploy', 'app.yaml'),
    revision ? `${body}# revision ${revision}\n` : body,
  );
}

/** Writes `count` components and 120 Systems to `root`; returns the catalog entities. */
export function generateEstate(root: string, count: number): Entity[] {
  const entities: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const name = estateComponentName(i);
    fs.mkdirSync(path.join(root, name, 'deploy'), { recursive: true });
    writeEstateManifest(root, i);
    if (i % 20 === 7) {
      fs.writeFileSync(
        path.join(root, name, 'deploy', 'ingress.yaml'),
        oldIngressManifest(name),
      );
    }
    let cluster = 'bm';
    if (i % 10 === 3) cluster = 'kv';
    else if (i % 3 === 0) cluster = 'tanzu';
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        uid: `uid-${name}`,
        title: `Service ${i}`,
        annotations: {
          'backstage.io/managed-by-location': `file:${path.join(
            root,
            name,
          )}/catalog-info.yaml`,
          'runtime-mode.dev/manifests': 'deploy/',
          'runtime-mode.dev/clusters': cluster,
        },
      },
      spec: {
        type: 'service',
        lifecycle: i % 4 === 0 ? 'experimental' : 'production',
        owner: `team-${i % 40}`,
        system: `system-${i % 120}`,
      },
    });
  }
  for (let s = 0; s < 120; s++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${s}`, namespace: 'default' },
      spec: { owner: `team-${s % 40}`, domain: `domain-${s % 8}` },
    });
  }
  return entities;
}

/** The slice of CatalogService the refresher and the router use, served from memory, 500 per page. */
export function inMemoryCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(
    entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
  );
  const ofKind = (kind?: unknown) => {
    const kinds = (Array.isArray(kind) ? kind : [kind]).map(k =>
      String(k).toLocaleLowerCase('en-US'),
    );
    return entities.filter(
      e => !kind || kinds.includes(e.kind.toLocaleLowerCase('en-US')),
    );
  };
  return {
    async getEntityByRef(ref: string) {
      return byRef.get(ref.toLocaleLowerCase('en-US'));
    },
    async getEntities(request?: { filter?: Record<string, unknown> }) {
      return { items: ofKind(request?.filter?.kind) };
    },
    async getEntitiesByRefs(request: { entityRefs: string[] }) {
      return {
        items: request.entityRefs.map(ref =>
          byRef.get(ref.toLocaleLowerCase('en-US')),
        ),
      };
    },
    async *streamEntities(request?: { filter?: Record<string, unknown> }) {
      const items = ofKind(request?.filter?.kind);
      for (let i = 0; i < items.length; i += 500) {
        yield items.slice(i, i + 500);
      }
    },
  } as unknown as CatalogService;
}

/** A logger that drops everything (benchmarks, child processes). */
export const silentLogger: any = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silentLogger;
  },
};
