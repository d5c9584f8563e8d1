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
  DeprecationRow,
  Finding,
  ManifestObjectRef,
  RemovalTiming,
} from '../types';
import {
  getKnowledgeIndex,
  KnowledgeIndex,
  kubernetesReleaseDate,
  NEWEST_KNOWN_KUBERNETES,
} from '../knowledgeBase/knowledgeIndex';
import type { KnowledgeBaseRow } from '../knowledgeBase/types';
import { apiFactsTable, type ApiFacts, type ApiFactsTable } from './apiFacts';
import { componentLabel } from './apiGroups';
import { makeFinding, objectEvidence, objectLabel } from './findings';
import type { ServedReplacement } from './servedReplacement';
import { validateTargets } from './targets';
import { compareVersions, parseVersion } from './versions';

/** Options of {@link evaluateApiCompatibility}. @public */
export interface ApiCompatibilityOptions {
  /** Rows added to, or overriding, the built-in knowledge base. */
  extraDeprecations?: DeprecationRow[];
  /** How alpha APIs in production are reported; default `warning`. */
  alphaInProduction?: 'warning' | 'info' | 'ignore';
  /** The entity's spec.lifecycle; alpha APIs outside production are info. */
  lifecycle?: string;
  /**
   * The versions the component's clusters run today, per knowledge-base
   * component: a removal at or below them is `timing: 'now'` (broken today),
   * one above them `at-upgrade`. Without them every removal is `at-upgrade`.
   */
  currentVersions?: Record<string, string>;
}

/** @internal */
export interface ApiCompatibilityReport {
  findings: Finding[];
  /** Components that objects belong to but that have no target version. */
  notJudged: string[];
  /** Objects compared with a target version of their component. */
  judged: ManifestObjectRef[];
  /** Every knowledge-base component the objects belong to, judged or not. */
  components: string[];
}

// Lifecycles where alpha APIs are expected and only informational.
const NON_PRODUCTION_LIFECYCLES = new Set([
  'experimental',
  'development',
  'dev',
  'test',
  'sandbox',
  'deprecated',
]);

const ALPHA_POLICY =
  'Kubernetes deprecation policy: alpha APIs may be removed in any release without prior notice; beta APIs are served at least 9 months or 3 releases after deprecation; GA APIs are not removed within a major version.';

/**
 * "KubeVirt v1.0.0"; a version that already names its product (the VMware
 * rows say "TKG Service 3.2.0") is not prefixed again.
 */
function release(label: string, version: string): string {
  return /^v?\d/.test(version) ? `${label} ${version}` : version;
}

function removalWhen(row: KnowledgeBaseRow): string {
  if (!row.removedIn) {
    return 'no removal release announced';
  }
  const label = componentLabel(row.component);
  if (row.component === 'k8s') {
    const date = kubernetesReleaseDate(row.removedIn);
    if (date) {
      return `removal in ${release(label, row.removedIn)} (${
        date.proposed ? 'planned for ' : 'released '
      }${date.released})`;
    }
  }
  return `removal in ${release(label, row.removedIn)}`;
}

/** What a replacement is called in findings: `discovery.k8s.io/v1 EndpointSlice`. */
function replacementName(replacement: ServedReplacement): string | undefined {
  if (!replacement.apiVersion) return replacement.advice;
  return [replacement.apiVersion, replacement.kind].filter(Boolean).join(' ');
}

/** " policy/v1beta1, the next version in line, is itself no longer served since Kubernetes v1.25.0." */
function passedOverText(replacement: ServedReplacement): string {
  return replacement.passedOver
    .map(
      p =>
        ` ${p.apiVersion}, the next version in line, is itself ${
          p.status === 'removed' ? 'no longer served since' : 'deprecated since'
        } ${release(componentLabel(p.component), p.release)}.`,
    )
    .join('');
}

/** What to do about an object whose row names a successor (or none). */
function moveAdvice(
  object: ManifestObjectRef,
  replacement: ServedReplacement | undefined,
  targets: Readonly<Record<string, string>>,
): string {
  if (!replacement) {
    return 'There is no direct replacement: remove the object, or move to the mechanism the release notes of its component name.';
  }
  const label = componentLabel(replacement.component);
  if (!replacement.apiVersion) {
    return `Replace it with ${replacement.advice}.${passedOverText(
      replacement,
    )}`;
  }
  const successor = [
    replacement.apiVersion,
    replacement.kind,
    replacement.advice,
  ]
    .filter(Boolean)
    .join(' ');
  if (replacement.notYetServed) {
    return `Keep ${object.apiVersion}: it is the only version ${release(
      label,
      targets[replacement.component],
    )} serves. Plan the move to ${successor} when you upgrade to ${release(
      label,
      replacement.availableIn!,
    )}.`;
  }
  return `Move to ${successor}${
    replacement.availableIn
      ? ` (served since ${release(label, replacement.availableIn)})`
      : ''
  }.${passedOverText(replacement)}`;
}

function alphaRemediation(
  object: ManifestObjectRef,
  onlyVersion: boolean,
  replacement: ServedReplacement | undefined,
  targets: Readonly<Record<string, string>>,
): string {
  if (onlyVersion) {
    return 'Nothing to move to yet: keep it, and watch the release notes of its component for a beta or GA version.';
  }
  return replacement
    ? moveAdvice(object, replacement, targets)
    : 'Move to a beta or GA version of the API when one exists.';
}

function alphaState(
  onlyVersion: boolean,
  replacement: ServedReplacement | undefined,
  targets: Readonly<Record<string, string>>,
): string {
  if (onlyVersion) return ' It is the only version of this API.';
  if (replacement?.notYetServed) {
    return ` It is the only version ${release(
      componentLabel(replacement.component),
      targets[replacement.component],
    )} serves.`;
  }
  return '';
}

function baseFields(
  object: ManifestObjectRef,
  row?: KnowledgeBaseRow,
  replacement?: ServedReplacement,
) {
  return {
    ...objectEvidence(object),
    component: row?.component,
    deprecatedIn: row?.deprecatedIn || undefined,
    removedIn: row?.removedIn || undefined,
    removalDate:
      row?.component === 'k8s' && row.removedIn
        ? kubernetesReleaseDate(row.removedIn)?.released
        : undefined,
    replacement: replacement ? replacementName(replacement) : undefined,
  };
}

/** The fields of a row's finding that are the same for every object it judges. */
interface RowFields {
  component: string;
  deprecatedIn: string | undefined;
  removedIn: string | undefined;
  removalDate: string | undefined;
  replacement: string | undefined;
  remediation: string;
}

// Per facts (one apiVersion and kind at one set of targets), per row: built
// at the first finding of the row, then shared by every object it judges.
const rowFieldsByFacts = new WeakMap<ApiFacts, Array<RowFields | undefined>>();

function rowFields(
  object: ManifestObjectRef,
  facts: ApiFacts,
  rowIndex: number,
  targets: Readonly<Record<string, string>>,
): RowFields {
  let byRow = rowFieldsByFacts.get(facts);
  if (!byRow) {
    byRow = [];
    rowFieldsByFacts.set(facts, byRow);
  }
  let fields = byRow[rowIndex];
  if (!fields) {
    const row = facts.rows[rowIndex];
    const replacement = facts.replacements[rowIndex];
    const base = baseFields(object, row, replacement);
    fields = {
      component: row.component,
      deprecatedIn: base.deprecatedIn,
      removedIn: base.removedIn,
      removalDate: base.removalDate,
      replacement: base.replacement,
      // The object's apiVersion is the facts' own: the same for every object.
      remediation: moveAdvice(object, replacement, targets),
    };
    byRow[rowIndex] = fields;
  }
  return fields;
}

/** A row's finding fields for one object: its evidence, then the row's. */
function findingFields(
  object: ManifestObjectRef,
  shared: RowFields,
): Partial<Finding> {
  // Set one by one in baseFields' order, not spread: a spread in a literal is a slow copy.
  const fields: Partial<Finding> = objectEvidence(object);
  fields.component = shared.component;
  fields.deprecatedIn = shared.deprecatedIn;
  fields.removedIn = shared.removedIn;
  fields.removalDate = shared.removalDate;
  fields.replacement = shared.replacement;
  fields.remediation = shared.remediation;
  return fields;
}

/** Everything a row's verdict is built from. */
interface RowJudgement {
  object: ManifestObjectRef;
  /** The facts the row is one of, and its place among them. */
  facts: ApiFacts;
  rowIndex: number;
  row: KnowledgeBaseRow;
  target: string | undefined;
  targets: Readonly<Record<string, string>>;
  /** The version the component's clusters run today, where stated. */
  current: string | undefined;
  replacement: ServedReplacement | undefined;
  alphaNote: string;
}

/** Whether a removal is already in force on the clusters, or comes with the upgrade. */
function removalTiming(
  removedIn: string,
  current: string | undefined,
): RemovalTiming {
  return current !== undefined && compareVersions(current, removedIn) >= 0
    ? 'now'
    : 'at-upgrade';
}

/** The end of an `api-removed` message: what today's and the planned versions mean. */
function removalConsequence(
  label: string,
  target: string,
  current: string | undefined,
  timing: RemovalTiming,
): string {
  if (current === undefined) return `the target is ${release(label, target)}`;
  if (timing === 'now') {
    return `its cluster runs ${release(
      label,
      current,
    )} today, so it cannot be applied there now`;
  }
  return `served at ${release(
    label,
    current,
  )} today, it breaks at the planned ${release(label, target)}`;
}

function removedFinding(
  judgement: RowJudgement,
  fields: Partial<Finding>,
): Finding {
  const { object, row, target, current } = judgement;
  const label = componentLabel(row.component);
  const timing = removalTiming(row.removedIn, current);
  // Set on the fields, which are this finding's own: no copy of them.
  fields.timing = timing;
  return makeFinding(
    'api-removed',
    'critical',
    `${objectLabel(object)} uses ${
      object.apiVersion
    }, no longer served since ${release(label, row.removedIn)}${
      fields.removalDate ? ` (released ${fields.removalDate})` : ''
    }; ${removalConsequence(label, target!, current, timing)}.`,
    fields,
  );
}

function supersededFinding(judgement: RowJudgement): Finding {
  const { object, row, replacement, targets } = judgement;
  const label = componentLabel(row.component);
  return makeFinding(
    'api-superseded',
    'info',
    `${objectLabel(object)} uses ${
      object.apiVersion
    }; it is not deprecated, but ${row.replacement} supersedes it${
      row.replacementAvailableIn
        ? ` (from ${release(label, row.replacementAvailableIn)})`
        : ''
    }.`,
    {
      ...baseFields(object, row, replacement),
      remediation: moveAdvice(object, replacement, targets),
    },
  );
}

function judgeRow(judgement: RowJudgement): Finding | undefined {
  const { object, row, target, targets, alphaNote } = judgement;
  const label = componentLabel(row.component);
  // Built only for a finding: most rows leave none at the targets.
  const fields = () =>
    findingFields(
      object,
      rowFields(object, judgement.facts, judgement.rowIndex, targets),
    );
  const superseded =
    !row.deprecatedIn &&
    !row.removedIn &&
    !row.deprecatedWithoutVersion &&
    Boolean(row.replacement);
  if (target === undefined) {
    if (row.deprecatedWithoutVersion) {
      return makeFinding(
        'api-deprecated',
        'warning',
        `${objectLabel(object)} uses ${
          object.apiVersion
        }, deprecated by ${label} at every release (no release number published); ${removalWhen(
          row,
        )}.${alphaNote}`,
        fields(),
      );
    }
    // Superseded needs no version comparison; anything else needs a target.
    return superseded ? supersededFinding(judgement) : undefined;
  }
  if (row.removedIn && compareVersions(target, row.removedIn) >= 0) {
    return removedFinding(judgement, fields());
  }
  if (
    row.deprecatedWithoutVersion ||
    (row.deprecatedIn && compareVersions(target, row.deprecatedIn) >= 0)
  ) {
    return makeFinding(
      'api-deprecated',
      'warning',
      `${objectLabel(object)} uses ${object.apiVersion}, deprecated ${
        row.deprecatedIn
          ? `since ${release(label, row.deprecatedIn)}`
          : `by ${label}`
      } and still served at ${target}; ${removalWhen(row)}.${alphaNote}`,
      fields(),
    );
  }
  return superseded ? supersededFinding(judgement) : undefined;
}

/** How one object's verdicts are reached: what the knowledge base and targets say. */
interface ObjectContext {
  targets: Readonly<Record<string, string>>;
  currentVersions: Readonly<Record<string, string>>;
  /** What the knowledge base says at the targets, by apiVersion and kind. */
  facts: ApiFactsTable;
  alphaHandling: NonNullable<ApiCompatibilityOptions['alphaInProduction']>;
  nonProduction: boolean;
}

/** An object's verdicts, the component it belongs to, and whether it was judged. */
interface ObjectJudgement {
  findings: Finding[];
  /** Components it needed a target for and had none. */
  untargeted: string[];
  component: string | undefined;
  /** Compared with a target version of its component. */
  judged: boolean;
}

const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];
const NO_COMPONENTS = Object.freeze([]) as unknown as string[];
// Most components have no object without a target: an empty Map, never changed.
const NO_UNTARGETED: ReadonlyMap<string, number> = new Map();

// Facts belong to one set of targets: a judgement kept per facts stays right.
const unlistedJudgements = new WeakMap<ApiFacts, ObjectJudgement>();

/**
 * An object of an API the knowledge base has no row for and that is not
 * alpha (most objects): no finding; judged when its component has a target.
 */
function unlistedObject(
  facts: ApiFacts,
  targets: Readonly<Record<string, string>>,
): ObjectJudgement {
  // The same for every object of these facts (its lists are only read): one per facts.
  let judgement = unlistedJudgements.get(facts);
  if (!judgement) {
    const component = facts.component;
    const targeted =
      component !== undefined && targets[component] !== undefined;
    judgement = {
      findings: NO_FINDINGS,
      untargeted:
        component && !targeted
          ? (Object.freeze([component]) as unknown as string[])
          : NO_COMPONENTS,
      component,
      judged: targeted,
    };
    unlistedJudgements.set(facts, judgement);
  }
  return judgement;
}

/** An object's verdicts, and the components it needed a target for. */
function judgeObject(
  object: ManifestObjectRef,
  context: ObjectContext,
): ObjectJudgement {
  const { targets, alphaHandling, nonProduction } = context;
  const facts = context.facts.of(object.apiVersion, object.kind);
  const { rows, alpha } = facts;
  if (rows.length === 0 && !alpha) return unlistedObject(facts, targets);
  const untargeted: string[] = [];
  const findings: Finding[] = [];
  const superseded: Finding[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const target = targets[row.component];
    if (target === undefined && (row.deprecatedIn || row.removedIn)) {
      untargeted.push(row.component);
    }
    const finding = judgeRow({
      object,
      facts,
      rowIndex: i,
      row,
      target,
      targets,
      current: context.currentVersions[row.component],
      replacement: facts.replacements[i],
      alphaNote: alpha ? ` ${ALPHA_POLICY}` : '',
    });
    if (finding?.severity === 'info') superseded.push(finding);
    else if (finding) findings.push(finding);
  }
  const component = facts.component;
  if (rows.length === 0 && component && targets[component] === undefined) {
    untargeted.push(component);
  }
  const judged =
    component !== undefined &&
    targets[component] !== undefined &&
    untargeted.length === 0;
  if (!alpha || findings.length > 0 || alphaHandling === 'ignore') {
    return {
      findings:
        superseded.length === 0 ? findings : [...findings, ...superseded],
      untargeted,
      component,
      judged,
    };
  }
  // An alpha finding already names the newer version: say it once.
  const row = rows[0];
  const replacement = row ? facts.replacements[0] : undefined;
  // The only version there is, or the only one the target serves: informational.
  const onlyVersion = rows.length > 0 && rows.every(r => !r.replacement);
  const severity =
    alphaHandling === 'info' ||
    nonProduction ||
    onlyVersion ||
    replacement?.notYetServed
      ? 'info'
      : 'warning';
  findings.push(
    makeFinding(
      'api-alpha-in-production',
      severity,
      `${objectLabel(object)} uses the alpha API ${object.apiVersion}${
        nonProduction ? '' : ' in production'
      }. ${ALPHA_POLICY}${alphaState(onlyVersion, replacement, targets)}`,
      {
        ...baseFields(object, row, replacement),
        component,
        remediation: alphaRemediation(
          object,
          onlyVersion,
          replacement,
          targets,
        ),
      },
    ),
  );
  return { findings, untargeted, component, judged };
}

// Per targets object (only ever read): asked once, not for every component.
const beyondKnowledge = new WeakMap<object, boolean>();

/** Whether the Kubernetes target is newer than any release the knowledge base knows. */
function isBeyondKnowledge(targets: Readonly<Record<string, string>>): boolean {
  let beyond = beyondKnowledge.get(targets);
  if (beyond === undefined) {
    const k8sTarget = targets.k8s ? parseVersion(targets.k8s) : undefined;
    beyond =
      k8sTarget !== undefined &&
      compareVersions(k8sTarget, NEWEST_KNOWN_KUBERNETES) > 0;
    beyondKnowledge.set(targets, beyond);
  }
  return beyond;
}

/**
 * Judges objects against the knowledge base for target versions given per
 * component (`{ k8s: '1.34', kubevirt: '1.6.0', cdi: '1.60.0' }`). A row is
 * only ever compared with its own component's target. Throws
 * RuntimeModeTargetError on an unknown component or malformed version.
 * @internal
 */
export function checkApiCompatibility(
  objects: readonly ManifestObjectRef[],
  rawTargets: Record<string, string>,
  options: ApiCompatibilityOptions = {},
  index?: KnowledgeIndex,
  targetsValidated = false,
): ApiCompatibilityReport {
  const targets = targetsValidated
    ? rawTargets
    : validateTargets(rawTargets, options.extraDeprecations);
  const context: ObjectContext = {
    targets,
    currentVersions: options.currentVersions ?? {},
    facts: apiFactsTable(
      targets,
      index ?? getKnowledgeIndex(options.extraDeprecations),
    ),
    alphaHandling: options.alphaInProduction ?? 'warning',
    nonProduction:
      options.lifecycle !== undefined &&
      NON_PRODUCTION_LIFECYCLES.has(options.lifecycle.toLowerCase()),
  };
  const findings: Finding[] = [];
  // Objects per component without a target, in order of first sight;
  // made only when one is found (most components have targets for all).
  let untargeted: Map<string, number> | undefined;
  const judged: ManifestObjectRef[] = [];
  // Knowledge-base components are few: a list is cheaper than a set here.
  const components: string[] = [];
  for (let o = 0; o < objects.length; o++) {
    const object = objects[o];
    const judgement = judgeObject(object, context);
    for (let i = 0; i < judgement.findings.length; i++) {
      findings.push(judgement.findings[i]);
    }
    for (let i = 0; i < judgement.untargeted.length; i++) {
      const component = judgement.untargeted[i];
      untargeted ??= new Map();
      untargeted.set(component, (untargeted.get(component) ?? 0) + 1);
    }
    const component = judgement.component;
    if (component && !components.includes(component)) {
      components.push(component);
    }
    if (judgement.judged) judged.push(object);
  }

  // A Map either way: a site that sees both a Map and an array is not optimised.
  for (const [component, count] of untargeted ?? NO_UNTARGETED) {
    findings.push(
      makeFinding(
        'api-target-missing',
        'info',
        `${count} object(s) of ${componentLabel(
          component,
        )} were not judged: there is no target version for ${component}.`,
        {
          component,
          remediation: `Give one with --target ${component}=VERSION, a version on the component's cluster, or apiPolicy.targets.${component} in config.`,
        },
      ),
    );
  }
  if (isBeyondKnowledge(targets)) {
    findings.push(
      makeFinding(
        'api-target-beyond-knowledge',
        'info',
        `The target Kubernetes ${targets.k8s} is newer than the releases the knowledge base knows (up to ${NEWEST_KNOWN_KUBERNETES}); removals planned for it may be missing.`,
        { component: 'k8s' },
      ),
    );
  }
  return {
    findings,
    notJudged: untargeted ? [...untargeted.keys()].sort() : [],
    judged,
    // One component or none (most): nothing to sort.
    components: components.length < 2 ? components : components.sort(),
  };
}

/**
 * The API-compatibility verdicts for objects (e.g. stored ones, for an
 * upgrade blast radius): removed at the target → critical (with `timing`:
 * `now` when `options.currentVersions` already is at or past the removal),
 * deprecated → warning, alpha in production → warning.
 * @public
 */
export function evaluateApiCompatibility(
  objects: ManifestObjectRef[],
  targets: Record<string, string>,
  options?: ApiCompatibilityOptions,
): Finding[] {
  return checkApiCompatibility(objects, targets, options).findings;
}
