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

import type { SourceRecord } from '../../database/EvaluationStore';
import type { RepositoryPush } from './pushEvents';
import { isTouchedBy, watchedLocationsOf } from './watchedLocations';

const record = (target: string): SourceRecord => ({
  source: `url:${target}`,
  target,
  manifests: [],
  findings: [],
});

const push = (overrides: Partial<RepositoryPush> = {}): RepositoryPush => ({
  id: 'p',
  repository: 'github.com/acme/shop',
  refs: ['main'],
  defaultBranch: 'main',
  paths: ['deploy/app.yaml'],
  ...overrides,
});

const [tree, file, glob, head, gitlab] = watchedLocationsOf([
  record('https://github.com/acme/shop/tree/main/deploy/'),
  record('https://github.com/acme/shop/blob/main/k8s/vm.yaml'),
  record('https://github.com/acme/shop/tree/main/overlays/**/prod-*.yaml'),
  record('https://github.com/acme/shop/blob/HEAD/base/app.yaml'),
  record(
    'https://gitlab.example.com/platform/team/shop/-/tree/release/2.0/k8s',
  ),
]);

describe('watchedLocationsOf', () => {
  it('keeps repository, ref and path, kind and glob of each source in a repository', () => {
    expect([tree, file, glob, gitlab]).toEqual([
      {
        repository: 'github.com/acme/shop',
        refPath: 'main/deploy',
        kind: 'tree',
      },
      {
        repository: 'github.com/acme/shop',
        refPath: 'main/k8s/vm.yaml',
        kind: 'file',
      },
      {
        repository: 'github.com/acme/shop',
        refPath: 'main/overlays',
        glob: '**/prod-*.yaml',
        kind: 'tree',
      },
      {
        repository: 'gitlab.example.com/platform/team/shop',
        refPath: 'release/2.0/k8s',
        kind: 'tree',
      },
    ]);
  });

  it('skips local files, refused sources and URLs in no repository', () => {
    expect(
      watchedLocationsOf([
        record('file:/srv/repo/deploy/'),
        record('refused:url:https://evil.example.com/x'),
        record('https://example.com/manifests.yaml'),
      ]),
    ).toEqual([]);
  });
});

describe('isTouchedBy', () => {
  it('is touched by a changed manifest below its directory', () => {
    expect(isTouchedBy(tree, push())).toBe(true);
    expect(isTouchedBy(tree, push({ paths: ['deploy/sub/x.yml'] }))).toBe(true);
  });

  it('is not touched by files it does not read: other folders, other names, no manifest', () => {
    expect(isTouchedBy(tree, push({ paths: ['deployment/app.yaml'] }))).toBe(
      false,
    );
    expect(isTouchedBy(tree, push({ paths: ['deploy/README.md'] }))).toBe(
      false,
    );
    expect(isTouchedBy(file, push({ paths: ['k8s/other.yaml'] }))).toBe(false);
    expect(isTouchedBy(file, push({ paths: ['k8s/vm.yaml'] }))).toBe(true);
  });

  it('matches its glob below the directory', () => {
    expect(
      isTouchedBy(glob, push({ paths: ['overlays/eu/prod-app.yaml'] })),
    ).toBe(true);
    expect(
      isTouchedBy(glob, push({ paths: ['overlays/eu/dev-app.yaml'] })),
    ).toBe(false);
  });

  it('follows its own branch only; HEAD is the default branch', () => {
    expect(isTouchedBy(tree, push({ refs: ['feature/x'] }))).toBe(false);
    expect(isTouchedBy(head, push({ paths: ['base/app.yaml'] }))).toBe(true);
    expect(
      isTouchedBy(head, push({ refs: ['dev'], paths: ['base/app.yaml'] })),
    ).toBe(false);
    expect(
      isTouchedBy(
        gitlab,
        push({
          repository: 'gitlab.example.com/platform/team/shop',
          refs: ['release/2.0'],
          paths: ['k8s/app.yaml'],
        }),
      ),
    ).toBe(true);
  });

  it('is touched by any push to its branch that does not list its paths', () => {
    expect(isTouchedBy(file, push({ paths: undefined }))).toBe(true);
  });

  it('is never touched by a push to another repository', () => {
    expect(
      isTouchedBy(tree, push({ repository: 'github.com/acme/shop-fork' })),
    ).toBe(false);
  });
});
