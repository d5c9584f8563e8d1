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

import { z } from 'zod';
import { hashOf } from '../hashing';

/**
 * A push to one repository, as the refresh needs it, whichever SCM sent it.
 */
export interface RepositoryPush {
  /** Identifies the push: a redelivery of the same webhook has the same id. */
  id: string;
  /** `host/owner/repo` in lower case, the form of `repositoryKey`. */
  repository: string;
  /** Names of the branches or tags the push moved (`main`, `v1.2`). */
  refs: string[];
  /** The repository's default branch, which `HEAD` in a URL stands for. */
  defaultBranch?: string;
  /**
   * Files added, modified or removed, relative to the repository root;
   * undefined when the payload does not list them all (Bitbucket Cloud never
   * does; GitHub and GitLab cut long pushes; a created, deleted or forced ref
   * changes files no commit list tells).
   */
  paths?: string[];
}

/** Topics the events modules publish pushes on (SCM module, webhook event). */
export const PUSH_TOPICS = [
  'github.push',
  'gitlab.push',
  'gitlab.tag_push',
  'bitbucketCloud.repo:push',
] as const;

/** More changed paths than this are not kept: the push then counts as touching every path. */
const MAX_PATHS = 10_000;
/** GitHub lists at most this many commits in a push webhook. */
const GITHUB_MAX_COMMITS = 2048;
/** GitHub lists at most this many files per commit and list. */
const GITHUB_MAX_FILES_PER_COMMIT = 3000;
/** GitLab lists at most this many commits in a push webhook. */
const GITLAB_MAX_COMMITS = 20;

const fileLists = z.object({
  added: z.array(z.string()).optional(),
  modified: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});

const githubPush = z.object({
  ref: z.string(),
  after: z.string().optional(),
  created: z.boolean().optional(),
  deleted: z.boolean().optional(),
  forced: z.boolean().optional(),
  repository: z.object({
    full_name: z.string(),
    html_url: z.string(),
    default_branch: z.string().optional(),
  }),
  commits: z.array(fileLists).optional(),
});

const gitlabPush = z.object({
  ref: z.string(),
  after: z.string().optional(),
  before: z.string().optional(),
  checkout_sha: z.string().nullish(),
  total_commits_count: z.number().optional(),
  project: z.object({
    path_with_namespace: z.string(),
    web_url: z.string(),
    default_branch: z.string().optional(),
  }),
  commits: z.array(fileLists).optional(),
});

const bitbucketRef = z
  .object({
    name: z.string(),
    target: z.object({ hash: z.string() }).optional(),
  })
  .nullish();

const bitbucketCloudPush = z.object({
  repository: z.object({
    full_name: z.string(),
    links: z.object({ html: z.object({ href: z.string() }) }),
  }),
  push: z.object({
    changes: z.array(
      z.object({
        new: bitbucketRef,
        old: bitbucketRef,
      }),
    ),
  }),
});

/** A push event payload that cannot be read: logged, never thrown at the events system. */
export class UnreadablePushError extends Error {
  name = 'UnreadablePushError';
}

function parse<T>(schema: z.ZodType<T>, payload: unknown, topic: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnreadablePushError(
      `A ${topic} event was ignored: its payload has no valid ${issue.path.join(
        '.',
      )} (${issue.message})`,
    );
  }
  return parsed.data;
}

function repositoryKeyOf(webUrl: string, fullName: string, topic: string) {
  let host: string;
  try {
    host = new URL(webUrl).host;
  } catch {
    throw new UnreadablePushError(
      `A ${topic} event was ignored: its repository URL ${webUrl} is not a URL`,
    );
  }
  return `${host}/${fullName.replace(/^\/+|\/+$/g, '')}`.toLocaleLowerCase(
    'en-US',
  );
}

/** `refs/heads/main` → `main`, `refs/tags/v1` → `v1`. */
function refName(ref: string) {
  return ref.replace(/^refs\/(heads|tags)\//, '');
}

/** Every path the commits name, or undefined when there are too many to keep. */
function changedPaths(
  commits: Array<z.infer<typeof fileLists>>,
): string[] | undefined {
  const paths = new Set<string>();
  for (const commit of commits) {
    for (const path of [
      ...(commit.added ?? []),
      ...(commit.modified ?? []),
      ...(commit.removed ?? []),
    ]) {
      paths.add(path);
    }
    if (paths.size > MAX_PATHS) return undefined;
  }
  return [...paths].sort();
}

function withId(
  push: Omit<RepositoryPush, 'id'>,
  revision: string | undefined,
) {
  return { id: hashOf({ ...push, revision }), ...push };
}

function fromGithub(payload: unknown): RepositoryPush[] {
  const event = parse(githubPush, payload, 'github.push');
  const commits = event.commits ?? [];
  const complete =
    !event.created &&
    !event.deleted &&
    !event.forced &&
    commits.length > 0 &&
    commits.length < GITHUB_MAX_COMMITS &&
    commits.every(c =>
      [c.added, c.modified, c.removed].every(
        list => (list?.length ?? 0) < GITHUB_MAX_FILES_PER_COMMIT,
      ),
    );
  return [
    withId(
      {
        repository: repositoryKeyOf(
          event.repository.html_url,
          event.repository.full_name,
          'github.push',
        ),
        refs: [refName(event.ref)],
        defaultBranch: event.repository.default_branch,
        paths: complete ? changedPaths(commits) : undefined,
      },
      event.after,
    ),
  ];
}

function fromGitlab(payload: unknown, topic: string): RepositoryPush[] {
  const event = parse(gitlabPush, payload, topic);
  const commits = event.commits ?? [];
  const zeros = /^0+$/;
  const complete =
    topic === 'gitlab.push' &&
    commits.length > 0 &&
    commits.length < GITLAB_MAX_COMMITS &&
    (event.total_commits_count ?? commits.length) === commits.length &&
    !zeros.test(event.before ?? '') &&
    !zeros.test(event.after ?? '');
  return [
    withId(
      {
        repository: repositoryKeyOf(
          event.project.web_url,
          event.project.path_with_namespace,
          topic,
        ),
        refs: [refName(event.ref)],
        defaultBranch: event.project.default_branch,
        paths: complete ? changedPaths(commits) : undefined,
      },
      event.checkout_sha ?? event.after,
    ),
  ];
}

/** Bitbucket Cloud lists no files: a push touches every path of the refs it moved. */
function fromBitbucketCloud(payload: unknown): RepositoryPush[] {
  const topic = 'bitbucketCloud.repo:push';
  const event = parse(bitbucketCloudPush, payload, topic);
  const refs = new Set<string>();
  const revisions: string[] = [];
  for (const change of event.push.changes) {
    const name = change.new?.name ?? change.old?.name;
    if (name) refs.add(name);
    revisions.push(change.new?.target?.hash ?? '');
  }
  if (!refs.size) return [];
  return [
    withId(
      {
        repository: repositoryKeyOf(
          event.repository.links.html.href,
          event.repository.full_name,
          topic,
        ),
        refs: [...refs].sort(),
        paths: undefined,
      },
      revisions.join(','),
    ),
  ];
}

/**
 * The pushes an event of one of {@link PUSH_TOPICS} reports. Throws
 * {@link UnreadablePushError} for a payload that does not have the fields the
 * SCM documents.
 */
export function pushesOf(topic: string, payload: unknown): RepositoryPush[] {
  switch (topic) {
    case 'github.push':
      return fromGithub(payload);
    case 'gitlab.push':
    case 'gitlab.tag_push':
      return fromGitlab(payload, topic);
    case 'bitbucketCloud.repo:push':
      return fromBitbucketCloud(payload);
    default:
      return [];
  }
}
