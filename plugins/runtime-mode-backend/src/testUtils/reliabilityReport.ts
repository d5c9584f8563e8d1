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

/**
 * Reports what a fault test measured: one line in the test output and, when
 * RUNTIME_MODE_RELIABILITY_REPORT names a file, one JSON line appended to it
 * (docs/reliability.md is written from that file).
 */
export function reportMeasurement(
  scenario: string,
  database: string,
  figures: Record<string, string | number | boolean>,
) {
  const file = process.env.RUNTIME_MODE_RELIABILITY_REPORT;
  if (file) {
    fs.appendFileSync(
      file,
      `${JSON.stringify({
        scenario,
        database,
        at: new Date().toISOString(),
        ...figures,
      })}\n`,
    );
  }
  const text = Object.entries(figures)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  process.stdout.write(`[reliability] ${scenario} (${database}): ${text}\n`);
}
