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

import type { KnowledgeIndex } from '../knowledgeBase/knowledgeIndex';
import type { KnowledgeBaseRow } from '../knowledgeBase/types';
import type {
  TemplateCapabilities,
  Tri,
} from './helmTemplates/templateExpression';
import { compareVersions, parseVersion } from './versions';

/** Rows by the apiVersion they name as replacement, per knowledge index. */
const replacementsCache = new WeakMap<
  KnowledgeIndex,
  ReadonlyMap<string, readonly KnowledgeBaseRow[]>
>();

function replacementsOf(
  index: KnowledgeIndex,
): ReadonlyMap<string, readonly KnowledgeBaseRow[]> {
  let byReplacement = replacementsCache.get(index);
  if (!byReplacement) {
    const map = new Map<string, KnowledgeBaseRow[]>();
    for (const rows of index.values()) {
      for (const row of rows) {
        if (!row.replacement) continue;
        const list = map.get(row.replacement) ?? [];
        list.push(row);
        map.set(row.replacement, list);
      }
    }
    replacementsCache.set(index, map);
    byReplacement = map;
  }
  return byReplacement;
}

/** `batch/v1`, `batch/v1/CronJob`, `v1`, `v1/Pod` split into apiVersion and kind. */
function splitApi(api: string): { apiVersion: string; kind?: string } {
  const parts = api.trim().split('/');
  if (parts.length === 1) return { apiVersion: parts[0] };
  if (parts.length === 2) {
    return /^v\d/.test(parts[0])
      ? { apiVersion: parts[0], kind: parts[1] }
      : { apiVersion: api.trim() };
  }
  return {
    apiVersion: `${parts[0]}/${parts[1]}`,
    kind: parts.slice(2).join('/'),
  };
}

/** Whether a row's API is served at the target: false once removed (no longer served), true while deprecated. */
function servedByRow(row: KnowledgeBaseRow, target: string): Tri {
  // removedIn is the first release that no longer serves the version.
  if (row.removedIn && compareVersions(target, row.removedIn) >= 0) {
    return false;
  }
  if (row.deprecatedIn && compareVersions(target, row.deprecatedIn) >= 0) {
    return true;
  }
  return undefined; // before its deprecation: it may not exist yet
}

/**
 * What a Helm chart would see in `.Capabilities` on a cluster at the target
 * versions, as far as the knowledge base tells: the Kubernetes version, and
 * whether an API is served (every row of it removed or unserved → no; a
 * deprecated row still served, or a replacement available since a release
 * at or before the target → yes; a kind whose replacement comes after the
 * target → no; the core `v1` → yes; anything else, such as a CRD only a
 * cluster knows → undecided).
 * @internal
 */
export function targetCapabilities(
  targets: Readonly<Record<string, string>>,
  index: KnowledgeIndex,
): TemplateCapabilities {
  const k8s = targets.k8s ? parseVersion(targets.k8s) : undefined;
  return {
    kubeVersion: k8s,
    hasApi(api: string): Tri {
      const { apiVersion, kind } = splitApi(api);
      if (apiVersion === 'v1' && kind === undefined) return true;
      const own = (index.get(apiVersion) ?? []).filter(
        row => targets[row.component] !== undefined,
      );
      const specific = kind ? own.filter(row => row.kind === kind) : own;
      const rows =
        kind && specific.length === 0
          ? own.filter(r => r.kind === '')
          : specific;
      const verdicts = rows.map(row =>
        servedByRow(row, targets[row.component]),
      );
      // Every row removed: gone. With a kind, its own row decides.
      if (verdicts.length > 0 && verdicts.every(v => v === false)) return false;
      if (verdicts.some(v => v === true)) return true;
      let replacement: Tri;
      for (const row of replacementsOf(index).get(apiVersion) ?? []) {
        const target = targets[row.component];
        if (!target || !row.replacementAvailableIn) continue;
        if (kind && row.kind && row.kind !== kind) continue;
        if (compareVersions(target, row.replacementAvailableIn) >= 0)
          return true;
        // Not yet available for this kind; a group version may serve other kinds earlier.
        if (kind && row.kind === kind) replacement = false;
      }
      return replacement;
    },
  };
}
