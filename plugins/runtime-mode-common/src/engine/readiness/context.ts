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
  ClusterConfig,
  Finding,
  ModeValue,
  Requirements,
  RuntimeModeId,
} from '../../types';
import { isKubevirtVm } from '../decideMode';
import type { ModeProfile } from '../profiles';
import type { ManifestObject } from '../readManifests';

/** What the readiness rules are run on. @internal */
export interface ReadinessInput {
  objects: readonly ManifestObject[];
  currentMode: ModeValue;
  targetMode: RuntimeModeId | null;
  requirements: Requirements;
  profiles: Record<RuntimeModeId, ModeProfile>;
  /** The component's clusters (from its annotation), or none. */
  clusters: readonly ClusterConfig[];
  /** Every cluster in config, for target-mode hardware checks. */
  allClusters: readonly ClusterConfig[];
  /** Target versions per knowledge-base component (already validated). */
  targets: Readonly<Record<string, string>>;
}

/** What every readiness rule gets to look at: the input, and what several rules ask of it. @internal */
export interface ReadinessContext extends ReadinessInput {
  /**
   * The KubeVirt VM-like objects among `objects`, rendered or not: found once
   * per component, where every family that judges VMs used to look at every
   * object again.
   */
  vms: readonly ManifestObject[];
}

/** The context of an input. @internal */
export function readinessContext(input: ReadinessInput): ReadinessContext {
  const vms: ManifestObject[] = [];
  const objects = input.objects;
  for (let i = 0; i < objects.length; i++) {
    if (isKubevirtVm(objects[i])) vms.push(objects[i]);
  }
  // Named one by one: a spread is a slow copy, and this runs per component.
  return {
    objects,
    currentMode: input.currentMode,
    targetMode: input.targetMode,
    requirements: input.requirements,
    profiles: input.profiles,
    clusters: input.clusters,
    allClusters: input.allClusters,
    targets: input.targets,
    vms,
  };
}

/**
 * What a family of readiness rules found, and which of its rules applied to
 * the component (fired or not): the checks of "n of m checks passing".
 * @internal
 */
export interface RuleFamilyOutcome {
  findings: Finding[];
  /** Ids of the rules the family evaluated for these objects, each once. */
  evaluated: string[];
}

/**
 * The outcome of a family that had nothing to judge: shared (and frozen) so
 * that the families most components skip allocate nothing.
 * @internal
 */
export const NOTHING_JUDGED: RuleFamilyOutcome = Object.freeze({
  findings: Object.freeze([]) as unknown as Finding[],
  evaluated: Object.freeze([]) as unknown as string[],
});

/**
 * Notes a rule as evaluated, once. A list, not a set: a family evaluates a
 * few rules, and a set's copy into the outcome cost more than the search.
 * @internal
 */
export function noteEvaluated(evaluated: string[], id: string): void {
  if (!evaluated.includes(id)) evaluated.push(id);
}

/** A family of readiness rules: reads the context, returns its outcome. @internal */
export type ReadinessRule = (context: ReadinessContext) => RuleFamilyOutcome;

/**
 * Several outcomes as one: findings in order, and the rules every family
 * evaluated. A rule two families evaluate is named twice: the list is read
 * as a set, and only when a move is planned (see judgeMigration), so it is
 * not made unique for every component here.
 * @internal
 */
export function combineOutcomes(
  outcomes: readonly RuleFamilyOutcome[],
): RuleFamilyOutcome {
  // Indexed loops: this runs for every component, the lists are short and
  // many are the shared frozen NOTHING_JUDGED lists, which an iterator per
  // list made a measurable cost.
  const findings: Finding[] = [];
  const evaluated: string[] = [];
  for (let o = 0; o < outcomes.length; o++) {
    const outcome = outcomes[o];
    // Most families judge nothing for a component: nothing to read.
    if (outcome === NOTHING_JUDGED) continue;
    for (let i = 0; i < outcome.findings.length; i++) {
      findings.push(outcome.findings[i]);
    }
    for (let i = 0; i < outcome.evaluated.length; i++) {
      evaluated.push(outcome.evaluated[i]);
    }
  }
  return { findings, evaluated };
}
