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
  KnowledgeIndex,
} from '../knowledgeBase/knowledgeIndex';
import type { KnowledgeBaseRow } from '../knowledgeBase/types';
import { compareVersions } from './versions';

/** A successor passed over because the target no longer serves it, or deprecates it. @internal */
export interface PassedOverVersion {
  apiVersion: string;
  status: 'removed' | 'deprecated';
  /** Release of `component` that removed or deprecated it. */
  release: string;
  component: string;
}

/** What to move an object to, judged at the target. @internal */
export interface ServedReplacement {
  /** The version to move to; absent when only `advice` remains (PodSecurityPolicy). */
  apiVersion?: string;
  /** The successor's kind, when it differs from the object's. */
  kind?: string;
  /** How to move, beyond the apiVersion; or the mechanism when there is none. */
  advice?: string;
  /** The component whose releases `availableIn` counts. */
  component: string;
  /** First release of `component` that serves `apiVersion`, where known. */
  availableIn?: string;
  /** The target of `component` does not serve `apiVersion` yet. */
  notYetServed: boolean;
  /** Successors skipped on the way, in chain order. */
  passedOver: PassedOverVersion[];
}

function atOrAfter(target: string, release: string): boolean {
  return compareVersions(target, release) >= 0;
}

/** The row that describes a successor, for the kind it is used with. */
function successorRow(
  index: KnowledgeIndex,
  apiVersion: string,
  kind: string,
): KnowledgeBaseRow | undefined {
  return findKnowledgeRows(index, apiVersion, kind)[0];
}

/**
 * Follows a row's replacement chain to a version served at the target, so
 * that advice never names a version the cluster no longer (or not yet)
 * serves: `extensions/v1beta1` PodSecurityPolicy → `policy/v1beta1` (itself
 * removed in 1.25) → Pod Security Admission; flowcontrol `v1beta2` →
 * `v1beta3` (removed in 1.32) → `v1`. A successor that is deprecated at the
 * target is passed over only when its own successor is served there. The
 * chain stays within one component: another component's target says nothing
 * about the platform the object runs on. Undefined when the row names no
 * successor at all.
 * @internal
 */
export function servedReplacement(
  row: KnowledgeBaseRow,
  objectKind: string,
  targets: Readonly<Record<string, string>>,
  index: KnowledgeIndex,
): ServedReplacement | undefined {
  const passedOver: PassedOverVersion[] = [];
  const visited = new Set([row.apiVersion]);
  let current = row;
  let kind = objectKind;
  for (;;) {
    if (!current.replacement) {
      if (!current.advice && passedOver.length === 0) return undefined;
      return {
        advice: current.advice,
        component: current.component,
        notYetServed: false,
        passedOver,
      };
    }
    const successorKind = current.replacementKind ?? kind;
    const target = targets[current.component];
    const found: ServedReplacement = {
      apiVersion: current.replacement,
      kind: successorKind !== objectKind ? successorKind : undefined,
      advice: current.advice,
      component: current.component,
      availableIn: current.replacementAvailableIn || undefined,
      notYetServed: Boolean(
        target &&
          current.replacementAvailableIn &&
          !atOrAfter(target, current.replacementAvailableIn),
      ),
      passedOver,
    };
    const next = successorRow(index, current.replacement, successorKind);
    if (
      found.notYetServed ||
      !target ||
      !next ||
      next.component !== current.component ||
      visited.has(next.apiVersion)
    ) {
      return found;
    }
    visited.add(next.apiVersion);
    if (next.removedIn && atOrAfter(target, next.removedIn)) {
      passedOver.push({
        apiVersion: next.apiVersion,
        status: 'removed',
        release: next.removedIn,
        component: next.component,
      });
    } else if (
      next.deprecatedIn &&
      atOrAfter(target, next.deprecatedIn) &&
      next.replacement &&
      (!next.replacementAvailableIn ||
        atOrAfter(target, next.replacementAvailableIn))
    ) {
      passedOver.push({
        apiVersion: next.apiVersion,
        status: 'deprecated',
        release: next.deprecatedIn,
        component: next.component,
      });
    } else {
      return found;
    }
    current = next;
    kind = successorKind;
  }
}
