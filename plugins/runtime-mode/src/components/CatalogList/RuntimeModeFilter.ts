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
  UPGRADE_LEVELS,
  type UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { verdictKey } from './VerdictLoader';

/**
 * The modes and upgrade levels chosen in the catalog's entity list.
 *
 * @public
 */
export interface RuntimeModeSelection {
  /** Keep entities in one of these modes; any mode when empty. */
  modes: ModeValue[];
  /** Keep entities at one of these upgrade levels ("does it break at the planned upgrade?"); any when empty. */
  upgradeLevels: UpgradeLevel[];
}

/**
 * A catalog entity-list filter on the stored verdicts: keeps the entities
 * whose verdict has one of the chosen modes (any, when none is chosen) and
 * one of the chosen upgrade levels (any, when none is chosen). An entity
 * without a verdict, or without an upgrade answer when upgrade levels are
 * chosen, never matches an active filter. It filters in the
 * browser, on the verdicts loaded for the entities the list fetched.
 *
 * @public
 */
export class RuntimeModeFilter implements EntityFilter {
  constructor(
    /** The modes and upgrade levels chosen. */
    readonly selection: RuntimeModeSelection,
    private readonly verdicts: ReadonlyMap<string, EntityVerdict>,
  ) {}

  /** Does the entity's verdict match the chosen modes and upgrade levels? */
  filterEntity(entity: Entity): boolean {
    const verdict = this.verdicts.get(verdictKey(stringifyEntityRef(entity)));
    if (!verdict) {
      return false;
    }
    const { modes, upgradeLevels } = this.selection;
    return (
      (modes.length === 0 || modes.includes(verdict.mode)) &&
      (upgradeLevels.length === 0 ||
        (verdict.upgradeLevel !== undefined &&
          upgradeLevels.includes(verdict.upgradeLevel)))
    );
  }

  /** `mode:<mode>` and `upgrade:<level>` values, kept in the page's URL. */
  toQueryValue(): string[] {
    return [
      ...this.selection.modes.map(mode => `mode:${mode}`),
      ...this.selection.upgradeLevels.map(level => `upgrade:${level}`),
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
    upgradeLevels: pick('upgrade:', UPGRADE_LEVELS),
  };
}
