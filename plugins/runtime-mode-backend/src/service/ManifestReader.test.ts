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
import { EntityRead, ManifestReader } from './ManifestReader';
import { AllowedRepositories } from './manifests/AllowedRepositories';
import { ByteBudget } from './manifests/ByteBudget';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
} from '../testUtils/fixtures';
import { readTreeResponse, readUrlResponse } from '../testUtils/FakeScm';

const BASE =
  'https://github.com/acme/shop/blob/main/services/web/catalog-info.yaml';

function urlEntity(
  manifests: string,
  annotations: Record<string, string> = {},
) {
  return component('web', {
    manifests,
    annotations: {
      'backstage.io/managed-by-location': `url:${BASE}`,
      ...annotations,
    },
  });
}

function manifestsOf(read: EntityRead) {
  return read.sources.flatMap(s =>
    s.status === 'failed' ? [] : s.record.manifests,
  );
}

function findingsOf(read: EntityRead) {
  return [
    ...read.findings,
    ...read.sources.flatMap(s =>
      s.status === 'failed' ? [] : s.record.findings,
    ),
  ];
}

function recordsOf(read: EntityRead) {
  return read.sources.flatMap(s => (s.status === 'failed' ? [] : [s.record]));
}

describe('ManifestReader', () => {
  const logger = mockServices.logger.mock();
  const makeReader = (
    urlReader = mockServices.urlReader.mock(),
    options: Partial<ConstructorParameters<typeof ManifestReader>[0]> = {},
  ) =>
    new ManifestReader({
      urlReader,
      logger,
      maxFiles: 10,
      maxFileBytes: 1_000_000,
      ...options,
    });

  it('resolves relative paths against the location and reuses a source on an unchanged ETag', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockResolvedValueOnce(readUrlResponse(DEPLOYMENT, 'v1'));
    const reader = makeReader(urlReader);

    const first = await reader.read(urlEntity('deploy/web.yaml'));
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://github.com/acme/shop/blob/main/services/web/deploy/web.yaml',
      { etag: undefined, signal: undefined },
    );
    expect(first.sources).toEqual([
      expect.objectContaining({
        status: 'read',
        record: expect.objectContaining({
          etag: 'v1',
          manifests: [
            { path: 'services/web/deploy/web.yaml', content: DEPLOYMENT },
          ],
        }),
      }),
    ]);

    urlReader.readUrl.mockRejectedValueOnce(new NotModifiedError());
    const second = await reader.read(
      urlEntity('deploy/web.yaml'),
      recordsOf(first),
    );
    expect(urlReader.readUrl).toHaveBeenLastCalledWith(expect.any(String), {
      etag: 'v1',
      signal: undefined,
    });
    expect(second.sources).toEqual([
      { status: 'reused', record: recordsOf(first)[0] },
    ]);
  });

  it('keeps the ETag of a source that found no manifest, so it is not downloaded again', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readTree.mockResolvedValueOnce(
      readTreeResponse('empty-1', [{ path: 'README.md', content: '# none' }]),
    );
    const reader = makeReader(urlReader);
    const first = await reader.read(urlEntity('deploy/'));
    expect(manifestsOf(first)).toEqual([]);
    expect(recordsOf(first)[0].etag).toBe('empty-1');

    urlReader.readTree.mockRejectedValueOnce(new NotModifiedError());
    const second = await reader.read(urlEntity('deploy/'), recordsOf(first));
    expect(urlReader.readTree).toHaveBeenLastCalledWith(
      expect.any(String),
      expect.objectContaining({ etag: 'empty-1' }),
    );
    expect(second.sources[0].status).toBe('reused');
  });

  it('reproduces the findings of a source while its ETag holds', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readTree.mockImplementationOnce(async (_url, options) => {
      const files = [
        { path: 'web.yaml', content: DEPLOYMENT },
        { path: 'huge.yaml', content: 'x'.repeat(5000) },
      ].filter(f => options?.filter?.(f.path, { size: f.content.length }));
      return readTreeResponse('t1', files);
    });
    const reader = makeReader(urlReader, { maxFileBytes: 4000 });
    const first = await reader.read(urlEntity('deploy/'));
    expect(findingsOf(first).map(f => f.id)).toEqual(['manifest-too-large']);

    urlReader.readTree.mockRejectedValueOnce(new NotModifiedError());
    const second = await reader.read(urlEntity('deploy/'), recordsOf(first));
    expect(findingsOf(second).map(f => f.id)).toEqual(['manifest-too-large']);
    expect(manifestsOf(second).map(m => m.path)).toEqual([
      'services/web/deploy/web.yaml',
    ]);
  });

  it('reads only the repository the entity was registered from, not the one its author names as source location', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockResolvedValue(readUrlResponse(OLD_INGRESS, 'x'));
    const reader = makeReader(urlReader);
    const pointed = await reader.read(
      urlEntity('deploy/web.yaml', {
        'backstage.io/source-location':
          'url:https://github.com/acme/secrets/tree/main/',
      }),
    );
    expect(manifestsOf(pointed)).toEqual([]);
    expect(findingsOf(pointed)).toEqual([
      expect.objectContaining({
        id: 'manifest-source-refused',
        message: expect.stringContaining(
          'outside the repository the entity was registered from (github.com/acme/shop)',
        ),
      }),
    ]);
    expect(urlReader.readUrl).not.toHaveBeenCalled();

    // A source location inside the entity's own repository is honoured.
    const monorepo = await reader.read(
      urlEntity('deploy/web.yaml', {
        'backstage.io/source-location':
          'url:https://github.com/acme/shop/tree/main/services/api/',
      }),
    );
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://github.com/acme/shop/tree/main/services/api/deploy/web.yaml',
      expect.anything(),
    );
    expect(findingsOf(monorepo)).toEqual([]);
  });

  it('refuses url: entries outside the entity repository unless an admin allows that repository', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockResolvedValue(readUrlResponse(DEPLOYMENT, 'e'));
    const entity = urlEntity(
      'url:https://github.com/acme/platform/blob/main/web.yaml',
    );
    const closed = await makeReader(urlReader).read(entity);
    expect(findingsOf(closed)).toEqual([
      expect.objectContaining({
        id: 'manifest-source-refused',
        message: expect.stringContaining(
          'an admin can allow github.com/acme/platform with runtimeMode.manifests.allowedRepositories',
        ),
      }),
    ]);
    expect(urlReader.readUrl).not.toHaveBeenCalled();

    for (const pattern of ['github.com/acme/platform', 'github.com/acme/*']) {
      const open = await makeReader(urlReader, {
        allowedRepositories: new AllowedRepositories([pattern]),
      }).read(entity);
      expect(manifestsOf(open).map(m => m.path)).toEqual([
        'https://github.com/acme/platform/blob/main/web.yaml',
      ]);
    }
    // A pattern for one owner does not open another.
    const other = await makeReader(urlReader, {
      allowedRepositories: new AllowedRepositories(['github.com/acme-ops/*']),
    }).read(entity);
    expect(findingsOf(other)[0].id).toBe('manifest-source-refused');
    // Same repository, another file: read without any allow-list.
    const own = await makeReader(urlReader).read(
      urlEntity('url:https://github.com/acme/shop/blob/release/k8s/web.yaml'),
    );
    expect(findingsOf(own)).toEqual([]);
  });

  it('refuses paths that escape the repository and URLs outside the integrations', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockRejectedValue(
      new NotAllowedError(
        "Reading from 'https://evil.example.com/x.yaml' is not allowed",
      ),
    );
    const reader = makeReader(urlReader, {
      allowedRepositories: new AllowedRepositories(['evil.example.com/**']),
    });

    const escaped = await reader.read(
      urlEntity('../../../../../other-repo/x.yaml'),
    );
    expect(findingsOf(escaped)).toEqual([
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
    expect(findingsOf(outside)).toEqual([
      expect.objectContaining({
        id: 'manifest-source-refused',
        message: expect.stringContaining('SCM integrations'),
      }),
    ]);
    expect(outside.sources[0].status).toBe('refused');

    const scheme = await reader.read(urlEntity('url:ftp://example.com/x.yaml'));
    expect(findingsOf(scheme)[0].message).toContain('only http(s) URLs');
    const credentials = await reader.read(
      urlEntity('url:https://me:secret@evil.example.com/x.yaml'),
    );
    expect(findingsOf(credentials)[0].message).toContain('credentials');
  });

  it('refuses globs and encoded paths that climb out of the repository', async () => {
    const urlReader = mockServices.urlReader.mock();
    const reader = makeReader(urlReader);
    for (const target of [
      'deploy/*/../../../../../../other-repo/blob/main/*.yaml',
      'deploy/*/%2e%2e/%2E%2e/%2e%2e/%2e%2e/%2e%2e/x/*.yaml',
      'deploy/*\\..\\..\\*.yaml',
    ]) {
      const read = await reader.read(urlEntity(target));
      expect(findingsOf(read)).toEqual([
        expect.objectContaining({ id: 'manifest-source-refused' }),
      ]);
    }
    const encoded = await reader.read(
      urlEntity('%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/other-repo/x.yaml'),
    );
    expect(findingsOf(encoded)[0].message).toContain('escapes the repository');
    expect(urlReader.readTree).not.toHaveBeenCalled();
    expect(urlReader.readUrl).not.toHaveBeenCalled();
  });

  it('normalises URLs before reading, so variants of one file are read once', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockImplementation(async () =>
      readUrlResponse(DEPLOYMENT, 'e'),
    );
    const reader = makeReader(urlReader, { maxFiles: 200 });
    const variants = [
      ...Array.from(
        { length: 200 },
        (_, i) =>
          `url:https://github.com/acme/shop/blob/main/services/web/deploy/web.yaml?a=${i}`,
      ),
      'url:https://GITHUB.com:443/acme/shop/blob/main/services/web/deploy//web.yaml#L3',
      'deploy/web.yaml',
      './deploy/web.yaml',
      'deploy/./web.yaml?plain=1',
    ];
    const read = await reader.read(urlEntity(variants.join(',')));
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://github.com/acme/shop/blob/main/services/web/deploy/web.yaml',
      expect.anything(),
    );
    expect(manifestsOf(read)).toHaveLength(1);
    expect(findingsOf(read)).toEqual([]);
  });

  it('filters a glob by name, extension and size before reading any content', async () => {
    const urlReader = mockServices.urlReader.mock();
    const content = jest.fn(async () => Buffer.from(DEPLOYMENT));
    const offered = [
      ...Array.from({ length: 500 }, (_, i) => ({
        path: `docs/page-${i}.md`,
        size: 10,
      })),
      { path: 'k8s/web.yaml', size: DEPLOYMENT.length },
      { path: 'k8s/nested/api.yml', size: DEPLOYMENT.length },
      { path: 'k8s/big.yaml', size: 50_000_000 },
      { path: 'other/web.yaml', size: DEPLOYMENT.length },
    ];
    urlReader.readTree.mockImplementation(async (_url, options) => {
      const kept = offered.filter(f =>
        options?.filter?.(f.path, { size: f.size }),
      );
      return {
        etag: 'g1',
        files: async () => kept.map(f => ({ path: f.path, content })),
        archive: jest.fn(),
        dir: jest.fn(),
      };
    });
    const reader = makeReader(urlReader);
    const read = await reader.read(urlEntity('/**/k8s/**/*.y*ml'));
    expect(urlReader.search).not.toHaveBeenCalled();
    expect(urlReader.readTree).toHaveBeenCalledWith(
      'https://github.com/acme/shop/blob/main/',
      expect.objectContaining({ filter: expect.any(Function) }),
    );
    expect(content).toHaveBeenCalledTimes(2);
    expect(manifestsOf(read).map(m => m.path)).toEqual([
      'k8s/web.yaml',
      'k8s/nested/api.yml',
    ]);
    expect(findingsOf(read)).toEqual([
      expect.objectContaining({
        id: 'manifest-too-large',
        file: 'k8s/big.yaml',
      }),
    ]);
  });

  it('stops loading a tree at the file limit and says so', async () => {
    const urlReader = mockServices.urlReader.mock();
    let accepted = 0;
    urlReader.readTree.mockImplementation(async (_url, options) => {
      const files = [];
      for (let i = 0; i < 1000; i += 1) {
        const path = `f${String(i).padStart(4, '0')}.yaml`;
        if (options?.filter?.(path, { size: 10 })) {
          accepted += 1;
          files.push({ path, content: DEPLOYMENT });
        }
      }
      return readTreeResponse('t1', files);
    });
    const reader = makeReader(urlReader, { maxFiles: 5 });
    const tree = await reader.read(urlEntity('deploy/'));
    expect(accepted).toBe(5);
    expect(manifestsOf(tree)).toHaveLength(5);
    expect(findingsOf(tree).map(f => f.id)).toEqual([
      'manifest-too-many-files',
    ]);
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
    const reader = makeReader(urlReader, { maxFileBytes: 4096 });
    const read = await reader.read(urlEntity('deploy/huge.yaml'));
    expect(manifestsOf(read)).toEqual([]);
    expect(findingsOf(read).map(f => f.id)).toEqual(['manifest-too-large']);
    expect(buffer).not.toHaveBeenCalled();
    expect(served).toBeLessThan(10);
  });

  it('keeps no more bytes per entity than its budget, and says which files it left out', async () => {
    const urlReader = mockServices.urlReader.mock();
    const body = 'x'.repeat(4000);
    urlReader.readUrl.mockImplementation(async () =>
      readUrlResponse(body, 'e'),
    );
    const reader = makeReader(urlReader, { maxBytesPerEntity: 10_000 });
    const read = await reader.read(urlEntity('a.yaml, b.yaml, c.yaml'));
    expect(manifestsOf(read).map(m => m.path)).toEqual([
      'services/web/a.yaml',
      'services/web/b.yaml',
    ]);
    expect(findingsOf(read)).toEqual([
      expect.objectContaining({
        id: 'manifest-too-many-bytes',
        file: 'services/web/c.yaml',
      }),
    ]);
  });

  it('leaves a source for the next run once the run has downloaded its byte budget', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockImplementation(async () =>
      readUrlResponse('y'.repeat(3000), 'e'),
    );
    const reader = makeReader(urlReader);
    const runBudget = new ByteBudget(5000);
    const first = await reader.read(urlEntity('a.yaml'), [], { runBudget });
    expect(first.sources[0].status).toBe('read');
    const second = await reader.read(urlEntity('b.yaml'), [], { runBudget });
    expect(second.sources).toEqual([
      {
        status: 'failed',
        source: 'path:b.yaml',
        failure: expect.stringContaining(
          'runtimeMode.manifests.maxBytesPerRun',
        ),
      },
    ]);
  });

  it('reads a repeated source once and cuts a long list of sources at the file limit', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readUrl.mockImplementation(async () =>
      readUrlResponse(DEPLOYMENT, 'e'),
    );
    const reader = makeReader(urlReader, { maxFiles: 3 });
    const repeated = await reader.read(
      urlEntity('deploy/web.yaml, deploy/web.yaml, ./deploy/web.yaml'),
    );
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
    expect(manifestsOf(repeated)).toHaveLength(1);

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
    const read = await makeReader(urlReader).read(urlEntity('deploy/web.yaml'));
    expect(read.sources).toEqual([
      {
        status: 'failed',
        source: 'path:deploy/web.yaml',
        failure: expect.stringContaining('socket hang up'),
      },
    ]);
    expect(read.findings).toEqual([]);
  });

  it('hands the abort signal to the UrlReader and stops when it fires', async () => {
    const urlReader = mockServices.urlReader.mock();
    const controller = new AbortController();
    urlReader.readUrl.mockImplementation(async (_url, options) => {
      controller.abort();
      options?.signal?.throwIfAborted();
      return readUrlResponse(DEPLOYMENT, 'e');
    });
    await expect(
      makeReader(urlReader).read(urlEntity('a.yaml, b.yaml'), [], {
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
  });

  it('walks directories with readTree', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readTree.mockResolvedValue(
      readTreeResponse('t1', [
        { path: 'a.yaml', content: DEPLOYMENT },
        { path: 'nested/b.yml', content: OLD_INGRESS },
      ]),
    );
    const read = await makeReader(urlReader).read(urlEntity('deploy/'));
    expect(urlReader.readTree).toHaveBeenCalledWith(
      'https://github.com/acme/shop/blob/main/services/web/deploy/',
      expect.objectContaining({ etag: undefined }),
    );
    expect(manifestsOf(read).map(m => m.path)).toEqual([
      'services/web/deploy/a.yaml',
      'services/web/deploy/nested/b.yml',
    ]);
  });

  it('walks a Helm chart with its named templates, so included apiVersions resolve', async () => {
    const urlReader = mockServices.urlReader.mock();
    urlReader.readTree.mockResolvedValue(
      readTreeResponse('t1', [
        { path: 'Chart.yaml', content: 'apiVersion: v2\nname: web\n' },
        {
          path: 'templates/_helpers.tpl',
          content: '{{- define "web.name" -}}web{{- end -}}\n',
        },
        { path: 'templates/NOTES.txt', content: 'Thanks\n' },
        { path: 'templates/deployment.yaml', content: DEPLOYMENT },
      ]),
    );
    const read = await makeReader(urlReader).read(urlEntity('chart/'));
    expect(manifestsOf(read).map(m => m.path)).toEqual([
      'services/web/chart/Chart.yaml',
      'services/web/chart/templates/_helpers.tpl',
      'services/web/chart/templates/deployment.yaml',
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
      const reader = makeReader(urlReader);
      const entity = component('web', {
        root: `${tree.root}/repo`,
        manifests: 'deploy/, k8s/*.yaml, ../secret.yaml',
      });
      const first = await reader.read(entity);
      expect(manifestsOf(first).map(m => m.path)).toEqual([
        'deploy/web.yaml',
        'k8s/a.yaml',
      ]);
      expect(findingsOf(first)).toEqual([
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
      const again = await reader.read(unchangedEntity, recordsOf(base));
      expect(again.sources[0].status).toBe('reused');
      tree.write('repo/deploy/web.yaml', `${DEPLOYMENT}# changed\n`);
      const changed = await reader.read(unchangedEntity, recordsOf(base));
      expect(changed.sources[0].status).toBe('read');
      expect(manifestsOf(changed)[0].content).toContain('# changed');
    } finally {
      tree.cleanup();
    }
  });

  it('counts only manifest files when walking a local directory, and says when the list is cut', async () => {
    const notes = Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [
        `repo/deploy/a-${String(i).padStart(3, '0')}.md`,
        '# notes',
      ]),
    );
    const tree = createManifestTree({
      ...notes,
      'repo/deploy/z-web.yaml': DEPLOYMENT,
      'repo/many/a.yaml': DEPLOYMENT,
      'repo/many/b.yaml': DEPLOYMENT,
      'repo/many/c.yaml': DEPLOYMENT,
      'repo/many/d.yaml': DEPLOYMENT,
    });
    try {
      const reader = makeReader(mockServices.urlReader.mock(), {
        maxFiles: 200,
      });
      const read = await reader.read(
        component('web', { root: `${tree.root}/repo`, manifests: 'deploy/' }),
      );
      expect(manifestsOf(read).map(m => m.path)).toEqual(['deploy/z-web.yaml']);
      expect(findingsOf(read)).toEqual([]);

      const cut = await makeReader(mockServices.urlReader.mock(), {
        maxFiles: 3,
      }).read(
        component('web', { root: `${tree.root}/repo`, manifests: 'many/' }),
      );
      expect(manifestsOf(cut)).toHaveLength(3);
      expect(findingsOf(cut)).toEqual([
        expect.objectContaining({
          id: 'manifest-too-many-files',
          message: expect.stringContaining('more than 3 manifest files match'),
        }),
      ]);
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
      const reader = makeReader();
      // An entity from a repository names the backend's disk as its source.
      const fromRepo = urlEntity('secret.yaml', {
        'backstage.io/source-location': `file:${tree.root}/host/`,
      });
      const remote = await reader.read(fromRepo);
      expect(manifestsOf(remote)).toEqual([]);
      expect(findingsOf(remote)).toEqual([
        expect.objectContaining({
          id: 'manifest-source-refused',
          message: expect.stringContaining(
            'is not a URL in the repository the entity was registered from',
          ),
        }),
      ]);

      // A local entity may not point its source above its own directory.
      const local = component('web', {
        root: `${tree.root}/repo`,
        manifests: 'secret.yaml',
        annotations: {
          'backstage.io/source-location': `file:${tree.root}/host/`,
        },
      });
      const outside = await reader.read(local);
      expect(manifestsOf(outside)).toEqual([]);
      expect(findingsOf(outside)[0].message).toContain(
        'outside the directory the entity was loaded from',
      );

      // Within its own directory it is read as before.
      local.metadata.annotations![
        'backstage.io/source-location'
      ] = `file:${tree.root}/repo/deploy/`;
      local.metadata.annotations!['runtime-mode.dev/manifests'] = 'web.yaml';
      const inside = await reader.read(local);
      expect(manifestsOf(inside).map(m => m.path)).toEqual(['web.yaml']);
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
      const read = await makeReader().read(
        component('web', { root: `${tree.root}/repo`, manifests: 'deploy/' }),
      );
      expect(manifestsOf(read).map(m => m.path)).toEqual(['deploy/web.yaml']);
      expect(findingsOf(read)).toEqual([
        expect.objectContaining({
          id: 'manifest-source-refused',
          file: 'file deploy/link.yaml',
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
      const read = await makeReader(mockServices.urlReader.mock(), {
        maxFileBytes: 1000,
      }).read(
        component('web', {
          root: tree.root,
          manifests: 'deploy/pipe.yaml, deploy/',
        }),
      );
      expect(manifestsOf(read).map(m => m.path)).toEqual(['deploy/web.yaml']);
      expect(findingsOf(read)).toEqual([
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
      const read = await makeReader(mockServices.urlReader.mock(), {
        maxFileBytes: 1000,
      }).read(
        component('web', {
          root: tree.root,
          manifests: 'missing.yaml, big.yaml',
        }),
      );
      expect(findingsOf(read).map(f => f.id)).toEqual([
        'manifest-source-not-found',
        'manifest-too-large',
      ]);
      expect(read.sources.every(s => s.status !== 'failed')).toBe(true);
    } finally {
      tree.cleanup();
    }
  });
});
