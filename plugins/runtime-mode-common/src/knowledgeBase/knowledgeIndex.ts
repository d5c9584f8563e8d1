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

import type { DeprecationRow } from '../types';
import { parseVersion } from '../engine/versions';
import { KNOWLEDGE_BASE_ROWS, KUBERNETES_RELEASES } from './data.generated';
import type { KnowledgeBaseRow } from './types';

/** Knowledge-base rows by apiVersion, for constant-time lookups. @internal */
export type KnowledgeIndex = ReadonlyMap<string, readonly KnowledgeBaseRow[]>;

/** Other names users give a component, mapped to its knowledge-base id. @internal */
export const COMPONENT_ALIASES: Readonly<Record<string, string>> = {
  kubernetes: 'k8s',
  capi: 'cluster-api',
  capv: 'cluster-api-provider-vsphere',
  'containerized-data-importer': 'cdi',
  tkg: 'vsphere-tkgs',
  'tkg-service': 'vsphere-tkgs',
  tkgs: 'vsphere-tkgs',
  vks: 'vsphere-tkgs',
  tanzu: 'vsphere-tkgs',
};

/** The components the built-in knowledge base has rows for. @public */
export const KNOWLEDGE_BASE_COMPONENTS: readonly string[] = Array.from(
  new Set(KNOWLEDGE_BASE_ROWS.map(row => row.component)),
).sort();

/** Maps an alias (`kubernetes`, `capi`) to the knowledge-base id. @internal */
export function normalizeComponent(name: string): string {
  const lower = name.trim().toLowerCase();
  return COMPONENT_ALIASES[lower] ?? lower;
}

function buildIndex(rows: readonly KnowledgeBaseRow[]): KnowledgeIndex {
  const index = new Map<string, KnowledgeBaseRow[]>();
  for (const row of rows) {
    const list = index.get(row.apiVersion);
    if (list) {
      // A later row for the same apiVersion/kind/component overrides an earlier one.
      const existing = list.findIndex(
        r => r.kind === row.kind && r.component === row.component,
      );
      if (existing >= 0) {
        list[existing] = row;
      } else {
        list.push(row);
      }
    } else {
      index.set(row.apiVersion, [row]);
    }
  }
  return index;
}

const BUILT_IN_INDEX = buildIndex(KNOWLEDGE_BASE_ROWS);

/**
 * The built-in rows plus an admin's extra rows (`apiPolicy.extraDeprecations`),
 * which add rows or override the built-in row of the same apiVersion, kind
 * and component.
 * @internal
 */
export function getKnowledgeIndex(
  extraRows?: readonly DeprecationRow[],
): KnowledgeIndex {
  if (!extraRows || extraRows.length === 0) {
    return BUILT_IN_INDEX;
  }
  return buildIndex([...KNOWLEDGE_BASE_ROWS, ...extraRows]);
}

/** Rows that apply to an object: a kind-specific row wins over a whole-group row. @internal */
export function findKnowledgeRows(
  index: KnowledgeIndex,
  apiVersion: string,
  kind: string,
): readonly KnowledgeBaseRow[] {
  const rows = index.get(apiVersion);
  if (!rows) {
    return [];
  }
  const specific = rows.filter(row => row.kind === kind);
  return specific.length > 0 ? specific : rows.filter(row => row.kind === '');
}

/** The release date of a Kubernetes minor version, where known. @internal */
export function kubernetesReleaseDate(
  version: string,
): { released: string; proposed: boolean } | undefined {
  const parsed = parseVersion(version, { lenient: true });
  if (!parsed) {
    return undefined;
  }
  // The minor's text once, not once per release compared.
  const minor = `${parsed.major}.${parsed.minor}`;
  const release = KUBERNETES_RELEASES.find(r => r.version === minor);
  return release
    ? { released: release.released, proposed: Boolean(release.proposed) }
    : undefined;
}

/** The newest Kubernetes minor the knowledge base knows (e.g. `1.37`). @public */
export const NEWEST_KNOWN_KUBERNETES =
  KUBERNETES_RELEASES[KUBERNETES_RELEASES.length - 1]?.version ?? '0.0';
