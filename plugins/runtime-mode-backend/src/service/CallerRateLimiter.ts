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

import { CustomErrorBase } from '@backstage/errors';

/** 429: the caller made too many requests of a kind; `Retry-After` says when to try again. */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  /** Read by Backstage's error handler as the response status. */
  statusCode = 429;
}

/**
 * At most `limit` requests per caller in any `windowMs`: a sliding window
 * of the caller's last request times.
 */
export class CallerRateLimiter {
  private readonly requests = new Map<string, number[]>();

  constructor(
    private readonly options: {
      limit: number;
      windowMs: number;
      now?: () => number;
    },
  ) {}

  /**
   * Counts a request of `caller` and returns 0, or, when the caller is over
   * the limit, the seconds until it may try again (the request is not counted).
   */
  attempt(caller: string): number {
    const now = this.options.now?.() ?? Date.now();
    const since = now - this.options.windowMs;
    const times = (this.requests.get(caller) ?? []).filter(t => t > since);
    if (times.length >= this.options.limit) {
      this.requests.set(caller, times);
      return Math.max(1, Math.ceil((times[0] - since) / 1000));
    }
    times.push(now);
    this.requests.set(caller, times);
    if (this.requests.size > 10_000) {
      for (const [key, list] of this.requests) {
        if (list[list.length - 1] <= since) this.requests.delete(key);
      }
    }
    return 0;
  }
}
