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
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import {
  deploymentManifest,
  estateComponentName,
  generateEstate,
} from '../testUtils/estate';
import { refresherFor } from '../testUtils/refresherFor';
import { refuseTitle } from '../testUtils/fixtures';
import { reportMeasurement } from '../testUtils/reliabilityReport';

jest.setTimeout(600_000);

const COUNT = Number(process.env.RUNTIME_MODE_RELIABILITY_COMPONENTS ?? 10_000);
const KIB = 1024;
const MAX_FILE_BYTES = 256 * KIB;
const MAX_BYTES_PER_ENTITY = 512 * KIB;

/** Pads a manifest with comment lines to about `bytes`. */
function padded(manifest: string, bytes: number) {
  const line = `# ${'x'.repeat(78)}\n`;
  return manifest + line.repeat(Math.ceil(bytes / line.length));
}

function aliasBomb() {
  const lines = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    lines.push(
      `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`,
    );
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  ${lines.join(
    '\n  ',
  )}\n`;
}

type Check = (stored: {
  status: string;
  staleReason?: string;
  title?: string;
  owner?: string;
  findingIds: string[];
}) => boolean;

/**
 * The hostile kinds, one in every hundred components: what its author does,
 * and what the stored row must then say.
 */
const HOSTILE: Array<{
  kind: string;
  make: (entity: Entity, dir: string) => void;
  check: Check;
}> = [
  {
    kind: 'title of 10,000 characters',
    make: entity => {
      entity.metadata.title = 'T'.repeat(10_000);
    },
    check: s => s.status === 'fresh' && s.title?.length === 10_000,
  },
  {
    kind: 'NUL in the title, owner of 5,000 characters',
    make: entity => {
      entity.metadata.title = 'evil\u0000title';
      (entity.spec as Record<string, unknown>).owner = 'o'.repeat(5000);
    },
    check: s =>
      s.status === 'fresh' && s.title === 'eviltitle' && s.owner === undefined,
  },
  {
    kind: 'manifest over the file size limit',
    make: (_entity, dir) =>
      fs.writeFileSync(
        path.join(dir, 'app.yaml'),
        padded(deploymentManifest('huge'), MAX_FILE_BYTES + 10 * KIB),
      ),
    check: s => s.findingIds.includes('manifest-too-large'),
  },
  {
    kind: 'manifests over the per-component byte budget',
    make: (_entity, dir) => {
      for (const file of ['a.yaml', 'b.yaml', 'c.yaml']) {
        fs.writeFileSync(
          path.join(dir, file),
          padded(deploymentManifest(file.slice(0, 1)), 200 * KIB),
        );
      }
    },
    check: s => s.findingIds.includes('manifest-too-many-bytes'),
  },
  {
    kind: 'YAML alias bomb',
    make: (_entity, dir) =>
      fs.writeFileSync(path.join(dir, 'bomb.yaml'), aliasBomb()),
    check: s => s.findingIds.includes('manifest-limit-exceeded'),
  },
  {
    kind: '500 levels of block nesting, 1,000 of flow nesting',
    make: (_entity, dir) => {
      fs.writeFileSync(
        path.join(dir, 'deep.yaml'),
        `a:\n${Array.from(
          { length: 500 },
          (_, i) => `${' '.repeat(i + 1)}a:`,
        ).join('\n')}\n`,
      );
      fs.writeFileSync(
        path.join(dir, 'flow.yaml'),
        `${'['.repeat(1000)}${']'.repeat(1000)}\n`,
      );
    },
    check: s =>
      s.findingIds.filter(id => id === 'manifest-limit-exceeded').length === 2,
  },
  {
    kind: '2,000 documents in one file',
    make: (_entity, dir) =>
      fs.writeFileSync(
        path.join(dir, 'docs.yaml'),
        Array.from(
          { length: 2000 },
          (_, i) =>
            `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`,
        ).join('---\n'),
      ),
    check: s => s.findingIds.includes('manifest-limit-exceeded'),
  },
  {
    kind: 'unreachable source',
    make: entity => {
      entity.metadata.annotations!['runtime-mode.dev/manifests'] =
        'url:https://unreachable.example.com/deploy.yaml';
    },
    check: s =>
      s.status === 'pending' &&
      Boolean(s.staleReason?.includes('ECONNREFUSED')),
  },
  {
    kind: 'paths out of the repository, a FIFO and a symlink to /etc',
    make: (entity, dir) => {
      entity.metadata.annotations!['runtime-mode.dev/manifests'] =
        'deploy/, ../../../../etc/passwd, deploy/pipe.yaml, url:https://github.com/other/repo/blob/main/x.yaml';
      execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
      fs.symlinkSync('/etc/hostname', path.join(dir, 'link.yaml'));
    },
    check: s =>
      s.status === 'fresh' &&
      s.findingIds.filter(id => id === 'manifest-source-refused').length >= 4,
  },
  {
    kind: 'a value the database refuses',
    make: entity => {
      entity.metadata.title = 'poison';
    },
    check: s =>
      s.status === 'pending' &&
      Boolean(s.staleReason?.includes('Storing the evaluation failed')),
  },
];

describe('fault: a 10,000-component refresh where 1% of the entities are hostile', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'finishes, stores every other entity and gives each hostile one its error, %p',
    async (databaseId: TestDatabaseId) => {
      const root = fs.mkdtempSync(
        path.join(os.tmpdir(), 'runtime-mode-hostile-'),
      );
      try {
        const knex = await databases.init(databaseId);
        await DatabaseEvaluationStore.migrateUp(knex);
        await refuseTitle(knex);
        const store = DatabaseEvaluationStore.fromClient(knex);
        const entities = generateEstate(root, COUNT);
        const hostile = new Map<string, (typeof HOSTILE)[number]>();
        for (let i = 50; i < COUNT; i += 100) {
          const entity = entities[i];
          const rule = HOSTILE[Math.floor(i / 100) % HOSTILE.length];
          rule.make(entity, path.join(root, estateComponentName(i), 'deploy'));
          hostile.set(`component:default/${entity.metadata.name}`, rule);
        }
        const urlReader = mockServices.urlReader.mock();
        urlReader.readUrl.mockRejectedValue(
          Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
            code: 'ECONNREFUSED',
          }),
        );
        const refresher = refresherFor({
          entities,
          store,
          urlReader,
          logger: mockServices.logger.mock(),
          runtimeMode: {
            limits: { maxFileBytes: MAX_FILE_BYTES },
            manifests: {
              maxBytesPerEntity: MAX_BYTES_PER_ENTITY,
              allowedRepositories: ['unreachable.example.com/**'],
            },
          },
        });

        let peakRss = process.memoryUsage().rss;
        const sampler = setInterval(() => {
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
        }, 50);
        const stats = await refresher
          .refreshAll()
          .finally(() => clearInterval(sampler));
        expect(stats).toMatchObject({ seen: COUNT, aborted: false });

        const rows = await store.listRows();
        expect(rows).toHaveLength(COUNT);
        const normal = rows.filter(r => !hostile.has(r.entityRef));
        const notStored = normal.filter(
          r => r.status !== 'fresh' || !r.evaluatedAt,
        );
        expect(notStored).toEqual([]);

        const missed: string[] = [];
        const byKind = new Map<string, number>();
        for (const [entityRef, rule] of hostile) {
          const stored = await store.getEvaluation(entityRef);
          const ok =
            stored !== undefined &&
            rule.check({
              status: stored.status,
              staleReason: stored.staleReason,
              title: stored.title,
              owner: stored.owner,
              findingIds: (stored.result?.findings ?? []).map(f => f.id),
            });
          if (ok) byKind.set(rule.kind, (byKind.get(rule.kind) ?? 0) + 1);
          else missed.push(`${entityRef} (${rule.kind})`);
        }
        expect(missed).toEqual([]);

        reportMeasurement('10,000 components, 1% hostile', databaseId, {
          components: COUNT,
          hostile: hostile.size,
          hostileKinds: HOSTILE.length,
          hostileWithTheirError: hostile.size - missed.length,
          othersStoredFresh: normal.length - notStored.length,
          others: normal.length,
          evaluated: stats.evaluated,
          stale: stats.stale,
          failed: stats.failed,
          refreshMs: stats.durationMs,
          peakRssMiB: Math.round(peakRss / 2 ** 20),
        });
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
  );
});
