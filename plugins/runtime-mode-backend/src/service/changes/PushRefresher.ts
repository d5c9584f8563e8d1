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

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { EventParams } from '@backstage/plugin-events-node';
import { EvaluationStore } from '../../database/EvaluationStore';
import { EvaluationRefresher, READ_CONCURRENCY } from '../EvaluationRefresher';
import { mapUntilAborted } from '../mapUntilAborted';
import { pushesOf, RepositoryPush, UnreadablePushError } from './pushEvents';
import { isTouchedBy } from './watchedLocations';

/** Queued pushes taken at a time. */
const PUSHES_PER_ROUND = 20;
/** Entities fetched from the catalog at a time. */
const CHUNK = 200;
/** Stored sources indexed at a time (once, after an upgrade). */
const INDEX_CHUNK = 200;

/** What one run of the push task did. */
export interface PushRunStats {
  pushes: number;
  /** Entities whose manifests the pushes touched, each refreshed once per push. */
  entities: number;
  aborted: boolean;
}

/**
 * Refreshes exactly the entities whose manifests a push touched. Events
 * arrive on whichever replica received the webhook; they are only queued
 * there (one row per distinct push, so a redelivery or a second replica
 * adds nothing) and the queue is worked off by one task across replicas.
 * Each entity goes through the on-demand refresh, which joins concurrent
 * requests for the same entity.
 */
export class PushRefresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: EvaluationStore;
      refresher: EvaluationRefresher;
      logger: LoggerService;
      /** Asks for the queue to be worked off now (the scheduler's trigger). */
      requestRun: () => Promise<void>;
    },
  ) {}

  /** Events system handler: queues the event's pushes and asks for a run. */
  async onEvent(event: EventParams): Promise<void> {
    const { store, logger } = this.options;
    let pushes: RepositoryPush[];
    try {
      pushes = pushesOf(event.topic, event.eventPayload);
    } catch (error) {
      if (error instanceof UnreadablePushError) {
        logger.warn(error.message);
        return;
      }
      throw error;
    }
    let queued = 0;
    for (const push of pushes) {
      if (await store.enqueuePush(push)) queued += 1;
    }
    if (!queued) return;
    try {
      await this.options.requestRun();
    } catch (error) {
      // Running already, or the scheduler is busy: the task's next tick
      // (at most a minute away) takes the push from the queue.
      logger.debug(
        `Runtime mode push task not triggered: ${stringifyError(error)}`,
      );
    }
  }

  /** The task: works off the queue, oldest push first. */
  async run(options: { signal?: AbortSignal } = {}): Promise<PushRunStats> {
    const { store, logger } = this.options;
    const { signal } = options;
    const stats: PushRunStats = { pushes: 0, entities: 0, aborted: false };
    // Sources stored before locations were kept are indexed first, once.
    while (
      !signal?.aborted &&
      (await store.indexWatchedLocations(INDEX_CHUNK))
    );
    while (!signal?.aborted) {
      const queued = await store.nextPushes(PUSHES_PER_ROUND);
      if (!queued.length) break;
      for (const { queueId, push } of queued) {
        const refs = await this.touchedEntities(push);
        await this.refresh(refs, signal);
        if (signal?.aborted) break;
        // Removed only once handled: a run cut short handles it again.
        await store.removePush(queueId);
        stats.pushes += 1;
        stats.entities += refs.length;
        logger.info(
          `Runtime mode refreshed ${refs.length} components after a push to ${
            push.repository
          } (${push.refs.join(', ')})`,
        );
      }
    }
    stats.aborted = Boolean(signal?.aborted);
    return stats;
  }

  /** Entities with a stored source that the push may have changed. */
  private async touchedEntities(push: RepositoryPush): Promise<string[]> {
    const locations = await this.options.store.listWatchedLocations(
      push.repository,
    );
    return [
      ...new Set(
        locations.filter(l => isTouchedBy(l, push)).map(l => l.entityRef),
      ),
    ].sort();
  }

  private async refresh(refs: string[], signal?: AbortSignal) {
    const { catalog, auth, refresher } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    for (let i = 0; i < refs.length && !signal?.aborted; i += CHUNK) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + CHUNK) },
        { credentials },
      );
      await mapUntilAborted(
        items.flatMap(e => (e ? [e] : [])),
        READ_CONCURRENCY,
        signal,
        entity => refresher.refreshEntityAfterChange(entity),
      );
    }
  }
}
