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
import { ConflictError, InputError } from '@backstage/errors';
import {
  evaluate,
  EvaluationInput,
  EvaluationResult,
  StoredEvaluation,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { EvaluationStore } from '../database/EvaluationStore';
import { RuntimeModePluginConfig } from './readPluginConfig';
import { EvaluateBody, WhatIfBody } from './schemas';
import { toEngineEntity } from './entitySummary';

/** Reads stored results and runs the engine for what-if and ad-hoc requests (never stored). */
export class EvaluationService {
  constructor(
    private readonly store: EvaluationStore,
    private readonly config: RuntimeModePluginConfig,
  ) {}

  async getStored(entityRef: string): Promise<StoredEvaluation> {
    const stored = await this.store.getEvaluation(entityRef);
    if (!stored) {
      return { entityRef, status: 'pending', result: null };
    }
    return {
      entityRef,
      status: stored.status,
      ...(stored.staleReason ? { staleReason: stored.staleReason } : {}),
      ...(stored.evaluatedAt ? { evaluatedAt: stored.evaluatedAt } : {}),
      result: stored.result,
    };
  }

  /** Re-evaluates the stored manifests of an entity against other targets. */
  async whatIf(entity: Entity, body: WhatIfBody): Promise<EvaluationResult> {
    const engineEntity = toEngineEntity(entity);
    const entityRef =
      `component:${engineEntity.metadata.namespace}/${engineEntity.metadata.name}`.toLocaleLowerCase(
        'en-US',
      );
    const sources = await this.store.getSources(entityRef);
    if (!sources) {
      throw new ConflictError(
        `The manifests of ${entityRef} have not been read yet; refresh it first (POST .../refresh)`,
      );
    }
    return evaluateOrInputError({
      entity: engineEntity,
      manifests: sources.records.flatMap(r =>
        r.manifests.map(m => ({ path: m.path, content: m.content })),
      ),
      // What the stored result was judged with: refused, missing or cut sources.
      sourceFindings: sources.records.flatMap(r => r.findings),
      config: this.config.engine,
      options: { targets: body.targets, targetMode: body.targetMode },
    });
  }

  evaluateAdHoc(body: EvaluateBody): EvaluationResult {
    return evaluateOrInputError({
      entity: body.entity
        ? {
            kind: body.entity.kind ?? 'Component',
            metadata: body.entity.metadata,
            spec: body.entity.spec,
          }
        : undefined,
      manifests: body.manifests,
      config: this.config.engine,
      options: { targets: body.targets, targetMode: body.targetMode },
    });
  }
}

/** Bad targets in a request are the caller's mistake: a 400 with the engine's message, not a 500. */
function evaluateOrInputError(input: EvaluationInput): EvaluationResult {
  try {
    return evaluate(input);
  } catch (error) {
    const name = (error as Error)?.name;
    if (
      name === 'RuntimeModeTargetError' ||
      name === 'RuntimeModeConfigError'
    ) {
      throw new InputError((error as Error).message);
    }
    throw error;
  }
}
