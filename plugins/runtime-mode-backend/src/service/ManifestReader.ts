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
  LoggerService,
  resolveSafeChildPath,
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import {
  Finding,
  makeFinding,
  parseManifestsAnnotation,
  RUNTIME_MODE_ANNOTATIONS,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { promises as fs } from 'node:fs';
import nodePath from 'node:path';
import { SourceRecord, StoredManifest } from '../database/EvaluationStore';
import { hashOf } from './hashing';
import { AllowedRepositories } from './manifests/AllowedRepositories';
import { ByteBudget } from './manifests/ByteBudget';
import { readerFindings } from './manifests/readerFindings';
import type { RuntimeModePluginConfig } from './readPluginConfig';
import {
  MANIFEST_FILE,
  ResolvedSource,
  SourceLocator,
  splitGlob,
} from './manifests/SourceLocator';
import { walkFiles } from './manifests/walkFiles';

/**
 * What reading one source (one annotation entry) produced. `read`: read now;
 * `reused`: unchanged since the previous read (the SCM answered "not
 * modified", or no file changed on disk), which is kept as it was; `refused`:
 * not read, with the finding that says why; `failed`: a transient failure
 * (network, server), for which the previous result is kept and marked stale.
 */
export type SourceRead =
  | { status: 'read' | 'reused' | 'refused'; record: SourceRecord }
  | { status: 'failed'; source: string; failure: string };

/** What reading an entity's manifests produced: one result per source. */
export interface EntityRead {
  /** Findings about the annotation as a whole (unreadable, too many entries). */
  findings: Finding[];
  sources: SourceRead[];
}

/** Bounds of one refresh run that reads share. */
export interface ReadOptions {
  /** Bytes the run may still download; without one, only the per-entity bound applies. */
  runBudget?: ByteBudget;
  /** Stops the read (the scheduler's timeout, or shutdown). */
  signal?: AbortSignal;
}

/** Bytes of manifests kept per entity unless configured (runtimeMode.manifests.maxBytesPerEntity). */
export const DEFAULT_MAX_BYTES_PER_ENTITY = 8 * 1024 * 1024;
const MAX_WALK_DEPTH = 12;
/** Directory entries a local walk looks at, matching or not. */
const MAX_WALK_ENTRIES = 20_000;

/** The run's byte budget is used up: the source is read at the next run. */
class RunBudgetSpentError extends Error {
  name = 'RunBudgetSpentError';
}

/** What one source read may still take, decided before each read. */
interface SourceBounds {
  filesLeft: number;
  entityBudget: ByteBudget;
  runBudget: ByteBudget;
  signal?: AbortSignal;
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string })?.name;
}

function bytesOf(record: SourceRecord) {
  return record.manifests.reduce(
    (sum, m) => sum + Buffer.byteLength(m.content),
    0,
  );
}

function joinDisplay(dir: string, file: string) {
  return dir ? `${dir.replace(/\/?$/, '/')}${file}` : file;
}

/**
 * Reads the manifests named by `runtime-mode.dev/manifests`, one result per
 * source. SCM files go through the UrlReader only (so only configured
 * integrations are reachable) and only inside the repository the entity was
 * registered from (see {@link SourceLocator}), with ETags so unchanged
 * sources, even empty ones, are not downloaded again. Local `file:` catalog
 * locations (development) are read from disk, confined to the location's
 * directory, because the default UrlReaders do not read `file:`. Every read
 * is bounded: files per entity, bytes per file, bytes per entity, bytes per
 * refresh run.
 */
export class ManifestReader {
  private readonly locator: SourceLocator;

  /** A reader with the limits and allowed repositories of the plugin config. */
  static fromConfig(
    config: RuntimeModePluginConfig,
    deps: { urlReader: UrlReaderService; logger: LoggerService },
  ): ManifestReader {
    return new ManifestReader({
      ...deps,
      maxFiles: config.maxFilesPerEntity,
      maxFileBytes: config.engine.limits.maxFileBytes,
      maxBytesPerEntity: config.maxBytesPerEntity,
      allowedRepositories: new AllowedRepositories(config.allowedRepositories),
    });
  }

  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      logger: LoggerService;
      maxFiles: number;
      maxFileBytes: number;
      /** Bytes of manifests kept per entity. Default {@link DEFAULT_MAX_BYTES_PER_ENTITY}. */
      maxBytesPerEntity?: number;
      /** Repositories outside the entity's own that may be read. */
      allowedRepositories?: AllowedRepositories;
    },
  ) {
    this.locator = new SourceLocator(
      options.allowedRepositories ?? new AllowedRepositories([]),
    );
  }

  async read(
    entity: Entity,
    previous: SourceRecord[] = [],
    options: ReadOptions = {},
  ): Promise<EntityRead> {
    const annotation =
      entity.metadata.annotations?.[RUNTIME_MODE_ANNOTATIONS.manifests];
    if (!annotation?.trim()) {
      return { findings: [], sources: [] };
    }
    let entries: Array<{ type: 'url' | 'path'; target: string }>;
    try {
      entries = parseManifestsAnnotation(annotation);
    } catch (error) {
      return {
        findings: [
          makeFinding(
            'manifest-annotation-invalid',
            'warning',
            `The ${
              RUNTIME_MODE_ANNOTATIONS.manifests
            } annotation cannot be read: ${stringifyError(error)}`,
          ),
        ],
        sources: [],
      };
    }

    const { toRead, findings } = this.distinctSources(entity, entries);
    const previousByTarget = new Map(previous.map(r => [r.target, r]));
    const entityBudget = new ByteBudget(this.maxBytesPerEntity);
    const runBudget =
      options.runBudget ?? new ByteBudget(Number.MAX_SAFE_INTEGER);
    const sources: SourceRead[] = [];
    let filesLeft = this.options.maxFiles;
    for (const item of toRead) {
      options.signal?.throwIfAborted();
      if ('status' in item) {
        sources.push(item);
        continue;
      }
      const read = await this.readSource(
        item,
        previousByTarget.get(item.target),
        { filesLeft, entityBudget, runBudget, signal: options.signal },
      );
      if (read.status !== 'failed') {
        filesLeft = Math.max(0, filesLeft - read.record.manifests.length);
      }
      sources.push(read);
    }
    return { findings, sources };
  }

  /**
   * Resolves the entries, once per distinct target: each costs at least one
   * request to the SCM, found or not. A list longer than the file limit is
   * cut, with a finding.
   */
  private distinctSources(
    entity: Entity,
    entries: Array<{ type: 'url' | 'path'; target: string }>,
  ): { toRead: Array<ResolvedSource | SourceRead>; findings: Finding[] } {
    const { maxFiles } = this.options;
    const resolved = new Map<string, ResolvedSource | SourceRead>();
    for (const entry of entries) {
      const source = this.locator.resolve(entity, entry);
      if (source.kind === 'refused') {
        resolved.set(`refused:${source.source}`, {
          status: 'refused',
          record: {
            source: source.source,
            target: `refused:${source.source}`,
            manifests: [],
            findings: [source.finding],
          },
        });
      } else if (!resolved.has(source.target)) {
        resolved.set(source.target, source);
      }
    }
    const toRead = [...resolved.values()];
    if (toRead.length <= maxFiles) {
      return { toRead, findings: [] };
    }
    return {
      toRead: toRead.slice(0, maxFiles),
      findings: [
        readerFindings.listCut(
          `The ${RUNTIME_MODE_ANNOTATIONS.manifests} annotation`,
          `it names ${toRead.length} sources; only the first ${maxFiles} were read`,
        ),
      ],
    };
  }

  private async readSource(
    resolved: ResolvedSource,
    previous: SourceRecord | undefined,
    bounds: SourceBounds,
  ): Promise<SourceRead> {
    const { source, target } = resolved;
    const recordOf = (findings: Finding[]): SourceRecord => ({
      source,
      target,
      manifests: [],
      findings,
    });
    try {
      return resolved.kind === 'fs'
        ? await this.readLocal(resolved, previous, bounds)
        : await this.readRemote(resolved, previous, bounds);
    } catch (error) {
      const name = errorName(error);
      if (bounds.signal?.aborted || name === 'AbortError') {
        throw error;
      }
      if (name === 'NotModifiedError' && previous) {
        // An unchanged source keeps what it held, within budget or not.
        bounds.entityBudget.charge(bytesOf(previous));
        return { status: 'reused', record: previous };
      }
      if (
        name === 'NotFoundError' ||
        (error as NodeJS.ErrnoException)?.code === 'ENOENT'
      ) {
        return {
          status: 'read',
          record: recordOf([readerFindings.notFound(source)]),
        };
      }
      if (name === 'NotAllowedError') {
        return {
          status: 'refused',
          record: recordOf([
            readerFindings.refused(
              `source ${source}`,
              `${stringifyError(
                error,
              )}. Only URLs of the SCM integrations configured in app-config can be read.`,
            ),
          ]),
        };
      }
      const failure =
        error instanceof RunBudgetSpentError
          ? `Manifest source ${source} was not read: this refresh already read its limit of ${bounds.runBudget.limit} bytes (runtimeMode.manifests.maxBytesPerRun); it is read at the next refresh`
          : `Reading manifest source ${source} failed: ${stringifyError(
              error,
            )}`;
      this.options.logger.warn(failure);
      return { status: 'failed', source, failure };
    }
  }

  private async readRemote(
    resolved: Exclude<ResolvedSource, { kind: 'fs' }>,
    previous: SourceRecord | undefined,
    bounds: SourceBounds,
  ): Promise<SourceRead> {
    const { urlReader, maxFileBytes } = this.options;
    const { source, target } = resolved;
    const etag = previous?.etag;
    if (resolved.kind === 'url-file') {
      if (bounds.filesLeft <= 0) {
        return this.cutRead(resolved, 'no more files may be read');
      }
      const response = await urlReader.readUrl(resolved.url, {
        etag,
        signal: bounds.signal,
      });
      const body = await this.readCapped(response, bounds);
      const findings: Finding[] = [];
      const manifests: StoredManifest[] = [];
      if (body === 'too-large') {
        findings.push(readerFindings.tooLarge(resolved.display, maxFileBytes));
      } else if (body === 'over-entity-budget') {
        findings.push(this.overEntityBudget(resolved.display));
      } else {
        manifests.push({
          path: resolved.display,
          content: body.toString('utf8'),
        });
      }
      return {
        status: 'read',
        record: { source, target, etag: response.etag, manifests, findings },
      };
    }

    const wanted = (path: string) =>
      MANIFEST_FILE.test(path) &&
      (!resolved.glob || nodePath.posix.matchesGlob(path, resolved.glob));
    const tooLarge: string[] = [];
    const overBudget: string[] = [];
    let accepted = 0;
    let cut = false;
    let runSpent = false;
    const response = await urlReader.readTree(resolved.url, {
      etag,
      signal: bounds.signal,
      // Decides on name and size before any content is read: `**` over a
      // large repository loads only the manifests it keeps.
      filter: (path, info) => {
        if (!wanted(path)) return false;
        if (accepted >= bounds.filesLeft) {
          cut = true;
          return false;
        }
        const size = info?.size;
        if (size !== undefined) {
          if (size > maxFileBytes) {
            tooLarge.push(path);
            return false;
          }
          if (!bounds.entityBudget.take(size)) {
            overBudget.push(path);
            return false;
          }
          if (!bounds.runBudget.take(size)) {
            runSpent = true;
            return false;
          }
        }
        accepted += 1;
        return true;
      },
    });
    const files = await response.files();
    if (runSpent) {
      throw new RunBudgetSpentError();
    }
    const findings = [
      ...tooLarge.map(f =>
        readerFindings.tooLarge(joinDisplay(resolved.display, f), maxFileBytes),
      ),
      ...overBudget.map(f =>
        this.overEntityBudget(joinDisplay(resolved.display, f)),
      ),
    ];
    if (cut) {
      findings.push(
        readerFindings.listCut(
          `Manifest source ${source}`,
          `more manifest files match than the ${this.options.maxFiles} a component may have (runtimeMode.api.maxFilesPerEntity)`,
        ),
      );
    }
    const manifests: StoredManifest[] = [];
    for (const file of files) {
      // The filter decides; this only guards against a reader that ignores it.
      if (!wanted(file.path)) continue;
      const buffer = await file.content();
      const path = joinDisplay(resolved.display, file.path);
      // Readers that give no size in the filter are checked after the read.
      if (buffer.length > maxFileBytes) {
        findings.push(readerFindings.tooLarge(path, maxFileBytes));
        continue;
      }
      manifests.push({ path, content: buffer.toString('utf8') });
    }
    return {
      status: 'read',
      record: { source, target, etag: response.etag, manifests, findings },
    };
  }

  /**
   * The body of a file, read no further than its limits allow: the file
   * size limit, what the entity may still hold, what the run may still
   * download. A huge file is not held in memory just to be refused.
   */
  private async readCapped(
    response: UrlReaderServiceReadUrlResponse,
    bounds: SourceBounds,
  ): Promise<Buffer | 'too-large' | 'over-entity-budget'> {
    const { maxFileBytes } = this.options;
    const limit = Math.min(
      maxFileBytes,
      bounds.entityBudget.remaining,
      bounds.runBudget.remaining,
    );
    const overLimit = () => {
      if (limit === maxFileBytes) return 'too-large' as const;
      if (limit === bounds.entityBudget.remaining) {
        return 'over-entity-budget' as const;
      }
      throw new RunBudgetSpentError();
    };
    let body: Buffer;
    if (response.stream) {
      const stream = response.stream();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream) {
        const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        size += data.length;
        if (size > limit) {
          stream.destroy();
          return overLimit();
        }
        chunks.push(data);
      }
      body = Buffer.concat(chunks);
    } else {
      body = await response.buffer();
      if (body.length > limit) {
        return overLimit();
      }
    }
    bounds.entityBudget.take(body.length);
    bounds.runBudget.take(body.length);
    return body;
  }

  private async readLocal(
    resolved: Extract<ResolvedSource, { kind: 'fs' }>,
    previous: SourceRecord | undefined,
    bounds: SourceBounds,
  ): Promise<SourceRead> {
    const { maxFileBytes } = this.options;
    const { baseDir, relative, source, target } = resolved;
    const { staticPart, globPart } = splitGlob(relative);
    let start: string;
    try {
      // Refuses `..` and symlinks that lead out of the location's directory.
      start = resolveSafeChildPath(baseDir, staticPart || '.');
    } catch {
      return {
        status: 'refused',
        record: {
          source,
          target,
          manifests: [],
          findings: [
            readerFindings.refused(
              `source ${source}`,
              `the path escapes the location directory ${baseDir}`,
            ),
          ],
        },
      };
    }
    const display = (file: string) =>
      nodePath.relative(baseDir, file).split(nodePath.sep).join('/');
    const findings: Finding[] = [];
    let files: string[];
    let symlinks = new Set<string>();
    if ((await fs.stat(start)).isDirectory()) {
      const walk = await walkFiles(
        start,
        file =>
          MANIFEST_FILE.test(file) &&
          (!globPart || nodePath.matchesGlob(display(file), relative)),
        {
          maxFiles: bounds.filesLeft,
          maxEntries: MAX_WALK_ENTRIES,
          maxDepth: MAX_WALK_DEPTH,
        },
        bounds.signal,
      );
      if (walk.cut) {
        findings.push(
          readerFindings.listCut(`Manifest source ${source}`, walk.cut),
        );
      }
      files = walk.files;
      symlinks = walk.symlinks;
    } else if (bounds.filesLeft > 0) {
      files = [start];
    } else {
      return this.cutRead(resolved, 'no more files may be read');
    }

    const candidates: Array<{
      path: string;
      file: string;
      etag: string;
      size: number;
    }> = [];
    for (const file of files) {
      const path = display(file);
      // Real files under a checked directory stay inside it; symlinks may not.
      try {
        if (symlinks.has(file)) resolveSafeChildPath(baseDir, path);
      } catch {
        findings.push(
          readerFindings.refused(
            `file ${path}`,
            'it resolves outside the location directory',
          ),
        );
        continue;
      }
      const stat = await fs.stat(file);
      if (!stat.isFile()) {
        // A FIFO never ends and a device reports size 0: reading either hangs the refresh.
        findings.push(
          readerFindings.refused(`${path}`, 'it is not a regular file'),
        );
        continue;
      }
      candidates.push({
        path,
        file,
        etag: `${stat.mtimeMs}:${stat.size}`,
        size: stat.size,
      });
    }
    // The source's ETag: what a stat of every file says, and what it found.
    const etag = hashOf({
      files: candidates.map(c => [c.path, c.etag]),
      findings: findings.map(f => f.message),
    });
    if (previous?.etag === etag) {
      bounds.entityBudget.charge(bytesOf(previous));
      return { status: 'reused', record: previous };
    }
    const previousByPath = new Map(previous?.manifests.map(m => [m.path, m]));
    const manifests: StoredManifest[] = [];
    for (const { path, file, etag: fileEtag, size } of candidates) {
      if (size > maxFileBytes) {
        findings.push(readerFindings.tooLarge(path, maxFileBytes));
        continue;
      }
      if (!bounds.entityBudget.take(size)) {
        findings.push(this.overEntityBudget(path));
        continue;
      }
      const old = previousByPath.get(path);
      if (old?.etag === fileEtag) {
        manifests.push(old);
        continue;
      }
      if (!bounds.runBudget.take(size)) {
        throw new RunBudgetSpentError();
      }
      const content = await fs.readFile(file, 'utf8');
      manifests.push({ path, content, etag: fileEtag });
    }
    return {
      status: 'read',
      record: { source, target, etag, manifests, findings },
    };
  }

  private cutRead(resolved: ResolvedSource, reason: string): SourceRead {
    return {
      status: 'read',
      record: {
        source: resolved.source,
        target: resolved.target,
        manifests: [],
        findings: [
          readerFindings.listCut(
            `Manifest source ${resolved.source}`,
            `${reason}: the component already has the ${this.options.maxFiles} files it may have (runtimeMode.api.maxFilesPerEntity)`,
          ),
        ],
      },
    };
  }

  private get maxBytesPerEntity() {
    return this.options.maxBytesPerEntity ?? DEFAULT_MAX_BYTES_PER_ENTITY;
  }

  private overEntityBudget(path: string) {
    return readerFindings.overEntityBudget(path, this.maxBytesPerEntity);
  }
}
