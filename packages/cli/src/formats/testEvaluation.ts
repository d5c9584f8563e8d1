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
  evaluate,
  type EvaluationResult,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** A manifest file with a removed, a deprecated and a current API. */
export const MIXED_MANIFEST = [
  'apiVersion: policy/v1beta1',
  'kind: PodDisruptionBudget',
  'metadata:',
  '  name: web',
  '---',
  'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3',
  'kind: FlowSchema',
  'metadata:',
  '  name: "fair <&> share"',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: settings',
  '',
].join('\n');

/**
 * A real evaluation through the engine: `deploy/app.yaml` holds
 * MIXED_MANIFEST, `deploy/broken.yaml` does not parse, the entity declares
 * no mode (an info finding about the component, in no file) and waives
 * nothing unless `waive` names a rule.
 */
export function evaluateExample(
  options: { waive?: string; target?: string } = {},
): EvaluationResult {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: {
        name: 'web',
        annotations: {
          ...(options.waive
            ? {
                [`runtime-mode.dev/waive.${options.waive}`]:
                  'until=2099-01-01; reason=frozen legacy cluster',
              }
            : {}),
        },
      },
      spec: { lifecycle: 'production' },
    },
    manifests: [
      { path: 'deploy/app.yaml', content: MIXED_MANIFEST },
      { path: 'deploy/broken.yaml', content: 'kind: [unclosed\n' },
    ],
    options: {
      targets: { k8s: options.target ?? '1.29' },
      now: new Date('2026-12-01T00:00:00Z'),
    },
  });
}
