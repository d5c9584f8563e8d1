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
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EvaluationStore } from '../../database/EvaluationStore';
import { entityRefOf } from '../entitySummary';
import { EvaluationRefresher } from '../EvaluationRefresher';

/** Entities fetched from the catalog at a time. */
const CHUNK = 200;
/**
 * More changed entities than this in one pass are left to the full refresh
 * (when one is scheduled), which reads them in batches anyway: at start-up
 * the two would otherwise read the same new entities twice.
 */
const MAX_EVALUATIONS_PER_PASS = 200;
/** The fields of a Component that tell whether it changed. */
const MARK_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.etag',
];

/** What one catalog pass found and did. */
export interface CatalogPassStats {
  /** Components whose catalog etag moved since they were last checked (or that were never checked). */
  moved: number;
  /** Of those, the ones whose evaluation inputs changed: read and evaluated, or left to the full refresh. */
  changed: number;
  evaluated: number;
  /** True when the changed ones were handed to the full refresh. */
  handedToFullRefresh: boolean;
  aborted: boolean;
}

/**
 * The frequent, cheap pass over the catalog that gets new and edited
 * Components evaluated within a minute, between full refreshes. The catalog
 * stamps every change of an entity with a new `metadata.etag`: the pass
 * lists only the etags of all Components, fetches the few whose etag moved,
 * and reads manifests only for those whose evaluation inputs changed (entity
 * hash). An unchanged catalog costs one paged query of four fields per
 * Component and no SCM request.
 */
export class CatalogChanges {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: EvaluationStore;
      refresher: EvaluationRefresher;
      logger: LoggerService;
      /**
       * Asks for the full refresh to run now; false when none is scheduled
       * (`runtimeMode.schedule: false`).
       */
      requestFullRefresh: () => Promise<boolean>;
    },
  ) {}

  async run(options: { signal?: AbortSignal } = {}): Promise<CatalogPassStats> {
    const { signal } = options;
    const stats: CatalogPassStats = {
      moved: 0,
      changed: 0,
      evaluated: 0,
      handedToFullRefresh: false,
      aborted: false,
    };
    const moved = await this.movedRefs();
    stats.moved = moved.length;
    const { changed, unchanged } = await this.fetchChanged(moved, signal);
    stats.changed = changed.length;
    if (
      changed.length > MAX_EVALUATIONS_PER_PASS &&
      (await this.options.requestFullRefresh())
    ) {
      stats.handedToFullRefresh = true;
      await this.mark(unchanged);
      this.options.logger.info(
        `Runtime mode: ${changed.length} changed components are left to the full refresh`,
      );
      return stats;
    }
    const pass = await this.options.refresher.refreshEntities(changed, {
      signal,
    });
    stats.evaluated = pass.counts.evaluated;
    stats.aborted = Boolean(signal?.aborted);
    const failed = new Set(pass.failed);
    const done = new Set(pass.seen.filter(ref => !failed.has(ref)));
    await this.mark([
      ...unchanged,
      ...changed.filter(e => done.has(entityRefOf(e))),
    ]);
    if (changed.length) {
      this.options.logger.info('Runtime mode catalog changes refreshed', {
        ...stats,
      });
    }
    return stats;
  }

  /** Components whose etag differs from the one recorded when last checked. */
  private async movedRefs(): Promise<string[]> {
    const { catalog, auth, store } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const marks = await store.getCatalogMarks();
    const moved: string[] = [];
    for await (const page of catalog.streamEntities(
      { filter: { kind: 'Component' }, fields: MARK_FIELDS },
      { credentials },
    )) {
      for (const entity of page) {
        const ref = entityRefOf(entity);
        const etag = entity.metadata.etag;
        if (!etag || marks.get(ref) !== etag) moved.push(ref);
      }
    }
    return moved;
  }

  /** The moved Components in full, split by whether their evaluation inputs changed. */
  private async fetchChanged(refs: string[], signal?: AbortSignal) {
    const { catalog, auth, refresher } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const changed: Entity[] = [];
    const unchanged: Entity[] = [];
    for (let i = 0; i < refs.length && !signal?.aborted; i += CHUNK) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + CHUNK) },
        { credentials },
      );
      const entities = items.flatMap(e => (e ? [e] : []));
      const differing = new Set(await refresher.changedEntities(entities));
      for (const entity of entities) {
        (differing.has(entity) ? changed : unchanged).push(entity);
      }
    }
    return { changed, unchanged };
  }

  private async mark(entities: Entity[]) {
    await this.options.store.setCatalogMarks(
      entities.flatMap(e =>
        e.metadata.etag
          ? [{ entityRef: entityRefOf(e), etag: e.metadata.etag }]
          : [],
      ),
    );
  }
}
