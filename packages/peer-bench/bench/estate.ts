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

import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The estate both tools are measured on: N Components, each with 3 to 6
 * manifests in its own folder on disk (`<root>/<name>/deploy/*.yaml`),
 * registered from `<root>/<name>/catalog-info.yaml`. The mix is fixed by a
 * seed: Deployments (apps/v1, and the removed extensions/v1beta1), CronJobs
 * (batch/v1, and the removed batch/v1beta1), KubeVirt VirtualMachines
 * (kubevirt.io/v1, and the deprecated v1alpha3; with or without
 * `evictionStrategy: LiveMigrate`), and a ServiceMonitor in most.
 */

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const deployment = (
  name: string,
  apiVersion: string,
) => `apiVersion: ${apiVersion}
kind: Deployment
metadata:
  name: ${name}
  labels: { app: ${name} }
spec:
  replicas: 2
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:2.1.0
          ports: [{ name: http, containerPort: 8080 }]
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
`;

const cronJob = (name: string, apiVersion: string) => `apiVersion: ${apiVersion}
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "30 1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: ${name}
              image: registry.example.com/${name}-job:2.1.0
`;

const virtualMachine = (
  name: string,
  apiVersion: string,
  liveMigrate: boolean,
) => `apiVersion: ${apiVersion}
kind: VirtualMachine
metadata:
  name: ${name}
spec:
  runStrategy: Always
  template:
    spec:${liveMigrate ? '\n      evictionStrategy: LiveMigrate' : ''}
      domain:
        cpu: { cores: 2 }
        memory: { guest: 2Gi }
        devices:
          interfaces: [{ name: default, masquerade: {} }]
      networks: [{ name: default, pod: {} }]
`;

const serviceMonitor = (name: string) => `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: { app: ${name} }
  endpoints: [{ port: http, interval: 30s }]
`;

export interface Estate {
  root: string;
  entities: Entity[];
  files: number;
}

export function componentName(i: number) {
  return `svc-${String(i).padStart(6, '0')}`;
}

/** Writes the estate under `root` and returns its catalog entities. */
export function generateEstate(root: string, count: number, seed = 1): Estate {
  const next = random(seed);
  const entities: Entity[] = [];
  let files = 0;
  for (let i = 0; i < count; i++) {
    const name = componentName(i);
    const dir = path.join(root, name);
    fs.mkdirSync(path.join(dir, 'deploy'), { recursive: true });
    const manifests: string[] = [];
    if (next() < 0.6) manifests.push(serviceMonitor(name));
    const wanted = 3 + Math.floor(next() * 4);
    while (manifests.length < wanted) {
      const pick = next();
      const workload = `${name}-${manifests.length}`;
      if (pick < 0.45) manifests.push(deployment(workload, 'apps/v1'));
      else if (pick < 0.55)
        manifests.push(deployment(workload, 'extensions/v1beta1'));
      else if (pick < 0.62) manifests.push(cronJob(workload, 'batch/v1'));
      else if (pick < 0.67) manifests.push(cronJob(workload, 'batch/v1beta1'));
      else if (pick < 0.9)
        manifests.push(
          virtualMachine(workload, 'kubevirt.io/v1', next() < 0.7),
        );
      else
        manifests.push(
          virtualMachine(workload, 'kubevirt.io/v1alpha3', next() < 0.7),
        );
    }
    manifests.forEach((text, n) =>
      fs.writeFileSync(path.join(dir, 'deploy', `m${n}.yaml`), text),
    );
    files += manifests.length;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        uid: `uid-${name}`,
        annotations: {
          'backstage.io/managed-by-location': `file:${dir}/catalog-info.yaml`,
          'runtime-mode.dev/manifests': 'deploy/',
          'runtime-mode.dev/clusters': i % 3 === 0 ? 'kv-prod' : 'bm-prod',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:default/team-${i % 40}`,
      },
    });
  }
  fs.writeFileSync(path.join(root, 'entities.json'), JSON.stringify(entities));
  return { root, entities, files };
}

/** The entities of an estate written by {@link generateEstate}. */
export function readEstate(root: string): Entity[] {
  return JSON.parse(fs.readFileSync(path.join(root, 'entities.json'), 'utf8'));
}

/** The manifest texts of one component of the estate. */
export function manifestsOf(root: string, name: string): string[] {
  const dir = path.join(root, name, 'deploy');
  return fs
    .readdirSync(dir)
    .sort()
    .map(file => fs.readFileSync(path.join(dir, file), 'utf8'));
}
