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

import { promises as fs } from 'node:fs';
import nodePath from 'node:path';

/** Bounds of one directory walk. */
export interface WalkLimits {
  /** Matching files to collect; one more means the list is cut. */
  maxFiles: number;
  /** Directory entries to look at, matching or not. */
  maxEntries: number;
  maxDepth: number;
}

/** The files a walk found, and why it stopped early, if it did. */
export interface WalkResult {
  files: string[];
  /** Files that are symbolic links: they must be checked again before reading. */
  symlinks: Set<string>;
  cut?: string;
}

/**
 * Walks a directory for the files `accept` wants, in name order. Only
 * accepted files count against `maxFiles`, so 250 READMEs do not hide the one
 * manifest; the entries looked at are bounded too, so a huge tree of other
 * files ends the walk instead of stalling the refresh. Hidden entries and
 * node_modules are skipped.
 */
export async function walkFiles(
  start: string,
  accept: (file: string) => boolean,
  limits: WalkLimits,
  signal?: AbortSignal,
): Promise<WalkResult> {
  const result: WalkResult = { files: [], symlinks: new Set() };
  let entriesSeen = 0;
  const visit = async (dir: string, depth: number): Promise<boolean> => {
    if (depth > limits.maxDepth) {
      result.cut ??= `directories deeper than ${limits.maxDepth} levels were not walked`;
      return true;
    }
    signal?.throwIfAborted();
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : Number(a.name > b.name)));
    for (const entry of entries) {
      entriesSeen += 1;
      if (entriesSeen > limits.maxEntries) {
        result.cut = `the walk stopped after ${limits.maxEntries} directory entries`;
        return false;
      }
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = nodePath.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(await visit(full, depth + 1))) return false;
        continue;
      }
      if (!(entry.isFile() || entry.isSymbolicLink()) || !accept(full)) {
        continue;
      }
      if (result.files.length >= limits.maxFiles) {
        result.cut = `more than ${limits.maxFiles} manifest files match`;
        return false;
      }
      result.files.push(full);
      if (entry.isSymbolicLink()) result.symlinks.add(full);
    }
    return true;
  };
  await visit(start, 0);
  return result;
}
