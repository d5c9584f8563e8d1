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
import {
  KNOWLEDGE_BASE_COMPONENTS,
  normalizeComponent,
} from '../knowledgeBase/knowledgeIndex';
import { RuntimeModeTargetError } from './errors';
import { parseVersion } from './versions';

const BUILT_IN_COMPONENTS: ReadonlySet<string> = new Set(
  KNOWLEDGE_BASE_COMPONENTS,
);

/**
 * Checks target versions per knowledge-base component and returns them keyed
 * by the component id (`kubernetes` becomes `k8s`). An unknown component or
 * a malformed version is an error that says what is accepted: a silent
 * default is how users of other tools come to believe they are safe.
 * @public
 */
export function validateTargets(
  targets: Record<string, unknown> | undefined,
  extraRows?: readonly DeprecationRow[],
): Record<string, string> {
  const result: Record<string, string> = {};
  if (!targets) return result;
  const known =
    extraRows && extraRows.length > 0
      ? new Set([
          ...BUILT_IN_COMPONENTS,
          ...extraRows.map(row => row.component),
        ])
      : BUILT_IN_COMPONENTS;
  for (const [rawComponent, rawVersion] of Object.entries(targets)) {
    const component = normalizeComponent(rawComponent);
    if (!known.has(component)) {
      throw new RuntimeModeTargetError(
        `Unknown target component "${rawComponent}"; known components: ${[
          ...known,
        ]
          .sort()
          .join(', ')}`,
      );
    }
    const version =
      typeof rawVersion === 'number' ? String(rawVersion) : rawVersion;
    if (typeof version !== 'string' || !parseVersion(version)) {
      throw new RuntimeModeTargetError(
        `Malformed target version "${String(
          rawVersion,
        )}" for ${component}; expected a release number such as 1.34 or v1.6.0`,
      );
    }
    result[component] = version.trim();
  }
  return result;
}
