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
import type { EvaluationResult } from '@runtime-mode/backstage-plugin-runtime-mode-common';
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
(bare-metal-container, virtualized-container, container-virtualization or unknown), the level and 0-100 score
of all its concerns, and the unwaived findings (deprecated or removed APIs, live-migration blockers, ...).
It answers two questions apart: \`upgrade\` (does it break at the planned upgrade? broken-now means an API
its cluster no longer serves today) and \`migration\` (can it move to the mode planned for it? null when no
move is planned; "n of m checks passing"). \`suggestion\` is the mode that fits its requirements best, a
suggestion only, never a plan.

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
          upgrade: z
            .object({
              level: z
                .string()
                .describe(
                  'clean, deprecated, breaks-at-upgrade, broken-now or unknown',
                ),
              brokenNow: z
                .number()
                .describe('Objects its clusters no longer serve today'),
              breaksAtUpgrade: z
                .number()
                .describe('Objects removed at the planned version'),
              deprecated: z.number().describe('Objects using deprecated APIs'),
              checksPassing: z.number().describe('Judged objects passing'),
              checksTotal: z.number().describe('Objects judged'),
              versions: z
                .array(
                  z.object({
                    component: z
                      .string()
                      .describe('Knowledge-base component, e.g. k8s'),
                    current: z
                      .string()
                      .nullable()
                      .describe('Version its clusters run today'),
                    planned: z
                      .string()
                      .nullable()
                      .describe('Version it is judged at'),
                  }),
                )
                .describe('Versions per component, today and planned'),
            })
            .optional()
            .describe(
              'Does it break at the planned upgrade? Absent for results of older rule sets',
            ),
          migration: z
            .object({
              targetMode: z.string().describe('The mode of the planned move'),
              targetSource: z
                .string()
                .describe('annotation or option: where the plan comes from'),
              level: z.string().describe('Readiness level of the move'),
              checksPassing: z.number().describe('Migration checks passing'),
              checksTotal: z.number().describe('Migration checks that applied'),
              score: z
                .number()
                .nullable()
                .describe('0-100 over the move; null when unknown'),
            })
            .nullable()
            .optional()
            .describe(
              'Can it move to the planned mode? Null when no move is planned',
            ),
          suggestion: z
            .object({
              mode: z.string().describe('The best-fit mode'),
              fitScore: z
                .number()
                .describe('How well it fits the requirements, 0-100 (fit)'),
              reasons: z.array(z.string()).describe('Why, one line each'),
            })
            .nullable()
            .optional()
            .describe(
              'The mode that fits its requirements best, when it is not where it runs; a suggestion, not a plan',
            ),
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
          ...twoQuestionsOf(result),
          findings: (result?.findings ?? [])
            .filter(f => !f.waived)
            .map(toActionFinding),
        },
      };
    },
  });
}

/** The two answers and the suggestion, flattened for the action's output. */
function twoQuestionsOf(result: EvaluationResult | null) {
  const { upgrade, migration, suggestion } = result ?? {};
  return {
    upgrade: upgrade && {
      level: upgrade.level,
      ...upgrade.counts,
      checksPassing: upgrade.checks.passing,
      checksTotal: upgrade.checks.total,
      versions: upgrade.versions,
    },
    migration: migration && {
      targetMode: migration.targetMode,
      targetSource: migration.targetSource,
      level: migration.level,
      checksPassing: migration.checks.passing,
      checksTotal: migration.checks.total,
      score: migration.score,
    },
    suggestion,
  };
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
