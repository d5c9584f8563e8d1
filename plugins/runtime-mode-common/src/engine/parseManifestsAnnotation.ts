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

/** One source of manifests named by the `runtime-mode.dev/manifests` annotation. @public */
export interface ManifestSource {
  type: 'url' | 'path';
  /** A URL, or a path/glob relative to the entity's source location. */
  target: string;
}

/**
 * Splits the `runtime-mode.dev/manifests` annotation: comma-separated
 * `url:<url>` entries or paths/globs. A bare `http(s)://` entry is a URL too.
 * Empty entries are dropped; the backend resolves and validates the rest.
 * @public
 */
export function parseManifestsAnnotation(value: string): ManifestSource[] {
  const sources: ManifestSource[] = [];
  for (const rawEntry of String(value ?? '').split(',')) {
    const entry = rawEntry.trim();
    if (!entry) continue;
    if (entry.toLowerCase().startsWith('url:')) {
      const target = entry.slice(4).trim();
      if (target) sources.push({ type: 'url', target });
    } else if (/^https?:\/\//i.test(entry)) {
      sources.push({ type: 'url', target: entry });
    } else {
      sources.push({ type: 'path', target: entry.replace(/^\.\//, '') });
    }
  }
  return sources;
}
