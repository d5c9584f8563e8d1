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
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { component } from './fixtures';

/** What `readUrl` answers with for `content`. */
export function readUrlResponse(
  content: string,
  etag: string,
): UrlReaderServiceReadUrlResponse {
  return {
    buffer: async () => Buffer.from(content),
    stream: () => Readable.from([Buffer.from(content)]),
    etag,
  };
}

const URL_SHAPE =
  /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(?:blob|tree)\/[^/]+\/(.*)$/;

/** What `readTree` answers with for `files` (paths relative to the tree). */
export function readTreeResponse(
  etag: string,
  files: Array<{ path: string; content: string }>,
): UrlReaderServiceReadTreeResponse {
  const notServed = async (): Promise<never> => {
    throw new Error('only files() is served');
  };
  return {
    etag,
    files: async () =>
      files.map(f => ({
        path: f.path,
        content: async () => Buffer.from(f.content),
      })),
    archive: notServed,
    dir: notServed,
  };
}

/**
 * A GitHub-like SCM behind the UrlReader interface, with ETags per
 * repository revision, for fault tests: it can fail, stall or count its
 * downloads the way a real integration would.
 */
export class FakeScm implements UrlReaderService {
  private readonly repos = new Map<
    string,
    { revision: number; files: Map<string, string> }
  >();
  /** Every readUrl/readTree call, in order. */
  readonly calls: string[] = [];
  /** Calls answered with content (not "not modified", not failed). */
  downloads = 0;
  /** Decides, per call (1-based), whether it fails and how. */
  fault?: (call: number, url: string) => Error | undefined;
  /** How long a download takes (a "not modified" answer is immediate); an abort signal ends the wait. */
  delayMs = 0;

  /**
   * One repository `acme/<name>` per name, holding `filesOf(name)`, and the
   * components the catalog registered from them, reading `deploy/`.
   */
  hostComponents(
    names: string[],
    filesOf: (name: string) => Record<string, string>,
  ): Entity[] {
    return names.map(name => {
      this.setFiles(`acme/${name}`, filesOf(name));
      return component(name, {
        manifests: 'deploy/',
        annotations: {
          'backstage.io/managed-by-location': `url:https://github.com/acme/${name}/blob/main/catalog-info.yaml`,
        },
      });
    });
  }

  /** Sets the files of a repository (`owner/name`), as a new revision. */
  setFiles(repository: string, files: Record<string, string>) {
    const revision = (this.repos.get(repository)?.revision ?? 0) + 1;
    this.repos.set(repository, {
      revision,
      files: new Map(Object.entries(files)),
    });
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const { repository, path, etag } = await this.answer(url, options);
    const content = repository.files.get(path);
    if (content === undefined) throw new NotFoundError(`${url} not found`);
    await this.download(options?.signal);
    return readUrlResponse(content, etag);
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const { repository, path, etag } = await this.answer(url, options);
    const prefix = path && !path.endsWith('/') ? `${path}/` : path;
    const files = [...repository.files.entries()]
      .filter(([file]) => file.startsWith(prefix))
      .map(([file, content]) => ({ path: file.slice(prefix.length), content }))
      .filter(
        f =>
          !options?.filter ||
          options.filter(f.path, { size: Buffer.byteLength(f.content) }),
      );
    await this.download(options?.signal);
    return readTreeResponse(etag, files);
  }

  async search(): Promise<UrlReaderServiceSearchResponse> {
    throw new Error('search is not served: globs are read with readTree');
  }

  /** Answers "not modified", fails, or says what to serve. */
  private async answer(url: string, options?: { etag?: string }) {
    this.calls.push(url);
    const error = this.fault?.(this.calls.length, url);
    if (error) throw error;
    const [, name, path] = URL_SHAPE.exec(url) ?? [];
    const repository = name ? this.repos.get(name) : undefined;
    if (!repository) throw new NotFoundError(`${url} not found`);
    const etag = `${name}@${repository.revision}`;
    if (options?.etag === etag) throw new NotModifiedError();
    return { repository, path: path ?? '', etag };
  }

  private async download(signal?: AbortSignal) {
    if (this.delayMs) {
      await sleep(this.delayMs, undefined, { signal });
    }
    this.downloads += 1;
  }
}
