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
  MODE_LABELS,
  ReadinessLevel,
  UpgradeLevel,
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
  reason: 'upgrade-worse' | 'migration-worse' | 'removal-at-target';
  severity: OwnerNotificationSeverity;
  title: string;
  description: string;
}

/** An entity's stored result before a refresh, with when it was evaluated. */
export interface PreviousEvaluation {
  result: EvaluationResult;
  evaluatedAt: string;
}

/** How bad an upgrade level is; unknown is not on the scale (nothing to compare). */
const UPGRADE_RANK: Partial<Record<UpgradeLevel, number>> = {
  clean: 0,
  deprecated: 1,
  'breaks-at-upgrade': 2,
  'broken-now': 3,
};

const UPGRADE_WORDS: Record<UpgradeLevel, string> = {
  clean: 'clean',
  deprecated: 'uses deprecated APIs',
  'breaks-at-upgrade': 'breaks at the planned upgrade',
  'broken-now': 'broken now on its clusters',
  unknown: 'unknown',
};

const UPGRADE_SEVERITY: Partial<
  Record<UpgradeLevel, OwnerNotificationSeverity>
> = {
  deprecated: 'normal',
  'breaks-at-upgrade': 'high',
  'broken-now': 'critical',
};

/** How bad a migration level is; unknown is not on the scale. */
const MIGRATION_RANK: Partial<Record<ReadinessLevel, number>> = {
  ready: 0,
  'ready-with-warnings': 1,
  blocked: 2,
};

const MIGRATION_WORDS: Record<ReadinessLevel, string> = {
  ready: 'ready',
  'ready-with-warnings': 'ready with warnings',
  blocked: 'blocked',
  unknown: 'unknown',
};

/** True when both levels are on the scale and the second is worse. */
function isWorse<L extends string>(
  rank: Partial<Record<L, number>>,
  before: L,
  after: L,
) {
  const rankBefore = rank[before];
  const rankAfter = rank[after];
  return (
    rankBefore !== undefined &&
    rankAfter !== undefined &&
    rankAfter > rankBefore
  );
}

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

/** One notification per unwaived removal at the targets that `previous` did not have. */
function newRemovals(
  previous: PreviousEvaluation,
  next: EvaluationResult,
  entityName: string,
): OwnerNotification[] {
  const known = new Set(removalsOf(previous.result).map(removalKey));
  const notifications: OwnerNotification[] = [];
  for (const removal of removalsOf(next)) {
    const key = removalKey(removal);
    if (known.has(key)) continue;
    known.add(key);
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

/** "Does it break at the planned upgrade?" answered worse than before. */
function upgradeWorse(
  previous: PreviousEvaluation,
  next: EvaluationResult,
  entityName: string,
): OwnerNotification[] {
  const before = previous.result.upgrade?.level;
  const after = next.upgrade?.level;
  if (!before || !after || !isWorse(UPGRADE_RANK, before, after)) return [];
  const { brokenNow, breaksAtUpgrade, deprecated } = next.upgrade!.counts;
  return [
    {
      key: `upgrade:${before}:${previous.evaluatedAt}:${after}`,
      reason: 'upgrade-worse',
      severity: UPGRADE_SEVERITY[after] ?? 'normal',
      title: `${entityName} ${UPGRADE_WORDS[after]}`,
      description: `At the planned upgrade, ${entityName} went from ${UPGRADE_WORDS[before]} to ${UPGRADE_WORDS[after]}: ${brokenNow} object(s) broken now, ${breaksAtUpgrade} breaking at the upgrade, ${deprecated} deprecated.`,
    },
  ];
}

/**
 * "Can it move to the mode we chose?" answered worse than before, for the
 * same planned move. A move planned, dropped or redirected since is the
 * owner's own decision, not a worsening.
 */
function migrationWorse(
  previous: PreviousEvaluation,
  next: EvaluationResult,
  entityName: string,
): OwnerNotification[] {
  const before = previous.result.migration;
  const after = next.migration;
  if (!before || !after || before.targetMode !== after.targetMode) return [];
  if (!isWorse(MIGRATION_RANK, before.level, after.level)) return [];
  const target = MODE_LABELS[after.targetMode];
  return [
    {
      key: `migration:${after.targetMode}:${before.level}:${previous.evaluatedAt}:${after.level}`,
      reason: 'migration-worse',
      severity: after.level === 'blocked' ? 'high' : 'normal',
      title: `${entityName}: the move to ${target} is now ${
        MIGRATION_WORDS[after.level]
      }`,
      description: `The planned move of ${entityName} to ${target} went from ${
        MIGRATION_WORDS[before.level]
      } to ${MIGRATION_WORDS[after.level]} (${after.checks.passing} of ${
        after.checks.total
      } checks pass).`,
    },
  ];
}

/**
 * Which notifications the step from `previous` to `next` calls for, on the
 * two questions apart (decision 0006): one when the upgrade answer gets worse,
 * one when the planned move gets worse, and one per API removal at the
 * targets that the previous result did not have. A new removal already says
 * why the upgrade answer got worse, and which API: the upgrade worsening is
 * then left out, so one change makes one notification per cause. A component
 * with no planned move is never told it is blocked.
 *
 * A first evaluation has nothing to compare with and calls for none, so
 * installing the plugin does not notify every owner at once; nor does a level
 * that becomes or stops being unknown, or a result of an older rule set that
 * did not answer the question.
 */
export function ownerNotifications(
  previous: PreviousEvaluation | undefined,
  next: EvaluationResult,
  entityName: string,
): OwnerNotification[] {
  if (!previous) return [];
  const removals = newRemovals(previous, next, entityName);
  return [
    ...(removals.length ? [] : upgradeWorse(previous, next, entityName)),
    ...migrationWorse(previous, next, entityName),
    ...removals,
  ];
}
