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
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  readRuntimeModeConfig,
  RuntimeModeConfig,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { hashOf } from './hashing';

/** Everything the backend reads from the `runtimeMode` config key. */
export interface RuntimeModePluginConfig {
  /** The validated engine config (clusters, apiPolicy, profiles, limits). */
  engine: RuntimeModeConfig;
  /** Hash of `engine`: a change re-evaluates every entity at the next refresh. */
  engineHash: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** False disables the scheduled refresh (on-demand refresh still works). */
  scheduleEnabled: boolean;
  /** Upper bound of POST bodies (evaluate, what-if), in bytes. */
  maxRequestBytes: number;
  /** Upper bound of manifest files read per entity. */
  maxFilesPerEntity: number;
  /** How long the set of entities a caller may read is cached, in milliseconds. */
  readableCacheMs: number;
}

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

/** Keys under `runtimeMode` that belong to the backend, not the engine. */
const BACKEND_KEYS = ['schedule', 'api'];

/** Reads and validates `runtimeMode`; a bad value stops the plugin with the engine's clear message. */
export function readPluginConfig(config: Config): RuntimeModePluginConfig {
  const root = config.getOptionalConfig('runtimeMode');
  const raw = { ...((root?.get() as Record<string, unknown>) ?? {}) };
  for (const key of BACKEND_KEYS) {
    delete raw[key];
  }
  const engine = readRuntimeModeConfig(raw);

  const rawSchedule = root?.getOptional('schedule');
  const scheduleEnabled = rawSchedule !== false;
  // Any key left out keeps its default, so `schedule: { frequency: ... }` alone is valid.
  const schedule: SchedulerServiceTaskScheduleDefinition =
    readSchedulerServiceTaskScheduleDefinitionFromConfig(
      new ConfigReader(
        {
          ...DEFAULT_SCHEDULE,
          ...(rawSchedule &&
          typeof rawSchedule === 'object' &&
          !Array.isArray(rawSchedule)
            ? (rawSchedule as JsonObject)
            : {}),
        },
        'runtimeMode.schedule',
      ),
    );

  return {
    engine,
    engineHash: hashOf(engine),
    schedule,
    scheduleEnabled,
    maxRequestBytes:
      root?.getOptionalNumber('api.maxRequestBytes') ?? 5 * 1024 * 1024,
    maxFilesPerEntity: root?.getOptionalNumber('api.maxFilesPerEntity') ?? 200,
    readableCacheMs: root?.getOptionalNumber('api.readableCacheMs') ?? 10_000,
  };
}
