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

import {
  type EntityVerdict,
  MAX_VERDICT_REFS,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { RuntimeModeApi } from '../../api';

type CacheEntry = {
  expires: number;
  verdict: Promise<EntityVerdict | undefined>;
};

type Waiter = {
  resolve: (verdict: EntityVerdict | undefined) => void;
  reject: (error: Error) => void;
};

/** The catalog's lower-cased form of a ref, the key the backend answers with. */
export function verdictKey(entityRef: string): string {
  return entityRef.toLocaleLowerCase('en-US');
}

/**
 * Collects the refs asked for while one render commits (every cell of a page
 * of rows asks in the same task) and fetches them together: one request per
 * page of rows, never one per row. Answers are kept for `maxAgeMs`, so the
 * filter and the column share them and paging back costs nothing.
 */
export class VerdictLoader {
  private readonly cache = new Map<string, CacheEntry>();
  private queue = new Map<string, Waiter>();
  private flushScheduled = false;

  constructor(
    private readonly options: {
      api: Pick<RuntimeModeApi, 'getVerdicts'>;
      maxAgeMs: number;
    },
  ) {}

  /** The verdict of one entity; undefined when it has none (or is hidden). */
  load(entityRef: string): Promise<EntityVerdict | undefined> {
    const key = verdictKey(entityRef);
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) {
      return hit.verdict;
    }
    const verdict = new Promise<EntityVerdict | undefined>(
      (resolve, reject) => {
        this.queue.set(key, { resolve, reject });
      },
    );
    this.cache.set(key, { expires: now + this.options.maxAgeMs, verdict });
    this.scheduleFlush();
    return verdict;
  }

  /** The verdicts of many entities, by lower-cased ref; absent ones have none. */
  async loadMany(entityRefs: string[]): Promise<Map<string, EntityVerdict>> {
    const answers = await Promise.all(entityRefs.map(ref => this.load(ref)));
    const byRef = new Map<string, EntityVerdict>();
    for (const verdict of answers) {
      if (verdict) byRef.set(verdict.entityRef, verdict);
    }
    return byRef;
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setTimeout(() => this.flush(), 0);
  }

  private flush() {
    this.flushScheduled = false;
    const batch = [...this.queue];
    this.queue = new Map();
    for (let i = 0; i < batch.length; i += MAX_VERDICT_REFS) {
      this.fetchChunk(batch.slice(i, i + MAX_VERDICT_REFS));
    }
  }

  private fetchChunk(chunk: Array<[string, Waiter]>) {
    this.options.api.getVerdicts(chunk.map(([key]) => key)).then(
      items => {
        const byRef = new Map(items.map(v => [verdictKey(v.entityRef), v]));
        for (const [key, waiter] of chunk) {
          waiter.resolve(byRef.get(key));
        }
      },
      (error: Error) => {
        for (const [key, waiter] of chunk) {
          // A failure is not remembered: the next render asks again.
          this.cache.delete(key);
          waiter.reject(error);
        }
      },
    );
  }
}
