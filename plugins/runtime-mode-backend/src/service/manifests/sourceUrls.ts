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

import parseGitUrl from 'git-url-parse';

/**
 * Query parameters that say which file a URL names (Azure DevOps `path` and
 * `version`, Bitbucket Server `at`, GitLab and Gitea `ref`). Any other
 * parameter names the same file, so `?a=1` ... `?a=200` are one source.
 */
const LOCATING_PARAMS = new Set(['path', 'version', 'at', 'ref']);

/** Thrown for a URL that is never read, whatever the integrations allow. */
export class UnreadableUrlError extends Error {
  name = 'UnreadableUrlError';
}

/**
 * The one form of a manifest URL that is read and de-duplicated: parsed by
 * the WHATWG URL parser (so host case, default ports and `.`/`..` segments
 * are settled), without fragment, empty path segments or query parameters
 * that do not locate the file.
 */
export function normaliseSourceUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnreadableUrlError('not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UnreadableUrlError(
      `only http(s) URLs are read, not ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new UnreadableUrlError('URLs with credentials are not read');
  }
  url.hash = '';
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  const kept = [...url.searchParams.entries()]
    .filter(([key]) => LOCATING_PARAMS.has(key))
    .sort(([a], [b]) => (a < b ? -1 : Number(a > b)));
  url.search = '';
  for (const [key, value] of kept) {
    url.searchParams.append(key, value);
  }
  return url;
}

/** A repository on an SCM host, e.g. `github.com` + `acme/shop`. */
export interface RepositoryId {
  host: string;
  /** Owner and name (GitLab: group path and project; Azure: organisation, project, `_git`, name). */
  path: string;
}

/**
 * The repository a file or tree URL belongs to, for the URL layouts of the
 * SCM integrations (GitHub, GitLab, Bitbucket, Gitea, Azure DevOps);
 * undefined for a URL that names no file inside a repository.
 */
export function repositoryOf(url: URL): RepositoryId | undefined {
  let parsed: ReturnType<typeof parseGitUrl>;
  try {
    parsed = parseGitUrl(url.toString());
  } catch {
    return undefined;
  }
  const inRepository =
    Boolean(parsed.filepathtype) || url.pathname.includes('/_git/');
  if (!inRepository || !parsed.owner || !parsed.name) {
    return undefined;
  }
  return {
    host: url.host.toLocaleLowerCase('en-US'),
    path: parsed.full_name.toLocaleLowerCase('en-US'),
  };
}

/** `host/path`: the form allow-list patterns are written in. */
export function repositoryKey(repository: RepositoryId): string {
  return `${repository.host}/${repository.path}`;
}

/** Everything up to the ref of a GitHub/GitLab/Gitea/Bitbucket-style file or tree URL. */
const REPO_ROOT =
  /^(https?:\/\/[^?#]*?\/(?:-\/)?(?:blob|tree|src|raw)\/[^/?#]+\/)/;

/** The URL a leading `/` means: the repository root at the URL's ref, else the URL's directory. */
export function repositoryRootOf(url: string): string {
  return REPO_ROOT.exec(url)?.[1] ?? directoryOf(url);
}

/** The URL itself when it names a directory, else the directory it is in. */
export function directoryOf(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  return path.endsWith('/') ? path : path.slice(0, path.lastIndexOf('/') + 1);
}
