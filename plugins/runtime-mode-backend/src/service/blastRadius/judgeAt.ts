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
  BlastRadiusItem,
  BlastRadiusStatus,
  compareVersions,
  evaluateApiCompatibility,
  Finding,
  ManifestObjectRef,
  RuntimeModeConfig,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { blastStatusOf, worstStatus } from './blastStatus';

/** A removed or deprecated API of an object, as the blast radius lists it. */
export type BlastFinding = BlastRadiusItem['findings'][number];

/** Judges objects at the chosen version, or at today's when that is higher. */
export type Judge = (
  objects: ManifestObjectRef[],
  current: string | undefined,
) => BlastFinding[];

/**
 * The judge of one knowledge-base component at a chosen version: a removal
 * at or below `current` (the version a cluster runs today) is
 * `already-broken`, one between today's and the chosen version
 * `newly-breaks`.
 */
export function judgeAt(
  component: string,
  chosen: string,
  extraDeprecations: RuntimeModeConfig['apiPolicy']['extraDeprecations'],
): Judge {
  return (objects, current) => {
    const version =
      current !== undefined && compareVersions(current, chosen) > 0
        ? current
        : chosen;
    return evaluateApiCompatibility(
      objects,
      { [component]: version },
      {
        extraDeprecations,
        currentVersions: current === undefined ? {} : { [component]: current },
      },
    ).flatMap(finding => toBlastFinding(finding, component));
  };
}

/** The findings of one `apiVersion<TAB>kind` pair, judged once per current version. */
export type PairJudge = (
  pair: string,
  current: string | undefined,
) => { status: BlastRadiusStatus | undefined; findings: BlastFinding[] };

/**
 * Remembers the judgement of each distinct pair and current version: an
 * estate has a few hundred pairs and a handful of versions, so thousands of
 * components cost a few hundred judgements.
 */
export function pairJudge(judge: Judge): PairJudge {
  const byKey = new Map<string, ReturnType<PairJudge>>();
  return (pair, current) => {
    const key = `${current ?? ''}\n${pair}`;
    let judged = byKey.get(key);
    if (!judged) {
      const [apiVersion, kind] = pair.split('\t');
      const findings = judge(
        [{ file: '', line: 1, apiVersion, kind }],
        current,
      );
      judged = { status: worstStatus(findings.map(f => f.status)), findings };
      byKey.set(key, judged);
    }
    return judged;
  };
}

/**
 * The findings of objects, each from its pair's judgement placed at the
 * object's own file, line and name: what `judge(objects, current)` gives,
 * since an object's findings depend on its apiVersion and kind alone (and
 * the versions), without judging a pair twice.
 */
export function objectFindings(
  judgePair: PairJudge,
  objects: readonly ManifestObjectRef[],
  current: string | undefined,
): BlastFinding[] {
  return objects.flatMap(object =>
    judgePair(`${object.apiVersion}\t${object.kind}`, current).findings.map(
      finding => ({
        ...finding,
        name: object.name,
        file: object.file,
        line: object.line,
      }),
    ),
  );
}

/** The finding as the blast radius lists it; none when it is not about the component's version. */
function toBlastFinding(f: Finding, component: string): BlastFinding[] {
  const status = blastStatusOf(f);
  if (!status || !f.apiVersion || (f.component && f.component !== component)) {
    return [];
  }
  return [
    {
      severity: f.severity as 'critical' | 'warning',
      status,
      apiVersion: f.apiVersion,
      kind: f.kind ?? '',
      name: f.name,
      file: f.file,
      line: f.line,
      removedIn: f.removedIn,
      deprecatedIn: f.deprecatedIn,
      replacement: f.replacement,
    },
  ];
}
