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
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EvaluationStore } from '../database/EvaluationStore';
import { EvaluationRefresher } from '../service/EvaluationRefresher';
import { ManifestReader } from '../service/ManifestReader';
import { readPluginConfig } from '../service/readPluginConfig';
import { ESTATE_CLUSTERS, inMemoryCatalog, silentLogger } from './estate';

/**
 * A refresher over an in-memory catalog of `entities`, configured as the
 * plugin would be from `runtimeMode` (the estate's clusters and a k8s 1.34
 * target unless given), for the benchmark and the fault tests.
 */
export function refresherFor(options: {
  entities: Entity[];
  store: EvaluationStore;
  urlReader?: UrlReaderService;
  runtimeMode?: JsonObject;
  logger?: LoggerService;
  /** Slows each entity's read down by this much (to stop a run part-way). */
  readDelayMs?: number;
}): EvaluationRefresher {
  const logger = options.logger ?? silentLogger;
  const config = readPluginConfig(
    new ConfigReader({
      runtimeMode: {
        clusters: ESTATE_CLUSTERS,
        apiPolicy: { targets: { k8s: '1.34' } },
        ...options.runtimeMode,
      },
    }),
  );
  const reader = ManifestReader.fromConfig(config, {
    urlReader: options.urlReader ?? ({} as UrlReaderService),
    logger,
  });
  if (options.readDelayMs) {
    const read = reader.read.bind(reader);
    reader.read = async (...args) => {
      await sleep(options.readDelayMs);
      return read(...args);
    };
  }
  return new EvaluationRefresher({
    catalog: inMemoryCatalog(options.entities),
    auth: {
      getOwnServiceCredentials: async () => ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'service', subject: 'plugin:runtime-mode' },
      }),
    } as any,
    store: options.store,
    reader,
    config,
    logger,
  });
}
