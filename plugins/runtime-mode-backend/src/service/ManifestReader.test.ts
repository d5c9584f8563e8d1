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

import { mockServices } from '@backstage/backend-test-utils';
import {
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { ManifestReader } from './ManifestReader';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
} from '../testUtils/fixtures';

const BASE =
  'https://github.com/acme/shop/blob/main/services/web/catalog-info.yaml';

function urlEntity(manifests: string) {
  return component('web', {
    manifests,
    annotations: { 'backstage.io/managed-by-location': `url:${BASE}` },
  });
}

function readResponse(content: string, etag: string) {
  return {
    buffer: async () => Buffer.from(content),
    stream: () => Readable.from([Buffer.from(content)]),
    etag,
  };
}

describe('ManifestReader', () => {
  const logger = mockServices.logger.mock();

  it('resolves relative paths against the source location and reuses content on an unchanged ETag', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockResolvedValueOnce(readResponse(DEPLOYMENT, 'v1'));
    const reader = new ManifestReader({
      urlReader,
      logger,
      maxFiles: 10,
      maxFileBytes: 1_000_000,
    });

    const first = await reader.read(urlEntity('deploy/web.yaml'));
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://github.com/acme/shop/blob/main/services/web/deploy/web.yaml',
      { etag: undefined },
    );
    expect(first.manifests).toEqual([
      expect.objectContaining({
        path: 'services/web/deploy/web.yaml',
        content: DEPLOYMENT,
        etag: 'v1',
      }),
    ]);
    expect(first.unchanged).toBe(false);

    urlReader.readUrl.mockRejectedValueOnce(new NotModifiedError());
    const second = await reader.read(
      urlEntity('deploy/web.yaml'),
      first.manifests,
    );
    expect(urlReader.readUrl).toHaveBeenLastCalledWith(expect.any(String), {
      etag: 'v1',
    });
    expect(second.manifests).toEqual(first.manifests);
    expect(second.unchanged).toBe(true);
  });

  it('refuses paths that escape the repository and URLs outside the integrations', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockRejectedValue(
      new NotAllowedError(
        "Reading from 'https://evil.example.com/x.yaml' is not allowed",
      ),
    );
    const reader = new ManifestReader({
      urlReader,
      logger,
      maxFiles: 10,
      maxFileBytes: 1_000_000,
    });

    const escaped = await reader.read(
      urlEntity('../../../../../other-repo/x.yaml'),
    );
    expect(escaped.findings).toEqual([
      expect.objectContaining({
        id: 'manifest-source-refused',
        category: 'manifest',
        message: expect.stringContaining('escapes the repository'),
      }),
    ]);
    expect(urlReader.readUrl).not.toHaveBeenCalled();

    const outside = await reader.read(
      urlEntity('url:https://evil.example.com/x.yaml'),
    );
    expect(outside.findings).toEqual([
      expect.objectContaining({
        id: 'manifest-source-refused',
        message: expect.stringContaining('SCM integrations'),
      }),
    ]);
    expect(outside.failure).toBeUndefined();

    const scheme = await reader.read(urlEntity('url:ftp://example.com/x.yaml'));
    expect(scheme.findings[0].message).toContain('only http(s) URLs');
  });

  it('refuses globs and encoded paths that climb out of the repository', async () => {
    const urlReader = mockServices.urlReader.mock();
    const reader = new ManifestReader({
      urlReader,
      logger,
      maxFiles: 10,
      maxFileBytes: 1_000_000,
    });
    for (const target of [
      'deploy/*/../../../../../../other-repo/blob/main/*.yaml',
      'deploy/*/%2e%2e/%2E%2e/%2e%2e/%2e%2e/%2e%2e/x/*.yaml',
      'deploy/*\\..\\..\\*.yaml',
    ]) {
      const outcome = await reader.read(urlEntity(target));
      expect(outcome.findings).toEqual([
        expect.objectContaining({ id: 'manifest-source-refused' }),
      ]);
    }
    const encoded = await reader.read(
      urlEntity('%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/other-repo/x.yaml'),
    );
    expect(encoded.findings[0].message).toContain('escapes the repository');
    expect(urlReader.search).not.toHaveBeenCalled();
    expect(urlReader.readUrl).not.toHaveBeenCalled();
  });

  it('stops loading a tree or a search at the file limit', async () => {
    const urlReader = mockServices.urlReader.mock();
    const accepted: string[] = [];
    urlReader.readTree.mockImplementation(async (_url, options) => {
      for (let i = 0; i < 1000; i += 1) {
        const path = `f${String(i).padStart(4, '0')}.yaml`;
        if (options?.filter?.(path, { size: 10 })) accepted.push(path);
      }
      return {
        etag: 't1',
        files: async () =>
          accepted.map(path => ({
            path,
            content: async () => Buffer.from(DEPLOYMENT),
          })),
        archive: jest.fn(),
        dir: jest.fn(),
      };
    });
    const content = jest.fn(async () => Buffer.from(DEPLOYMENT));
    urlReader.search.mockResolvedValue({
      etag: 's1',
      files: Array.from({ length: 1000 }, (_, i) => ({
        url: `https://github.com/acme/shop/blob/main/k8s/f${i}.yaml`,
        content,
      })),
    });
    const reader = new ManifestReader({
      urlReader,
      logger,
      maxFiles: 5,
      maxFileBytes: 1_000_000,
    });
    const tree = await reader.read(urlEntity('deploy/'));
    expect(accepted).toHaveLength(6);
    expect(tree.manifests).toHaveLength(5);
    expect(tree.findings.map(f => f.id)).toEqual(['manifest-too-many-files']);

    const search = await reader.read(urlEntity('k8s/*.yaml'));
    expect(content).toHaveBeenCalledTimes(6);
    expect(search.manifests).toHaveLength(5);
    expect(search.findings.map(f => f.id)).toEqual(['manifest-too-many-files']);
  });

  it('stops downloading a remote file at the size limit', async () => {
    const urlReader = mockServices.urlReader.mock();
    let served = 0;
    const chunks = function* chunksOf() {
      for (let i = 0; i < 1000; i += 1) {
        served += 1;
        yield Buffer.alloc(1024, 'a');
      }
    };
    const buffer = jest.fn(async () => Buffer.alloc(1024 * 1000, 'a'));
    urlReader.readUrl.mockResolvedValue({
      buffer,
      stream: () => Readable.from(chunks()),
      etag: 'big',
    });
    const reader = new ManifestReader({
      urlReader,
      logger,
      maxFiles: 10,
      maxFileBytes: 4096,
    });
    const outcome = await reader.read(urlEntity('deploy/huge.yaml'));
    expect(outcome.manifests).toEqual([]);
    expect(outcome.findings.map(f => f.id)).toEqual(['manifest-too-large']);
    expect(buffer).not.toHaveBeenCalled();
    expect(served).toBeLessThan(10);
  });

  it('reads a repeated source once and cuts a long list of sources at the file limit', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockImplementation(async () =>
      readResponse(DEPLOYMENT, 'e'),
    );
    const reader = new ManifestReader({
      urlReader,
      logger,
      maxFiles: 3,
      maxFileBytes: 1_000_000,
    });
    const repeated = await reader.read(
      urlEntity('deploy/web.yaml, deploy/web.yaml, ./deploy/web.yaml'),
    );
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
    expect(repeated.manifests).toHaveLength(1);

    urlReader.readUrl.mockClear();
    urlReader.readUrl.mockRejectedValue(new NotFoundError('gone'));
    const many = await reader.read(
      urlEntity(
        Array.from({ length: 1000 }, (_, i) => `missing-${i}.yaml`).join(','),
      ),
    );
    expect(urlReader.readUrl).toHaveBeenCalledTimes(3);
    expect(many.findings[0]).toMatchObject({
      id: 'manifest-too-many-files',
      message: expect.stringContaining('1000 sources'),
    });
  });

  it('reports a failing source as a failure (stale), not as a finding', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockRejectedValue(new Error('socket hang up'));
    const reader = new ManifestReader({
      urlReader,
      logger,
      maxFiles: 10,
      maxFileBytes: 1_000_000,
    });
    const outcome = await reader.read(urlEntity('deploy/web.yaml'));
    expect(outcome.failure).toContain('socket hang up');
    expect(outcome.findings).toEqual([]);
  });

  it('walks directories with readTree and globs with search', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readTree.mockResolvedValue({
      etag: 't1',
      files: async () => [
        { path: 'a.yaml', content: async () => Buffer.from(DEPLOYMENT) },
        { path: 'nested/b.yml', content: async () => Buffer.from(OLD_INGRESS) },
      ],
      archive: jest.fn(),
      dir: jest.fn(),
    });
    urlReader.search.mockResolvedValue({
      etag: 's1',
      files: [
        {
          url: 'https://github.com/acme/shop/blob/main/services/web/k8s/c.yaml',
          content: async () => Buffer.from(DEPLOYMENT),
        },
      ],
    });
    const reader = new ManifestReader({
      urlReader,
      logger,
      maxFiles: 10,
      maxFileBytes: 1_000_000,
    });
    const outcome = await reader.read(urlEntity('deploy/, k8s/*.yaml'));
    expect(urlReader.readTree).toHaveBeenCalledWith(
      'https://github.com/acme/shop/blob/main/services/web/deploy/',
      expect.objectContaining({ etag: undefined }),
    );
    expect(urlReader.search).toHaveBeenCalledWith(
      'https://github.com/acme/shop/blob/main/services/web/k8s/*.yaml',
      { etag: undefined },
    );
    expect(outcome.manifests.map(m => m.path)).toEqual([
      'services/web/deploy/a.yaml',
      'services/web/deploy/nested/b.yml',
      'https://github.com/acme/shop/blob/main/services/web/k8s/c.yaml',
    ]);
  });

  it('reads file locations from disk, confined to the location directory', async () => {
    const tree = createManifestTree({
      'repo/deploy/web.yaml': DEPLOYMENT,
      'repo/deploy/notes.txt': 'not a manifest',
      'repo/k8s/a.yaml': OLD_INGRESS,
      'secret.yaml': 'apiVersion: v1\nkind: Secret\n',
    });
    try {
      const urlReader = mockServices.urlReader.mock();
      const reader = new ManifestReader({
        urlReader,
        logger,
        maxFiles: 10,
        maxFileBytes: 1_000_000,
      });
      const entity = component('web', {
        root: `${tree.root}/repo`,
        manifests: 'deploy/, k8s/*.yaml, ../secret.yaml',
      });
      const first = await reader.read(entity);
      expect(first.manifests.map(m => m.path)).toEqual([
        'deploy/web.yaml',
        'k8s/a.yaml',
      ]);
      expect(first.findings).toEqual([
        expect.objectContaining({
          id: 'manifest-source-refused',
          message: expect.stringContaining('escapes the location directory'),
        }),
      ]);
      expect(urlReader.readUrl).not.toHaveBeenCalled();

      // Unchanged files are reused from the previous read.
      const unchangedEntity = component('web', {
        root: `${tree.root}/repo`,
        manifests: 'deploy/',
      });
      const base = await reader.read(unchangedEntity);
      const again = await reader.read(unchangedEntity, base.manifests);
      expect(again.unchanged).toBe(true);
      tree.write('repo/deploy/web.yaml', `${DEPLOYMENT}# changed\n`);
      const changed = await reader.read(unchangedEntity, base.manifests);
      expect(changed.unchanged).toBe(false);
      expect(changed.manifests[0].content).toContain('# changed');
    } finally {
      tree.cleanup();
    }
  });

  it('reads the local disk only for entities the catalog loaded from a file', async () => {
    const tree = createManifestTree({
      'repo/deploy/web.yaml': DEPLOYMENT,
      'host/secret.yaml': OLD_INGRESS,
    });
    try {
      const reader = new ManifestReader({
        urlReader: mockServices.urlReader.mock(),
        logger,
        maxFiles: 10,
        maxFileBytes: 1_000_000,
      });
      // An entity from a repository names the backend's disk as its source.
      const fromRepo = urlEntity('secret.yaml');
      fromRepo.metadata.annotations![
        'backstage.io/source-location'
      ] = `file:${tree.root}/host/`;
      const remote = await reader.read(fromRepo);
      expect(remote.manifests).toEqual([]);
      expect(remote.findings).toEqual([
        expect.objectContaining({
          id: 'manifest-source-refused',
          message: expect.stringContaining('loaded from a file location'),
        }),
      ]);

      // A local entity may not point its source above its own directory.
      const local = component('web', {
        root: `${tree.root}/repo`,
        manifests: 'secret.yaml',
      });
      local.metadata.annotations![
        'backstage.io/source-location'
      ] = `file:${tree.root}/host/`;
      const outside = await reader.read(local);
      expect(outside.manifests).toEqual([]);
      expect(outside.findings[0].message).toContain(
        'outside the directory the entity was loaded from',
      );

      // Within its own directory it is read as before.
      local.metadata.annotations![
        'backstage.io/source-location'
      ] = `file:${tree.root}/repo/deploy/`;
      local.metadata.annotations!['runtime-mode.dev/manifests'] = 'web.yaml';
      const inside = await reader.read(local);
      expect(inside.manifests.map(m => m.path)).toEqual(['web.yaml']);
    } finally {
      tree.cleanup();
    }
  });

  it('refuses a symlink in a walked directory that points outside the location', async () => {
    const tree = createManifestTree({
      'repo/deploy/web.yaml': DEPLOYMENT,
      'outside.yaml': OLD_INGRESS,
    });
    try {
      fs.symlinkSync(
        `${tree.root}/outside.yaml`,
        `${tree.root}/repo/deploy/link.yaml`,
      );
      const reader = new ManifestReader({
        urlReader: mockServices.urlReader.mock(),
        logger,
        maxFiles: 10,
        maxFileBytes: 1_000_000,
      });
      const outcome = await reader.read(
        component('web', { root: `${tree.root}/repo`, manifests: 'deploy/' }),
      );
      expect(outcome.manifests.map(m => m.path)).toEqual(['deploy/web.yaml']);
      expect(outcome.findings).toEqual([
        expect.objectContaining({
          id: 'manifest-source-refused',
          file: 'deploy/link.yaml',
        }),
      ]);
    } finally {
      tree.cleanup();
    }
  });

  it('refuses a named pipe instead of waiting on it forever', async () => {
    const tree = createManifestTree({ 'deploy/web.yaml': DEPLOYMENT });
    try {
      execFileSync('mkfifo', [`${tree.root}/deploy/pipe.yaml`]);
      const reader = new ManifestReader({
        urlReader: mockServices.urlReader.mock(),
        logger,
        maxFiles: 10,
        maxFileBytes: 1000,
      });
      const entity = component('web', {
        root: tree.root,
        manifests: 'deploy/pipe.yaml, deploy/',
      });
      const outcome = await reader.read(entity);
      expect(outcome.manifests.map(m => m.path)).toEqual(['deploy/web.yaml']);
      expect(outcome.findings).toEqual([
        expect.objectContaining({
          id: 'manifest-source-refused',
          message: expect.stringContaining('not a regular file'),
          file: 'deploy/pipe.yaml',
        }),
      ]);
    } finally {
      tree.cleanup();
    }
  }, 10_000);

  it('turns a missing file and an oversized file into findings', async () => {
    const tree = createManifestTree({ 'big.yaml': 'x'.repeat(2000) });
    try {
      const reader = new ManifestReader({
        urlReader: mockServices.urlReader.mock(),
        logger,
        maxFiles: 10,
        maxFileBytes: 1000,
      });
      const outcome = await reader.read(
        component('web', {
          root: tree.root,
          manifests: 'missing.yaml, big.yaml',
        }),
      );
      expect(outcome.findings.map(f => f.id)).toEqual([
        'manifest-source-not-found',
        'manifest-too-large',
      ]);
      expect(outcome.failure).toBeUndefined();
    } finally {
      tree.cleanup();
    }
  });
});
