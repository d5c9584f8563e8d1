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

import type {
  IsolationLevel,
  ModeProfileOverride,
  RuntimeModeId,
} from '../types';
import { RUNTIME_MODES } from '../types';
import { DEFAULT_MODE_PROFILES, ModeProfile, ProfileLevel } from './profiles';

const ISOLATION: readonly string[] = ['strong', 'medium', 'weak'];
const LEVELS: readonly string[] = ['low', 'medium', 'high'];
const TEXT_KEYS = [
  'label',
  'example',
  'kubernetesRunsOn',
  'virtualizationLayer',
  'unifiedManagement',
  'isolationNote',
  'resourceUtilisationNote',
  'hardwareCompatibility',
  'operationalComplexityNote',
  'typicalUse',
  'productionMaturity',
] as const;

/** Keys a profile override may set. @public */
export const PROFILE_OVERRIDE_KEYS: readonly string[] = [
  ...TEXT_KEYS,
  'performanceOverhead',
  'performanceOverheadMin',
  'performanceOverheadMax',
  'isolation',
  'resourceUtilisation',
  'operationalComplexity',
];

/**
 * Reads an overhead such as `5%`, `5-15%` or `5–15 %` into min/max percent.
 * @public
 */
export function parseOverheadRange(
  value: string | number,
): { min: number; max: number } | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0
      ? { min: value, max: value }
      : undefined;
  }
  const match = String(value)
    .trim()
    .match(/^(\d+(?:\.\d+)?)\s*%?\s*(?:[-–~]\s*(\d+(?:\.\d+)?)\s*%?)?$/);
  if (!match) {
    return undefined;
  }
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  return max >= min ? { min, max } : undefined;
}

/**
 * Returns why an override value is invalid, or undefined when it is fine.
 * @internal
 */
export function checkProfileOverride(
  key: string,
  value: unknown,
): string | undefined {
  if (!PROFILE_OVERRIDE_KEYS.includes(key)) {
    return `unknown profile key; expected one of ${PROFILE_OVERRIDE_KEYS.join(
      ', ',
    )}`;
  }
  if (key === 'performanceOverhead') {
    return (typeof value === 'string' || typeof value === 'number') &&
      parseOverheadRange(value)
      ? undefined
      : 'expected a percentage such as "5%" or "5-15%"';
  }
  if (key === 'performanceOverheadMin' || key === 'performanceOverheadMax') {
    return typeof value === 'number' && value >= 0
      ? undefined
      : 'expected a number of percent';
  }
  if (key === 'isolation') {
    return ISOLATION.includes(String(value))
      ? undefined
      : 'expected strong, medium or weak';
  }
  if (key === 'resourceUtilisation' || key === 'operationalComplexity') {
    return LEVELS.includes(String(value))
      ? undefined
      : 'expected low, medium or high';
  }
  return typeof value === 'string' ? undefined : 'expected a string';
}

let defaultProfiles: Record<RuntimeModeId, ModeProfile> | undefined;

/**
 * The built-in profiles with an admin's overrides applied. Invalid values
 * are ignored here: readRuntimeModeConfig has rejected them already. Without
 * overrides the result is shared and frozen.
 * @public
 */
export function resolveModeProfiles(
  overrides?: Partial<Record<RuntimeModeId, ModeProfileOverride>>,
): Record<RuntimeModeId, ModeProfile> {
  if (!overrides || Object.keys(overrides).length === 0) {
    // Resolved once: evaluate() runs per component and rules only read profiles.
    if (!defaultProfiles) {
      defaultProfiles = applyOverrides(undefined);
      for (const profile of Object.values(defaultProfiles)) {
        Object.freeze(profile.performanceOverhead);
        Object.freeze(profile);
      }
      Object.freeze(defaultProfiles);
    }
    return defaultProfiles;
  }
  return applyOverrides(overrides);
}

function applyOverrides(
  overrides?: Partial<Record<RuntimeModeId, ModeProfileOverride>>,
): Record<RuntimeModeId, ModeProfile> {
  const result = {} as Record<RuntimeModeId, ModeProfile>;
  for (const mode of RUNTIME_MODES) {
    const profile: ModeProfile = {
      ...DEFAULT_MODE_PROFILES[mode],
      performanceOverhead: {
        ...DEFAULT_MODE_PROFILES[mode].performanceOverhead,
      },
    };
    const override = overrides?.[mode] ?? {};
    for (const [key, value] of Object.entries(override)) {
      if (value === undefined || checkProfileOverride(key, value)) {
        continue;
      }
      if (key === 'performanceOverhead') {
        profile.performanceOverhead = parseOverheadRange(value)!;
      } else if (key === 'performanceOverheadMin') {
        profile.performanceOverhead.min = Number(value);
      } else if (key === 'performanceOverheadMax') {
        profile.performanceOverhead.max = Number(value);
      } else if (key === 'isolation') {
        profile.isolation = value as IsolationLevel;
      } else if (
        key === 'resourceUtilisation' ||
        key === 'operationalComplexity'
      ) {
        profile[key] = value as ProfileLevel;
      } else {
        (profile as unknown as Record<string, unknown>)[key] = String(value);
      }
    }
    result[mode] = profile;
  }
  return result;
}
