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

import type { DeprecationRow, Finding, ManifestObjectRef } from '../types';
import {
  findKnowledgeRows,
  getKnowledgeIndex,
  KnowledgeIndex,
  kubernetesReleaseDate,
  NEWEST_KNOWN_KUBERNETES,
} from '../knowledgeBase/knowledgeIndex';
import type { KnowledgeBaseRow } from '../knowledgeBase/types';
import {
  componentLabel,
  componentOfApiVersion,
  isAlphaVersion,
} from './apiGroups';
import { makeFinding, objectEvidence, objectLabel } from './findings';
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
}

/** @internal */
export interface ApiCompatibilityReport {
  findings: Finding[];
  /** Components that objects belong to but that have no target version. */
  notJudged: string[];
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

function replacementText(row: KnowledgeBaseRow): string {
  if (!row.replacement) {
    return 'There is no direct replacement: remove the object or move to the mechanism the release notes name.';
  }
  return `Use ${row.replacement}${
    row.replacementAvailableIn
      ? ` (available since ${componentLabel(row.component)} ${
          row.replacementAvailableIn
        })`
      : ''
  }.`;
}

function alphaAdvice(onlyVersion: boolean, replacement?: string): string {
  if (onlyVersion) {
    return 'It is the only version of this API, so there is nothing to move to yet.';
  }
  return replacement
    ? `Move to ${replacement}.`
    : 'Move to a beta or GA version of the API.';
}

function baseFields(object: ManifestObjectRef, row?: KnowledgeBaseRow) {
  return {
    ...objectEvidence(object),
    component: row?.component,
    deprecatedIn: row?.deprecatedIn || undefined,
    removedIn: row?.removedIn || undefined,
    removalDate:
      row?.component === 'k8s' && row.removedIn
        ? kubernetesReleaseDate(row.removedIn)?.released
        : undefined,
    replacement: row?.replacement || undefined,
  };
}

function supersededFinding(
  object: ManifestObjectRef,
  row: KnowledgeBaseRow,
  fields: ReturnType<typeof baseFields>,
): Finding {
  const label = componentLabel(row.component);
  return makeFinding(
    'api-superseded',
    'info',
    `${objectLabel(object)} uses ${
      object.apiVersion
    }; it is not deprecated, but ${row.replacement} supersedes it${
      row.replacementAvailableIn
        ? ` (since ${release(label, row.replacementAvailableIn)})`
        : ''
    }.`,
    { ...fields, remediation: replacementText(row) },
  );
}

function judgeRow(
  object: ManifestObjectRef,
  row: KnowledgeBaseRow,
  target: string | undefined,
  alphaNote: string,
): Finding | undefined {
  const label = componentLabel(row.component);
  const fields = baseFields(object, row);
  if (target === undefined) {
    if (row.deprecatedWithoutVersion) {
      return makeFinding(
        'api-deprecated',
        'warning',
        `${objectLabel(object)} uses ${
          object.apiVersion
        }, deprecated by ${label} at every release (no release number published); ${removalWhen(
          row,
        )}. ${replacementText(row)}${alphaNote}`,
        { ...fields, remediation: replacementText(row) },
      );
    }
    // Superseded needs no version comparison; anything else needs a target.
    if (!row.deprecatedIn && !row.removedIn && row.replacement) {
      return supersededFinding(object, row, fields);
    }
    return undefined;
  }
  if (
    row.unservedIn &&
    compareVersions(target, row.unservedIn) >= 0 &&
    !(row.removedIn && compareVersions(target, row.removedIn) >= 0)
  ) {
    return makeFinding(
      'api-removed',
      'critical',
      `${objectLabel(object)} uses ${
        object.apiVersion
      }, no longer served since ${release(label, row.unservedIn)}${
        row.removedIn ? ` (dropped from the CRD in ${row.removedIn})` : ''
      }; the target is ${release(label, target)}. ${replacementText(row)}`,
      {
        ...fields,
        removedIn: row.unservedIn,
        remediation: replacementText(row),
      },
    );
  }
  if (row.removedIn && compareVersions(target, row.removedIn) >= 0) {
    return makeFinding(
      'api-removed',
      'critical',
      `${objectLabel(object)} uses ${object.apiVersion}, removed in ${release(
        label,
        row.removedIn,
      )}${
        fields.removalDate ? ` (released ${fields.removalDate})` : ''
      }; the target is ${release(label, target)}. ${replacementText(row)}`,
      { ...fields, remediation: replacementText(row) },
    );
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
      } and still served at ${target}; ${removalWhen(row)}. ${replacementText(
        row,
      )}${alphaNote}`,
      { ...fields, remediation: replacementText(row) },
    );
  }
  if (!row.deprecatedIn && !row.removedIn && row.replacement) {
    return supersededFinding(object, row, fields);
  }
  return undefined;
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
  const kb = index ?? getKnowledgeIndex(options.extraDeprecations);
  const alphaHandling = options.alphaInProduction ?? 'warning';
  const nonProduction =
    options.lifecycle !== undefined &&
    NON_PRODUCTION_LIFECYCLES.has(options.lifecycle.toLowerCase());
  const findings: Finding[] = [];
  const untargeted = new Map<string, number>();

  for (const object of objects) {
    const rows = findKnowledgeRows(kb, object.apiVersion, object.kind);
    const alpha = isAlphaVersion(object.apiVersion);
    const alphaNote = alpha ? ` ${ALPHA_POLICY}` : '';
    let judged = false;
    const superseded: Finding[] = [];
    for (const row of rows) {
      const target = targets[row.component];
      if (target === undefined && (row.deprecatedIn || row.removedIn)) {
        untargeted.set(row.component, (untargeted.get(row.component) ?? 0) + 1);
      }
      const finding = judgeRow(object, row, target, alphaNote);
      if (finding?.severity === 'info') {
        superseded.push(finding);
      } else if (finding) {
        findings.push(finding);
        judged = true;
      }
    }
    if (rows.length === 0) {
      const component = componentOfApiVersion(object.apiVersion, kb);
      if (component && targets[component] === undefined) {
        untargeted.set(component, (untargeted.get(component) ?? 0) + 1);
      }
    }
    const alphaReported = alpha && !judged && alphaHandling !== 'ignore';
    if (!alphaReported) {
      // An alpha finding already names the newer version: say it once.
      findings.push(...superseded);
    }
    if (alphaReported) {
      // The only version there is (no replacement anywhere): informational.
      const onlyVersion = rows.length > 0 && rows.every(r => !r.replacement);
      const severity =
        alphaHandling === 'info' || nonProduction || onlyVersion
          ? 'info'
          : 'warning';
      const row = rows[0];
      findings.push(
        makeFinding(
          'api-alpha-in-production',
          severity,
          `${objectLabel(object)} uses the alpha API ${object.apiVersion}${
            nonProduction ? '' : ' in production'
          }. ${ALPHA_POLICY} ${alphaAdvice(onlyVersion, row?.replacement)}`,
          {
            ...baseFields(object, row),
            component:
              row?.component ?? componentOfApiVersion(object.apiVersion, kb),
            remediation: row?.replacement
              ? `Move to ${row.replacement}.`
              : 'Move to a beta or GA version of the API when one exists.',
          },
        ),
      );
    }
  }

  for (const [component, count] of untargeted) {
    findings.push(
      makeFinding(
        'api-target-missing',
        'info',
        `${count} object(s) of ${componentLabel(
          component,
        )} were not judged: no target version for ${component}. Give one with --target ${component}=VERSION, a cluster version, or apiPolicy.targets.`,
        { component },
      ),
    );
  }
  const k8sTarget = targets.k8s ? parseVersion(targets.k8s) : undefined;
  if (k8sTarget && compareVersions(k8sTarget, NEWEST_KNOWN_KUBERNETES) > 0) {
    findings.push(
      makeFinding(
        'api-target-beyond-knowledge',
        'info',
        `The target Kubernetes ${targets.k8s} is newer than the releases the knowledge base knows (up to ${NEWEST_KNOWN_KUBERNETES}); removals planned for it may be missing.`,
        { component: 'k8s' },
      ),
    );
  }
  return { findings, notJudged: [...untargeted.keys()].sort() };
}

/**
 * The API-compatibility verdicts for objects (e.g. stored ones, for an
 * upgrade blast radius): removed at the target → critical, deprecated →
 * warning, alpha in production → warning.
 * @public
 */
export function evaluateApiCompatibility(
  objects: ManifestObjectRef[],
  targets: Record<string, string>,
  options?: ApiCompatibilityOptions,
): Finding[] {
  return checkApiCompatibility(objects, targets, options).findings;
}
