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
  isChildPath,
  LoggerService,
  resolveSafeChildPath,
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  getEntitySourceLocation,
  parseLocationRef,
} from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import {
  Finding,
  makeFinding,
  parseManifestsAnnotation,
  RUNTIME_MODE_ANNOTATIONS,
  type RuleId,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { promises as fs } from 'node:fs';
import nodePath from 'node:path';
import { StoredManifest } from '../database/EvaluationStore';

/** What reading an entity's manifests produced. */
export interface ManifestReadOutcome {
  manifests: StoredManifest[];
  /** Sources refused, missing or too large: added to the result as `manifest` findings. */
  findings: Finding[];
  /** A source that failed (network, server): the previous result is kept and marked stale. */
  failure?: string;
  /** True when every source answered "not modified" (or was unchanged on disk). */
  unchanged: boolean;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const GLOB_CHARS = /[*?[\]{}]/;
/** Everything up to the ref of a GitHub/GitLab/Gitea/Bitbucket-style file or tree URL. */
const REPO_ROOT =
  /^(https?:\/\/[^?#]*?\/(?:-\/)?(?:blob|tree|src|raw)\/[^/?#]+\/)/;
const MAX_WALK_DEPTH = 12;
/** A `..` path segment, percent-encoded or not, or a backslash (a separator to URL parsers). */
const ESCAPING_SEGMENT = /(^|[/\\])(\.|%2e){2}($|[/\\])|\\|%5c/i;

function manifestFinding(id: RuleId, message: string, file?: string): Finding {
  return makeFinding(id, 'warning', message, file ? { file } : {});
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string })?.name;
}

/** One annotation entry once resolved against the entity's location. */
type ResolvedSource =
  | {
      kind: 'url-file' | 'url-tree' | 'url-search';
      source: string;
      url: string;
      display: string;
    }
  | { kind: 'fs'; source: string; baseDir: string; relative: string };

/**
 * Reads the manifests named by `runtime-mode.dev/manifests`. SCM files go
 * through the UrlReader only (so only configured integrations are reachable),
 * with ETags so unchanged files are not downloaded again. Local `file:`
 * catalog locations (development) are read from disk, confined to the
 * location's directory, because the default UrlReaders do not read `file:`.
 */
export class ManifestReader {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      logger: LoggerService;
      maxFiles: number;
      maxFileBytes: number;
    },
  ) {}

  async read(
    entity: Entity,
    previous: StoredManifest[] = [],
  ): Promise<ManifestReadOutcome> {
    const annotation =
      entity.metadata.annotations?.[RUNTIME_MODE_ANNOTATIONS.manifests];
    const outcome: ManifestReadOutcome = {
      manifests: [],
      findings: [],
      unchanged: true,
    };
    if (!annotation?.trim()) {
      outcome.unchanged = previous.length === 0;
      return outcome;
    }

    let entries: Array<{ type: 'url' | 'path'; target: string }>;
    try {
      entries = parseManifestsAnnotation(annotation);
    } catch (error) {
      outcome.findings.push(
        manifestFinding(
          'manifest-annotation-invalid',
          `The ${
            RUNTIME_MODE_ANNOTATIONS.manifests
          } annotation cannot be read: ${stringifyError(error)}`,
        ),
      );
      outcome.unchanged = false;
      return outcome;
    }

    // Each entry costs at least one request to the SCM, found or not: a
    // repeated entry is read once and a long list is cut at the file limit.
    entries = [
      ...new Map(entries.map(e => [`${e.type}:${e.target}`, e])).values(),
    ];
    if (entries.length > this.options.maxFiles) {
      outcome.findings.push(
        manifestFinding(
          'manifest-too-many-files',
          `The ${RUNTIME_MODE_ANNOTATIONS.manifests} annotation names ${entries.length} sources; only the first ${this.options.maxFiles} were read`,
        ),
      );
      entries = entries.slice(0, this.options.maxFiles);
    }

    const previousBySource = new Map<string, StoredManifest[]>();
    for (const manifest of previous) {
      const list = previousBySource.get(manifest.source) ?? [];
      list.push(manifest);
      previousBySource.set(manifest.source, list);
    }

    for (const entry of entries) {
      const source = `${entry.type}:${entry.target}`;
      const resolved = this.resolve(entity, entry, outcome);
      if (!resolved) {
        outcome.unchanged = false;
        continue;
      }
      const before = previousBySource.get(source) ?? [];
      try {
        if (resolved.kind === 'fs') {
          await this.readLocal(resolved, before, outcome);
        } else {
          await this.readRemote(resolved, before, outcome);
        }
      } catch (error) {
        this.classifyError(error, source, outcome);
      }
      if (outcome.manifests.length > this.options.maxFiles) {
        outcome.manifests.length = this.options.maxFiles;
        outcome.findings.push(
          manifestFinding(
            'manifest-too-many-files',
            `More than ${this.options.maxFiles} manifest files are named; only the first ${this.options.maxFiles} were evaluated`,
          ),
        );
        break;
      }
    }
    if (outcome.findings.length) {
      outcome.unchanged = false;
    }
    return outcome;
  }

  private classifyError(
    error: unknown,
    source: string,
    outcome: ManifestReadOutcome,
  ) {
    const name = errorName(error);
    if (
      name === 'NotFoundError' ||
      (error as NodeJS.ErrnoException)?.code === 'ENOENT'
    ) {
      outcome.findings.push(
        manifestFinding(
          'manifest-source-not-found',
          `Manifest source ${source} does not exist`,
          source,
        ),
      );
    } else if (name === 'NotAllowedError') {
      outcome.findings.push(
        manifestFinding(
          'manifest-source-refused',
          `Manifest source ${source} was refused: ${stringifyError(
            error,
          )}. Only URLs of the SCM integrations configured in app-config can be read.`,
          source,
        ),
      );
    } else {
      const reason = `Reading manifest source ${source} failed: ${stringifyError(
        error,
      )}`;
      this.options.logger.warn(reason);
      outcome.failure = outcome.failure
        ? `${outcome.failure}; ${reason}`
        : reason;
    }
  }

  private resolve(
    entity: Entity,
    entry: { type: 'url' | 'path'; target: string },
    outcome: ManifestReadOutcome,
  ): ResolvedSource | undefined {
    const source = `${entry.type}:${entry.target}`;
    const refuse = (reason: string) => {
      outcome.findings.push(
        manifestFinding(
          'manifest-source-refused',
          `Manifest source ${source} was refused: ${reason}`,
          source,
        ),
      );
      return undefined;
    };

    if (entry.type === 'url') {
      let url: URL;
      try {
        url = new URL(entry.target);
      } catch {
        return refuse('not a valid URL');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return refuse(`only http(s) URLs are read, not ${url.protocol}`);
      }
      return {
        kind: GLOB_CHARS.test(url.pathname)
          ? 'url-search'
          : kindOf(url.pathname),
        source,
        url: entry.target,
        display: entry.target,
      };
    }

    let location: { type: string; target: string };
    try {
      location = getEntitySourceLocation(entity);
    } catch {
      return refuse(
        'the entity has no source location (backstage.io/source-location or backstage.io/managed-by-location) to resolve relative paths against',
      );
    }
    const relative = entry.target.replace(/^\.?\/+/, '');
    if (location.type === 'file') {
      const target = location.target;
      const baseDir = target.endsWith('/') ? target : nodePath.dirname(target);
      // `backstage.io/source-location` is written by the entity's author, so
      // an entity read from any repository could point it at the backend's
      // own disk. Only the catalog's own `managed-by-location` is trusted to
      // say that an entity came from a local file, and the directory read
      // stays inside that file's directory.
      const managed = managedFileDir(entity);
      if (!managed) {
        return refuse(
          'file locations are read only for entities the catalog loaded from a file location',
        );
      }
      if (!isChildPath(managed, baseDir)) {
        return refuse(
          `the source location is outside the directory the entity was loaded from (${managed})`,
        );
      }
      return { kind: 'fs', source, baseDir, relative };
    }
    if (location.type !== 'url') {
      return refuse(`locations of type '${location.type}' are not supported`);
    }
    const base = location.target;
    const root =
      REPO_ROOT.exec(base)?.[1] ?? base.slice(0, base.lastIndexOf('/') + 1);
    const baseDir = base.endsWith('/')
      ? base
      : base.slice(0, base.lastIndexOf('/') + 1);
    // A leading slash means the repository root, never the host root.
    const from = entry.target.startsWith('/') ? root : baseDir;
    const globAt = relative.search(GLOB_CHARS);
    const staticPart =
      globAt < 0
        ? relative
        : relative.slice(0, relative.lastIndexOf('/', globAt) + 1);
    const globPart = globAt < 0 ? '' : relative.slice(staticPart.length);
    // The glob is not resolved here but by the UrlReader, whose URL parsing
    // turns `..` (or `%2e%2e`, or `\`) into a step up: out of the repository.
    if (globPart && ESCAPING_SEGMENT.test(globPart)) {
      return refuse('a glob may not contain `..` segments');
    }
    let resolved: string;
    try {
      resolved = new URL(staticPart, from).toString();
    } catch {
      return refuse('the path cannot be resolved against the source location');
    }
    if (!resolved.startsWith(root)) {
      return refuse(`the path escapes the repository (${root})`);
    }
    const display = resolved.slice(root.length) + globPart;
    if (globPart) {
      return { kind: 'url-search', source, url: resolved + globPart, display };
    }
    return { kind: kindOf(resolved), source, url: resolved, display };
  }

  private async readRemote(
    resolved: Extract<ResolvedSource, { url: string }>,
    before: StoredManifest[],
    outcome: ManifestReadOutcome,
  ) {
    const { urlReader } = this.options;
    const etag = before[0]?.etag;
    try {
      if (resolved.kind === 'url-file') {
        const response = await urlReader.readUrl(resolved.url, { etag });
        const buffer = await this.readCapped(response);
        outcome.unchanged = false;
        if (!buffer) {
          outcome.findings.push(this.tooLarge(resolved.display));
          return;
        }
        this.push(
          outcome,
          {
            source: resolved.source,
            path: resolved.display,
            content: buffer.toString('utf8'),
            etag: response.etag,
          },
          buffer.length,
        );
        return;
      }
      if (resolved.kind === 'url-tree') {
        const tooLarge: string[] = [];
        // One more than the limit, so that read() notices and says so; the
        // rest of a huge tree is never loaded into memory.
        let room = this.options.maxFiles + 1 - outcome.manifests.length;
        const response = await urlReader.readTree(resolved.url, {
          etag,
          filter: (path, info) => {
            if (!MANIFEST_FILE.test(path)) return false;
            if (info && info.size > this.options.maxFileBytes) {
              tooLarge.push(path);
              return false;
            }
            if (room <= 0) return false;
            room -= 1;
            return true;
          },
        });
        outcome.unchanged = false;
        for (const file of tooLarge) {
          outcome.findings.push(this.tooLarge(`${resolved.display}${file}`));
        }
        for (const file of await response.files()) {
          const buffer = await file.content();
          this.push(
            outcome,
            {
              source: resolved.source,
              path: joinDisplay(resolved.display, file.path),
              content: buffer.toString('utf8'),
              etag: response.etag,
            },
            buffer.length,
          );
        }
        return;
      }
      const response = await urlReader.search(resolved.url, { etag });
      outcome.unchanged = false;
      for (const file of response.files) {
        if (outcome.manifests.length > this.options.maxFiles) break;
        const buffer = await file.content();
        this.push(
          outcome,
          {
            source: resolved.source,
            path: file.url,
            content: buffer.toString('utf8'),
            etag: response.etag,
          },
          buffer.length,
        );
      }
    } catch (error) {
      if (errorName(error) === 'NotModifiedError') {
        outcome.manifests.push(...before);
        return;
      }
      throw error;
    }
  }

  /**
   * The body of a file, or undefined once it passes the size limit: a huge
   * file is not held in memory just to be refused.
   */
  private async readCapped(
    response: UrlReaderServiceReadUrlResponse,
  ): Promise<Buffer | undefined> {
    if (!response.stream) {
      return response.buffer();
    }
    const stream = response.stream();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += data.length;
      if (size > this.options.maxFileBytes) {
        stream.destroy();
        return undefined;
      }
      chunks.push(data);
    }
    return Buffer.concat(chunks);
  }

  private async readLocal(
    resolved: Extract<ResolvedSource, { kind: 'fs' }>,
    before: StoredManifest[],
    outcome: ManifestReadOutcome,
  ) {
    const { baseDir, relative, source } = resolved;
    const previousByPath = new Map(before.map(m => [m.path, m]));
    const globAt = relative.search(GLOB_CHARS);
    const staticPart =
      globAt < 0
        ? relative
        : relative.slice(0, relative.lastIndexOf('/', globAt) + 1);
    let start: string;
    try {
      // Refuses `..` and symlinks that lead out of the location's directory.
      start = resolveSafeChildPath(baseDir, staticPart || '.');
    } catch {
      outcome.findings.push(
        manifestFinding(
          'manifest-source-refused',
          `Manifest source ${source} was refused: the path escapes the location directory ${baseDir}`,
          source,
        ),
      );
      return;
    }
    const stat = await fs.stat(start);
    const files: string[] = [];
    const symlinks = new Set<string>();
    if (stat.isDirectory()) {
      await walk(start, 0, files, symlinks, this.options.maxFiles + 1);
    } else {
      files.push(start);
    }
    for (const file of files) {
      const display = nodePath
        .relative(baseDir, file)
        .split(nodePath.sep)
        .join('/');
      if (globAt >= 0 && !nodePath.matchesGlob(display, relative)) {
        continue;
      }
      if (stat.isDirectory() && !MANIFEST_FILE.test(file)) {
        continue;
      }
      // Real files under a checked directory stay inside it; symlinks may not.
      try {
        if (symlinks.has(file)) resolveSafeChildPath(baseDir, display);
      } catch {
        outcome.findings.push(
          manifestFinding(
            'manifest-source-refused',
            `Manifest file ${display} was refused: it resolves outside the location directory`,
            display,
          ),
        );
        continue;
      }
      const fileStat = await fs.stat(file);
      if (!fileStat.isFile()) {
        // A FIFO never ends and a device reports size 0: reading either hangs the refresh.
        outcome.findings.push(
          manifestFinding(
            'manifest-source-refused',
            `Manifest ${display} was refused: it is not a regular file`,
            display,
          ),
        );
        outcome.unchanged = false;
        continue;
      }
      const etag = `${fileStat.mtimeMs}:${fileStat.size}`;
      const old = previousByPath.get(display);
      if (old && old.etag === etag) {
        outcome.manifests.push(old);
        continue;
      }
      outcome.unchanged = false;
      if (fileStat.size > this.options.maxFileBytes) {
        outcome.findings.push(this.tooLarge(display));
        continue;
      }
      const content = await fs.readFile(file, 'utf8');
      this.push(
        outcome,
        { source, path: display, content, etag },
        fileStat.size,
      );
    }
    if (
      before.length !==
      outcome.manifests.filter(m => m.source === source).length
    ) {
      outcome.unchanged = false;
    }
  }

  private push(
    outcome: ManifestReadOutcome,
    manifest: StoredManifest,
    size: number,
  ) {
    if (size > this.options.maxFileBytes) {
      outcome.findings.push(this.tooLarge(manifest.path));
      return;
    }
    outcome.manifests.push(manifest);
  }

  private tooLarge(path: string): Finding {
    return manifestFinding(
      'manifest-too-large',
      `Manifest ${path} is larger than the limit of ${this.options.maxFileBytes} bytes and was not read`,
      path,
    );
  }
}

/** The directory of the entity's `file:` managed-by-location, if it has one. */
function managedFileDir(entity: Entity): string | undefined {
  const ref = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!ref) return undefined;
  try {
    const location = parseLocationRef(ref);
    if (location.type !== 'file') return undefined;
    return nodePath.dirname(nodePath.resolve(location.target));
  } catch {
    return undefined;
  }
}

function kindOf(path: string): 'url-file' | 'url-tree' {
  return MANIFEST_FILE.test(path.replace(/[?#].*$/, ''))
    ? 'url-file'
    : 'url-tree';
}

function joinDisplay(dir: string, file: string) {
  return dir ? `${dir.replace(/\/?$/, '/')}${file}` : file;
}

async function walk(
  dir: string,
  depth: number,
  out: string[],
  symlinks: Set<string>,
  max: number,
) {
  if (depth > MAX_WALK_DEPTH || out.length >= max) {
    return;
  }
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (out.length >= max) return;
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = nodePath.join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(full, depth + 1, out, symlinks, max);
    } else if (entry.isFile()) {
      out.push(full);
    } else if (entry.isSymbolicLink()) {
      symlinks.add(full);
      out.push(full);
    }
  }
}
