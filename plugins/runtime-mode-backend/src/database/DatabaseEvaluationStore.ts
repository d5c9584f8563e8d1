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
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import type {
  ConcernCategory,
  EvaluationResult,
  EvaluationStatus,
  HistoryEntry,
  ModeValue,
  PortfolioRow,
  ReadinessLevel,
  RuntimeModeId,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { Knex } from 'knex';
import {
  BatchOutcome,
  DataVersion,
  EntityLocation,
  EntitySummaryFields,
  EntityWrite,
  EvaluationStore,
  HistoryPoint,
  NotificationClaim,
  QueuedPush,
  RefreshState,
  SourceRecord,
  StoredApiUsage,
  StoredEvaluationRecord,
  StoredSources,
  UnsentNotification,
} from './EvaluationStore';
import { hashOf } from '../service/hashing';
import type { RepositoryPush } from '../service/changes/pushEvents';
import { watchedLocationsOf } from '../service/changes/watchedLocations';
import {
  parseCurrentVersions,
  QUESTION_ROW_COLUMNS,
  QuestionColumns,
  questionColumnsOf,
  questionFieldsOf,
} from './questionColumns';
import { clustersInResult } from '../service/blastRadius/clustersInResult';
import { storableText } from './storableText';
import { SharedValues } from './SharedValues';

const migrationsDir = resolvePackagePath(
  '@runtime-mode/backstage-plugin-runtime-mode-backend',
  'migrations',
);

const EVALUATIONS = 'runtime_mode_evaluations';
const HISTORY = 'runtime_mode_history';
const SOURCES = 'runtime_mode_sources';
const CHANGES = 'runtime_mode_changes';
const LOCATIONS = 'runtime_mode_watched_locations';
const PUSHES = 'runtime_mode_push_queue';
const MARKS = 'runtime_mode_catalog_marks';
const NOTIFIED = 'runtime_mode_notified';

/** Keeps IN lists below every engine's bound-parameter limit. */
const BATCH = 500;
/** Rows per multi-row insert (about 25 columns each: well below SQLite's 32,766 parameters). */
const ROWS_PER_INSERT = 100;
/** Portfolio rows read per query when loading them all. */
const ROWS_PER_READ = 5000;
/** An error recorded on a row is cut to this many characters. */
const MAX_REASON_CHARS = 4000;

type EvaluationRow = {
  entity_ref: string;
  entity_uid: string | null;
  namespace: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  lifecycle: string | null;
  mode: string;
  mode_conflict: boolean | number;
  target_mode: string | null;
  level: string;
  score: number | null;
  critical: number;
  warning: number;
  info: number;
  categories: string;
  status: string;
  stale_reason: string | null;
  rule_set_version: string | null;
  input_hash: string | null;
  history_signature: string | null;
  result: string | null;
  evaluated_at: Date | string | number | null;
} & QuestionColumns;

const ROW_COLUMNS = [
  'entity_ref',
  'namespace',
  'name',
  'title',
  'owner',
  'system',
  'domain',
  'lifecycle',
  'mode',
  'mode_conflict',
  'target_mode',
  'level',
  'score',
  'critical',
  'warning',
  'info',
  'categories',
  'status',
  'evaluated_at',
  ...QUESTION_ROW_COLUMNS,
];

/** SQLite returns strings or numbers for datetimes, PostgreSQL returns Dates. */
function toIso(value: Date | string | number | null | undefined) {
  if (value === null || value === undefined) {
    return undefined;
  }
  return new Date(value).toISOString();
}

function toMillis(value: Date | string | number | null | undefined) {
  return value === null || value === undefined
    ? undefined
    : new Date(value).getTime();
}

function orUndefined<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

function countsOf(result: EvaluationResult) {
  const counts = { critical: 0, warning: 0, info: 0 };
  const categories = new Set<ConcernCategory>();
  for (const finding of result.findings) {
    if (finding.waived) {
      continue;
    }
    counts[finding.severity] += 1;
    categories.add(finding.category);
  }
  return { ...counts, categories: [...categories].sort() };
}

/** The part of a result whose change is worth a history row. */
function historySignatureOf(result: EvaluationResult) {
  const counts = countsOf(result);
  return hashOf({
    mode: result.mode.value,
    level: result.readiness.level,
    score: result.readiness.score,
    critical: counts.critical,
    warning: counts.warning,
    ruleSetVersion: result.ruleSetVersion,
  });
}

/** Rows without a concern share one empty list (nobody changes a row's lists). */
const NO_CATEGORIES: ConcernCategory[] = [];

function toHistoryPoint(row: Record<string, unknown>): HistoryPoint {
  return {
    entityRef: row.entity_ref as string,
    evaluatedAt: toIso(row.evaluated_at as string)!,
    level: row.level as string,
    changeSeq: Number(row.change_seq),
  };
}

/** Distinct `apiVersion<TAB>kind` pairs, one per line. */
function apiKindsOf(result: EvaluationResult): string {
  const pairs = new Set(result.objects.map(o => `${o.apiVersion}\t${o.kind}`));
  return [...pairs].sort().join('\n');
}

function summaryColumns(summary: EntitySummaryFields) {
  return {
    namespace: summary.namespace,
    name: summary.name,
    title: storableText(summary.title),
    owner: summary.owner ?? null,
    system: summary.system ?? null,
    domain: summary.domain ?? null,
    lifecycle: storableText(summary.lifecycle),
  };
}

/**
 * The database's own words: knex prefixes the message with the query and
 * its values (here a whole result), which say nothing about the cause.
 */
function databaseMessage(error: unknown): string {
  const text = stringifyError(error);
  const at = text.lastIndexOf(' - ');
  if (at < 0) return text;
  const name = (error as { name?: string })?.name ?? 'Error';
  return `${name}: ${text.slice(at + 3)}`;
}

function nameOfRef(entityRef: string) {
  const [, namespace = 'default', name = entityRef] =
    /^[^:]+:([^/]+)\/(.+)$/.exec(entityRef) ?? [];
  return { namespace, name };
}

type ResultWrite = Extract<
  NonNullable<EntityWrite['evaluation']>,
  { type: 'result' }
>;
type StaleWrite = Extract<
  NonNullable<EntityWrite['evaluation']>,
  { type: 'stale' }
>;

type PreviousRow = {
  entity_ref: string;
  entity_uid: string | null;
  history_signature: string | null;
  evaluated_at: Date | string | number | null;
  has_result: boolean | number;
};

/** Knex-backed {@link EvaluationStore}: SQLite by default, PostgreSQL in production. */
export class DatabaseEvaluationStore implements EvaluationStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseEvaluationStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseEvaluationStore(client);
  }

  /** Runs the migrations on a raw client (tests and benchmarks). */
  static async migrateUp(client: Knex) {
    await client.migrate.latest({ directory: migrationsDir });
  }

  /** Undoes every migration (tests). */
  static async migrateDown(client: Knex) {
    await client.migrate.rollback({ directory: migrationsDir }, true);
  }

  static fromClient(client: Knex) {
    return new DatabaseEvaluationStore(client);
  }

  /** Values that repeat across rows, shared by the rows read (see {@link SharedValues}). */
  private readonly shared = new SharedValues();

  private constructor(private readonly db: Knex) {}

  async getEvaluation(
    entityRef: string,
  ): Promise<StoredEvaluationRecord | undefined> {
    const row = await this.db<EvaluationRow>(EVALUATIONS)
      .where({ entity_ref: entityRef })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      entityRef: row.entity_ref,
      entityUid: orUndefined(row.entity_uid),
      namespace: row.namespace,
      name: row.name,
      title: orUndefined(row.title),
      owner: orUndefined(row.owner),
      system: orUndefined(row.system),
      domain: orUndefined(row.domain),
      lifecycle: orUndefined(row.lifecycle),
      status: row.status as EvaluationStatus,
      staleReason: orUndefined(row.stale_reason),
      evaluatedAt: toIso(row.evaluated_at),
      inputHash: orUndefined(row.input_hash),
      historySignature: orUndefined(row.history_signature),
      ruleSetVersion: orUndefined(row.rule_set_version),
      result: row.result ? (JSON.parse(row.result) as EvaluationResult) : null,
    };
  }

  async getInputHashes(
    entityRefs?: string[],
  ): Promise<Map<string, RefreshState>> {
    const select = () =>
      this.db<EvaluationRow>(EVALUATIONS).select(
        'entity_ref',
        'input_hash',
        'status',
      );
    let rows: Array<
      Pick<EvaluationRow, 'entity_ref' | 'input_hash' | 'status'>
    > = [];
    if (!entityRefs) {
      rows = await select();
    }
    for (let i = 0; entityRefs && i < entityRefs.length; i += BATCH) {
      rows.push(
        ...(await select().whereIn(
          'entity_ref',
          entityRefs.slice(i, i + BATCH),
        )),
      );
    }
    return new Map(
      rows.map(row => [
        row.entity_ref,
        {
          inputHash: orUndefined(row.input_hash),
          status: row.status as EvaluationStatus,
        },
      ]),
    );
  }

  async writeBatch(writes: EntityWrite[]): Promise<BatchOutcome> {
    if (!writes.length) {
      return { changed: 0, superseded: 0, failed: [] };
    }
    try {
      return await this.applyWrites(writes);
    } catch {
      // One bad entity (or a dropped connection) fails the whole transaction:
      // write each entity on its own so only the one that cannot be stored is
      // left out. Retrying a batch that did commit is harmless: an equal
      // history signature writes no second history row.
    }
    const outcome: BatchOutcome = { changed: 0, superseded: 0, failed: [] };
    for (const write of writes) {
      try {
        const single = await this.applyWrites([write]);
        outcome.changed += single.changed;
        outcome.superseded += single.superseded;
      } catch (error) {
        const message = databaseMessage(error);
        outcome.failed.push({ entityRef: write.entityRef, error: message });
        await this.recordWriteFailure(write, message).catch(() => undefined);
      }
    }
    return outcome;
  }

  /**
   * Increments the change counter as the transaction's first statement. Its
   * row stays locked until commit, so write transactions take their numbers
   * in commit order and a reader that saw number n has seen all before it.
   */
  private async nextChangeSeq(tx: Knex.Transaction): Promise<number> {
    await tx(CHANGES).where({ id: 1 }).increment('change_seq', 1);
    const row = await tx(CHANGES).where({ id: 1 }).first('change_seq');
    return Number(row.change_seq);
  }

  private async applyWrites(writes: EntityWrite[]): Promise<BatchOutcome> {
    return this.db.transaction(async tx => {
      const seq = await this.nextChangeSeq(tx);
      const previous = await this.previousRows(
        tx,
        writes.map(w => w.entityRef),
      );
      const results: ResultWrite[] = [];
      const stale: StaleWrite[] = [];
      for (const write of writes) {
        if (write.evaluation?.type === 'result') results.push(write.evaluation);
        if (write.evaluation?.type === 'stale') stale.push(write.evaluation);
      }
      const written = await this.writeResults(tx, seq, results, previous);
      let superseded = written.superseded;
      for (const mark of stale) {
        const applied = await this.writeStale(tx, seq, mark, previous);
        if (!applied) superseded += 1;
      }
      await this.writeSources(
        tx,
        writes.flatMap(w => (w.sources ? [w.sources] : [])),
      );
      return { changed: written.changed, superseded, failed: [] };
    });
  }

  private async previousRows(tx: Knex.Transaction, refs: string[]) {
    const previous = new Map<string, PreviousRow>();
    for (let i = 0; i < refs.length; i += BATCH) {
      const rows = (await tx(EVALUATIONS)
        .whereIn('entity_ref', refs.slice(i, i + BATCH))
        .select(
          'entity_ref',
          'entity_uid',
          'history_signature',
          'evaluated_at',
          tx.raw('result is not null as has_result'),
        )) as PreviousRow[];
      for (const row of rows) {
        previous.set(row.entity_ref, row);
      }
    }
    return previous;
  }

  private async writeResults(
    tx: Knex.Transaction,
    seq: number,
    requests: ResultWrite[],
    previous: Map<string, PreviousRow>,
  ) {
    const evaluationRows = [];
    const historyRows = [];
    const replacedEntities: Array<{ ref: string; uid: string }> = [];
    const adoptedHistory: Array<{ ref: string; uid: string }> = [];
    let superseded = 0;
    for (const { summary, result, inputHash, evaluatedAt } of requests) {
      const ref = summary.entityRef;
      const before = previous.get(ref);
      const storedAt = toMillis(before?.evaluated_at);
      if (storedAt !== undefined && storedAt > evaluatedAt.getTime()) {
        // A newer evaluation (e.g. a forced refresh) committed first.
        superseded += 1;
        continue;
      }
      const uid = summary.entityUid;
      const replaced = Boolean(
        uid && before?.entity_uid && before.entity_uid !== uid,
      );
      if (replaced) replacedEntities.push({ ref, uid: uid! });
      if (uid && before && !before.entity_uid) {
        adoptedHistory.push({ ref, uid });
      }
      const counts = countsOf(result);
      const signature = historySignatureOf(result);
      const at = evaluatedAt.toISOString();
      evaluationRows.push({
        entity_ref: ref,
        entity_uid: uid ?? null,
        ...summaryColumns(summary),
        mode: result.mode.value,
        mode_conflict: result.mode.conflict,
        target_mode: result.readiness.targetMode,
        level: result.readiness.level,
        score: result.readiness.score,
        critical: counts.critical,
        warning: counts.warning,
        info: counts.info,
        categories: counts.categories.join(','),
        status: 'fresh',
        stale_reason: null,
        rule_set_version: result.ruleSetVersion,
        input_hash: inputHash,
        history_signature: signature,
        result: JSON.stringify(result),
        api_kinds: apiKindsOf(result),
        clusters: clustersInResult(result).join('\n'),
        ...questionColumnsOf(result),
        evaluated_at: at,
        checked_at: at,
        change_seq: seq,
      });
      if (replaced || before?.history_signature !== signature) {
        historyRows.push({
          entity_ref: ref,
          entity_uid: uid ?? null,
          evaluated_at: at,
          mode: result.mode.value,
          level: result.readiness.level,
          score: result.readiness.score,
          critical: counts.critical,
          warning: counts.warning,
          rule_set_version: result.ruleSetVersion,
          change_seq: seq,
        });
      }
    }
    for (let i = 0; i < evaluationRows.length; i += ROWS_PER_INSERT) {
      await tx(EVALUATIONS)
        .insert(evaluationRows.slice(i, i + ROWS_PER_INSERT))
        .onConflict('entity_ref')
        .merge()
        .whereRaw('?? is null or ?? <= excluded.evaluated_at', [
          `${EVALUATIONS}.evaluated_at`,
          `${EVALUATIONS}.evaluated_at`,
        ]);
    }
    for (const { ref, uid } of adoptedHistory) {
      // Rows from before uids were kept belong to the entity that has the ref now.
      await tx(HISTORY)
        .where({ entity_ref: ref })
        .whereNull('entity_uid')
        .update({ entity_uid: uid });
    }
    for (const { ref, uid } of replacedEntities) {
      // A re-created entity does not inherit the history of the one it replaced.
      await tx(HISTORY)
        .where({ entity_ref: ref })
        .where(q => q.whereNot('entity_uid', uid).orWhereNull('entity_uid'))
        .delete();
    }
    if (replacedEntities.length) {
      await tx(CHANGES).where({ id: 1 }).update({ history_removed_seq: seq });
    }
    for (let i = 0; i < historyRows.length; i += ROWS_PER_INSERT) {
      await tx(HISTORY).insert(historyRows.slice(i, i + ROWS_PER_INSERT));
    }
    return { changed: historyRows.length, superseded };
  }

  /** Marks the stored result stale (pending when there is none); false when a newer result is stored. */
  private async writeStale(
    tx: Knex.Transaction,
    seq: number,
    { summary, reason, at }: StaleWrite,
    previous: Map<string, PreviousRow>,
  ): Promise<boolean> {
    const before = previous.get(summary.entityRef);
    const storedAt = toMillis(before?.evaluated_at);
    if (storedAt !== undefined && storedAt > at.getTime()) {
      return false;
    }
    const columns = {
      ...summaryColumns(summary),
      status: before?.has_result ? 'stale' : 'pending',
      stale_reason: storableText(reason),
      checked_at: at.toISOString(),
      change_seq: seq,
    };
    if (before) {
      await tx(EVALUATIONS)
        .where({ entity_ref: summary.entityRef })
        .update(columns);
    } else {
      await tx(EVALUATIONS).insert({
        entity_ref: summary.entityRef,
        entity_uid: summary.entityUid ?? null,
        ...columns,
        mode: 'unknown',
        level: 'unknown',
      });
    }
    return true;
  }

  private async writeSources(tx: Knex.Transaction, sources: StoredSources[]) {
    for (let i = 0; i < sources.length; i += ROWS_PER_INSERT) {
      const chunk = sources.slice(i, i + ROWS_PER_INSERT);
      const rows = chunk.map(s => ({
        entity_ref: s.entityRef,
        entity_hash: s.entityHash,
        manifests_hash: s.manifestsHash,
        source_reads: JSON.stringify(s.records),
        read_at: s.readAt,
        locations_indexed: true,
      }));
      await tx(SOURCES)
        .insert(rows)
        .onConflict('entity_ref')
        .merge()
        .whereRaw('?? <= excluded.read_at', [`${SOURCES}.read_at`]);
      await this.replaceLocations(
        tx,
        chunk.map(s => ({ entityRef: s.entityRef, records: s.records })),
      );
    }
  }

  /** Replaces the watched locations of the given entities with those of their records. */
  private async replaceLocations(
    tx: Knex.Transaction,
    entities: Array<{ entityRef: string; records: SourceRecord[] }>,
  ) {
    await tx(LOCATIONS)
      .whereIn(
        'entity_ref',
        entities.map(e => e.entityRef),
      )
      .delete();
    const rows = entities.flatMap(({ entityRef, records }) =>
      watchedLocationsOf(records).map(l => ({
        entity_ref: entityRef,
        repository: l.repository,
        ref_path: l.refPath ?? null,
        glob: l.glob ?? null,
        kind: l.kind,
      })),
    );
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await tx(LOCATIONS).insert(rows.slice(i, i + ROWS_PER_INSERT));
    }
  }

  /**
   * Keeps the error of an entity whose write failed on its own row, with
   * nothing from the entity that could fail again (title, result, sources):
   * the previous result stays, marked stale, and the next run tries again.
   */
  private async recordWriteFailure(write: EntityWrite, message: string) {
    const reason = storableText(
      `Storing the evaluation failed: ${message}`,
    )!.slice(0, MAX_REASON_CHARS);
    const summary = write.evaluation?.summary;
    const now = new Date().toISOString();
    await this.db.transaction(async tx => {
      const seq = await this.nextChangeSeq(tx);
      const existing = await tx(EVALUATIONS)
        .where({ entity_ref: write.entityRef })
        .first(tx.raw('result is not null as has_result'));
      const columns = {
        status: existing?.has_result ? 'stale' : 'pending',
        stale_reason: reason,
        checked_at: now,
        change_seq: seq,
      };
      if (existing) {
        await tx(EVALUATIONS)
          .where({ entity_ref: write.entityRef })
          .update(columns);
        return;
      }
      await tx(EVALUATIONS).insert({
        entity_ref: write.entityRef,
        ...(summary
          ? { namespace: summary.namespace, name: summary.name }
          : nameOfRef(write.entityRef)),
        ...columns,
        mode: 'unknown',
        level: 'unknown',
      });
    });
  }

  async listRows(options?: { changedAfter?: number }): Promise<PortfolioRow[]> {
    if (options?.changedAfter !== undefined) {
      // A few rows, found by their change number (ordering them by ref
      // would walk the whole table).
      return this.toPortfolioRows(
        await this.db(EVALUATIONS)
          .select(ROW_COLUMNS)
          .where('change_seq', '>', options.changedAfter),
      );
    }
    // Every row, a page at a time: 100,000 raw rows at once (every column,
    // twice the size of the rows kept) were the largest allocation of a load.
    const rows: PortfolioRow[] = [];
    let after: string | undefined;
    for (;;) {
      const query = this.db(EVALUATIONS)
        .select(ROW_COLUMNS)
        .orderBy('entity_ref')
        .limit(ROWS_PER_READ);
      if (after !== undefined) query.where('entity_ref', '>', after);
      const page = (await query) as EvaluationRow[];
      rows.push(...this.toPortfolioRows(page));
      if (page.length < ROWS_PER_READ) return rows;
      after = page[page.length - 1].entity_ref;
    }
  }

  private toPortfolioRows(rows: EvaluationRow[]): PortfolioRow[] {
    const { text, of } = this.shared;
    return rows.map(row => {
      const questions = questionFieldsOf(row);
      const { topBlocker } = questions;
      return {
        entityRef: row.entity_ref,
        name: row.name,
        namespace: text(row.namespace),
        title: orUndefined(row.title),
        owner: text(orUndefined(row.owner)),
        system: text(orUndefined(row.system)),
        domain: text(orUndefined(row.domain)),
        lifecycle: text(orUndefined(row.lifecycle)),
        mode: text(row.mode as ModeValue),
        modeConflict: Boolean(row.mode_conflict),
        targetMode: text((row.target_mode as RuntimeModeId | null) ?? null),
        level: text(row.level as ReadinessLevel),
        score: row.score,
        critical: row.critical,
        warning: row.warning,
        info: row.info,
        categories: row.categories
          ? of(`categories:${row.categories}`, () =>
              row.categories!.split(',').map(c => text(c) as ConcernCategory),
            )
          : NO_CATEGORIES,
        status: text(row.status as EvaluationStatus),
        evaluatedAt: toIso(row.evaluated_at),
        ...questions,
        ...(row.upgrade_level
          ? {
              upgradeLevel: text(questions.upgradeLevel),
              migrationLevel: text(questions.migrationLevel),
              suggestedMode: text(questions.suggestedMode),
              topBlocker: topBlocker
                ? of(`blocker:${JSON.stringify(topBlocker)}`, () => topBlocker)
                : null,
            }
          : {}),
      };
    });
  }

  async getDataVersion(): Promise<DataVersion> {
    const row = await this.db(CHANGES).where({ id: 1 }).first();
    return {
      changeSeq: Number(row?.change_seq ?? 0),
      rowsRemovedSeq: Number(row?.rows_removed_seq ?? 0),
      historyRemovedSeq: Number(row?.history_removed_seq ?? 0),
    };
  }

  async listApiUsage(options?: { changedAfter?: number }) {
    const usage = new Map<string, StoredApiUsage | undefined>();
    const select = () =>
      this.db(EVALUATIONS).select(
        'entity_ref',
        'api_kinds',
        'current_versions',
        'clusters',
        this.db.raw('result is not null as has_result'),
      );
    if (options?.changedAfter !== undefined) {
      this.addApiUsage(
        usage,
        await select().where('change_seq', '>', options.changedAfter),
      );
      return usage;
    }
    // Every row, a page at a time (as listRows).
    let after: string | undefined;
    for (;;) {
      const query = select()
        .whereNotNull('result')
        .orderBy('entity_ref')
        .limit(ROWS_PER_READ);
      if (after !== undefined) query.where('entity_ref', '>', after);
      const page = await query;
      this.addApiUsage(usage, page);
      if (page.length < ROWS_PER_READ) return usage;
      after = page[page.length - 1].entity_ref;
    }
  }

  private addApiUsage(
    usage: Map<string, StoredApiUsage | undefined>,
    rows: Array<Record<string, any>>,
  ) {
    // Rows share a handful of pair and cluster lists: one list per text.
    const lines = (text: string | null | undefined) =>
      text === null || text === undefined
        ? null
        : this.shared.of(`lines:${text}`, () =>
            text.split('\n').filter(Boolean),
          );
    for (const row of rows) {
      usage.set(
        row.entity_ref as string,
        row.has_result
          ? {
              apiKinds: lines(row.api_kinds),
              currentVersions: parseCurrentVersions(row.current_versions),
              clusters: lines(row.clusters),
            }
          : undefined,
      );
    }
  }

  async getHistory(
    entity: { entityRef: string; entityUid?: string },
    limit: number,
  ): Promise<HistoryEntry[]> {
    const query = this.db(HISTORY)
      .where({ entity_ref: entity.entityRef })
      .orderBy([
        { column: 'evaluated_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    if (entity.entityUid) {
      // Rows without a uid predate uids and belong to whoever has the ref.
      query.where(q =>
        q.where('entity_uid', entity.entityUid!).orWhereNull('entity_uid'),
      );
    }
    const rows = await query;
    return rows.map(row => ({
      evaluatedAt: toIso(row.evaluated_at)!,
      mode: row.mode,
      level: row.level,
      score: row.score,
      critical: row.critical,
      warning: row.warning,
      ruleSetVersion: row.rule_set_version,
    }));
  }

  async listHistorySince(
    since: Date,
    options?: { changedAfter?: number },
  ): Promise<HistoryPoint[]> {
    const columns = ['entity_ref', 'evaluated_at', 'level', 'change_seq'];
    if (options?.changedAfter !== undefined) {
      const added = await this.db(HISTORY)
        .select(columns)
        .where('change_seq', '>', options.changedAfter)
        .orderBy([
          { column: 'change_seq', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]);
      return added.map(toHistoryPoint);
    }
    const sinceIso = since.toISOString();
    const inWindow = this.db(HISTORY)
      .select(columns)
      .where('evaluated_at', '>=', sinceIso)
      .orderBy('id', 'asc');
    // The last change before the window gives each entity's starting level.
    const before = this.db(HISTORY)
      .select('entity_ref')
      .max({ last_id: 'id' })
      .where('evaluated_at', '<', sinceIso)
      .groupBy('entity_ref')
      .as('b');
    const starting = await this.db(HISTORY)
      .join(before, 'b.last_id', '=', `${HISTORY}.id`)
      .select(columns.map(c => `${HISTORY}.${c} as ${c}`));
    return [...starting, ...(await inWindow)].map(toHistoryPoint);
  }

  async listResults(entityRefs: string[]) {
    const out: Array<{
      entityRef: string;
      result: EvaluationResult;
      evaluatedAt?: string;
    }> = [];
    for (let i = 0; i < entityRefs.length; i += BATCH) {
      const rows = await this.db<EvaluationRow>(EVALUATIONS)
        .whereIn('entity_ref', entityRefs.slice(i, i + BATCH))
        .whereNotNull('result')
        .select('entity_ref', 'result', 'evaluated_at');
      for (const row of rows) {
        out.push({
          entityRef: row.entity_ref,
          result: JSON.parse(row.result!) as EvaluationResult,
          evaluatedAt: toIso(row.evaluated_at),
        });
      }
    }
    return out;
  }

  async listResultObjects(entityRefs: string[]) {
    const out = new Map<string, EvaluationResult['objects']>();
    const objects = this.resultObjectsColumn();
    if (!objects) {
      for (const { entityRef, result } of await this.listResults(entityRefs)) {
        out.set(entityRef, result.objects);
      }
      return out;
    }
    for (let i = 0; i < entityRefs.length; i += BATCH) {
      const rows = await this.db(EVALUATIONS)
        .whereIn('entity_ref', entityRefs.slice(i, i + BATCH))
        .whereNotNull('result')
        .select('entity_ref', objects);
      for (const row of rows) {
        out.set(row.entity_ref, JSON.parse(row.objects ?? '[]'));
      }
    }
    return out;
  }

  /** The stored result's `objects` as JSON text, where the database can take it out. */
  private resultObjectsColumn(): Knex.Raw | undefined {
    const client = String(this.db.client.config.client);
    if (client === 'pg') {
      return this.db.raw(`(result::json -> 'objects')::text as objects`);
    }
    if (client.includes('sqlite')) {
      return this.db.raw(`json_extract(result, '$.objects') as objects`);
    }
    return undefined;
  }

  async getEntityHashes(entityRefs: string[]) {
    const out = new Map<string, string>();
    for (let i = 0; i < entityRefs.length; i += BATCH) {
      const rows = await this.db(SOURCES)
        .whereIn('entity_ref', entityRefs.slice(i, i + BATCH))
        .select('entity_ref', 'entity_hash');
      for (const row of rows) out.set(row.entity_ref, row.entity_hash);
    }
    return out;
  }

  async listWatchedLocations(repository: string): Promise<EntityLocation[]> {
    const rows = await this.db(LOCATIONS)
      .where({ repository })
      .select('entity_ref', 'repository', 'ref_path', 'glob', 'kind');
    return rows.map(row => ({
      entityRef: row.entity_ref,
      repository: row.repository,
      refPath: orUndefined(row.ref_path),
      glob: orUndefined(row.glob),
      kind: row.kind,
    }));
  }

  async indexWatchedLocations(limit: number): Promise<number> {
    const rows = await this.db(SOURCES)
      .where({ locations_indexed: false })
      .orderBy('entity_ref')
      .limit(limit)
      .select('entity_ref', 'read_at', 'source_reads');
    if (!rows.length) return 0;
    await this.db.transaction(async tx => {
      const unchanged = [];
      for (const row of rows) {
        // A row written since the read above has indexed itself: leave it.
        const claimed = await tx(SOURCES)
          .where({
            entity_ref: row.entity_ref,
            read_at: row.read_at,
            locations_indexed: false,
          })
          .update({ locations_indexed: true });
        if (claimed) unchanged.push(row);
      }
      await this.replaceLocations(
        tx,
        unchanged.map(row => ({
          entityRef: row.entity_ref,
          records: JSON.parse(row.source_reads ?? '[]'),
        })),
      );
    });
    return rows.length;
  }

  async enqueuePush(push: RepositoryPush): Promise<boolean> {
    const inserted = await this.db(PUSHES)
      .insert({
        push_key: push.id,
        repository: push.repository,
        push: JSON.stringify(push),
      })
      .onConflict('push_key')
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  async claimNotification(claim: NotificationClaim): Promise<boolean> {
    const inserted = await this.db(NOTIFIED)
      .insert({
        entity_ref: claim.entityRef,
        notification_key: claim.key,
        payload: claim.payload,
        claimed_at: claim.at.toISOString(),
        attempts: 1,
      })
      .onConflict(['entity_ref', 'notification_key'])
      .ignore()
      .returning('id');
    return inserted.length > 0;
  }

  async markNotificationSent(
    entityRef: string,
    key: string,
    at: Date,
  ): Promise<void> {
    await this.db(NOTIFIED)
      .where({ entity_ref: entityRef, notification_key: key })
      .update({ sent_at: at.toISOString(), payload: null });
  }

  async claimUnsentNotifications(options: {
    at: Date;
    claimedBefore: Date;
    maxAttempts: number;
    limit: number;
  }): Promise<UnsentNotification[]> {
    const due = await this.db(NOTIFIED)
      .whereNull('sent_at')
      .where('claimed_at', '<', options.claimedBefore.toISOString())
      .where('attempts', '<', options.maxAttempts)
      .orderBy('id')
      .limit(options.limit)
      .select(
        'id',
        'entity_ref',
        'notification_key',
        'payload',
        'claimed_at',
        'attempts',
      );
    const claimed: UnsentNotification[] = [];
    const now = options.at.toISOString();
    for (const row of due) {
      // Only the replica whose update still sees the claim it read takes it.
      const updated = await this.db(NOTIFIED)
        .where({ id: row.id, claimed_at: row.claimed_at })
        .whereNull('sent_at')
        .update({ claimed_at: now, attempts: Number(row.attempts) + 1 });
      if (updated === 1) {
        claimed.push({
          entityRef: row.entity_ref,
          key: row.notification_key,
          payload: row.payload,
          attempts: Number(row.attempts) + 1,
        });
      }
    }
    return claimed;
  }

  async nextPushes(limit: number): Promise<QueuedPush[]> {
    const rows = await this.db(PUSHES)
      .orderBy('id')
      .limit(limit)
      .select('id', 'push');
    return rows.map(row => ({
      queueId: Number(row.id),
      push: JSON.parse(row.push) as RepositoryPush,
    }));
  }

  async removePush(queueId: number): Promise<void> {
    await this.db(PUSHES).where({ id: queueId }).delete();
  }

  async getCatalogMarks(): Promise<Map<string, string>> {
    const rows = await this.db(MARKS).select('entity_ref', 'etag');
    return new Map(rows.map(row => [row.entity_ref, row.etag]));
  }

  async setCatalogMarks(marks: Array<{ entityRef: string; etag: string }>) {
    for (let i = 0; i < marks.length; i += ROWS_PER_INSERT) {
      await this.db(MARKS)
        .insert(
          marks
            .slice(i, i + ROWS_PER_INSERT)
            .map(m => ({ entity_ref: m.entityRef, etag: m.etag })),
        )
        .onConflict('entity_ref')
        .merge();
    }
  }

  async getSources(entityRef: string) {
    return (await this.getSourcesFor([entityRef])).get(entityRef);
  }

  async getSourcesFor(entityRefs: string[]) {
    const out = new Map<string, StoredSources>();
    for (let i = 0; i < entityRefs.length; i += BATCH) {
      const rows = await this.db(SOURCES).whereIn(
        'entity_ref',
        entityRefs.slice(i, i + BATCH),
      );
      for (const row of rows) {
        out.set(row.entity_ref, {
          entityRef: row.entity_ref,
          entityHash: row.entity_hash,
          manifestsHash: row.manifests_hash,
          records: JSON.parse(row.source_reads ?? '[]'),
          readAt: toIso(row.read_at)!,
        });
      }
    }
    return out;
  }

  async deleteEntities(entityRefs: string[]) {
    for (let i = 0; i < entityRefs.length; i += BATCH) {
      const batch = entityRefs.slice(i, i + BATCH);
      await this.db.transaction(async tx => {
        const seq = await this.nextChangeSeq(tx);
        await tx(EVALUATIONS).whereIn('entity_ref', batch).delete();
        await tx(SOURCES).whereIn('entity_ref', batch).delete();
        await tx(HISTORY).whereIn('entity_ref', batch).delete();
        await tx(LOCATIONS).whereIn('entity_ref', batch).delete();
        await tx(MARKS).whereIn('entity_ref', batch).delete();
        await tx(NOTIFIED).whereIn('entity_ref', batch).delete();
        await tx(CHANGES)
          .where({ id: 1 })
          .update({ rows_removed_seq: seq, history_removed_seq: seq });
      });
    }
  }

  async pruneHistory(olderThan: Date): Promise<number> {
    return this.db.transaction(async tx => {
      const seq = await this.nextChangeSeq(tx);
      const latest = tx(HISTORY).max('id').groupBy('entity_ref');
      const deleted = await tx(HISTORY)
        .where('evaluated_at', '<', olderThan.toISOString())
        .whereNotIn('id', latest)
        .delete();
      if (deleted > 0) {
        await tx(CHANGES).where({ id: 1 }).update({ history_removed_seq: seq });
      }
      return deleted;
    });
  }
}
