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

import { isChildPath } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { Finding } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import nodePath from 'node:path';
import { AllowedRepositories } from './AllowedRepositories';
import { readerFindings } from './readerFindings';
import {
  directoryOf,
  normaliseSourceUrl,
  RepositoryId,
  repositoryKey,
  repositoryOf,
  repositoryRootOf,
  UnreadableUrlError,
} from './sourceUrls';

/**
 * Files a source yields: YAML and JSON manifests, and a Helm chart's named
 * templates (`_helpers.tpl`), which the engine needs to resolve `include`d
 * apiVersions in the chart's templates.
 */
export const MANIFEST_FILE = /\.(ya?ml|json|tpl)$/i;
const GLOB_CHARS = /[*?[\]{}]/;
/** A `..` path segment, percent-encoded or not, or a backslash (a separator to URL parsers). */
const ESCAPING_SEGMENT = /(^|[/\\])(\.|%2e){2}($|[/\\])|\\|%5c/i;

/** One annotation entry once resolved: what to read, and the key that de-duplicates it. */
export type ResolvedSource =
  | {
      kind: 'url-file';
      source: string;
      target: string;
      url: string;
      display: string;
    }
  | {
      kind: 'url-tree';
      source: string;
      target: string;
      /** The directory read with `readTree`. */
      url: string;
      /** Files below the directory must match this glob, when given. */
      glob?: string;
      /** How the directory is shown in file paths (relative to the repository root, or the URL). */
      display: string;
    }
  | {
      kind: 'fs';
      source: string;
      target: string;
      baseDir: string;
      relative: string;
    };

/** An entry that is not read, with the finding that says why. */
export type RefusedSource = {
  kind: 'refused';
  source: string;
  finding: Finding;
};

/** Where the catalog registered the entity from: the only place its manifests are read by default. */
type Home =
  | { type: 'url'; location: URL; repository?: RepositoryId }
  | { type: 'file'; dir: string };

/** The part of a path before its first glob character's directory, and the glob after it. */
export function splitGlob(path: string) {
  const globAt = path.search(GLOB_CHARS);
  if (globAt < 0) {
    return { staticPart: path, globPart: '' };
  }
  const staticPart = path.slice(0, path.lastIndexOf('/', globAt) + 1);
  return { staticPart, globPart: path.slice(staticPart.length) };
}

/**
 * Resolves `runtime-mode.dev/manifests` entries and confines them to the
 * repository the entity was registered from. That repository comes from
 * `backstage.io/managed-by-location` (else `managed-by-origin-location`),
 * which the catalog sets from the location it read the entity from; never
 * from `backstage.io/source-location`, which the entity's author writes.
 * Relative paths still resolve against the source location when it lies in
 * that repository. Anything elsewhere is refused with a finding unless
 * `runtimeMode.manifests.allowedRepositories` allows it.
 */
export class SourceLocator {
  constructor(private readonly allowed: AllowedRepositories) {}

  resolve(
    entity: Entity,
    entry: { type: 'url' | 'path'; target: string },
  ): ResolvedSource | RefusedSource {
    const source = `${entry.type}:${entry.target}`;
    const refuse = (reason: string): RefusedSource => ({
      kind: 'refused',
      source,
      finding: readerFindings.refused(`source ${source}`, reason),
    });
    const home = homeOf(entity);
    try {
      if (entry.type === 'url') {
        return this.resolveUrl(home, source, entry.target, refuse);
      }
      if (home?.type === 'file') {
        return resolveLocalPath(entity, home, source, entry.target, refuse);
      }
      if (home?.type === 'url') {
        return this.resolveRemotePath(
          entity,
          home,
          source,
          entry.target,
          refuse,
        );
      }
      return refuse(
        'the entity was not registered from a location (backstage.io/managed-by-location), so there is no repository to resolve paths in',
      );
    } catch (error) {
      if (error instanceof UnreadableUrlError) {
        return refuse(error.message);
      }
      throw error;
    }
  }

  private resolveUrl(
    home: Home | undefined,
    source: string,
    target: string,
    refuse: (reason: string) => RefusedSource,
  ): ResolvedSource | RefusedSource {
    const url = normaliseSourceUrl(target);
    const outside = this.outsideReason(home, url);
    if (outside) {
      return refuse(outside);
    }
    const { staticPart, globPart } = splitGlob(url.pathname);
    if (globPart) {
      if (ESCAPING_SEGMENT.test(globPart)) {
        return refuse('a glob may not contain `..` segments');
      }
      const dir = new URL(url);
      dir.pathname = staticPart;
      return treeSource(source, dir.toString(), globPart, dir.toString());
    }
    if (MANIFEST_FILE.test(url.pathname)) {
      const href = url.toString();
      return {
        kind: 'url-file',
        source,
        target: href,
        url: href,
        display: href,
      };
    }
    return treeSource(source, url.toString(), undefined, url.toString());
  }

  private resolveRemotePath(
    entity: Entity,
    home: Extract<Home, { type: 'url' }>,
    source: string,
    target: string,
    refuse: (reason: string) => RefusedSource,
  ): ResolvedSource | RefusedSource {
    let base = home.location.toString();
    const declared = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
    if (declared) {
      const location = parseLocationRefOrUndefined(declared);
      if (location?.type !== 'url') {
        return refuse(
          `the source location ${declared} is not a URL in the repository the entity was registered from`,
        );
      }
      const declaredUrl = normaliseSourceUrl(location.target);
      const outside = this.outsideReason(home, declaredUrl);
      if (outside) {
        return refuse(`its source location ${declared} is ${outside}`);
      }
      base = declaredUrl.toString();
    }
    const root = repositoryRootOf(base);
    const relative = target.replace(/^\.?\/+/, '');
    // A leading slash means the repository root, never the host root.
    const from = target.startsWith('/') ? root : directoryOf(base);
    const { staticPart, globPart } = splitGlob(relative);
    // The glob is matched below the directory, never resolved as a URL: a
    // `..` in it would otherwise climb out of the repository.
    if (globPart && ESCAPING_SEGMENT.test(globPart)) {
      return refuse('a glob may not contain `..` segments');
    }
    let resolved: URL;
    try {
      resolved = normaliseSourceUrl(new URL(staticPart, from).toString());
    } catch {
      return refuse('the path cannot be resolved against the source location');
    }
    const href = resolved.toString();
    if (!href.startsWith(root)) {
      return refuse(`the path escapes the repository (${root})`);
    }
    const outside = this.outsideReason(home, resolved);
    if (outside) {
      return refuse(`the path is ${outside}`);
    }
    const display = href.slice(root.length);
    if (globPart) {
      return treeSource(source, href, globPart, display);
    }
    if (MANIFEST_FILE.test(resolved.pathname)) {
      return { kind: 'url-file', source, target: href, url: href, display };
    }
    return treeSource(source, href, undefined, display);
  }

  /** Why a URL may not be read for this entity; undefined when it may. */
  private outsideReason(home: Home | undefined, url: URL): string | undefined {
    const repository = repositoryOf(url);
    if (home?.type === 'url') {
      const inHome =
        home.repository && repository
          ? repositoryKey(home.repository) === repositoryKey(repository)
          : // A location in no known repository layout confines reads to its directory.
            url.toString().startsWith(directoryOf(home.location.toString()));
      if (inHome) return undefined;
    }
    if (this.allowed.allows(repository ?? url)) {
      return undefined;
    }
    const where = homeName(home);
    const what = repository ? repositoryKey(repository) : url.host;
    return `outside the repository the entity was registered from (${where}); an admin can allow ${what} with runtimeMode.manifests.allowedRepositories`;
  }
}

/** How the place an entity was registered from is named in findings. */
function homeName(home: Home | undefined): string {
  if (home?.type !== 'url') return 'a local file';
  return home.repository
    ? repositoryKey(home.repository)
    : directoryOf(home.location.toString());
}

function treeSource(
  source: string,
  dirUrl: string,
  glob: string | undefined,
  display: string,
): ResolvedSource {
  return {
    kind: 'url-tree',
    source,
    target: glob ? `${dirUrl}${glob}` : dirUrl,
    url: dirUrl,
    glob,
    display,
  };
}

/**
 * `file:` locations (local development) are read from disk, because the
 * default UrlReaders do not read `file:` URLs, and only inside the directory
 * of the file the catalog loaded the entity from.
 */
function resolveLocalPath(
  entity: Entity,
  home: Extract<Home, { type: 'file' }>,
  source: string,
  target: string,
  refuse: (reason: string) => RefusedSource,
): ResolvedSource | RefusedSource {
  let baseDir = home.dir;
  const declared = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (declared) {
    const location = parseLocationRefOrUndefined(declared);
    if (location?.type !== 'file') {
      return refuse(
        `the source location ${declared} is not in the directory the entity was loaded from (${home.dir})`,
      );
    }
    const dir = location.target.endsWith('/')
      ? location.target
      : nodePath.dirname(location.target);
    if (!isChildPath(home.dir, dir)) {
      return refuse(
        `the source location is outside the directory the entity was loaded from (${home.dir})`,
      );
    }
    baseDir = dir;
  }
  const relative = target.replace(/^\.?\/+/, '');
  return {
    kind: 'fs',
    source,
    target: `file:${nodePath.resolve(baseDir, relative)}`,
    baseDir,
    relative,
  };
}

function parseLocationRefOrUndefined(ref: string) {
  try {
    return parseLocationRef(ref);
  } catch {
    return undefined;
  }
}

function homeOf(entity: Entity): Home | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const ref =
    annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_ORIGIN_LOCATION];
  const location = ref ? parseLocationRefOrUndefined(ref) : undefined;
  if (location?.type === 'file') {
    return {
      type: 'file',
      dir: nodePath.dirname(nodePath.resolve(location.target)),
    };
  }
  if (location?.type === 'url') {
    try {
      const url = normaliseSourceUrl(location.target);
      return { type: 'url', location: url, repository: repositoryOf(url) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
