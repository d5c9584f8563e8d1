/* eslint-disable no-console */
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

/*
 * The inputs of the engine benchmark, shared by bench.js and
 * resultDigest.js: the generated estate (one manifest file per component)
 * and the shared corpus, read at run time and never copied into the project.
 */

const fs = require('node:fs');
const path = require('node:path');

function componentManifests(i) {
  const name = `svc-${i}`;
  const docs = [
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: app
        image: registry.example.com/${name}:1.${i % 10}
        ports: [{containerPort: 8080, name: http}]
        readinessProbe: {httpGet: {path: /ready, port: http}}
        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
        env:
        - {name: MODE, value: production}
        - {name: REGION, value: eu-${i % 4}}`,
    `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 80, targetPort: http}]`,
    `apiVersion: ${i % 5 === 0 ? 'policy/v1beta1' : 'policy/v1'}
kind: PodDisruptionBudget
metadata:
  name: ${name}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: ${name}}`,
  ];
  if (i % 4 === 0) {
    docs.push(`apiVersion: ${
      i % 8 === 0 ? 'kubevirt.io/v1alpha3' : 'kubevirt.io/v1'
    }
kind: VirtualMachine
metadata:
  name: ${name}-vm
spec:
  runStrategy: Always
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      evictionStrategy: LiveMigrate
      domain:
        cpu: {cores: 2}
        memory: {guest: 4Gi}
        devices:
          disks: [{name: root, disk: {bus: virtio}}]
          interfaces: [{name: default, masquerade: {}}]
      networks: [{name: default, pod: {}}]
      volumes: [{name: root, dataVolume: {name: ${name}-root}}]`);
    docs.push(`apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  endpoints: [{port: http}]`);
  }
  return [
    {
      path: `estate/${name}/manifests.yaml`,
      content: `${docs.join('\n---\n')}\n`,
    },
  ];
}

function corpusFiles() {
  const dir =
    process.env.RUNTIME_MODE_CORPUS_DIR ??
    path.resolve(__dirname, '../../../../shared/corpus');
  if (!fs.existsSync(dir)) {
    console.warn(`corpus not found at ${dir}: skipping the corpus part`);
    return [];
  }
  const files = [];
  const walk = d => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/i.test(entry.name)) {
        files.push({
          path: path.relative(dir, p),
          content: fs.readFileSync(p, 'utf8'),
        });
      }
    }
  };
  walk(dir);
  return files;
}

module.exports = { componentManifests, corpusFiles };
