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
  BatchOutcome,
  EntityWrite,
  EvaluationStore,
  RefreshState,
  SourceRecord,
  StoredSources,
} from '../database/EvaluationStore';
import {
  entityHashOf,
  entityRefOf,
  summarizeEntity,
  systemDomainsOf,
  systemRefOf,
  toEngineEntity,
} from './entitySummary';
import { hashOf } from './hashing';
import { EntityRead, ManifestReader, SourceRead } from './ManifestReader';
import { ByteBudget } from './manifests/ByteBudget';
import { mapUntilAborted } from './mapUntilAborted';
import { RuntimeModePluginConfig } from './readPluginConfig';
import { OwnerNotifier, StoredChange } from './notifications/OwnerNotifier';
import { PreviousEvaluation } from './notifications/ownerNotifications';

/** Counts of one refresh run, for logs and the benchmark. */
export interface RefreshStats {
  seen: number;
  evaluated: number;
  unchanged: number;
  stale: number;
  removed: number;
  failed: number;
  /** Writes skipped because a newer evaluation of the entity was stored meanwhile. */
  superseded: number;
  /** History rows older than the retention that were deleted. */
  prunedHistory: number;
  /** True when the run stopped early (the scheduler's timeout, or shutdown). */
  aborted: boolean;
  durationMs: number;
}

/** What a pass over some entities did. */
export interface RefreshPass {
  counts: Pick<RefreshStats, (typeof TALLIED)[number]>;
  /** Entities read and decided on (not those left when the pass was aborted). */
  seen: string[];
  /** Entities whose writes could not be stored. */
  failed: string[];
}

/** What refreshing one entity decided. */
export type RefreshOutcome = 'evaluated' | 'unchanged' | 'stale' | 'failed';

/** What refreshing one entity decided, and what to store for it. */
export interface EntityRefresh {
  entityRef: string;
  outcome: RefreshOutcome;
  write?: EntityWrite;
}

/** Entities per catalog slice and per store transaction. */
const BATCH_SIZE = 200;
/**
 * Pending writes are also committed once they hold this many bytes of
 * manifests: 200 entities at the per-entity limit would not fit in memory.
 */
const FLUSH_BYTES = 32 * 1024 * 1024;
/**
 * Entities whose sources are checked at the same time. Checks are mostly
 * waiting (a conditional request per source to the SCM), so a few in flight
 * hide the latency; more would only invite the SCM's rate limits.
 */
export const READ_CONCURRENCY = 8;
const DAY_MS = 86_400_000;

/** The counts a batch of refreshes adds to a run's stats. */
const TALLIED = [
  'evaluated',
  'unchanged',
  'stale',
  'failed',
  'superseded',
] as const;

function isAbortError(error: unknown) {
  return (error as { name?: string })?.name === 'AbortError';
}

/**
 * Keeps stored results in step with the catalog: only entities whose entity,
 * manifests, config or rule-set version changed are evaluated again.
 */
export class EvaluationRefresher {
  /** Forced refreshes running now, by entity: a second request joins the first. */
  private readonly forced = new Map<string, Promise<RefreshOutcome>>();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: EvaluationStore;
      reader: ManifestReader;
      config: RuntimeModePluginConfig;
      logger: LoggerService;
      /** Tells owners when a stored evaluation is worse; none when notifications are off. */
      notifier?: OwnerNotifier;
    },
  ) {}

  /**
   * The scheduled job: all Components, with the plugin's own service
   * credentials. Stops between entities (and inside their reads) when
   * `signal` aborts, keeping what was already evaluated.
   */
  async refreshAll(
    options: { signal?: AbortSignal } = {},
  ): Promise<RefreshStats> {
    const { catalog, auth, store, logger, config } = this.options;
    const { signal } = options;
    const started = Date.now();
    const credentials = await auth.getOwnServiceCredentials();
    const systemDomains = await this.loadSystemDomains(credentials);
    const states = await store.getInputHashes();
    const pass = await this.refreshPages(
      catalog.streamEntities(
        { filter: { kind: 'Component' } },
        { credentials },
      ),
      {
        domainOf: system => systemDomains.get(system),
        states,
        runBudget: new ByteBudget(config.maxBytesPerRun),
        signal,
      },
    );
    const stats: RefreshStats = {
      seen: pass.seen.length,
      ...pass.counts,
      removed: 0,
      prunedHistory: 0,
      aborted: false,
      durationMs: 0,
    };

    if (signal?.aborted) {
      // Only part of the catalog was seen: nothing may be deleted on that basis.
      stats.aborted = true;
      stats.durationMs = Date.now() - started;
      logger.warn(
        'Runtime mode refresh stopped before the end (timeout or shutdown); the next run continues',
        { ...stats },
      );
      return stats;
    }
    Object.assign(
      stats,
      await this.completeRun([...states.keys()], new Set(pass.seen)),
    );
    stats.durationMs = Date.now() - started;
    logger.info('Runtime mode refresh finished', { ...stats });
    return stats;
  }

  /**
   * Refreshes some entities as the scheduled run does (bounded reads,
   * batched writes), for the catalog pass that found them changed.
   */
  async refreshEntities(
    entities: Entity[],
    options: { signal?: AbortSignal } = {},
  ): Promise<RefreshPass> {
    const { auth, store, config } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const systemDomains = await this.loadSystemDomainsOf(entities, credentials);
    return this.refreshPages([entities], {
      domainOf: system => systemDomains.get(system),
      states: await store.getInputHashes(entities.map(entityRefOf)),
      runBudget: new ByteBudget(config.maxBytesPerRun),
      signal: options.signal,
    });
  }

  /**
   * The entities whose evaluation inputs in the catalog (annotations, spec,
   * ownership, uid) differ from those last read, or that were never read.
   * Nothing is read from the SCM to decide.
   */
  async changedEntities(entities: Entity[]): Promise<Entity[]> {
    const { auth, store } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const [systemDomains, stored] = await Promise.all([
      this.loadSystemDomainsOf(entities, credentials),
      store.getEntityHashes(entities.map(entityRefOf)),
    ]);
    return entities.filter(
      entity =>
        stored.get(entityRefOf(entity)) !==
        entityHashOf(entity, summarizeEntity(entity, systemDomains)),
    );
  }

  /**
   * Reads and evaluates entities slice by slice, with bounded concurrency,
   * and commits their writes in batches. Stops between entities when
   * `signal` aborts, keeping what was already evaluated.
   */
  private async refreshPages(
    pages: AsyncIterable<Entity[]> | Iterable<Entity[]>,
    context: {
      domainOf: (system: string) => string | undefined;
      states: Map<string, RefreshState>;
      runBudget: ByteBudget;
      signal?: AbortSignal;
    },
  ): Promise<RefreshPass> {
    const { store } = this.options;
    const { signal } = context;
    const counts = {
      evaluated: 0,
      unchanged: 0,
      stale: 0,
      failed: 0,
      superseded: 0,
    };
    const seen: string[] = [];
    const failed: string[] = [];
    // Writes are gathered across slices and committed once enough are
    // pending: a run where 1% changed commits once, not once per slice.
    let pending: EntityRefresh[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      const refreshes = pending;
      pending = [];
      pendingBytes = 0;
      const stored = await this.storeRefreshes(refreshes);
      const tallied = tally(refreshes, stored);
      for (const key of TALLIED) counts[key] += tallied[key];
      failed.push(...stored.failed.map(f => f.entityRef));
    };

    for await (const page of pages) {
      for (let i = 0; i < page.length && !signal?.aborted; i += BATCH_SIZE) {
        const slice = page.slice(i, i + BATCH_SIZE);
        const sources = await store.getSourcesFor(slice.map(entityRefOf));
        const refreshes = await mapUntilAborted(
          slice,
          READ_CONCURRENCY,
          signal,
          entity => {
            const ref = entityRefOf(entity);
            return this.refreshOne(entity, {
              domainOf: context.domainOf,
              previousSources: sources.get(ref),
              previousState: context.states.get(ref),
              force: false,
              runBudget: context.runBudget,
              signal,
            });
          },
        );
        for (const refresh of refreshes) {
          seen.push(refresh.entityRef);
          pending.push(refresh);
          pendingBytes += writeBytes(refresh.write);
        }
        if (pending.length >= BATCH_SIZE || pendingBytes >= FLUSH_BYTES) {
          await flush();
        }
      }
      if (signal?.aborted) break;
    }
    await flush();
    return { counts, seen, failed };
  }

  /**
   * After a run that saw the whole catalog: forgets entities gone from it
   * and prunes history past the retention.
   */
  private async completeRun(
    storedRefs: string[],
    seen: Set<string>,
  ): Promise<Pick<RefreshStats, 'removed' | 'prunedHistory'>> {
    const { store, logger, config } = this.options;
    const gone = storedRefs.filter(ref => !seen.has(ref));
    let removed = 0;
    if (seen.size === 0 && gone.length) {
      // A catalog that answers with no Component at all is far more likely
      // to be starting up or misconfigured than emptied: keep the results.
      logger.warn(
        `Runtime mode refresh: the catalog returned no Components; keeping the ${gone.length} stored results`,
      );
    } else if (gone.length) {
      await store.deleteEntities(gone);
      removed = gone.length;
    }
    const prunedHistory = await store.pruneHistory(
      new Date(Date.now() - config.historyRetentionDays * DAY_MS),
    );
    return { removed, prunedHistory };
  }

  /**
   * On-demand refresh of one entity the caller may read. While one runs for
   * an entity, another request for it waits for the same run.
   */
  refreshEntity(
    entity: Entity,
    options: { force: boolean },
  ): Promise<RefreshOutcome> {
    const ref = entityRefOf(entity);
    const running = this.forced.get(ref);
    if (running) {
      return running;
    }
    const run = this.refreshEntityNow(entity, options).finally(() =>
      this.forced.delete(ref),
    );
    this.forced.set(ref, run);
    return run;
  }

  /**
   * Refresh of one entity after a change was reported (a push). A refresh of
   * it already running may have read before the change: this one waits for it
   * and then reads again (later requests join it).
   */
  async refreshEntityAfterChange(entity: Entity): Promise<RefreshOutcome> {
    const running = this.forced.get(entityRefOf(entity));
    if (running) {
      await running.catch(() => undefined);
    }
    return this.refreshEntity(entity, { force: false });
  }

  private async refreshEntityNow(
    entity: Entity,
    options: { force: boolean },
  ): Promise<RefreshOutcome> {
    const { store, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const ref = entityRefOf(entity);
    const system = systemRefOf(entity);
    const [previousSources, previous, systemDomains] = await Promise.all([
      store.getSources(ref),
      store.getEvaluation(ref),
      this.loadSystemDomain(system, credentials),
    ]);
    const refresh = await this.refreshOne(entity, {
      domainOf: s => systemDomains.get(s),
      previousSources,
      previousState: previous
        ? { inputHash: previous.inputHash, status: previous.status }
        : undefined,
      force: options.force,
    });
    const stored = await this.storeRefreshes([refresh]);
    return stored.failed.length ? 'failed' : refresh.outcome;
  }

  /** Works out what to store for one entity; the caller writes it. */
  private async refreshOne(
    entity: Entity,
    context: {
      domainOf: (system: string) => string | undefined;
      previousSources?: StoredSources;
      previousState?: RefreshState;
      force: boolean;
      runBudget?: ByteBudget;
      signal?: AbortSignal;
    },
  ): Promise<EntityRefresh> {
    const { reader, config, logger } = this.options;
    const system = systemRefOf(entity);
    const domains = new Map(system ? [[system, context.domainOf(system)]] : []);
    const summary = summarizeEntity(entity, domains);
    const entityRef = summary.entityRef;
    const now = new Date();
    const stale = (reason: string, outcome: RefreshOutcome): EntityRefresh => ({
      entityRef,
      outcome,
      write: {
        entityRef,
        evaluation: { type: 'stale', summary, reason, at: now },
      },
    });
    try {
      const entityHash = entityHashOf(entity, summary);
      const previous = context.previousSources;
      const read = await reader.read(entity, previous?.records, {
        runBudget: context.runBudget,
        signal: context.signal,
      });
      const failures = read.sources.flatMap(s =>
        s.status === 'failed' ? [s.failure] : [],
      );
      if (failures.length) {
        return stale(failures.join('; '), 'stale');
      }
      const records = recordsOf(read.sources);
      const unchanged = sourcesUnchanged(previous, read, records);
      const manifests = records.flatMap(r => r.manifests);
      const sourceFindings = [
        ...read.findings,
        ...records.flatMap(r => r.findings),
      ];
      const manifestsHash =
        unchanged && previous
          ? previous.manifestsHash
          : hashOf(manifests.map(m => [m.path, hashOf(m.content)]));
      const sources: StoredSources | undefined =
        unchanged && previous?.entityHash === entityHash
          ? undefined
          : {
              entityRef,
              entityHash,
              manifestsHash,
              records,
              readAt: now.toISOString(),
            };
      const inputHash = hashOf({
        entityHash,
        manifestsHash,
        findings: sourceFindings,
        config: config.engineHash,
        ruleSet: RULE_SET_VERSION,
        // Waivers expire with the calendar, not with any input.
        day: hasWaivers(entity) ? now.toISOString().slice(0, 10) : undefined,
      });
      if (
        !context.force &&
        context.previousState?.status === 'fresh' &&
        context.previousState.inputHash === inputHash
      ) {
        return {
          entityRef,
          outcome: 'unchanged',
          write: sources ? { entityRef, sources } : undefined,
        };
      }
      const result = evaluate({
        entity: toEngineEntity(entity),
        manifests: manifests.map(m => ({ path: m.path, content: m.content })),
        sourceFindings,
        config: config.engine,
        options: { now },
      });
      return {
        entityRef,
        outcome: 'evaluated',
        write: {
          entityRef,
          evaluation: {
            type: 'result',
            summary,
            result,
            inputHash,
            evaluatedAt: now,
          },
          sources,
        },
      };
    } catch (error) {
      if (context.signal?.aborted || isAbortError(error)) {
        throw error;
      }
      // An engine failure must not lose the stored result.
      logger.error(`Runtime mode evaluation of ${entityRef} failed`, {
        entityRef,
        error: stringifyError(error),
      });
      return stale(`Evaluation failed: ${stringifyError(error)}`, 'failed');
    }
  }

  /** Stores the writes of many entities; an entity whose write fails is reported, the others are kept. */
  private async storeRefreshes(
    refreshes: EntityRefresh[],
  ): Promise<BatchOutcome> {
    const { store, logger } = this.options;
    const writes = refreshes.flatMap(r => (r.write ? [r.write] : []));
    try {
      const previous = await this.previousEvaluations(writes);
      const outcome = await store.writeBatch(writes);
      await this.notifyOwners(writes, previous, outcome);
      for (const { entityRef, error } of outcome.failed) {
        logger.error(
          `Runtime mode could not store the evaluation of ${entityRef}`,
          { entityRef, error },
        );
      }
      return outcome;
    } catch (error) {
      // The stored results stay as they were; the next run tries again.
      logger.error('Runtime mode refresh could not store a batch', {
        error: stringifyError(error),
        entities: writes.length,
      });
      return {
        changed: 0,
        superseded: 0,
        failed: writes.map(w => ({
          entityRef: w.entityRef,
          error: stringifyError(error),
        })),
      };
    }
  }

  /**
   * The stored results that new results are about to replace, for the owner
   * notifications; nothing is read when notifications are off.
   */
  private async previousEvaluations(
    writes: EntityWrite[],
  ): Promise<Map<string, PreviousEvaluation>> {
    const refs = writes.flatMap(w =>
      w.evaluation?.type === 'result' ? [w.entityRef] : [],
    );
    if (!this.options.notifier || !refs.length) return new Map();
    const stored = await this.options.store.listResults(refs);
    return new Map(
      stored.map(s => [
        s.entityRef,
        { result: s.result, evaluatedAt: s.evaluatedAt ?? '' },
      ]),
    );
  }

  /** Notifies owners of what the stored results call for; never fails the refresh. */
  private async notifyOwners(
    writes: EntityWrite[],
    previous: Map<string, PreviousEvaluation>,
    outcome: BatchOutcome,
  ) {
    const { notifier, logger } = this.options;
    if (!notifier) return;
    const failed = new Set(outcome.failed.map(f => f.entityRef));
    const changes: StoredChange[] = writes.flatMap(w =>
      w.evaluation?.type === 'result' && !failed.has(w.entityRef)
        ? [
            {
              summary: w.evaluation.summary,
              previous: previous.get(w.entityRef),
              result: w.evaluation.result,
            },
          ]
        : [],
    );
    try {
      await notifier.notify(changes);
    } catch (error) {
      logger.warn('Runtime mode could not notify owners', {
        error: stringifyError(error),
      });
    }
  }

  /** Domain of every System, read page by page. */
  private async loadSystemDomains(credentials: BackstageCredentials) {
    const domains = new Map<string, string | undefined>();
    for await (const page of this.options.catalog.streamEntities(
      {
        filter: { kind: 'System' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
      },
      { credentials },
    )) {
      for (const [ref, domain] of systemDomainsOf(page)) {
        domains.set(ref, domain);
      }
    }
    return domains;
  }

  /** Domains of the Systems some entities are part of, and of no other. */
  private async loadSystemDomainsOf(
    entities: Entity[],
    credentials: BackstageCredentials,
  ) {
    const systems = [...new Set(entities.flatMap(e => systemRefOf(e) ?? []))];
    if (!systems.length) return new Map<string, string | undefined>();
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: systems,
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.domain'],
      },
      { credentials },
    );
    return systemDomainsOf(items.flatMap(e => (e ? [e] : [])));
  }

  /** Domain of one System: a forced refresh needs no other. */
  private async loadSystemDomain(
    system: string | undefined,
    credentials: BackstageCredentials,
  ) {
    const entity = system
      ? await this.options.catalog.getEntityByRef(system, { credentials })
      : undefined;
    return systemDomainsOf(entity ? [entity] : []);
  }
}

function tally(
  refreshes: EntityRefresh[],
  stored: BatchOutcome,
): Record<(typeof TALLIED)[number], number> {
  const counts = { evaluated: 0, unchanged: 0, stale: 0, failed: 0 };
  const failed = new Set(stored.failed.map(f => f.entityRef));
  for (const refresh of refreshes) {
    counts[failed.has(refresh.entityRef) ? 'failed' : refresh.outcome] += 1;
  }
  return { ...counts, superseded: stored.superseded };
}

/** The records of sources that were read, reused or refused (failed ones have none). */
function recordsOf(sources: SourceRead[]): SourceRecord[] {
  return sources.flatMap(s => (s.status === 'failed' ? [] : [s.record]));
}

/**
 * True when nothing was read anew: every source was unchanged (or refused as
 * before) and the entity names the same sources as last time.
 */
function sourcesUnchanged(
  previous: StoredSources | undefined,
  read: EntityRead,
  records: SourceRecord[],
): boolean {
  if (!previous) return false;
  const before = previous.records.map(r => r.target).join('\n');
  const now = records.map(r => r.target).join('\n');
  return (
    before === now &&
    read.sources.every(s => s.status === 'reused' || s.status === 'refused')
  );
}

function writeBytes(write?: EntityWrite) {
  return (write?.sources?.records ?? []).reduce(
    (sum, record) =>
      sum + record.manifests.reduce((n, m) => n + m.content.length, 0),
    0,
  );
}

function hasWaivers(entity: Entity) {
  return Object.keys(entity.metadata.annotations ?? {}).some(key =>
    key.startsWith(RUNTIME_MODE_WAIVER_PREFIX),
  );
}
