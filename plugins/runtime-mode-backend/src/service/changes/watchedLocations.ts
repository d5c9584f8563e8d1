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

import nodePath from 'node:path';
import parseGitUrl from 'git-url-parse';
import type { SourceRecord } from '../../database/EvaluationStore';
import { MANIFEST_FILE, splitGlob } from '../manifests/SourceLocator';
import { repositoryKey, repositoryOf } from '../manifests/sourceUrls';
import type { RepositoryPush } from './pushEvents';

/** Where one manifest source reads from, in the terms a push speaks. */
export interface WatchedLocation {
  /** `host/owner/repo` in lower case. */
  repository: string;
  /**
   * The ref followed by the path in the repository (`main/deploy`,
   * `main/deploy/app.yaml`); undefined when the URL's layout does not tell
   * them apart, and then any push to the repository touches the location.
   */
  refPath?: string;
  /** Files below a tree must match this glob, when given. */
  glob?: string;
  kind: 'file' | 'tree';
}

/**
 * The location a stored source's target names, for targets in a repository
 * (not `file:` sources, nor refused ones, nor URLs outside any repository).
 */
function locationOf(target: string): WatchedLocation | undefined {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const repository = repositoryOf(url);
  if (!repository) return undefined;
  const { staticPart, globPart } = splitGlob(decodeURIComponent(url.pathname));
  const dir = new URL(url);
  dir.pathname = staticPart || url.pathname;
  const parsed = parseGitUrl(dir.toString());
  const path = parsed.filepath.replace(/^\/+|\/+$/g, '');
  const refPath = parsed.ref
    ? [parsed.ref, path].filter(Boolean).join('/')
    : undefined;
  const kind = !globPart && MANIFEST_FILE.test(url.pathname) ? 'file' : 'tree';
  return {
    repository: repositoryKey(repository),
    refPath,
    glob: globPart || undefined,
    kind,
  };
}

/** The repository locations an entity's stored sources read, without repeats. */
export function watchedLocationsOf(records: SourceRecord[]): WatchedLocation[] {
  const locations = new Map<string, WatchedLocation>();
  for (const record of records) {
    const location = locationOf(record.target);
    if (location) locations.set(JSON.stringify(location), location);
  }
  return [...locations.values()];
}

/** Whether a file the push changed (relative to the repository root) is read from the location. */
function readsPath(location: WatchedLocation, below: string, path: string) {
  if (location.kind === 'file') return path === below;
  const prefix = below ? `${below}/` : '';
  if (!path.startsWith(prefix) || !MANIFEST_FILE.test(path)) return false;
  return (
    !location.glob ||
    nodePath.posix.matchesGlob(path.slice(prefix.length), location.glob)
  );
}

/**
 * Whether a push may have changed what a location reads: same repository, a
 * ref the push moved (`HEAD` is the default branch), and a changed path the
 * location reads. A push that does not list its paths touches every
 * location on its refs; a location whose ref the URL does not tell is
 * touched by any push to its repository. Both err towards reading again.
 */
export function isTouchedBy(
  location: WatchedLocation,
  push: RepositoryPush,
): boolean {
  if (location.repository !== push.repository) return false;
  if (location.refPath === undefined) return true;
  const refs = push.refs.includes(push.defaultBranch ?? '')
    ? [...push.refs, 'HEAD']
    : push.refs;
  return refs.some(ref => {
    if (location.refPath !== ref && !location.refPath!.startsWith(`${ref}/`)) {
      return false;
    }
    const below = location.refPath!.slice(ref.length + 1);
    return (
      push.paths === undefined ||
      push.paths.some(path => readsPath(location, below, path))
    );
  });
}
