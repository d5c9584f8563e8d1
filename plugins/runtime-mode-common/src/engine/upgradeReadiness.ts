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

import type {
  ComponentVersions,
  Finding,
  ManifestObjectRef,
  UpgradeLevel,
  UpgradeReadiness,
} from '../types';
import { UPGRADE_LEVELS } from '../types';
import { componentLabel } from './apiGroups';
import { ManifestObjectMap } from './manifestObjectMap';
import { RecurringLines } from './recurringLines';

/** What an unwaived API-compatibility concern means for the upgrade. */
type UpgradeConcern = 'broken-now' | 'breaks-at-upgrade' | 'deprecated';

const CONCERN_RANK: Record<UpgradeConcern, number> = {
  'broken-now': 0,
  'breaks-at-upgrade': 1,
  deprecated: 2,
};

// Alpha APIs are served at the target: a concern, not an upgrade level.
const DEPRECATION_RULES = new Set(['api-deprecated', 'api-deprecated-field']);

/** What we know about the upgrade of one component. @internal */
export interface UpgradeEvidence {
  /** Every finding, waivers applied. */
  findings: readonly Finding[];
  /** Objects compared with a version of their component. */
  judged: readonly ManifestObjectRef[];
  /** The components the objects belong to, with their versions. */
  versions: ComponentVersions[];
  /** Components of the objects with no version at all. */
  notJudged: readonly string[];
  hasObjects: boolean;
}

function upgradeConcernOf(finding: Finding): UpgradeConcern | undefined {
  if (finding.waived || finding.category !== 'api-compatibility') {
    return undefined;
  }
  if (finding.severity === 'critical') {
    return finding.timing === 'now' ? 'broken-now' : 'breaks-at-upgrade';
  }
  return finding.severity === 'warning' && DEPRECATION_RULES.has(finding.id)
    ? 'deprecated'
    : undefined;
}

/** Each object with an upgrade concern, at its worst. */
type WorstConcerns = ManifestObjectMap<UpgradeConcern>;

// Most components have no upgrade concern: they share this (never changed) value.
const NO_CONCERNS: WorstConcerns = new ManifestObjectMap();

/** Each object with an upgrade concern, at its worst. */
function worstConcernPerObject(findings: readonly Finding[]): WorstConcerns {
  let worst: WorstConcerns | undefined;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i];
    const concern = upgradeConcernOf(finding);
    if (!concern) continue;
    worst ??= new ManifestObjectMap();
    const known = worst.get(finding);
    if (!known || CONCERN_RANK[concern] < CONCERN_RANK[known]) {
      worst.set(finding, concern);
    }
  }
  return worst ?? NO_CONCERNS;
}

function countConcerns(worst: WorstConcerns): UpgradeReadiness['counts'] {
  const counts = { brokenNow: 0, breaksAtUpgrade: 0, deprecated: 0 };
  worst.forEach(concern => {
    if (concern === 'broken-now') counts.brokenNow++;
    else if (concern === 'breaks-at-upgrade') counts.breaksAtUpgrade++;
    else counts.deprecated++;
  });
  return counts;
}

/**
 * Judged objects, and objects with a concern that were not judged (a
 * rejected field), passing or not: each object counted once, however many
 * times it was given (the same file twice, two objects a template put on
 * one line and named alike).
 */
function countChecks(
  judged: readonly ManifestObjectRef[],
  worst: WorstConcerns,
): UpgradeReadiness['checks'] {
  if (worst.size === 0) {
    return { passing: judged.length, total: judged.length };
  }
  const checked = new ManifestObjectMap<true>();
  for (let i = 0; i < judged.length; i++) checked.set(judged[i], true);
  worst.forEach((_concern, object) => checked.set(object, true));
  return { passing: checked.size - worst.size, total: checked.size };
}

function upgradeLevel(
  counts: UpgradeReadiness['counts'],
  evidence: UpgradeEvidence,
): UpgradeLevel {
  if (!evidence.hasObjects) return 'unknown';
  if (counts.brokenNow > 0) return 'broken-now';
  if (counts.breaksAtUpgrade > 0) return 'breaks-at-upgrade';
  if (counts.deprecated > 0) return 'deprecated';
  // Clean only when every component of the objects was judged: a missing version is never a pass.
  return evidence.notJudged.length > 0 || evidence.judged.length === 0
    ? 'unknown'
    : 'clean';
}

function versionText(versions: ComponentVersions): string {
  const { component, current, planned } = versions;
  let today = '';
  if (current === planned) today = ' (what its clusters run today)';
  else if (current !== null) today = ` (its clusters run ${current} today)`;
  return `${componentLabel(component)} ${planned}${today}`;
}

const RECENT_JUDGED_AT = 4;
const recentJudgedAt: Array<{
  versions: readonly ComponentVersions[];
  line: string;
}> = [];
let nextJudgedAt = 0;

/**
 * "Judged at Kubernetes 1.34; KubeVirt 1.6.0." The same few version lists
 * come back for most components (one per mix of knowledge-base components):
 * the lines of the last few are kept.
 */
function judgedAtLine(versions: readonly ComponentVersions[]): string {
  for (let i = 0; i < recentJudgedAt.length; i++) {
    if (sameVersions(versions, recentJudgedAt[i].versions)) {
      return recentJudgedAt[i].line;
    }
  }
  let text = '';
  for (let i = 0; i < versions.length; i++) {
    if (versions[i].planned === null) continue;
    text += `${text === '' ? '' : '; '}${versionText(versions[i])}`;
  }
  const line = text === '' ? 'No version to judge at.' : `Judged at ${text}.`;
  // Copies: the caller's list goes into its result, which it may change.
  const entry = { versions: versions.map(v => ({ ...v })), line };
  recentJudgedAt[nextJudgedAt] = entry;
  nextJudgedAt = (nextJudgedAt + 1) % RECENT_JUDGED_AT;
  return line;
}

function sameVersions(
  a: readonly ComponentVersions[],
  b: readonly ComponentVersions[],
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (
      a[i].component !== b[i].component ||
      a[i].current !== b[i].current ||
      a[i].planned !== b[i].planned
    ) {
      return false;
    }
  }
  return true;
}

function explain(
  level: UpgradeLevel,
  counts: UpgradeReadiness['counts'],
  checks: UpgradeReadiness['checks'],
  evidence: UpgradeEvidence,
): string[] {
  if (!evidence.hasObjects) {
    return ['Unknown: no Kubernetes object was read from the manifests.'];
  }
  const lines = [judgedAtLine(evidence.versions)];
  if (counts.brokenNow > 0) {
    lines.push(
      `${counts.brokenNow} object(s) use an API their cluster no longer serves today: broken now.`,
    );
  }
  if (counts.breaksAtUpgrade > 0) {
    lines.push(
      `${counts.breaksAtUpgrade} object(s) use an API removed at the planned version.`,
    );
  }
  if (counts.deprecated > 0) {
    lines.push(
      `${counts.deprecated} object(s) use an API or field deprecated at the planned version.`,
    );
  }
  if (evidence.notJudged.length > 0) {
    lines.push(
      `Not judged, no version: ${evidence.notJudged
        .map(componentLabel)
        .join(', ')}.`,
    );
  }
  lines.push(checksLine(level, checks));
  return lines;
}

// The closing lines seen so far, by level and checks: a few recur for most components.
const closingLines = new RecurringLines(1_000);
// Objects per component are far fewer than this: a number key per level and checks.
const CHECK_BOUND = 1_000;

/** "= clean; 4 of 4 judged object(s) passing." */
function checksLine(
  level: UpgradeLevel,
  checks: UpgradeReadiness['checks'],
): string {
  const { passing, total } = checks;
  const cacheable = passing < CHECK_BOUND && total < CHECK_BOUND;
  const key =
    UPGRADE_LEVELS.indexOf(level) +
    UPGRADE_LEVELS.length * (passing + CHECK_BOUND * total);
  const known = cacheable ? closingLines.get(key) : undefined;
  if (known !== undefined) return known;
  const line = `= ${level}; ${passing} of ${total} judged object(s) passing.`;
  return cacheable ? closingLines.keep(key, line) : line;
}

/**
 * "Does it break at the planned upgrade?" from API-compatibility concerns
 * alone: broken now (removed at a version a cluster runs today), breaks at
 * the upgrade (removed at the planned version), deprecated, clean, or
 * unknown when nothing, or not everything, could be judged.
 * @internal
 */
export function judgeUpgrade(evidence: UpgradeEvidence): UpgradeReadiness {
  const worst = worstConcernPerObject(evidence.findings);
  const counts = countConcerns(worst);
  const checks = countChecks(evidence.judged, worst);
  const level = upgradeLevel(counts, evidence);
  return {
    level,
    versions: evidence.versions,
    counts,
    checks,
    explanation: explain(level, counts, checks, evidence),
  };
}
