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
import { AllowedRepositories } from './manifests/AllowedRepositories';
import { DEFAULT_MAX_BYTES_PER_ENTITY } from './ManifestReader';

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
  /** Forced refreshes (POST .../refresh) one caller may start per minute. */
  forcedRefreshesPerMinute: number;
  /** Repositories outside an entity's own whose manifests may be read (host/owner/repo globs). */
  allowedRepositories: string[];
  /** Bytes of manifests kept per entity. */
  maxBytesPerEntity: number;
  /** Bytes of manifests one refresh run may download. */
  maxBytesPerRun: number;
  /** History rows older than this many days are deleted (each entity's latest row stays). */
  historyRetentionDays: number;
  /**
   * Schedule of the frequent catalog pass that evaluates new and edited
   * Components (runs once across replicas); undefined when turned off.
   */
  catalogChanges?: SchedulerServiceTaskScheduleDefinition;
  /** Whether SCM push events (events backend + an SCM events module) refresh the entities they touch. */
  pushEvents: boolean;
  /** Whether owners get a Backstage notification when their component gets worse. */
  notificationsEnabled: boolean;
  /** The portal's address (`app.baseUrl`), for links to components in exports; undefined when not configured. */
  appBaseUrl?: string;
}

const DEFAULT_SCHEDULE = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

const DEFAULT_CATALOG_CHANGES = {
  frequency: { seconds: 20 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 15 },
};

/** Keys under `runtimeMode` that belong to the backend, not the engine. */
const BACKEND_KEYS = [
  'schedule',
  'api',
  'manifests',
  'history',
  'catalogChanges',
  'pushEvents',
];

const MIB = 1024 * 1024;

/** A whole number of at least `min`, or the default; anything else stops the plugin with the key's name. */
function readCount(
  root: Config | undefined,
  key: string,
  fallback: number,
  min = 1,
): number {
  const value = root?.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < min) {
    throw new Error(
      `Invalid config at runtimeMode.${key}: expected a whole number of at least ${min}, got ${value}`,
    );
  }
  return value;
}

/**
 * A task schedule under `runtimeMode.<key>`, or undefined when the key is
 * `false`. Any key left out keeps its default, so `{ frequency: ... }` alone
 * is valid.
 */
function readSchedule(
  root: Config | undefined,
  key: string,
  defaults: JsonObject,
): SchedulerServiceTaskScheduleDefinition | undefined {
  const raw = root?.getOptional(key);
  if (raw === false) return undefined;
  return readSchedulerServiceTaskScheduleDefinitionFromConfig(
    new ConfigReader(
      {
        ...defaults,
        ...(raw && typeof raw === 'object' && !Array.isArray(raw)
          ? (raw as JsonObject)
          : {}),
      },
      `runtimeMode.${key}`,
    ),
  );
}

/** Reads and validates `runtimeMode`; a bad value stops the plugin with the engine's clear message. */
export function readPluginConfig(config: Config): RuntimeModePluginConfig {
  const root = config.getOptionalConfig('runtimeMode');
  const raw = { ...((root?.get() as Record<string, unknown>) ?? {}) };
  for (const key of BACKEND_KEYS) {
    delete raw[key];
  }
  const engine = readRuntimeModeConfig(raw);

  const schedule = readSchedule(root, 'schedule', DEFAULT_SCHEDULE);

  return {
    engine,
    engineHash: hashOf(engine),
    schedule:
      schedule ?? readSchedule(undefined, 'schedule', DEFAULT_SCHEDULE)!,
    scheduleEnabled: schedule !== undefined,
    maxRequestBytes: readCount(root, 'api.maxRequestBytes', 5 * MIB),
    maxFilesPerEntity: readCount(root, 'api.maxFilesPerEntity', 200),
    readableCacheMs: readCount(root, 'api.readableCacheMs', 10_000, 0),
    forcedRefreshesPerMinute: readCount(
      root,
      'api.forcedRefreshesPerMinute',
      6,
    ),
    allowedRepositories: AllowedRepositories.validate(
      root?.getOptionalStringArray('manifests.allowedRepositories') ?? [],
      'runtimeMode.manifests.allowedRepositories',
    ),
    maxBytesPerEntity: readCount(
      root,
      'manifests.maxBytesPerEntity',
      DEFAULT_MAX_BYTES_PER_ENTITY,
    ),
    maxBytesPerRun: readCount(root, 'manifests.maxBytesPerRun', 512 * MIB),
    historyRetentionDays: readCount(root, 'history.retentionDays', 400),
    catalogChanges: readSchedule(
      root,
      'catalogChanges',
      DEFAULT_CATALOG_CHANGES,
    ),
    pushEvents: root?.getOptionalBoolean('pushEvents') ?? true,
    notificationsEnabled:
      root?.getOptionalBoolean('notifications.enabled') ?? true,
    appBaseUrl: config.getOptionalString('app.baseUrl'),
  };
}
