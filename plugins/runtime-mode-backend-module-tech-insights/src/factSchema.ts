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

import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import {
  CONCERN_CATEGORIES,
  ConcernCategory,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** `api-compatibility` → `apiCompatibility`: fact names checks can use as they are. */
function camelCase(category: ConcernCategory) {
  return category.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The fact names of one category's counts, e.g.
 * `apiCompatibilityCritical` and `apiCompatibilityWarning`.
 *
 * @public
 */
export function concernFactNames(category: ConcernCategory): {
  critical: string;
  warning: string;
} {
  const base = camelCase(category);
  return { critical: `${base}Critical`, warning: `${base}Warning` };
}

const concernFacts: FactSchema = Object.fromEntries(
  CONCERN_CATEGORIES.flatMap(category => {
    const names = concernFactNames(category);
    return [
      [
        names.critical,
        {
          type: 'integer',
          description: `Unwaived critical concerns in the ${category} category`,
        },
      ],
      [
        names.warning,
        {
          type: 'integer',
          description: `Unwaived warning concerns in the ${category} category`,
        },
      ],
    ];
  }),
);

/**
 * The facts the Runtime Mode retriever publishes per Component. Every fact is
 * flat, so a check names it directly (`"fact": "upgradeLevel"`).
 *
 * @public
 */
export const RUNTIME_MODE_FACT_SCHEMA: FactSchema = {
  mode: {
    type: 'string',
    description:
      'Runtime mode: bare-metal-container, virtualized-container, container-virtualization or unknown',
  },
  upgradeLevel: {
    type: 'string',
    description:
      'Does it break at the planned upgrade? clean, deprecated, breaks-at-upgrade, broken-now or unknown (also for a result of an older rule set)',
  },
  migrationLevel: {
    type: 'string',
    description:
      'Can it move to the planned mode? ready, ready-with-warnings, blocked or unknown; none when no move is planned',
  },
  targetMode: {
    type: 'string',
    description:
      'The mode a move is planned to (target-mode annotation); none when no move is planned',
  },
  readinessLevel: {
    type: 'string',
    description:
      'Level of all unwaived concerns (ready, ready-with-warnings, blocked or unknown), whichever question they answer: blocked also for a move nobody planned. Prefer upgradeLevel and migrationLevel',
  },
  readinessScore: {
    type: 'integer',
    description:
      'Score 0-100 of all unwaived concerns, as readinessLevel; -1 when that level is unknown',
  },
  criticalConcerns: {
    type: 'integer',
    description: 'Unwaived critical concerns, all categories',
  },
  warningConcerns: {
    type: 'integer',
    description: 'Unwaived warning concerns, all categories',
  },
  ...concernFacts,
  removedApis: {
    type: 'integer',
    description:
      'Objects using an apiVersion removed at the configured target versions (unwaived)',
  },
  deprecatedApis: {
    type: 'integer',
    description:
      'Objects using an apiVersion deprecated, not yet removed, at the configured target versions (unwaived)',
  },
  apiTargets: {
    type: 'set',
    description:
      'The target versions the APIs were judged at, as component@version (e.g. k8s@1.34)',
  },
  ruleSetVersion: {
    type: 'string',
    description:
      'Version of the Runtime Mode rule set that produced the verdict',
  },
  stale: {
    type: 'boolean',
    description:
      'True when the last refresh could not read the manifests and the verdict is the previous one',
  },
};
