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

/** The catalog annotations the plugins read (prefix `runtime-mode.dev/`). @public */
export const RUNTIME_MODE_ANNOTATIONS = {
  mode: 'runtime-mode.dev/mode',
  targetMode: 'runtime-mode.dev/target-mode',
  manifests: 'runtime-mode.dev/manifests',
  clusters: 'runtime-mode.dev/clusters',
  isolation: 'runtime-mode.dev/isolation',
  latencySensitive: 'runtime-mode.dev/latency-sensitive',
  maxOverhead: 'runtime-mode.dev/max-overhead',
  workloadProfile: 'runtime-mode.dev/workload-profile',
} as const;

/** Prefix of waiver annotations: `runtime-mode.dev/waive.<rule-id>: until=YYYY-MM-DD; reason=...`. @public */
export const RUNTIME_MODE_WAIVER_PREFIX = 'runtime-mode.dev/waive.';
