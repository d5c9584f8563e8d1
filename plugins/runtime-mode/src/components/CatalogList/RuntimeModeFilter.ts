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

import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { EntityFilter } from '@backstage/plugin-catalog-react';
import {
  type EntityVerdict,
  MODE_VALUES,
  type ModeValue,
  READINESS_LEVELS,
  type ReadinessLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { verdictKey } from './VerdictLoader';

/**
 * The modes and readiness levels chosen in the catalog's entity list.
 *
 * @public
 */
export interface RuntimeModeSelection {
  /** Keep entities in one of these modes; any mode when empty. */
  modes: ModeValue[];
  /** Keep entities at one of these readiness levels; any level when empty. */
  levels: ReadinessLevel[];
}

/**
 * A catalog entity-list filter on the stored verdicts: keeps the entities
 * whose verdict has one of the chosen modes (any, when none is chosen) and
 * one of the chosen readiness levels (any, when none is chosen). An entity
 * without a verdict never matches an active filter. It filters in the
 * browser, on the verdicts loaded for the entities the list fetched.
 *
 * @public
 */
export class RuntimeModeFilter implements EntityFilter {
  constructor(
    /** The modes and levels chosen. */
    readonly selection: RuntimeModeSelection,
    private readonly verdicts: ReadonlyMap<string, EntityVerdict>,
  ) {}

  /** Does the entity's verdict match the chosen modes and levels? */
  filterEntity(entity: Entity): boolean {
    const verdict = this.verdicts.get(verdictKey(stringifyEntityRef(entity)));
    if (!verdict) {
      return false;
    }
    const { modes, levels } = this.selection;
    return (
      (modes.length === 0 || modes.includes(verdict.mode)) &&
      (levels.length === 0 || levels.includes(verdict.level))
    );
  }

  /** `mode:<mode>` and `level:<level>` values, kept in the page's URL. */
  toQueryValue(): string[] {
    return [
      ...this.selection.modes.map(mode => `mode:${mode}`),
      ...this.selection.levels.map(level => `level:${level}`),
    ];
  }
}

/** Reads a selection back from the URL; unknown values are dropped. */
export function selectionFromQuery(value: unknown): RuntimeModeSelection {
  const values = (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
  const pick = <T extends string>(prefix: string, allowed: readonly T[]) =>
    values
      .filter(v => v.startsWith(prefix))
      .map(v => v.slice(prefix.length))
      .filter((v): v is T => (allowed as readonly string[]).includes(v));
  return {
    modes: pick('mode:', MODE_VALUES),
    levels: pick('level:', READINESS_LEVELS),
  };
}
