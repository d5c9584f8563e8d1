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

import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { runtimeModeEvaluatePermission } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { EvaluationService } from '../service/EvaluationService';
import { parseOrThrow, evaluateRequestSchema } from '../service/schemas';
import { toActionFinding, worstFirst } from './actionSchemas';

/** Registers `evaluate-manifests`: an ad-hoc evaluation; nothing is stored. */
export function createEvaluateManifestsAction(options: {
  permissions: PermissionsService;
  evaluations: EvaluationService;
  actionsRegistry: ActionsRegistryService;
}) {
  const { permissions, evaluations, actionsRegistry } = options;
  actionsRegistry.register({
    name: 'evaluate-manifests',
    title:
      'Evaluate Kubernetes manifests for runtime mode and API deprecations',
    description: `Evaluates Kubernetes / KubeVirt manifests given as text, the way the runtime-mode CLI does: decides
the runtime mode from the objects, checks every apiVersion/kind against the deprecation knowledge base for
the given target versions (e.g. {"k8s": "1.32", "kubevirt": "1.6.0"}), and lists readiness concerns.
Components without a target are not judged and the output says so. Nothing is stored; the same input gives
the same output. Requires the runtime-mode.evaluation.run permission.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    visibilityPermission: runtimeModeEvaluatePermission,
    schema: {
      input: z =>
        z.object({
          manifests: z
            .array(
              z.object({
                path: z.string().describe('File name shown in findings'),
                content: z.string().describe('YAML or JSON text'),
              }),
            )
            .min(1)
            .max(500)
            .describe('Manifest files'),
          targets: z
            .record(z.string())
            .optional()
            .describe(
              'Target version per knowledge-base component, e.g. {"k8s": "1.32"}',
            ),
          targetMode: z
            .enum([
              'bare-metal-container',
              'virtualized-container',
              'container-virtualization',
            ])
            .optional()
            .describe('Mode to judge migration readiness against'),
        }),
      output: z =>
        z.object({
          mode: z.string().describe('Runtime mode verdict'),
          level: z.string().describe('Readiness level'),
          score: z.number().nullable().describe('0-100, null when unknown'),
          notJudged: z
            .array(z.string())
            .describe('Components found but not judged (no target given)'),
          findings: z
            .array(
              z.object({
                id: z.string().describe('Rule id'),
                severity: z.string().describe('critical, warning or info'),
                category: z.string().describe('Concern category'),
                message: z.string().describe('What is wrong and why'),
                file: z.string().optional().describe('Manifest file'),
                line: z
                  .number()
                  .optional()
                  .describe('1-based line in the file'),
                remediation: z.string().optional().describe('How to fix it'),
              }),
            )
            .describe('Findings, worst first'),
        }),
    },
    examples: [
      {
        title: 'A PodSecurityPolicy at Kubernetes 1.25',
        input: {
          manifests: [
            {
              path: 'psp.yaml',
              content:
                'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\n',
            },
          ],
          targets: { k8s: '1.25' },
        },
      },
    ],
    action: async ({ input, credentials }) => {
      const [decision] = await permissions.authorize(
        [{ permission: runtimeModeEvaluatePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Permission ${runtimeModeEvaluatePermission.name} is required`,
        );
      }
      const body = parseOrThrow(evaluateRequestSchema, input, 'body');
      const result = evaluations.evaluateAdHoc(body);
      return {
        output: {
          mode: result.mode.value,
          level: result.readiness.level,
          score: result.readiness.score,
          notJudged: result.notJudged,
          findings: worstFirst(result.findings.filter(f => !f.waived)).map(
            toActionFinding,
          ),
        },
      };
    },
  });
}
