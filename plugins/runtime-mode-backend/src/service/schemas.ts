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

import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import {
  BLAST_RADIUS_STATUSES,
  CONCERN_CATEGORIES,
  MAX_VERDICT_REFS,
  MODE_VALUES,
  PORTFOLIO_GROUP_BYS,
  PORTFOLIO_HEATMAP_BYS,
  PORTFOLIO_SORT_FIELDS,
  READINESS_LEVELS,
  RUNTIME_MODES,
  UPGRADE_LEVELS,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * A whole number written in decimal digits. `z.coerce.number()` alone would
 * also take `0x10`, `1e3` or ` 7 `, which no client means.
 */
function wholeNumber(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^\d+$/, 'must be a whole number written in digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(String(fallback));
}

/** Turns zod issues into one readable sentence per bad parameter. */
export function parseOrThrow<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  where: 'path' | 'query' | 'body',
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const messages = parsed.error.issues.map(issue => {
    const name = issue.path.length ? issue.path.join('.') : where;
    return `${where} parameter '${name}': ${issue.message}`;
  });
  throw new InputError(`Invalid request: ${messages.join('; ')}`);
}

/** A list parameter: `?owner=a&owner=b` or `?owner=a,b`. */
function listOf<T extends [string, ...string[]]>(values?: T) {
  const item = values ? z.enum(values) : z.string().min(1).max(255);
  return z
    .union([z.string(), z.array(z.string())])
    .transform(v =>
      (Array.isArray(v) ? v : [v])
        .flatMap(s => s.split(','))
        .map(s => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(100))
    .optional();
}

const nameSegment = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be an entity name or namespace');

export const entityParamsSchema = z
  .object({
    namespace: nameSegment,
    kind: z
      .string()
      .regex(/^component$/i, "only kind 'component' is evaluated"),
    name: nameSegment,
  })
  .transform(p => ({
    entityRef: `component:${p.namespace}/${p.name}`.toLocaleLowerCase('en-US'),
  }));

export const historyQuerySchema = z
  .object({
    limit: wholeNumber(1, 1000, 100),
  })
  .strict();

const filterShape = {
  owner: listOf(),
  system: listOf(),
  domain: listOf(),
  lifecycle: listOf(),
  mode: listOf([...MODE_VALUES]),
  level: listOf([...READINESS_LEVELS]),
  category: listOf([...CONCERN_CATEGORIES]),
  q: z.string().max(200).optional(),
  upgradeLevel: listOf([...UPGRADE_LEVELS]),
  migration: z.enum(['planned', 'none']).optional(),
  migrationLevel: listOf([...READINESS_LEVELS]),
};

const sortShape = {
  sort: z.enum(PORTFOLIO_SORT_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
};

export const portfolioQuerySchema = z
  .object({
    ...filterShape,
    groupBy: z.enum(PORTFOLIO_GROUP_BYS).default('owner'),
    heatmapBy: z.enum(PORTFOLIO_HEATMAP_BYS).default('readiness'),
    page: wholeNumber(1, 100_000, 1),
    pageSize: wholeNumber(1, 500, 25),
    ...sortShape,
    trendDays: wholeNumber(1, 365, 30),
  })
  .strict();

export const exportQuerySchema = z
  .object({
    ...filterShape,
    ...sortShape,
    format: z.enum(['csv', 'json']).default('json'),
  })
  .strict();

const componentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'must be a knowledge-base component id, e.g. k8s');

const releaseNumber = z
  .string()
  .regex(
    /^v?\d+\.\d+(\.\d+)?$/,
    'must be a release number such as 1.32 or 1.6.0',
  )
  .transform(v => v.replace(/^v/, ''));

/** A cluster name as `runtimeMode.clusters` spells it (whether it is configured is checked later). */
const clusterName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a cluster name');

export const blastRadiusQuerySchema = z
  .object({
    ...filterShape,
    component: componentId,
    version: releaseNumber,
    cluster: clusterName.optional(),
    page: wholeNumber(1, 100_000, 1),
    pageSize: wholeNumber(1, 1000, 500),
    status: listOf([...BLAST_RADIUS_STATUSES]),
  })
  .strict();

export const verdictsQuerySchema = z
  .object({
    cursor: z
      .string()
      .min(1)
      .max(600)
      .regex(
        /^component:[^/]+\/.+$/,
        'must be a nextCursor from a previous page',
      )
      .optional(),
    limit: wholeNumber(1, 500, 100),
  })
  .strict();

/** A route that takes no query parameter: an unexpected one is a mistake worth saying. */
export const emptyQuerySchema = z.object({}).strict();

export const clusterParamsSchema = z.object({ name: clusterName });

export const clusterUpgradeQuerySchema = z
  .object({
    component: componentId,
    version: releaseNumber,
    page: wholeNumber(1, 100_000, 1),
    pageSize: wholeNumber(1, 1000, 100),
  })
  .strict();

const targetsSchema = z
  .record(
    z.string().regex(/^[a-z0-9-]+$/, 'must be a component id such as k8s'),
    z
      .string()
      .regex(/^v?\d+\.\d+(\.\d+)?$/, 'must be a release number such as 1.32'),
  )
  .optional();

export const whatIfRequestSchema = z
  .object({
    targets: targetsSchema,
    targetMode: z.enum(RUNTIME_MODES).optional(),
  })
  .strict();

export const evaluateRequestSchema = z
  .object({
    manifests: z
      .array(
        z
          .object({
            path: z.string().min(1).max(1024),
            content: z.string(),
          })
          .strict(),
      )
      .min(1, 'at least one manifest is required')
      .max(500),
    entity: z
      .object({
        kind: z.string().optional(),
        metadata: z
          .object({
            name: z.string().min(1).max(253),
            namespace: z.string().max(253).optional(),
            annotations: z.record(z.string()).optional(),
          })
          .passthrough(),
        spec: z.record(z.unknown()).optional(),
      })
      .passthrough()
      .optional(),
    targets: targetsSchema,
    targetMode: z.enum(RUNTIME_MODES).optional(),
  })
  .strict();

export type PortfolioQuery = z.infer<typeof portfolioQuerySchema>;
export type ExportQuery = z.infer<typeof exportQuerySchema>;
/** The filters every portfolio route takes. */
export type FilterQuery = Pick<ExportQuery, keyof typeof filterShape>;
/** How rows are ordered (portfolio and export). */
export type SortQuery = Pick<ExportQuery, keyof typeof sortShape>;
export type BlastRadiusQuery = z.infer<typeof blastRadiusQuerySchema>;
export type ClusterUpgradeQuery = z.infer<typeof clusterUpgradeQuerySchema>;
export type WhatIfBody = z.infer<typeof whatIfRequestSchema>;
export type EvaluateBody = z.infer<typeof evaluateRequestSchema>;

/**
 * POST /v1/verdicts/by-refs: a bounded list of entity refs, each normalised
 * to the catalog's lower-cased `kind:namespace/name`.
 */
export const verdictsByRefsRequestSchema = z
  .object({
    entityRefs: z
      .array(
        z
          .string()
          .max(600)
          .transform((value, ctx) => {
            try {
              return stringifyEntityRef(
                parseEntityRef(value),
              ).toLocaleLowerCase('en-US');
            } catch {
              ctx.addIssue({
                code: z.ZodIssueCode.custom,
                message: `'${value.slice(
                  0,
                  80,
                )}' is not an entity ref such as component:default/name`,
              });
              return z.NEVER;
            }
          }),
      )
      .max(
        MAX_VERDICT_REFS,
        `at most ${MAX_VERDICT_REFS} entity refs per request`,
      ),
  })
  .strict();
