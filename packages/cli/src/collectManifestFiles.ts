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

import fs from 'node:fs';
import path from 'node:path';
import type { ManifestFile } from '@runtime-mode/backstage-plugin-runtime-mode-common';

// `.tpl`: a Helm chart's named templates (`_helpers.tpl`), which templates
// include for their apiVersions; the engine reads them as helpers, never as objects.
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.tpl']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
// Far above any manifest limit: the engine reports oversized files; this only
// keeps the CLI from loading something absurd into memory.
const HARD_READ_LIMIT = 256 * 1024 * 1024;

/**
 * Reads the files named on the command line. Directories are walked
 * recursively and contribute their .yaml/.yml/.json files and Helm helper
 * templates (.tpl); a file named
 * explicitly is read whatever its extension. Paths in the result are
 * relative to `cwd` so findings stay readable.
 */
export function collectManifestFiles(
  inputs: string[],
  cwd: string,
): { files: ManifestFile[]; errors: string[] } {
  const files: ManifestFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();

  const readOne = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const display = path.relative(cwd, absolute) || path.basename(absolute);
    const size = fs.statSync(absolute).size;
    if (size > HARD_READ_LIMIT) {
      errors.push(`${display}: ${size} bytes, too large to read`);
      return;
    }
    files.push({
      path: display.split(path.sep).join('/'),
      content: fs.readFileSync(absolute, 'utf8'),
    });
  };

  const walk = (directory: string) => {
    const entries = fs.readdirSync(directory, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(absolute);
      } else if (
        entry.isFile() &&
        MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())
      ) {
        readOne(absolute);
      }
    }
  };

  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const matches = expandGlob(path.resolve(cwd, input));
      if (matches.length === 0) errors.push(`${input}: no file matches`);
      matches.forEach(readOne);
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      errors.push(`${input}: no such file or directory`);
      continue;
    }
    try {
      if (stat.isDirectory()) walk(absolute);
      else readOne(absolute);
    } catch (error) {
      errors.push(`${input}: ${(error as Error).message}`);
    }
  }
  return { files, errors };
}

/** Expands `*`, `?` and `**` in an absolute path (the annotation's globs). */
function expandGlob(pattern: string): string[] {
  const segments = pattern.split(path.sep);
  const firstGlob = segments.findIndex(segment => /[*?]/.test(segment));
  const root = segments.slice(0, firstGlob).join(path.sep) || path.sep;
  const rest = segments.slice(firstGlob).join('/');
  const parts = rest.split('/');
  const source = parts
    .map((segment, index) => {
      const last = index === parts.length - 1;
      if (segment === '**') return last ? '.*' : '(?:[^/]+/)*';
      const body = segment
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]');
      return last ? body : `${body}/`;
    })
    .join('');
  const matcher = new RegExp(`^${source}$`);
  const matches: string[] = [];
  const walk = (directory: string, relative: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(absolute, childRelative);
      else if (entry.isFile() && matcher.test(childRelative))
        matches.push(absolute);
    }
  };
  walk(root, '');
  return matches.sort();
}
