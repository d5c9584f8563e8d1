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

// Hostile input can bring any number of apiVersions and kinds: past this
// many the facts are forgotten and found again.
const MAX_ENTRIES = 1_000;

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
 * The {@link ApiFacts} at one set of targets, each apiVersion and kind
 * looked up once (by apiVersion, then kind: no key text to build).
 * @internal
 */
export class ApiFactsTable {
  private readonly byApiVersion = new Map<string, Map<string, ApiFacts>>();

  constructor(
    private readonly targets: Readonly<Record<string, string>>,
    private readonly index: KnowledgeIndex,
  ) {}

  of(apiVersion: string, kind: string): ApiFacts {
    let byKind = this.byApiVersion.get(apiVersion);
    if (!byKind) {
      if (this.byApiVersion.size >= MAX_ENTRIES) this.byApiVersion.clear();
      byKind = new Map();
      this.byApiVersion.set(apiVersion, byKind);
    }
    let known = byKind.get(kind);
    if (!known) {
      if (byKind.size >= MAX_ENTRIES) byKind.clear();
      known = factsOf(apiVersion, kind, this.targets, this.index);
      byKind.set(kind, known);
    }
    return known;
  }
}

// One table per index and targets object: evaluate() passes the same ones
// for every component of an evaluation setting.
const tables = new WeakMap<KnowledgeIndex, WeakMap<object, ApiFactsTable>>();

/**
 * The facts table of a knowledge index at the targets, shared by every
 * caller with the same index and targets objects (both only ever read).
 * @internal
 */
export function apiFactsTable(
  targets: Readonly<Record<string, string>>,
  index: KnowledgeIndex,
): ApiFactsTable {
  let byTargets = tables.get(index);
  if (!byTargets) {
    byTargets = new WeakMap();
    tables.set(index, byTargets);
  }
  let table = byTargets.get(targets);
  if (!table) {
    table = new ApiFactsTable(targets, index);
    byTargets.set(targets, table);
  }
  return table;
}
