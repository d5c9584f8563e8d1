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

import { AuthService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotAllowedError } from '@backstage/errors';
import { EvaluationService } from '../service/EvaluationService';
import { ReadableEntities } from '../service/ReadableEntities';
import { toActionFinding } from './actionSchemas';

/** Registers `get-entity-evaluation`: the stored evaluation of one component. */
export function createGetEntityEvaluationAction(options: {
  auth: AuthService;
  readable: ReadableEntities;
  evaluations: EvaluationService;
  actionsRegistry: ActionsRegistryService;
}) {
  const { auth, readable, evaluations, actionsRegistry } = options;
  actionsRegistry.register({
    name: 'get-entity-evaluation',
    title: 'Get the runtime mode evaluation of a component',
    description: `Returns the stored Runtime Mode evaluation of one catalog Component: the runtime mode it runs in
(bare-metal-container, virtualized-container, container-virtualization or unknown), its migration readiness
level and 0-100 score, and the unwaived findings (deprecated or removed APIs, live-migration blockers, ...).

The result is read from storage: it does not evaluate anything. \`status\` says whether it is fresh, stale
(with the reason) or pending (never evaluated). Only components the caller may read in the catalog are returned.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity ref of the component, e.g. component:default/checkout (kind and namespace may be omitted)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string().describe('The normalised entity ref'),
          status: z
            .enum(['fresh', 'stale', 'pending'])
            .describe('Freshness of the stored result'),
          staleReason: z
            .string()
            .optional()
            .describe('Why the result is stale'),
          evaluatedAt: z
            .string()
            .optional()
            .describe('ISO timestamp of the evaluation'),
          mode: z.string().optional().describe('Runtime mode verdict'),
          level: z.string().optional().describe('Readiness level'),
          score: z
            .number()
            .nullable()
            .optional()
            .describe('0-100, null when unknown'),
          ruleSetVersion: z
            .string()
            .optional()
            .describe('Rule-set version that produced the result'),
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
            .describe('Unwaived findings, worst first'),
        }),
    },
    examples: [
      {
        title: 'A component by short name',
        input: { entityRef: 'checkout' },
      },
    ],
    action: async ({ input, credentials }) => {
      if (
        !auth.isPrincipal(credentials, 'user') &&
        !auth.isPrincipal(credentials, 'service')
      ) {
        throw new NotAllowedError(
          'Only users and services may read evaluations',
        );
      }
      const entityRef = normaliseRef(input.entityRef);
      await readable.requireReadable(entityRef, credentials);
      const stored = await evaluations.getStored(entityRef);
      const result = stored.result;
      return {
        output: {
          entityRef,
          status: stored.status,
          staleReason: stored.staleReason,
          evaluatedAt: stored.evaluatedAt,
          mode: result?.mode.value,
          level: result?.readiness.level,
          score: result?.readiness.score,
          ruleSetVersion: result?.ruleSetVersion,
          findings: (result?.findings ?? [])
            .filter(f => !f.waived)
            .map(toActionFinding),
        },
      };
    },
  });
}

function normaliseRef(value: string): string {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!match) {
    throw new InputError(
      `'${value}' is not an entity ref; use component:<namespace>/<name>`,
    );
  }
  const [, kind = 'component', namespace = 'default', name] = match;
  if (kind.toLocaleLowerCase('en-US') !== 'component') {
    throw new InputError(`Only components are evaluated, not ${kind}`);
  }
  return `component:${namespace}/${name}`.toLocaleLowerCase('en-US');
}
