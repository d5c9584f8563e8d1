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

import { pushesOf, UnreadablePushError } from './pushEvents';

const githubPayload = (overrides: Record<string, unknown> = {}) => ({
  ref: 'refs/heads/main',
  after: 'f'.repeat(40),
  created: false,
  deleted: false,
  forced: false,
  repository: {
    full_name: 'Acme/Shop',
    html_url: 'https://GitHub.example.com/Acme/Shop',
    default_branch: 'main',
  },
  commits: [
    { added: ['deploy/new.yaml'], modified: ['deploy/app.yaml'], removed: [] },
    { added: [], modified: ['deploy/app.yaml'], removed: ['old.yaml'] },
  ],
  ...overrides,
});

const gitlabPayload = (overrides: Record<string, unknown> = {}) => ({
  object_kind: 'push',
  ref: 'refs/heads/release/2.0',
  before: '1'.repeat(40),
  after: '2'.repeat(40),
  checkout_sha: '2'.repeat(40),
  total_commits_count: 1,
  project: {
    path_with_namespace: 'platform/team/shop',
    web_url: 'https://gitlab.example.com/platform/team/shop',
    default_branch: 'main',
  },
  commits: [{ added: [], modified: ['k8s/app.yaml'], removed: [] }],
  ...overrides,
});

describe('pushesOf', () => {
  it('reads a GitHub push: repository as host/owner/repo in lower case, branch, every changed path once', () => {
    const [push] = pushesOf('github.push', githubPayload());
    expect(push).toEqual({
      id: expect.any(String),
      repository: 'github.example.com/acme/shop',
      refs: ['main'],
      defaultBranch: 'main',
      paths: ['deploy/app.yaml', 'deploy/new.yaml', 'old.yaml'],
    });
  });

  it('gives a redelivery the same id and another push another', () => {
    const first = pushesOf('github.push', githubPayload())[0].id;
    expect(pushesOf('github.push', githubPayload())[0].id).toBe(first);
    expect(
      pushesOf('github.push', githubPayload({ after: 'e'.repeat(40) }))[0].id,
    ).not.toBe(first);
  });

  it.each([
    ['a created branch', { created: true }],
    ['a deleted branch', { deleted: true }],
    ['a force push', { forced: true }],
    ['a push without commits', { commits: [] }],
    [
      'a commit at GitHub’s 3000-file limit',
      {
        commits: [
          {
            added: Array.from({ length: 3000 }, (_, i) => `f${i}.yaml`),
          },
        ],
      },
    ],
  ])('counts %s as touching every path', (_, overrides) => {
    expect(pushesOf('github.push', githubPayload(overrides))[0].paths).toBe(
      undefined,
    );
  });

  it('reads a GitLab push in a nested group, with its branch name containing a slash', () => {
    expect(pushesOf('gitlab.push', gitlabPayload())).toEqual([
      {
        id: expect.any(String),
        repository: 'gitlab.example.com/platform/team/shop',
        refs: ['release/2.0'],
        defaultBranch: 'main',
        paths: ['k8s/app.yaml'],
      },
    ]);
  });

  it('counts a GitLab push whose commit list was cut, or a new branch, as touching every path', () => {
    const cut = gitlabPayload({ total_commits_count: 40 });
    const created = gitlabPayload({ before: '0'.repeat(40) });
    expect(pushesOf('gitlab.push', cut)[0].paths).toBe(undefined);
    expect(pushesOf('gitlab.push', created)[0].paths).toBe(undefined);
  });

  it('reads a Bitbucket Cloud push: every branch it moved, paths unknown (the payload lists none)', () => {
    const [push] = pushesOf('bitbucketCloud.repo:push', {
      repository: {
        full_name: 'ws/shop',
        links: { html: { href: 'https://bitbucket.org/ws/shop' } },
      },
      push: {
        changes: [
          { new: { type: 'branch', name: 'main', target: { hash: 'abc' } } },
          { new: null, old: { type: 'branch', name: 'gone' } },
        ],
      },
    });
    expect(push).toEqual({
      id: expect.any(String),
      repository: 'bitbucket.org/ws/shop',
      refs: ['gone', 'main'],
      paths: undefined,
    });
  });

  it('says which field is missing in a payload it cannot read', () => {
    expect(() => pushesOf('github.push', { ref: 'refs/heads/main' })).toThrow(
      UnreadablePushError,
    );
    expect(() => pushesOf('github.push', { ref: 'refs/heads/main' })).toThrow(
      /github\.push event was ignored: its payload has no valid repository/,
    );
    expect(() =>
      pushesOf(
        'github.push',
        githubPayload({ repository: { full_name: 'a/b', html_url: 'nope' } }),
      ),
    ).toThrow(/repository URL nope is not a URL/);
  });

  it('ignores topics that are not pushes', () => {
    expect(pushesOf('github.issues', githubPayload())).toEqual([]);
  });
});
