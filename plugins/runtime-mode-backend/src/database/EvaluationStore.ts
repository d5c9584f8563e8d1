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
  EvaluationResult,
  EvaluationStatus,
  HistoryEntry,
  ManifestFile,
  PortfolioRow,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** Catalog fields kept next to a result so the portfolio never reads the catalog rows again. */
export interface EntitySummaryFields {
  entityRef: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
}

/** A manifest as last read, with what is needed to avoid reading it again. */
export interface StoredManifest extends ManifestFile {
  /** The source (annotation entry) the file came from. */
  source: string;
  /** ETag (or mtime/size fingerprint for local files) of the read that produced `content`. */
  etag?: string;
}

/** Inputs last read for an entity. */
export interface StoredSources {
  entityRef: string;
  entityHash: string;
  manifestsHash: string;
  manifests: StoredManifest[];
  readAt: string;
}

/** The stored state of one entity's evaluation. */
export interface StoredEvaluationRecord extends EntitySummaryFields {
  status: EvaluationStatus;
  staleReason?: string;
  evaluatedAt?: string;
  inputHash?: string;
  resultHash?: string;
  ruleSetVersion?: string;
  result: EvaluationResult | null;
}

/** What {@link EvaluationStore.saveResult} writes. */
export interface SaveResultRequest {
  summary: EntitySummaryFields;
  result: EvaluationResult;
  inputHash: string;
  evaluatedAt: Date;
}

/** Outcome of {@link EvaluationStore.saveResult}. */
export interface SaveResultOutcome {
  /** True when a history row was written, i.e. the result changed. */
  changed: boolean;
}

/** Stamps that move whenever stored rows or history change. */
export interface DataVersion {
  rowCount: number;
  /** Latest `checked_at` (every write sets it), ISO; undefined when empty. */
  lastChecked?: string;
  lastHistoryId: number;
}

/** One history row, as the trend needs it. */
export interface HistoryPoint {
  id: number;
  entityRef: string;
  evaluatedAt: string;
  level: string;
}

/** Writes of one refresh batch, applied in one transaction. */
export interface WriteBatch {
  results: SaveResultRequest[];
  stale: Array<{ summary: EntitySummaryFields; reason: string; at: Date }>;
  sources: StoredSources[];
}

/** Persistence of results, history and the inputs last read. */
export interface EvaluationStore {
  getEvaluation(entityRef: string): Promise<StoredEvaluationRecord | undefined>;
  /** Hashes of all stored evaluations, for the incremental refresh. */
  getInputHashes(): Promise<
    Map<string, { inputHash?: string; status: EvaluationStatus }>
  >;
  /**
   * Applies a refresh batch in one transaction: one commit per batch instead
   * of one per entity is what makes a 10,000-component refresh affordable.
   * Returns how many results changed (got a history row).
   */
  writeBatch(batch: WriteBatch): Promise<{ changed: number }>;
  /** Stores a result; writes a history row only if the result differs from the stored one. */
  saveResult(request: SaveResultRequest): Promise<SaveResultOutcome>;
  /** Keeps the previous result and marks it stale (or pending when there is none). */
  markStale(
    summary: EntitySummaryFields,
    reason: string,
    at: Date,
  ): Promise<void>;
  /** Portfolio rows (no result bodies): light enough to load all of them. */
  listRows(options?: { checkedSince?: Date }): Promise<PortfolioRow[]>;
  getHistory(entityRef: string, limit: number): Promise<HistoryEntry[]>;
  /** Cheap stamps that change whenever rows or history change, for read caches. */
  getDataVersion(): Promise<DataVersion>;
  /**
   * Distinct `apiVersion<TAB>kind` pairs per evaluated entity; null for rows
   * stored before the pairs were recorded (their full result must be read).
   */
  listApiKinds(): Promise<Map<string, string[] | null>>;
  /** History rows (entity, time, level) since a date, oldest first, plus the last row before it per entity. */
  listHistorySince(
    since: Date,
    options?: { afterId?: number },
  ): Promise<HistoryPoint[]>;
  /** Full stored results for a set of entities (blast radius). */
  listResults(
    entityRefs: string[],
  ): Promise<Array<{ entityRef: string; result: EvaluationResult }>>;
  getSources(entityRef: string): Promise<StoredSources | undefined>;
  getSourcesFor(entityRefs: string[]): Promise<Map<string, StoredSources>>;
  saveSources(sources: StoredSources): Promise<void>;
  /** Removes entities that are gone from the catalog. */
  deleteEntities(entityRefs: string[]): Promise<void>;
}
