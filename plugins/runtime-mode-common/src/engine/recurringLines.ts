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

/**
 * Lines of explanation that recur for most components ("= 90; level
 * ready-with-warnings (0 rule(s) with critical, 1 with warnings)."), kept by
 * a number that determines them: built once, not for every component. Past
 * `max` lines the kept ones are dropped, so memory stays bounded whatever
 * the input.
 * @internal
 */
export class RecurringLines {
  private readonly lines = new Map<number, string>();

  constructor(private readonly max: number) {}

  /** The line kept for the key, if any. */
  get(key: number): string | undefined {
    return this.lines.get(key);
  }

  /** Keeps a line for the key, and returns it. */
  keep(key: number, line: string): string {
    if (this.lines.size >= this.max) this.lines.clear();
    this.lines.set(key, line);
    return line;
  }
}
