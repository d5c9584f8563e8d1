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

import { RUNTIME_MODE_ANNOTATIONS } from '../annotations';
import type { ClusterConfig, Finding } from '../types';
import { makeFinding } from './findings';

/**
 * The clusters named in `runtime-mode.dev/clusters`, from
 * `runtimeMode.clusters`; a name config does not know is a finding.
 * @internal
 */
export function componentClusters(
  annotation: string | undefined,
  clusters: readonly ClusterConfig[],
): { clusters: ClusterConfig[]; findings: Finding[] } {
  const result: ClusterConfig[] = [];
  const findings: Finding[] = [];
  const names = (annotation ?? '')
    .split(',')
    .map(name => name.trim())
    .filter(Boolean);
  for (const name of names) {
    const cluster = clusters.find(c => c.name === name);
    if (cluster) {
      result.push(cluster);
      continue;
    }
    findings.push(
      makeFinding(
        'annotation-invalid',
        'warning',
        `Annotation ${RUNTIME_MODE_ANNOTATIONS.clusters} names cluster "${name}", which is not in runtimeMode.clusters`,
        {
          remediation:
            'Add the cluster to runtimeMode.clusters in app-config, or fix the name.',
        },
      ),
    );
  }
  return { clusters: result, findings };
}
