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

import type { scmIntegrationsApiRef } from '@backstage/integration-react';

type ScmIntegrations = typeof scmIntegrationsApiRef.T;

const ABSOLUTE = /^https?:\/\//i;

/**
 * The address of a manifest file at a line in source control, or undefined
 * when there is none to give (no SCM integration for the entity's source
 * location, e.g. an entity loaded from a local file).
 *
 * Files in findings are what the backend's manifest reader shows: a URL for
 * `url:` entries, else a path from the root of the repository the entity was
 * registered from, which a leading `/` resolves against in every SCM
 * integration. The line anchor (`#L12`, `#lines-12`, ...) is the
 * integration's own.
 */
export function sourceUrlOf(options: {
  file: string;
  line?: number;
  /** The entity's source location (`backstage.io/source-location` target). */
  base?: string;
  scm?: Pick<ScmIntegrations, 'byUrl' | 'resolveUrl'>;
}): string | undefined {
  const { file, line, base, scm } = options;
  if (ABSOLUTE.test(file)) {
    if (!scm?.byUrl(file)) return file;
    // resolveUrl keeps an absolute URL as it is; resolving its own file
    // name against it lets the integration add the line anchor.
    const name = file
      .replace(/[?#].*$/, '')
      .split('/')
      .pop();
    return name
      ? scm.resolveUrl({ url: `./${name}`, base: file, lineNumber: line })
      : file;
  }
  if (!base || !ABSOLUTE.test(base) || !scm?.byUrl(base)) return undefined;
  return scm.resolveUrl({
    url: `/${file.replace(/^\.?\/+/, '')}`,
    base,
    lineNumber: line,
  });
}

/** "manifests/vm.yaml:12". */
export function fileLine(file: string, line?: number): string {
  return line ? `${file}:${line}` : file;
}
