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
import { KNOWLEDGE_BASE_AS_OF } from '../knowledgeBase/data.generated';
import {
  getKnowledgeIndex,
  normalizeComponent,
} from '../knowledgeBase/knowledgeIndex';
import type {
  ClusterConfig,
  EvaluationInput,
  EvaluationResult,
  Finding,
  ManifestObjectRef,
  Readiness,
  RuntimeModeId,
  TargetVersion,
} from '../types';
import { RUNTIME_MODES } from '../types';
import { decideMode } from './decideMode';
import { checkApiCompatibility } from './evaluateApiCompatibility';
import { evaluateFit, readRequirements } from './evaluateFit';
import { makeFinding } from './findings';
import { applyWaivers, parseWaivers } from './parseWaivers';
import { resolveModeProfiles } from './profileOverrides';
import { checkReadiness } from './readiness';
import { readManifests } from './readManifests';
import { withConfigDefaults } from './readRuntimeModeConfig';
import { RULE_SET_VERSION } from './ruleCatalog';
import { scoreReadiness } from './scoring';
import { targetCapabilities } from './targetCapabilities';
import { validateTargets } from './targets';
import { compareVersions } from './versions';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

// Input may come from JSON (POST /v1/evaluate): keep string annotations only.
function stringAnnotations(raw: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!raw || typeof raw !== 'object') return result;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') result[key] = value;
  }
  return result;
}

// Plain code-unit order: stable across locales, and far cheaper than localeCompare.
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function readMode(value: string | undefined): RuntimeModeId | undefined {
  const mode = value?.trim();
  return RUNTIME_MODES.includes(mode as RuntimeModeId)
    ? (mode as RuntimeModeId)
    : undefined;
}

function componentClusters(
  annotation: string | undefined,
  clusters: readonly ClusterConfig[],
  problems: Finding[],
): ClusterConfig[] {
  if (!annotation) return [];
  const result: ClusterConfig[] = [];
  for (const name of annotation
    .split(',')
    .map(n => n.trim())
    .filter(Boolean)) {
    const cluster = clusters.find(c => c.name === name);
    if (cluster) result.push(cluster);
    else
      problems.push(
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
  return result;
}

function clusterVersions(cluster: ClusterConfig): Record<string, string> {
  const versions: Record<string, string> = { ...(cluster.versions ?? {}) };
  if (cluster.kubernetesVersion) versions.k8s = cluster.kubernetesVersion;
  if (cluster.kubevirtVersion) versions.kubevirt = cluster.kubevirtVersion;
  return versions;
}

/**
 * Target versions per component: options win; otherwise the newest of the
 * component's cluster versions and apiPolicy.targets (an API removed at the
 * current version is broken already, and one removed at the planned upgrade
 * breaks next).
 */
function resolveTargets(
  optionTargets: Record<string, string>,
  clusters: readonly ClusterConfig[],
  configTargets: Record<string, string>,
): TargetVersion[] {
  const chosen = new Map<string, TargetVersion>();
  const offer = (candidate: TargetVersion) => {
    const current = chosen.get(candidate.component);
    if (!current || compareVersions(candidate.version, current.version) > 0) {
      chosen.set(candidate.component, candidate);
    }
  };
  for (const [component, version] of Object.entries(configTargets)) {
    offer({
      component: normalizeComponent(component),
      version,
      source: 'config',
    });
  }
  for (const cluster of clusters) {
    for (const [component, version] of Object.entries(
      clusterVersions(cluster),
    )) {
      offer({
        component: normalizeComponent(component),
        version,
        source: 'cluster',
      });
    }
  }
  for (const [component, version] of Object.entries(optionTargets)) {
    chosen.set(component, { component, version, source: 'option' });
  }
  return [...chosen.values()].sort((a, b) =>
    compareText(a.component, b.component),
  );
}

/**
 * The whole pipeline for one component: read the manifests, decide the
 * mode, score the fit, check API compatibility and migration readiness,
 * apply waivers and compute the level and score. Pure and synchronous.
 * Throws RuntimeModeTargetError on a malformed or unknown target in
 * `options.targets`; every problem with the manifests or annotations is a
 * finding instead.
 * @public
 */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const config = withConfigDefaults(input.config);
  const now = input.options?.now ?? new Date();
  const annotations = stringAnnotations(input.entity?.metadata?.annotations);
  const manifests = Array.isArray(input.manifests)
    ? input.manifests.filter(
        m => m && typeof m === 'object' && typeof m.path === 'string',
      )
    : [];
  const optionTargets = validateTargets(
    input.options?.targets,
    config.apiPolicy.extraDeprecations,
  );
  const index = getKnowledgeIndex(config.apiPolicy.extraDeprecations);
  const profiles = resolveModeProfiles(config.profiles);
  const findings: Finding[] = [];

  const { waivers, problems: waiverProblems } = parseWaivers(annotations, now);
  findings.push(...waiverProblems);

  if (Array.isArray(input.sourceFindings)) {
    findings.push(...input.sourceFindings);
  }

  const clusters = componentClusters(
    annotations[RUNTIME_MODE_ANNOTATIONS.clusters],
    config.clusters,
    findings,
  );
  const targets = resolveTargets(
    optionTargets,
    clusters,
    config.apiPolicy.targets,
  );
  const targetVersions = Object.fromEntries(
    targets.map(t => [t.component, t.version]),
  );

  // Templates are read at the target versions: their capability checks
  // choose the branch the target would render.
  const read = readManifests(manifests, config.limits, {
    capabilities: targetCapabilities(targetVersions, index),
  });
  // Not spread: a file's List may hold more items than a call takes arguments.
  for (const finding of read.findings) findings.push(finding);
  const objects: ManifestObjectRef[] = read.objects.map(o => ({
    file: o.file,
    line: o.line,
    apiVersion: o.apiVersion,
    kind: o.kind,
    ...(o.name !== undefined ? { name: o.name } : {}),
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
  }));

  const declaredRaw = annotations[RUNTIME_MODE_ANNOTATIONS.mode];
  const declared = readMode(declaredRaw);
  if (declaredRaw !== undefined && !declared) {
    findings.push(
      makeFinding(
        'annotation-invalid',
        'warning',
        `Annotation ${
          RUNTIME_MODE_ANNOTATIONS.mode
        }: "${declaredRaw}" ignored; expected ${RUNTIME_MODES.join(', ')}`,
      ),
    );
  }
  const mode = decideMode(
    read.objects,
    clusters,
    declared,
    RUNTIME_MODE_ANNOTATIONS.mode,
  );
  findings.push(...mode.findings);

  const requirementsRead = readRequirements(annotations);
  findings.push(...requirementsRead.findings);
  const fit = evaluateFit(
    requirementsRead.requirements,
    profiles,
    mode.verdict.value,
  );

  const targetModeRaw = annotations[RUNTIME_MODE_ANNOTATIONS.targetMode];
  const annotatedTarget = readMode(targetModeRaw);
  if (targetModeRaw !== undefined && !annotatedTarget) {
    findings.push(
      makeFinding(
        'annotation-invalid',
        'warning',
        `Annotation ${
          RUNTIME_MODE_ANNOTATIONS.targetMode
        }: "${targetModeRaw}" ignored; expected ${RUNTIME_MODES.join(', ')}`,
      ),
    );
  }
  let targetMode: RuntimeModeId | null = null;
  let targetSource: Readiness['targetSource'] = 'none';
  if (input.options?.targetMode) {
    targetMode = input.options.targetMode;
    targetSource = 'option';
  } else if (annotatedTarget) {
    targetMode = annotatedTarget;
    targetSource = 'annotation';
  } else if (fit.bestFit) {
    targetMode = fit.bestFit;
    targetSource = 'best-fit';
  } else if (mode.verdict.value !== 'unknown') {
    // No requirement and no target: judge readiness to stay where it runs.
    targetMode = mode.verdict.value;
    targetSource = 'current';
  }

  const api = checkApiCompatibility(
    objects,
    targetVersions,
    {
      extraDeprecations: config.apiPolicy.extraDeprecations,
      alphaInProduction: config.apiPolicy.alphaInProduction,
      lifecycle: input.entity?.spec?.lifecycle,
    },
    index,
    true,
  );
  findings.push(...api.findings);

  findings.push(
    ...checkReadiness({
      objects: read.objects,
      currentMode: mode.verdict.value,
      targetMode,
      requirements: requirementsRead.requirements,
      profiles,
      clusters,
      allClusters: config.clusters,
      targets: targetVersions,
    }),
  );

  if (objects.length === 0 && manifests.length > 0) {
    findings.push(
      makeFinding(
        'manifest-no-objects',
        'info',
        `No Kubernetes object was found in ${manifests.length} manifest file(s).`,
      ),
    );
  }

  const waived = applyWaivers(findings, waivers);
  waived.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );

  const score = scoreReadiness(waived, objects.length > 0, targetMode !== null);

  return {
    schemaVersion: 1,
    ruleSetVersion: RULE_SET_VERSION,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    mode: mode.verdict,
    fit,
    readiness: {
      targetMode,
      targetSource,
      level: score.level,
      score: score.score,
      explanation: score.explanation,
    },
    findings: waived,
    objects,
    targets,
    notJudged: api.notJudged,
  };
}
