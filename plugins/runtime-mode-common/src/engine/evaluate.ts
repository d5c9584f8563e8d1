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
import type {
  CompleteEvaluationResult,
  EvaluationInput,
  Finding,
  FitVerdict,
  ManifestFile,
  ManifestObjectRef,
  RuntimeModeConfig,
  TargetVersion,
  Waiver,
} from '../types';
import { RUNTIME_MODES } from '../types';
import { VersionPlan, versionsFor } from './componentVersions';
import { decideMode, ModeDecision } from './decideMode';
import {
  ApiCompatibilityReport,
  checkApiCompatibility,
} from './evaluateApiCompatibility';
import { evaluateFit, readRequirements } from './evaluateFit';
import { EvaluationSetting, evaluationSetting } from './evaluationSetting';
import { makeFinding } from './findings';
import { judgeMigration } from './migrationReadiness';
import { suggestMode } from './modeSuggestion';
import { applyWaivers, parseWaivers } from './parseWaivers';
import { PlannedMove, plannedMove, readMode } from './plannedMove';
import { checkReadiness } from './readiness';
import { ManifestObject, readManifests } from './readManifests';
import { RULE_SET_VERSION } from './ruleCatalog';
import { scoreConcerns } from './scoring';
import { judgeUpgrade } from './upgradeReadiness';

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

/** Worst first, then by file and line. */
function sortFindings(findings: Finding[]): Finding[] {
  // One finding or none (most components): a sort's setup costs more than the rest.
  if (findings.length < 2) return findings;
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

function objectRef(o: ManifestObject): ManifestObjectRef {
  const ref: ManifestObjectRef = {
    file: o.file,
    line: o.line,
    apiVersion: o.apiVersion,
    kind: o.kind,
  };
  // Set only when present (no spread of throwaway objects for every object).
  if (o.name !== undefined) ref.name = o.name;
  if (o.namespace !== undefined) ref.namespace = o.namespace;
  return ref;
}

/** The mode from the manifests, clusters and the declared annotation (an invalid one is a finding). */
function decideComponentMode(
  objects: readonly ManifestObject[],
  clusters: RuntimeModeConfig['clusters'],
  annotations: Record<string, string>,
): ModeDecision {
  const declaredRaw = annotations[RUNTIME_MODE_ANNOTATIONS.mode];
  const declared = readMode(declaredRaw);
  const decision = decideMode(
    objects,
    clusters,
    declared,
    RUNTIME_MODE_ANNOTATIONS.mode,
  );
  if (declaredRaw === undefined || declared) return decision;
  const invalid = makeFinding(
    'annotation-invalid',
    'warning',
    `Annotation ${
      RUNTIME_MODE_ANNOTATIONS.mode
    }: "${declaredRaw}" ignored; expected ${RUNTIME_MODES.join(', ')}`,
  );
  return { ...decision, findings: [invalid, ...decision.findings] };
}

/** Copies of the targets: the setting's are shared with other evaluations. */
function targetCopies(targets: readonly TargetVersion[]): TargetVersion[] {
  // Field by field in a loop: a spread per target was a measurable part of
  // the fixed cost of an evaluation.
  const copies: TargetVersion[] = [];
  for (let i = 0; i < targets.length; i++) {
    const { component, version, source } = targets[i];
    copies.push({ component, version, source });
  }
  return copies;
}

/** The lists as one, in order: plain pushes, no iterator per list. */
function concatFindings(lists: ReadonlyArray<readonly Finding[]>): Finding[] {
  const all: Finding[] = [];
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l];
    for (let i = 0; i < list.length; i++) all.push(list[i]);
  }
  return all;
}

function noObjectsFinding(manifestCount: number): Finding[] {
  return [
    makeFinding(
      'manifest-no-objects',
      'info',
      `No Kubernetes object was found in ${manifestCount} manifest file(s).`,
    ),
  ];
}

/** The entries of `manifests` that are files (input may come from JSON). */
function manifestFiles(raw: unknown): ManifestFile[] {
  const files: ManifestFile[] = [];
  if (!Array.isArray(raw)) return files;
  // A plain loop: filter's callback per entry was a measurable fixed cost.
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i];
    if (m && typeof m === 'object' && typeof m.path === 'string') files.push(m);
  }
  return files;
}

/** What a component is judged with, read from the input before any manifest. */
interface ComponentInputs {
  /** Shared with other evaluations (see evaluationSetting): only read. */
  setting: EvaluationSetting;
  annotations: Record<string, string>;
  manifests: ManifestFile[];
  waivers: Waiver[];
  /** Problems with the waivers and cluster annotations. */
  findings: Finding[];
}

/** The waivers' problems, then copies of the setting's cluster findings (shared with other evaluations). */
function inputFindings(
  problems: readonly Finding[],
  clusterFindings: readonly Finding[],
): Finding[] {
  // Loops, not spreads: both lists are empty for most components, and a
  // spread's iterator was a measurable fixed cost.
  const findings: Finding[] = [];
  for (let i = 0; i < problems.length; i++) findings.push(problems[i]);
  for (let i = 0; i < clusterFindings.length; i++) {
    findings.push({ ...clusterFindings[i] });
  }
  return findings;
}

function componentInputs(input: EvaluationInput): ComponentInputs {
  const annotations = stringAnnotations(input.entity?.metadata?.annotations);
  const { waivers, problems } = parseWaivers(annotations, input.options?.now);
  const setting = evaluationSetting(
    input.config,
    input.options?.targets,
    annotations[RUNTIME_MODE_ANNOTATIONS.clusters],
  );
  // The setting by reference, not spread into a copy for every component.
  return {
    setting,
    annotations,
    manifests: manifestFiles(input.manifests),
    waivers,
    findings: inputFindings(problems, setting.clusterFindings),
  };
}

/** What the engine concluded, before the two questions are answered. */
interface Judgements {
  findings: Finding[];
  fit: FitVerdict;
  move: PlannedMove | null;
  api: ApiCompatibilityReport;
  /** Rule ids the readiness rule families evaluated (a rule may repeat). */
  evaluated: string[];
  versions: VersionPlan;
  hasObjects: boolean;
}

/** The level of all concerns, the two questions, and the suggestion. */
function answers(
  judged: Judgements,
): Pick<
  CompleteEvaluationResult,
  'readiness' | 'upgrade' | 'migration' | 'suggestion'
> {
  const { findings, move, api, hasObjects } = judged;
  const all = scoreConcerns(findings, hasObjects);
  return {
    readiness: {
      targetMode: move?.targetMode ?? null,
      targetSource: move?.targetSource ?? 'none',
      level: all.level,
      score: all.score,
      explanation: all.explanation,
    },
    upgrade: judgeUpgrade({
      findings,
      judged: api.judged,
      versions: versionsFor(api.components, judged.versions),
      notJudged: api.notJudged,
      hasObjects,
    }),
    migration: move
      ? judgeMigration({
          move,
          findings,
          evaluated: judged.evaluated,
          hasObjects,
        })
      : null,
    suggestion: suggestMode(judged.fit),
  };
}

/**
 * The whole pipeline for one component: read the manifests, decide the
 * mode, score the fit, check API compatibility and the readiness rules,
 * apply waivers, then answer the two questions apart: upgrade readiness
 * (always) and migration readiness (only for a planned move), with the
 * best fit as a suggestion. Pure and synchronous. Throws
 * RuntimeModeTargetError on a malformed or unknown target in
 * `options.targets`; every problem with the manifests or annotations is a
 * finding instead.
 * @public
 */
export function evaluate(input: EvaluationInput): CompleteEvaluationResult {
  const given = componentInputs(input);
  const { annotations, setting } = given;
  const { config, clusters, index } = setting;
  // Templates are read at the planned versions: their capability checks
  // choose the branch the target would render.
  const read = readManifests(given.manifests, config.limits, {
    capabilities: setting.capabilities,
  });
  const objects = read.objects.map(objectRef);
  const mode = decideComponentMode(read.objects, clusters, annotations);
  const requirementsRead = readRequirements(annotations);
  const fit = evaluateFit(
    requirementsRead.requirements,
    setting.profiles,
    mode.verdict.value,
  );
  const planned = plannedMove(
    input.options?.targetMode,
    annotations,
    mode.verdict.value,
  );
  const api = checkApiCompatibility(
    objects,
    setting.targets,
    {
      extraDeprecations: config.apiPolicy.extraDeprecations,
      alphaInProduction: config.apiPolicy.alphaInProduction,
      lifecycle: input.entity?.spec?.lifecycle,
      currentVersions: setting.versions.current,
    },
    index,
    true,
  );
  const readiness = checkReadiness({
    objects: read.objects,
    currentMode: mode.verdict.value,
    targetMode: planned.move?.targetMode ?? null,
    requirements: requirementsRead.requirements,
    profiles: setting.profiles,
    clusters,
    allClusters: config.clusters,
    targets: setting.targets,
  });
  const findings = sortFindings(
    applyWaivers(
      concatFindings([
        given.findings,
        Array.isArray(input.sourceFindings) ? input.sourceFindings : [],
        read.findings,
        mode.findings,
        requirementsRead.findings,
        planned.findings,
        api.findings,
        readiness.findings,
        objects.length === 0 && given.manifests.length > 0
          ? noObjectsFinding(given.manifests.length)
          : [],
      ]),
      given.waivers,
    ),
  );

  const answered = answers({
    findings,
    fit,
    move: planned.move,
    api,
    evaluated: readiness.evaluated,
    versions: setting.versions,
    hasObjects: objects.length > 0,
  });
  // Named one by one: a spread in the middle of a literal is a slow copy.
  return {
    schemaVersion: 1,
    ruleSetVersion: RULE_SET_VERSION,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    mode: mode.verdict,
    fit,
    readiness: answered.readiness,
    upgrade: answered.upgrade,
    migration: answered.migration,
    suggestion: answered.suggestion,
    findings,
    objects,
    targets: targetCopies(setting.versions.targets),
    notJudged: api.notJudged,
  };
}
