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
import { RepositoryId, repositoryKey } from './sourceUrls';

/**
 * Repositories outside an entity's own that an admin lets manifests be read
 * from (`runtimeMode.manifests.allowedRepositories`): globs over
 * `host/owner/repo`, e.g. `github.com/acme/platform-manifests`,
 * `github.com/acme-deploy/*` or `gitlab.example.com/**`. `*` stays within
 * one path segment, `**` crosses them.
 */
export class AllowedRepositories {
  private readonly patterns: string[];

  constructor(patterns: string[]) {
    this.patterns = patterns.map(p => p.toLocaleLowerCase('en-US'));
  }

  /** Checks the patterns; a bad one stops the plugin with this message. */
  static validate(patterns: string[], key: string): string[] {
    for (const [i, pattern] of patterns.entries()) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pattern)) {
        throw new Error(
          `${key}[${i}]: write host/owner/repo without a scheme, e.g. github.com/acme/manifests (got ${pattern})`,
        );
      }
      if (!/^[^/\s]+\/\S+$/.test(pattern)) {
        throw new Error(
          `${key}[${i}]: expected host/owner/repo, e.g. github.com/acme/manifests or gitlab.example.com/** (got ${pattern})`,
        );
      }
    }
    return patterns;
  }

  /** True when the repository (or, for a URL in no repository, host and path) is allowed. */
  allows(target: RepositoryId | URL): boolean {
    const key =
      target instanceof URL
        ? `${target.host}${target.pathname}`.toLocaleLowerCase('en-US')
        : repositoryKey(target);
    return this.patterns.some(pattern =>
      nodePath.posix.matchesGlob(key, pattern),
    );
  }
}
