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
  findKnowledgeRows,
  type KnowledgeIndex,
} from '../knowledgeBase/knowledgeIndex';
import type { KnowledgeBaseRow } from '../knowledgeBase/types';
import { componentOfApiVersion, isAlphaVersion } from './apiGroups';
import { servedReplacement, type ServedReplacement } from './servedReplacement';

/**
 * What the knowledge base says about an apiVersion and kind at given target
 * versions, whatever the object: the same for every Deployment of every
 * component judged at those targets.
 * @internal
 */
export interface ApiFacts {
  /** The rows that apply (a kind-specific row wins over a whole-group row). */
  rows: readonly KnowledgeBaseRow[];
  /** Each row's successor served at the targets (same order as `rows`). */
  replacements: ReadonlyArray<ServedReplacement | undefined>;
  alpha: boolean;
  /** The knowledge-base component the apiVersion belongs to, if known. */
  component: string | undefined;
}

// Per index and targets object: evaluate() passes the same ones for every
// component of an evaluation setting, so each apiVersion and kind is looked
// up once. Hostile input can bring any number of apiVersions and kinds:
// past this many the facts are forgotten and found again.
const MAX_ENTRIES = 1_000;
/** Facts by apiVersion, then kind (maps of maps: no key text to build). */
type FactsTable = Map<string, Map<string, ApiFacts>>;
const factsByIndex = new WeakMap<KnowledgeIndex, WeakMap<object, FactsTable>>();

function factsOf(
  apiVersion: string,
  kind: string,
  targets: Readonly<Record<string, string>>,
  index: KnowledgeIndex,
): ApiFacts {
  const rows = findKnowledgeRows(index, apiVersion, kind);
  return {
    rows,
    replacements: rows.map(row => servedReplacement(row, kind, targets, index)),
    alpha: isAlphaVersion(apiVersion),
    component:
      rows[0]?.component ?? componentOfApiVersion(apiVersion, index, kind),
  };
}

/**
 * The {@link ApiFacts} of an apiVersion and kind at the targets, remembered
 * per knowledge index and targets object (both only ever read).
 * @internal
 */
export function apiFactsOf(
  apiVersion: string,
  kind: string,
  targets: Readonly<Record<string, string>>,
  index: KnowledgeIndex,
): ApiFacts {
  let byTargets = factsByIndex.get(index);
  if (!byTargets) {
    byTargets = new WeakMap();
    factsByIndex.set(index, byTargets);
  }
  let table = byTargets.get(targets);
  if (!table) {
    table = new Map();
    byTargets.set(targets, table);
  }
  let byKind = table.get(apiVersion);
  if (!byKind) {
    if (table.size >= MAX_ENTRIES) table.clear();
    byKind = new Map();
    table.set(apiVersion, byKind);
  }
  let known = byKind.get(kind);
  if (!known) {
    if (byKind.size >= MAX_ENTRIES) byKind.clear();
    known = factsOf(apiVersion, kind, targets, index);
    byKind.set(kind, known);
  }
  return known;
}
