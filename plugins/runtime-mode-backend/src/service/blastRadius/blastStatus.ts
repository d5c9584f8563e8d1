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
  BLAST_RADIUS_STATUSES,
  BlastRadiusStatus,
  Finding,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * The API-compatibility rules a version changes: a removal, or a
 * deprecation. Alpha-API warnings hold at every version, so no choice of
 * version puts a component in or out of the blast radius for them.
 */
const VERSION_RULES = new Set(['api-removed', 'api-deprecated']);

/** How a finding fares at the version judged; undefined when it is not about that version. */
export function blastStatusOf(finding: Finding): BlastRadiusStatus | undefined {
  if (!VERSION_RULES.has(finding.id)) return undefined;
  if (finding.id === 'api-deprecated') return 'deprecated';
  return finding.timing === 'now' ? 'already-broken' : 'newly-breaks';
}

/** Position in {@link BLAST_RADIUS_STATUSES}: lower is worse. */
export function statusRank(status: BlastRadiusStatus): number {
  return BLAST_RADIUS_STATUSES.indexOf(status);
}

/** The worst of some statuses; undefined when there is none. */
export function worstStatus(
  statuses: Iterable<BlastRadiusStatus | undefined>,
): BlastRadiusStatus | undefined {
  let worst: BlastRadiusStatus | undefined;
  for (const status of statuses) {
    if (status && (!worst || statusRank(status) < statusRank(worst))) {
      worst = status;
    }
  }
  return worst;
}
