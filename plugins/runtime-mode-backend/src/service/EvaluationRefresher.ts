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
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  evaluate,
  RULE_SET_VERSION,
  RUNTIME_MODE_WAIVER_PREFIX,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  EvaluationStore,
  StoredSources,
  WriteBatch,
} from '../database/EvaluationStore';
import {
  entityHashOf,
  entityRefOf,
  summarizeEntity,
  systemDomainsOf,
  toEngineEntity,
} from './entitySummary';
import { hashOf } from './hashing';
import { ManifestReader } from './ManifestReader';
import { RuntimeModePluginConfig } from './readPluginConfig';

/** Counts of one refresh run, for logs and the benchmark. */
export interface RefreshStats {
  seen: number;
  evaluated: number;
  unchanged: number;
  stale: number;
  removed: number;
  failed: number;
  durationMs: number;
}

type Outcome = 'evaluated' | 'unchanged' | 'stale' | 'failed';

const BATCH_SIZE = 200;
/**
 * Entities whose sources are checked at the same time. Checks are mostly
 * waiting (a conditional request per source to the SCM), so a few in flight
 * hide the latency; more would only invite the SCM's rate limits.
 */
const READ_CONCURRENCY = 8;

/**
 * Keeps stored results in step with the catalog: only entities whose entity,
 * manifests, config or rule-set version changed are evaluated again.
 */
export class EvaluationRefresher {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: EvaluationStore;
      reader: ManifestReader;
      config: RuntimeModePluginConfig;
      logger: LoggerService;
    },
  ) {}

  /** The scheduled job: all Components, with the plugin's own service credentials. */
  async refreshAll(): Promise<RefreshStats> {
    const { catalog, auth, store, logger } = this.options;
    const started = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    const systemDomains = await this.loadSystemDomains(credentials);
    const hashes = await store.getInputHashes();
    const stats: RefreshStats = {
      seen: 0,
      evaluated: 0,
      unchanged: 0,
      stale: 0,
      removed: 0,
      failed: 0,
      durationMs: 0,
    };
    const seen = new Set<string>();
    // Writes are gathered across batches and committed once enough are
    // pending: a run where 1% changed commits once, not once per batch.
    let pending = emptyBatch();
    let pendingOutcomes: Outcome[] = [];
    const flush = async () => {
      const writes = pending;
      const outcomes = pendingOutcomes;
      pending = emptyBatch();
      pendingOutcomes = [];
      try {
        await store.writeBatch(writes);
        for (const outcome of outcomes) stats[outcome] += 1;
      } catch (error) {
        // The stored results stay as they were; the next run tries again.
        logger.error('Runtime mode refresh could not store a batch', {
          error: stringifyError(error),
          entities: outcomes.length,
        });
        stats.failed += outcomes.filter(o => o !== 'unchanged').length;
        stats.unchanged += outcomes.filter(o => o === 'unchanged').length;
      }
    };
    for await (const page of catalog.streamEntities(
      { filter: { kind: 'Component' } },
      { credentials },
    )) {
      for (let i = 0; i < page.length; i += BATCH_SIZE) {
        const batch = page.slice(i, i + BATCH_SIZE);
        const refs = batch.map(entityRefOf);
        const sources = await store.getSourcesFor(refs);
        const writes = pending;
        const outcomes = await mapWithConcurrency(
          batch,
          READ_CONCURRENCY,
          entity => {
            const ref = entityRefOf(entity);
            seen.add(ref);
            stats.seen += 1;
            return this.refreshOne(entity, writes, {
              systemDomains,
              previousSources: sources.get(ref),
              previousHash: hashes.get(ref),
              force: false,
            });
          },
        );
        pendingOutcomes.push(...outcomes);
        if (writeCount(pending) >= BATCH_SIZE) {
          await flush();
        }
      }
    }
    await flush();
    const gone = [...hashes.keys()].filter(ref => !seen.has(ref));
    if (seen.size === 0 && gone.length) {
      // A catalog that answers with no Component at all is far more likely
      // to be starting up or misconfigured than emptied: keep the results.
      logger.warn(
        `Runtime mode refresh: the catalog returned no Components; keeping the ${gone.length} stored results`,
      );
    } else if (gone.length) {
      await store.deleteEntities(gone);
      stats.removed = gone.length;
    }
    stats.durationMs = Date.now() - started;
    logger.info('Runtime mode refresh finished', { ...stats });
    return stats;
  }

  /** On-demand refresh of one entity the caller may read. */
  async refreshEntity(
    entity: Entity,
    options: { force: boolean },
  ): Promise<Outcome> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const systemDomains = await this.loadSystemDomains(credentials);
    const ref = entityRefOf(entity);
    const [previousSources, previous] = await Promise.all([
      this.options.store.getSources(ref),
      this.options.store.getEvaluation(ref),
    ]);
    const writes = emptyBatch();
    const outcome = await this.refreshOne(entity, writes, {
      systemDomains,
      previousSources,
      previousHash: previous
        ? { inputHash: previous.inputHash, status: previous.status }
        : undefined,
      force: options.force,
    });
    await this.options.store.writeBatch(writes);
    return outcome;
  }

  /** Works out what to write for one entity; the caller writes batches. */
  private async refreshOne(
    entity: Entity,
    writes: WriteBatch,
    context: {
      systemDomains: Map<string, string | undefined>;
      previousSources?: StoredSources;
      previousHash?: { inputHash?: string; status: string };
      force: boolean;
    },
  ): Promise<Outcome> {
    const { reader, config, logger } = this.options;
    const summary = summarizeEntity(entity, context.systemDomains);
    const now = new Date();
    try {
      const entityHash = entityHashOf(entity, summary);
      const read = await reader.read(
        entity,
        context.previousSources?.manifests,
      );
      if (read.failure) {
        writes.stale.push({ summary, reason: read.failure, at: now });
        return 'stale';
      }
      const manifestsHash =
        read.unchanged && context.previousSources
          ? context.previousSources.manifestsHash
          : hashOf(read.manifests.map(m => [m.path, hashOf(m.content)]));
      const inputHash = hashOf({
        entityHash,
        manifestsHash,
        findings: read.findings,
        config: config.engineHash,
        ruleSet: RULE_SET_VERSION,
        // Waivers expire with the calendar, not with any input.
        day: hasWaivers(entity) ? now.toISOString().slice(0, 10) : undefined,
      });
      const sourcesChanged =
        !context.previousSources ||
        context.previousSources.entityHash !== entityHash ||
        context.previousSources.manifestsHash !== manifestsHash ||
        !read.unchanged;
      if (sourcesChanged) {
        writes.sources.push({
          entityRef: summary.entityRef,
          entityHash,
          manifestsHash,
          manifests: read.manifests,
          readAt: now.toISOString(),
        });
      }
      if (
        !context.force &&
        context.previousHash?.status === 'fresh' &&
        context.previousHash.inputHash === inputHash
      ) {
        return 'unchanged';
      }
      const result = evaluate({
        entity: toEngineEntity(entity),
        manifests: read.manifests.map(m => ({
          path: m.path,
          content: m.content,
        })),
        sourceFindings: read.findings,
        config: config.engine,
        options: { now },
      });
      writes.results.push({ summary, result, inputHash, evaluatedAt: now });
      return 'evaluated';
    } catch (error) {
      // An engine or database failure must not lose the stored result.
      const reason = `Evaluation failed: ${stringifyError(error)}`;
      logger.error(`Runtime mode evaluation of ${summary.entityRef} failed`, {
        entityRef: summary.entityRef,
        error: stringifyError(error),
      });
      writes.stale.push({ summary, reason, at: now });
      return 'failed';
    }
  }

  private async loadSystemDomains(credentials: BackstageCredentials) {
    const { items } = await this.options.catalog.getEntities(
      {
        filter: { kind: 'System' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
      },
      { credentials },
    );
    return systemDomainsOf(items);
  }
}

async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return results;
}

function writeCount(batch: WriteBatch) {
  return batch.results.length + batch.stale.length + batch.sources.length;
}

function emptyBatch(): WriteBatch {
  return { results: [], stale: [], sources: [] };
}

function hasWaivers(entity: Entity) {
  return Object.keys(entity.metadata.annotations ?? {}).some(key =>
    key.startsWith(RUNTIME_MODE_WAIVER_PREFIX),
  );
}
