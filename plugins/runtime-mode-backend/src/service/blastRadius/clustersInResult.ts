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

import type { EvaluationResult } from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * The configured clusters a component runs on, from a stored result: the
 * engine records each as the mode's cluster evidence. For rows stored before
 * the cluster names had a column of their own.
 */
export function clustersInResult(result: EvaluationResult): string[] {
  const names = new Set<string>();
  for (const evidence of result.mode.evidence) {
    if (evidence.source === 'cluster' && evidence.cluster) {
      names.add(evidence.cluster);
    }
  }
  return [...names];
}
