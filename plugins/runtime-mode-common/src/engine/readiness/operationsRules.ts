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

import type { Finding } from '../../types';
import { isInApiGroup } from '../apiGroups';
import { WORKLOAD_KINDS } from '../decideMode';
import { makeFinding, objectEvidence, objectLabel } from '../findings';
import { hasLabels, labelSelectorMatches, labelsOf } from '../labelSelectors';
import type { ManifestObject } from '../readManifests';
import {
  NOTHING_JUDGED,
  noteEvaluated,
  type ReadinessContext,
  type RuleFamilyOutcome,
} from './context';
import { get, isRecord, list, podTemplateOf } from './objectPaths';

const BATCH_KINDS = new Set(['Job', 'CronJob']);

/**
 * Operability of container workloads: probes, resource requests, and a
 * PodDisruptionBudget for replicated workloads (a drain or migration must
 * not take every replica down).
 * @internal
 */
export function checkOperations(context: ReadinessContext): RuleFamilyOutcome {
  const objects = context.objects;
  // Made at the first container workload: a component without one
  // (VMs only, config only, no objects) allocates nothing here.
  let findings: Finding[] | undefined;
  let evaluated: string[] | undefined;
  let pdbs: ManifestObject[] | undefined;
  for (let i = 0; i < objects.length; i++) {
    const workload = objects[i];
    if (!workload.rendered || !WORKLOAD_KINDS.has(workload.kind)) continue;
    if (isInApiGroup(workload.apiVersion, 'kubevirt.io')) continue;
    const template = podTemplateOf(workload);
    if (!template) continue;
    findings ??= [];
    evaluated ??= [];
    pdbs ??= disruptionBudgetsIn(objects);
    const containers = list(get(template, 'spec', 'containers'));

    noteEvaluated(evaluated, 'operations-resources-missing');
    if (!BATCH_KINDS.has(workload.kind)) {
      noteEvaluated(evaluated, 'operations-probes-missing');
      const noProbes = containerNames(containers, hasNoProbe);
      if (noProbes.length > 0) {
        findings.push(
          makeFinding(
            'operations-probes-missing',
            'warning',
            `${objectLabel(workload)}: container(s) ${noProbes.join(
              ', ',
            )} have no readiness or liveness probe.`,
            objectEvidence(workload),
          ),
        );
      }
    }
    const noRequests = containerNames(containers, hasNoRequests);
    if (noRequests.length > 0) {
      findings.push(
        makeFinding(
          'operations-resources-missing',
          'warning',
          `${objectLabel(workload)}: container(s) ${noRequests.join(
            ', ',
          )} have no resource requests.`,
          objectEvidence(workload),
        ),
      );
    }
    const replicas = get(workload.body, 'spec', 'replicas');
    if (
      (workload.kind === 'Deployment' || workload.kind === 'StatefulSet') &&
      typeof replicas === 'number' &&
      replicas > 1
    ) {
      noteEvaluated(evaluated, 'operations-pdb-missing');
      const labels = labelsOf(get(template, 'metadata', 'labels'));
      const covered = pdbs.some(pdb => pdbSelects(pdb, workload, labels));
      if (!covered) {
        findings.push(
          makeFinding(
            'operations-pdb-missing',
            'warning',
            `${objectLabel(
              workload,
            )} runs ${replicas} replicas but no PodDisruptionBudget selects its pods: a node drain can take them all down.`,
            objectEvidence(workload),
          ),
        );
      }
    }
  }
  return findings && evaluated ? { findings, evaluated } : NOTHING_JUDGED;
}

/** The rendered policy PodDisruptionBudgets among the objects. */
function disruptionBudgetsIn(
  objects: readonly ManifestObject[],
): ManifestObject[] {
  const pdbs: ManifestObject[] = [];
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    if (
      o.rendered &&
      o.kind === 'PodDisruptionBudget' &&
      isInApiGroup(o.apiVersion, 'policy')
    ) {
      pdbs.push(o);
    }
  }
  return pdbs;
}

function hasNoProbe(container: Record<string, unknown>): boolean {
  return (
    !container.readinessProbe &&
    !container.livenessProbe &&
    !container.startupProbe
  );
}

function hasNoRequests(container: Record<string, unknown>): boolean {
  return !isRecord(get(container, 'resources', 'requests'));
}

// Most workloads have no container without probes or requests: they share this (never changed) list.
const NO_NAMES: readonly string[] = Object.freeze([]);

/**
 * Names of the containers (entries that are records) that match (a name as
 * text, `?` without one).
 */
function containerNames(
  containers: readonly unknown[],
  matches: (container: Record<string, unknown>) => boolean,
): readonly string[] {
  let names: string[] | undefined;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (isRecord(c) && matches(c)) {
      names ??= [];
      names.push(String(c.name ?? '?'));
    }
  }
  return names ?? NO_NAMES;
}

/**
 * Whether a PodDisruptionBudget selects a workload's pods: its selector
 * (matchLabels and matchExpressions) in the workload's namespace. An empty
 * selector selects every pod in policy/v1 and none in policy/v1beta1.
 */
function pdbSelects(
  pdb: ManifestObject,
  workload: ManifestObject,
  podLabels: Record<string, string>,
): boolean {
  if (
    pdb.namespace !== undefined &&
    workload.namespace !== undefined &&
    pdb.namespace !== workload.namespace
  ) {
    return false;
  }
  const selector = get(pdb.body, 'spec', 'selector');
  // Only policy/v1beta1 treats an empty selector apart: checked only there.
  if (
    pdb.apiVersion === 'policy/v1beta1' &&
    isRecord(selector) &&
    !hasLabels(selector.matchLabels) &&
    list(selector.matchExpressions).length === 0
  ) {
    return false;
  }
  return labelSelectorMatches(selector, podLabels);
}
