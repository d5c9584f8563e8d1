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

import { evaluate } from '../evaluate';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 3
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api, tier: backend}
    spec:
      containers:
      - name: api
        image: api:1
        readinessProbe: {httpGet: {path: /, port: 80}}
        resources: {requests: {cpu: 100m, memory: 64Mi}}`;

const pdb = (
  apiVersion: string,
  selector: string,
  namespace = 'shop',
) => `apiVersion: ${apiVersion}
kind: PodDisruptionBudget
metadata:
  name: api
  namespace: ${namespace}
spec:
  maxUnavailable: 1
  selector:
${selector}`;

function pdbMissing(...extra: string[]): boolean {
  return evaluate({
    manifests: [
      { path: 'app.yaml', content: [DEPLOYMENT, ...extra].join('\n---\n') },
    ],
    options: { now: new Date('2026-12-01T00:00:00Z') },
  }).findings.some(f => f.id === 'operations-pdb-missing');
}

describe('operations-pdb-missing', () => {
  it('is satisfied by a PodDisruptionBudget that selects the pods with matchExpressions only', () => {
    expect(pdbMissing()).toBe(true);
    expect(
      pdbMissing(
        pdb(
          'policy/v1',
          '    matchExpressions:\n    - {key: tier, operator: In, values: [backend]}',
        ),
      ),
    ).toBe(false);
    expect(
      pdbMissing(
        pdb(
          'policy/v1',
          '    matchExpressions:\n    - {key: tier, operator: NotIn, values: [backend]}',
        ),
      ),
    ).toBe(true);
  });

  it('is satisfied by matchLabels, but not from another namespace', () => {
    expect(pdbMissing(pdb('policy/v1', '    matchLabels: {app: api}'))).toBe(
      false,
    );
    expect(
      pdbMissing(pdb('policy/v1', '    matchLabels: {app: api}', 'billing')),
    ).toBe(true);
  });

  it('reads an empty selector as every pod in policy/v1 and none in policy/v1beta1', () => {
    expect(pdbMissing(pdb('policy/v1', '    {}'))).toBe(false);
    expect(pdbMissing(pdb('policy/v1beta1', '    {}'))).toBe(true);
  });
});
