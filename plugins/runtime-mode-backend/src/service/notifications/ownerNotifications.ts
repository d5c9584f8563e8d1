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
  componentLabel,
  EvaluationResult,
  Finding,
  ReadinessLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** Severities of the Backstage notifications payload. */
export type OwnerNotificationSeverity = 'critical' | 'high' | 'normal' | 'low';

/** One notification a stored evaluation calls for. */
export interface OwnerNotification {
  /**
   * Names the event, so that it is sent once per entity whichever replica or
   * refresh sees it: a worsening is named by the level it came from and the
   * time of the evaluation it came from, a removal by the API and the
   * release that removes it.
   */
  key: string;
  reason: 'readiness-worse' | 'removal-at-target';
  severity: OwnerNotificationSeverity;
  title: string;
  description: string;
}

/** An entity's stored result before a refresh, with when it was evaluated. */
export interface PreviousEvaluation {
  result: EvaluationResult;
  evaluatedAt: string;
}

/** How bad a level is; unknown is not on the scale (nothing to compare). */
const LEVEL_RANK: Partial<Record<ReadinessLevel, number>> = {
  ready: 0,
  'ready-with-warnings': 1,
  blocked: 2,
};

const LEVEL_WORDS: Record<ReadinessLevel, string> = {
  ready: 'ready',
  'ready-with-warnings': 'ready with warnings',
  blocked: 'blocked',
  unknown: 'unknown',
};

function removalsOf(result: EvaluationResult): Finding[] {
  return result.findings.filter(f => f.id === 'api-removed' && !f.waived);
}

/** The same removal in two results: the same API, removed in the same release. */
function removalKey(finding: Finding) {
  return [
    finding.component ?? 'k8s',
    finding.apiVersion,
    finding.kind,
    finding.removedIn,
  ].join(':');
}

/**
 * Which notifications the step from `previous` to `next` calls for: one when
 * the readiness level gets worse (ready → ready with warnings → blocked), and
 * one per API removal at the target versions that the previous result did
 * not have. A first evaluation has nothing to compare with and calls for
 * none, so installing the plugin does not notify every owner at once; nor
 * does a level that becomes or stops being unknown.
 */
export function ownerNotifications(
  previous: PreviousEvaluation | undefined,
  next: EvaluationResult,
  entityName: string,
): OwnerNotification[] {
  if (!previous) return [];
  const notifications: OwnerNotification[] = [];
  const before = previous.result.readiness.level;
  const after = next.readiness.level;
  const rankBefore = LEVEL_RANK[before];
  const rankAfter = LEVEL_RANK[after];
  if (
    rankBefore !== undefined &&
    rankAfter !== undefined &&
    rankAfter > rankBefore
  ) {
    notifications.push({
      key: `readiness:${before}:${previous.evaluatedAt}:${after}`,
      reason: 'readiness-worse',
      severity: after === 'blocked' ? 'high' : 'normal',
      title: `${entityName} is now ${LEVEL_WORDS[after]}`,
      description: `Runtime Mode readiness of ${entityName} went from ${
        LEVEL_WORDS[before]
      } to ${LEVEL_WORDS[after]} (score ${next.readiness.score ?? 'unknown'}).`,
    });
  }
  const known = new Set(removalsOf(previous.result).map(removalKey));
  const seen = new Set<string>();
  for (const removal of removalsOf(next)) {
    const key = removalKey(removal);
    if (known.has(key) || seen.has(key)) continue;
    seen.add(key);
    notifications.push({
      key: `removal:${key}`,
      reason: 'removal-at-target',
      severity: removal.timing === 'now' ? 'critical' : 'high',
      title: `${entityName} uses ${removal.apiVersion} ${
        removal.kind
      }, removed in ${componentLabel(removal.component ?? 'k8s')} ${
        removal.removedIn
      }`,
      description: removal.message,
    });
  }
  return notifications;
}
