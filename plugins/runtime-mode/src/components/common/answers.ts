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
  MODE_LABELS,
  componentLabel,
  type CheckCounts,
  type ComponentVersions,
  type EvaluationResult,
  type Finding,
  type ReadinessLevel,
  type RuntimeModeId,
  type UpgradeReadiness,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { labelOf } from './labels';

/** A planned move and how ready the component is for it. */
export interface MoveAnswer {
  targetMode: RuntimeModeId;
  source: 'annotation' | 'option';
  level: ReadinessLevel;
  /** Absent in results stored before the two questions were answered apart. */
  checks?: CheckCounts;
  explanation: string[];
}

/** A mode that fits the stated requirements better than where it runs. */
export interface SuggestionAnswer {
  mode: RuntimeModeId;
  fitScore: number | null;
  reasons: string[];
}

/**
 * The two questions a component page answers, read from a result of any rule
 * set: "does it break at the planned upgrade?" and "can it move to the mode
 * we chose?", plus the best fit as a suggestion. Results stored before the
 * questions were answered apart (`upgrade` absent) are `legacy`: their
 * readiness covered every concern and, then, a guessed target.
 */
export interface Answers {
  legacy: boolean;
  upgrade?: UpgradeReadiness;
  /** Null when no move is planned. */
  move: MoveAnswer | null;
  suggestion: SuggestionAnswer | null;
}

export function answersOf(result: EvaluationResult): Answers {
  if (result.upgrade) {
    const migration = result.migration ?? null;
    return {
      legacy: false,
      upgrade: result.upgrade,
      move: migration && {
        targetMode: migration.targetMode,
        source: migration.targetSource,
        level: migration.level,
        checks: migration.checks,
        explanation: migration.explanation,
      },
      suggestion: result.suggestion ?? null,
    };
  }
  // Older rule sets judged a best fit, or staying put, as if it were the
  // plan; only a declared or chosen target is a plan.
  const { readiness, mode, fit } = result;
  const planned =
    readiness.targetMode &&
    readiness.targetMode !== mode.value &&
    (readiness.targetSource === 'annotation' ||
      readiness.targetSource === 'option');
  const guessed =
    readiness.targetMode &&
    readiness.targetMode !== mode.value &&
    readiness.targetSource === 'best-fit';
  return {
    legacy: true,
    move: planned
      ? {
          targetMode: readiness.targetMode!,
          source: readiness.targetSource as 'annotation' | 'option',
          level: readiness.level,
          explanation: readiness.explanation,
        }
      : null,
    suggestion: guessed
      ? {
          mode: readiness.targetMode!,
          fitScore: fit.scores[readiness.targetMode!] ?? null,
          reasons: [],
        }
      : null,
  };
}

const SEVERITY_RANK: Record<string, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};
const TIMING_RANK: Record<string, number> = { now: 0, 'at-upgrade': 1 };

/**
 * Open concerns (unwaived criticals and warnings), worst first: critical
 * before warning, and what is broken today before what breaks at the
 * upgrade. The engine's order is kept otherwise.
 */
export function openConcerns(findings: readonly Finding[]): Finding[] {
  return findings
    .filter(f => !f.waived && f.severity !== 'info')
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        (SEVERITY_RANK[a.finding.severity] ?? 3) -
          (SEVERITY_RANK[b.finding.severity] ?? 3) ||
        (TIMING_RANK[a.finding.timing ?? ''] ?? 2) -
          (TIMING_RANK[b.finding.timing ?? ''] ?? 2) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}

/**
 * The first `count` open concerns without repeats: a concern whose message
 * was already shown (the same rule on the same object, or word for word)
 * is not shown twice.
 */
export function topConcerns(
  findings: readonly Finding[],
  count = 3,
): { shown: Finding[]; open: number } {
  const open = openConcerns(findings);
  const seen = new Set<string>();
  const shown: Finding[] = [];
  for (const f of open) {
    const object = [f.id, f.file, f.kind, f.name].join('|');
    if (seen.has(f.message) || (f.name && seen.has(object))) continue;
    seen.add(f.message);
    seen.add(object);
    shown.push(f);
    if (shown.length === count) break;
  }
  return { shown, open: open.length };
}

/** "DataVolume billing-legacy-archive": the object a concern is about. */
export function objectWords(f: Finding): string | undefined {
  return [f.kind, f.name].filter(Boolean).join(' ') || undefined;
}

/** The one thing to do first: the worst open concern that says what to do. */
export function nextStep(
  findings: readonly Finding[],
): { action: string; finding: Finding } | undefined {
  const first = openConcerns(findings).find(f => f.remediation);
  return first && { action: first.remediation!, finding: first };
}

/**
 * One knowledge-base component's versions in words: "Kubernetes 1.32 →
 * 1.34", "CDI 1.60.0 (unchanged)", "vSphere TKG Service 3.3.0 (no cluster
 * states its version)".
 */
export function versionWords(v: ComponentVersions): string {
  const name = componentLabel(v.component);
  if (!v.planned) return `${name}: no version known`;
  if (!v.current) return `${name} ${v.planned} (no cluster states its version)`;
  if (v.current === v.planned) return `${name} ${v.planned} (unchanged)`;
  return `${name} ${v.current} → ${v.planned}`;
}

/** Kubernetes first, then the other components; those that change before those that do not. */
export function byChange(
  versions: readonly ComponentVersions[],
): ComponentVersions[] {
  const changes = (v: ComponentVersions) =>
    v.current !== null && v.current === v.planned ? 1 : 0;
  return [...versions].sort(
    (a, b) =>
      changes(a) - changes(b) ||
      Number(b.component === 'k8s') - Number(a.component === 'k8s'),
  );
}

/** The clusters the mode verdict names (`runtime-mode.dev/clusters`). */
export function clustersOf(result: EvaluationResult): string[] {
  const names = result.mode.evidence
    .map(e => e.cluster)
    .filter((c): c is string => Boolean(c));
  return [...new Set(names)];
}

/** "5 of 7". */
export function checksWords(checks: CheckCounts): string {
  return `${checks.passing} of ${checks.total}`;
}

/** "Move to KubeVirt VMs". */
export function moveWords(mode: RuntimeModeId): string {
  return `Move to ${labelOf(MODE_LABELS, mode)}`;
}
