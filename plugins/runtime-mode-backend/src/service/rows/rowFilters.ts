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
  PortfolioFacet,
  PortfolioRow,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { FilterQuery } from '../schemas';
import { upgradeLevelOf } from './questionKeys';

type RowTest = (row: PortfolioRow) => boolean;

/** One filter of a query, and the facet it narrows (none for free text). */
export interface RowPredicate {
  facet: PortfolioFacet | null;
  test: RowTest;
}

/**
 * `team-a` matches `group:default/team-a`; a full ref matches exactly. The
 * answer is kept per distinct ref (a few hundred owners or systems, 100,000
 * rows): lower-casing every row's ref was most of a filtered request.
 */
function refTest(
  values: string[] | undefined,
  refOf: (row: PortfolioRow) => string | undefined,
): RowTest | undefined {
  if (!values?.length) return undefined;
  const wanted = values.map(v => v.toLocaleLowerCase('en-US'));
  const answers = new Map<string, boolean>();
  const matches = (ref: string) => {
    const lower = ref.toLocaleLowerCase('en-US');
    const shortName = lower.slice(lower.lastIndexOf('/') + 1);
    return wanted.some(w =>
      w.includes(':') || w.includes('/') ? w === lower : w === shortName,
    );
  };
  return row => {
    const ref = refOf(row);
    if (!ref) return false;
    let answer = answers.get(ref);
    if (answer === undefined) {
      answer = matches(ref);
      answers.set(ref, answer);
    }
    return answer;
  };
}

function oneOfTest(
  values: readonly string[] | undefined,
  valueOf: (row: PortfolioRow) => string,
): RowTest | undefined {
  if (!values?.length) return undefined;
  const wanted = new Set<string>(values);
  return row => wanted.has(valueOf(row));
}

function categoryTest(values: string[] | undefined): RowTest | undefined {
  if (!values?.length) return undefined;
  return row => values.some(c => (row.categories as string[]).includes(c));
}

function migrationTest(
  migration: FilterQuery['migration'],
): RowTest | undefined {
  if (!migration) return undefined;
  const planned = migration === 'planned';
  return row =>
    (row.migrationLevel !== null && row.migrationLevel !== undefined) ===
    planned;
}

function textTest(q: string | undefined): RowTest | undefined {
  const text = q?.trim().toLocaleLowerCase('en-US');
  if (!text) return undefined;
  return row =>
    row.name.toLocaleLowerCase('en-US').includes(text) ||
    (row.title ?? '').toLocaleLowerCase('en-US').includes(text);
}

/** The filters a query sets, each with its facet; all of them must match. */
export function rowPredicates(filter: FilterQuery): RowPredicate[] {
  const candidates: Array<[PortfolioFacet | null, RowTest | undefined]> = [
    ['owner', refTest(filter.owner, row => row.owner)],
    ['system', refTest(filter.system, row => row.system)],
    ['domain', refTest(filter.domain, row => row.domain)],
    ['lifecycle', oneOfTest(filter.lifecycle, row => row.lifecycle ?? '')],
    ['mode', oneOfTest(filter.mode, row => row.mode)],
    ['level', oneOfTest(filter.level, row => row.level)],
    ['upgradeLevel', oneOfTest(filter.upgradeLevel, upgradeLevelOf)],
    // "Planned or not" and "at which level" narrow the same facet.
    ['migrationLevel', migrationTest(filter.migration)],
    [
      'migrationLevel',
      oneOfTest(filter.migrationLevel, row => row.migrationLevel ?? ''),
    ],
    ['category', categoryTest(filter.category)],
    [null, textTest(filter.q)],
  ];
  return candidates.flatMap(([facet, test]) => (test ? [{ facet, test }] : []));
}

/** The rows every filter of the query matches (the array itself when there is no filter). */
export function filterRows(
  rows: PortfolioRow[],
  filter: FilterQuery,
): PortfolioRow[] {
  const predicates = rowPredicates(filter);
  // No filter: the same rows, not a copy of the estate per request.
  if (!predicates.length) return rows;
  return rows.filter(row => predicates.every(p => p.test(row)));
}
