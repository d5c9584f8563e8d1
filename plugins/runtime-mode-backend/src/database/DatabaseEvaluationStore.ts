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
  EntitySummaryFields,
  EvaluationStore,
  SaveResultOutcome,
  SaveResultRequest,
  StoredEvaluationRecord,
  StoredSources,
  WriteBatch,
  DataVersion,
  HistoryPoint,
} from './EvaluationStore';
import { hashOf } from '../service/hashing';

const migrationsDir = resolvePackagePath(
  '@runtime-mode/backstage-plugin-runtime-mode-backend',
  'migrations',
);

const EVALUATIONS = 'runtime_mode_evaluations';
const HISTORY = 'runtime_mode_history';
const SOURCES = 'runtime_mode_sources';

/** Keeps IN lists below every engine's bound-parameter limit. */
const BATCH = 500;
/** Rows per multi-row insert (about 25 columns each: well below SQLite's 32,766 parameters). */
const ROWS_PER_INSERT = 100;

type EvaluationRow = {
  entity_ref: string;
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
  result_hash: string | null;
  result: string | null;
  evaluated_at: Date | string | number | null;
};

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
];

/** SQLite returns strings or numbers for datetimes, PostgreSQL returns Dates. */
function toIso(value: Date | string | number | null | undefined) {
  if (value === null || value === undefined) {
    return undefined;
  }
  return new Date(value).toISOString();
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
function historySignature(result: EvaluationResult) {
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

function toHistoryPoint(row: Record<string, unknown>): HistoryPoint {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref as string,
    evaluatedAt: toIso(row.evaluated_at as string)!,
    level: row.level as string,
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
    title: summary.title ?? null,
    owner: summary.owner ?? null,
    system: summary.system ?? null,
    domain: summary.domain ?? null,
    lifecycle: summary.lifecycle ?? null,
  };
}

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

  static async migrateDown(client: Knex) {
    await client.migrate.rollback({ directory: migrationsDir }, true);
  }

  static fromClient(client: Knex) {
    return new DatabaseEvaluationStore(client);
  }

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
      resultHash: orUndefined(row.result_hash),
      ruleSetVersion: orUndefined(row.rule_set_version),
      result: row.result ? (JSON.parse(row.result) as EvaluationResult) : null,
    };
  }

  async getInputHashes() {
    const rows = await this.db<EvaluationRow>(EVALUATIONS).select(
      'entity_ref',
      'input_hash',
      'status',
    );
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

  async saveResult(request: SaveResultRequest): Promise<SaveResultOutcome> {
    const { changed } = await this.writeBatch({
      results: [request],
      stale: [],
      sources: [],
    });
    return { changed: changed > 0 };
  }

  async markStale(summary: EntitySummaryFields, reason: string, at: Date) {
    await this.writeBatch({
      results: [],
      stale: [{ summary, reason, at }],
      sources: [],
    });
  }

  async saveSources(sources: StoredSources) {
    await this.writeBatch({ results: [], stale: [], sources: [sources] });
  }

  async writeBatch(batch: WriteBatch): Promise<{ changed: number }> {
    if (!batch.results.length && !batch.stale.length && !batch.sources.length) {
      return { changed: 0 };
    }
    return this.db.transaction(async tx => {
      let changed = 0;
      if (batch.results.length) {
        changed = await this.writeResults(tx, batch.results);
      }
      for (const { summary, reason, at } of batch.stale) {
        await this.writeStale(tx, summary, reason, at);
      }
      for (let i = 0; i < batch.sources.length; i += ROWS_PER_INSERT) {
        const rows = batch.sources
          .slice(i, i + ROWS_PER_INSERT)
          .map(sources => ({
            entity_ref: sources.entityRef,
            entity_hash: sources.entityHash,
            manifests_hash: sources.manifestsHash,
            manifests: JSON.stringify(sources.manifests),
            read_at: sources.readAt,
          }));
        await tx(SOURCES).insert(rows).onConflict('entity_ref').merge();
      }
      return { changed };
    });
  }

  private async writeResults(
    tx: Knex.Transaction,
    requests: SaveResultRequest[],
  ) {
    const previousHashes = new Map<string, string | null>();
    const refs = requests.map(r => r.summary.entityRef);
    for (let i = 0; i < refs.length; i += BATCH) {
      const rows = await tx<EvaluationRow>(EVALUATIONS)
        .whereIn('entity_ref', refs.slice(i, i + BATCH))
        .select('entity_ref', 'result_hash');
      for (const row of rows) {
        previousHashes.set(row.entity_ref, row.result_hash);
      }
    }
    const evaluationRows = [];
    const historyRows = [];
    for (const { summary, result, inputHash, evaluatedAt } of requests) {
      const counts = countsOf(result);
      const resultHash = historySignature(result);
      const at = evaluatedAt.toISOString();
      evaluationRows.push({
        entity_ref: summary.entityRef,
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
        result_hash: resultHash,
        result: JSON.stringify(result),
        api_kinds: apiKindsOf(result),
        evaluated_at: at,
        checked_at: at,
      });
      if (previousHashes.get(summary.entityRef) !== resultHash) {
        historyRows.push({
          entity_ref: summary.entityRef,
          evaluated_at: at,
          mode: result.mode.value,
          level: result.readiness.level,
          score: result.readiness.score,
          critical: counts.critical,
          warning: counts.warning,
          rule_set_version: result.ruleSetVersion,
        });
      }
    }
    for (let i = 0; i < evaluationRows.length; i += ROWS_PER_INSERT) {
      await tx(EVALUATIONS)
        .insert(evaluationRows.slice(i, i + ROWS_PER_INSERT))
        .onConflict('entity_ref')
        .merge();
    }
    for (let i = 0; i < historyRows.length; i += ROWS_PER_INSERT) {
      await tx(HISTORY).insert(historyRows.slice(i, i + ROWS_PER_INSERT));
    }
    return historyRows.length;
  }

  private async writeStale(
    tx: Knex.Transaction,
    summary: EntitySummaryFields,
    reason: string,
    at: Date,
  ) {
    const existing = await tx<EvaluationRow>(EVALUATIONS)
      .where({ entity_ref: summary.entityRef })
      .first('result');
    const columns = {
      ...summaryColumns(summary),
      // Never evaluated: pending with the reason; otherwise the old result stays, marked stale.
      status: existing?.result ? 'stale' : 'pending',
      stale_reason: reason,
      checked_at: at.toISOString(),
    };
    if (existing) {
      await tx(EVALUATIONS)
        .where({ entity_ref: summary.entityRef })
        .update(columns);
    } else {
      await tx(EVALUATIONS).insert({
        entity_ref: summary.entityRef,
        ...columns,
        mode: 'unknown',
        level: 'unknown',
      });
    }
  }

  async listRows(options?: { checkedSince?: Date }): Promise<PortfolioRow[]> {
    const query = this.db(EVALUATIONS).select(ROW_COLUMNS);
    if (options?.checkedSince) {
      query.where('checked_at', '>=', options.checkedSince.toISOString());
    }
    const rows = (await query) as EvaluationRow[];
    return rows.map(row => ({
      entityRef: row.entity_ref,
      name: row.name,
      namespace: row.namespace,
      title: orUndefined(row.title),
      owner: orUndefined(row.owner),
      system: orUndefined(row.system),
      domain: orUndefined(row.domain),
      lifecycle: orUndefined(row.lifecycle),
      mode: row.mode as ModeValue,
      modeConflict: Boolean(row.mode_conflict),
      targetMode: (row.target_mode as RuntimeModeId | null) ?? null,
      level: row.level as ReadinessLevel,
      score: row.score,
      critical: row.critical,
      warning: row.warning,
      info: row.info,
      categories: row.categories
        ? (row.categories.split(',') as ConcernCategory[])
        : [],
      status: row.status as EvaluationStatus,
      evaluatedAt: toIso(row.evaluated_at),
    }));
  }

  async getDataVersion(): Promise<DataVersion> {
    const [[rows], [history]] = await Promise.all([
      this.db(EVALUATIONS).count({ count: '*' }).max({ checked: 'checked_at' }),
      this.db(HISTORY).max({ id: 'id' }),
    ]);
    return {
      rowCount: Number(rows?.count ?? 0),
      lastChecked: toIso(rows?.checked as string | null),
      lastHistoryId: Number(history?.id ?? 0),
    };
  }

  async listApiKinds() {
    const rows = await this.db(EVALUATIONS)
      .whereNotNull('result')
      .select('entity_ref', 'api_kinds');
    return new Map<string, string[] | null>(
      rows.map(row => [
        row.entity_ref as string,
        row.api_kinds === null || row.api_kinds === undefined
          ? null
          : (row.api_kinds as string).split('\n').filter(Boolean),
      ]),
    );
  }

  async getHistory(entityRef: string, limit: number): Promise<HistoryEntry[]> {
    const rows = await this.db(HISTORY)
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'evaluated_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
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
    options?: { afterId?: number },
  ): Promise<HistoryPoint[]> {
    const sinceIso = since.toISOString();
    const columns = ['id', 'entity_ref', 'evaluated_at', 'level'];
    const inWindow = this.db(HISTORY)
      .select(columns)
      .where('evaluated_at', '>=', sinceIso)
      .orderBy('id', 'asc');
    if (options?.afterId !== undefined) {
      // Only rows appended since the caller's last read (history is append-only).
      inWindow.where('id', '>', options.afterId);
      return (await inWindow).map(toHistoryPoint);
    }
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
    const out: Array<{ entityRef: string; result: EvaluationResult }> = [];
    for (let i = 0; i < entityRefs.length; i += BATCH) {
      const rows = await this.db<EvaluationRow>(EVALUATIONS)
        .whereIn('entity_ref', entityRefs.slice(i, i + BATCH))
        .whereNotNull('result')
        .select('entity_ref', 'result');
      for (const row of rows) {
        out.push({
          entityRef: row.entity_ref,
          result: JSON.parse(row.result!) as EvaluationResult,
        });
      }
    }
    return out;
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
          manifests: JSON.parse(row.manifests),
          readAt: toIso(row.read_at)!,
        });
      }
    }
    return out;
  }

  async deleteEntities(entityRefs: string[]) {
    for (let i = 0; i < entityRefs.length; i += BATCH) {
      const batch = entityRefs.slice(i, i + BATCH);
      await this.db(EVALUATIONS).whereIn('entity_ref', batch).delete();
      await this.db(SOURCES).whereIn('entity_ref', batch).delete();
    }
  }
}
