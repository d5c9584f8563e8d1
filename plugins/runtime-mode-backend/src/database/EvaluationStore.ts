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
  Finding,
  HistoryEntry,
  ManifestFile,
  PortfolioRow,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { RepositoryPush } from '../service/changes/pushEvents';
import type { WatchedLocation } from '../service/changes/watchedLocations';

/** Catalog fields kept next to a result so the portfolio never reads the catalog rows again. */
export interface EntitySummaryFields {
  entityRef: string;
  /** `metadata.uid`: history belongs to this entity, not to whichever entity has its ref later. */
  entityUid?: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
}

/** A manifest file as last read. */
export interface StoredManifest extends ManifestFile {
  /** mtime:size fingerprint of a local file, to skip reading it again. */
  etag?: string;
}

/** What one manifest source (one annotation entry) produced when last read. */
export interface SourceRecord {
  /** The annotation entry, e.g. `path:deploy/` or `url:https://...`. */
  source: string;
  /** What the entry resolved to (normalised URL or local path): entries with equal targets are read once. */
  target: string;
  /** ETag of the read (a fingerprint of the file list for local sources), also when it found no file. */
  etag?: string;
  manifests: StoredManifest[];
  /** Findings of the read (refused, missing, too large, cut), reproduced while the ETag holds. */
  findings: Finding[];
}

/** Inputs last read for an entity. */
export interface StoredSources {
  entityRef: string;
  entityHash: string;
  manifestsHash: string;
  records: SourceRecord[];
  readAt: string;
}

/** The stored state of one entity's evaluation. */
export interface StoredEvaluationRecord extends EntitySummaryFields {
  status: EvaluationStatus;
  staleReason?: string;
  evaluatedAt?: string;
  inputHash?: string;
  /** Hash of the fields a history row holds: a new row is written only when it changes. */
  historySignature?: string;
  ruleSetVersion?: string;
  result: EvaluationResult | null;
}

/** What the refresher needs to know about an entity to skip it. */
export interface RefreshState {
  inputHash?: string;
  status: EvaluationStatus;
}

/** What one refresh decided to store for one entity. */
export interface EntityWrite {
  entityRef: string;
  /** A new result, or a stale mark that keeps the previous one; none when only the sources changed. */
  evaluation?:
    | {
        type: 'result';
        summary: EntitySummaryFields;
        result: EvaluationResult;
        inputHash: string;
        evaluatedAt: Date;
      }
    | {
        type: 'stale';
        summary: EntitySummaryFields;
        reason: string;
        at: Date;
      };
  sources?: StoredSources;
}

/** What {@link EvaluationStore.writeBatch} did. */
export interface BatchOutcome {
  /** Results that got a history row (their summary changed). */
  changed: number;
  /** Writes not applied because a newer evaluation of the same entity was already stored. */
  superseded: number;
  /** Entities whose writes failed even on their own; the error is recorded on their stored row where possible. */
  failed: Array<{ entityRef: string; error: string }>;
}

/** Commit-ordered stamps: readers reload what changed after the number they last saw. */
export interface DataVersion {
  /** Number of the last committed write transaction. */
  changeSeq: number;
  /** Number of the last transaction that deleted evaluation rows. */
  rowsRemovedSeq: number;
  /** Number of the last transaction that deleted history rows. */
  historyRemovedSeq: number;
}

/** One history row, as the trend needs it. */
export interface HistoryPoint {
  entityRef: string;
  evaluatedAt: string;
  level: string;
  changeSeq: number;
}

/** A watched location with the entity that reads it. */
export interface EntityLocation extends WatchedLocation {
  entityRef: string;
}

/** A push waiting in the queue. */
export interface QueuedPush {
  queueId: number;
  push: RepositoryPush;
}

/** The APIs an evaluated entity uses and the versions its clusters run. */
export interface StoredApiUsage {
  /**
   * Distinct `apiVersion<TAB>kind` pairs; null for rows stored before the
   * pairs were recorded (their full result must be read).
   */
  apiKinds: string[] | null;
  /**
   * The version its clusters run today, per knowledge-base component
   * (`upgrade.versions[].current`); empty when none is stated, or for a
   * result of a rule set that did not record them.
   */
  currentVersions: Readonly<Record<string, string>>;
  /**
   * Names of the configured clusters it runs on (`runtime-mode.dev/clusters`);
   * null for rows stored before they were recorded (their full result must be read).
   */
  clusters: string[] | null;
}

/** A notification to record before it is sent. */
export interface NotificationClaim {
  entityRef: string;
  /** The event, unique per entity (see `ownerNotifications`). */
  key: string;
  /** What to send, as JSON, kept until it is sent. */
  payload: string;
  at: Date;
}

/** A recorded notification whose send failed, claimed for another attempt. */
export interface UnsentNotification {
  entityRef: string;
  key: string;
  payload: string;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** Persistence of results, history and the inputs last read. */
export interface EvaluationStore {
  getEvaluation(entityRef: string): Promise<StoredEvaluationRecord | undefined>;
  /** Input hash and status of every stored evaluation (or of the given entities), for the incremental refresh. */
  getInputHashes(entityRefs?: string[]): Promise<Map<string, RefreshState>>;
  /**
   * Applies the writes of many entities in one transaction: one commit per
   * batch instead of one per entity is what makes a 10,000-component refresh
   * affordable. When the batch fails, each entity is written on its own, so
   * that only an entity whose own write fails is left out; its error is
   * recorded on its stored row. An evaluation older than the stored one is
   * never written over it.
   */
  writeBatch(writes: EntityWrite[]): Promise<BatchOutcome>;
  /** Portfolio rows (no result bodies), all or those written after a change number. */
  listRows(options?: { changedAfter?: number }): Promise<PortfolioRow[]>;
  /** Changes of one entity, newest first; only the given uid's when one is given. */
  getHistory(
    entity: { entityRef: string; entityUid?: string },
    limit: number,
  ): Promise<HistoryEntry[]>;
  /** Commit-ordered stamps, for read caches. */
  getDataVersion(): Promise<DataVersion>;
  /**
   * What each evaluated entity uses, for the blast radius, without reading
   * results; with `changedAfter`, only rows written after that change
   * number, undefined for those that no longer have a stored result.
   */
  listApiUsage(options?: {
    changedAfter?: number;
  }): Promise<Map<string, StoredApiUsage | undefined>>;
  /**
   * History rows (entity, time, level) since a date, oldest first, plus the
   * last row before it per entity; with `changedAfter`, only rows written
   * after that change number, whatever their time.
   */
  listHistorySince(
    since: Date,
    options?: { changedAfter?: number },
  ): Promise<HistoryPoint[]>;
  /** Full stored results for a set of entities (blast radius). */
  listResults(
    entityRefs: string[],
  ): Promise<
    Array<{ entityRef: string; result: EvaluationResult; evaluatedAt?: string }>
  >;
  /**
   * The objects of stored results (what a blast-radius page judges), taken
   * out of the stored JSON by the database: the rest of each result is
   * neither sent nor parsed.
   */
  listResultObjects(
    entityRefs: string[],
  ): Promise<Map<string, EvaluationResult['objects']>>;
  /** Entity hash of the inputs last read, per entity that has stored sources. */
  getEntityHashes(entityRefs: string[]): Promise<Map<string, string>>;
  getSources(entityRef: string): Promise<StoredSources | undefined>;
  getSourcesFor(entityRefs: string[]): Promise<Map<string, StoredSources>>;
  /** Locations in a repository that stored sources read, with their entities. */
  listWatchedLocations(repository: string): Promise<EntityLocation[]>;
  /**
   * Indexes the locations of up to `limit` sources stored before locations
   * were kept; returns how many it indexed (0 once all are).
   */
  indexWatchedLocations(limit: number): Promise<number>;
  /** Queues a push; false when the same push (a redelivery) is queued already. */
  enqueuePush(push: RepositoryPush): Promise<boolean>;
  /**
   * Records that an entity's owner is being notified of an event, with what
   * to send until it is sent; false when it was recorded already (by this or
   * another replica): then nobody sends it again.
   */
  claimNotification(claim: NotificationClaim): Promise<boolean>;
  /** Marks a claimed notification sent at `at`: it is not tried again. */
  markNotificationSent(entityRef: string, key: string, at: Date): Promise<void>;
  /**
   * Claims at `at` up to `limit` notifications that are still unsent, were
   * last claimed before `claimedBefore` and were tried fewer than
   * `maxAttempts` times. Each is given to one caller across replicas.
   */
  claimUnsentNotifications(options: {
    at: Date;
    claimedBefore: Date;
    maxAttempts: number;
    limit: number;
  }): Promise<UnsentNotification[]>;
  /** The oldest queued pushes. */
  nextPushes(limit: number): Promise<QueuedPush[]>;
  /** Removes a handled push from the queue. */
  removePush(queueId: number): Promise<void>;
  /** The catalog etag of each Component when last checked. */
  getCatalogMarks(): Promise<Map<string, string>>;
  setCatalogMarks(
    marks: Array<{ entityRef: string; etag: string }>,
  ): Promise<void>;
  /** Removes entities that are gone from the catalog, with their history. */
  deleteEntities(entityRefs: string[]): Promise<void>;
  /**
   * Deletes history rows older than a date, except each entity's latest row
   * (the trend needs it as the entity's starting level). Returns how many.
   */
  pruneHistory(olderThan: Date): Promise<number>;
}
