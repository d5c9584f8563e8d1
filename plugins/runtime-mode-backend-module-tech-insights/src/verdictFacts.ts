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

import type { TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import {
  ComponentVerdict,
  CONCERN_CATEGORIES,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { concernFactNames } from './factSchema';

/** Splits `component:default/web` into its parts. */
function entityOf(entityRef: string) {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(entityRef);
  if (!match) {
    throw new Error(
      `Runtime Mode returned a malformed entity ref: ${entityRef}`,
    );
  }
  const [, kind, namespace, name] = match;
  return { kind, namespace, name };
}

/**
 * The planned move's level; `none` when no move is planned. A result of an
 * older rule set did not answer the question: `unknown`, never a pass.
 */
function migrationLevelOf(verdict: ComponentVerdict): string {
  if (verdict.migrationLevel === undefined) return 'unknown';
  return verdict.migrationLevel ?? 'none';
}

/** One Component's stored verdict as the facts of {@link RUNTIME_MODE_FACT_SCHEMA}. */
export function verdictFacts(verdict: ComponentVerdict): TechInsightFact {
  const counts = Object.values(verdict.concerns);
  const facts: TechInsightFact['facts'] = {
    mode: verdict.mode,
    upgradeLevel: verdict.upgradeLevel ?? 'unknown',
    migrationLevel: migrationLevelOf(verdict),
    targetMode: verdict.targetMode ?? 'none',
    readinessLevel: verdict.level,
    readinessScore: verdict.score ?? -1,
    criticalConcerns: counts.reduce((sum, c) => sum + c.critical, 0),
    warningConcerns: counts.reduce((sum, c) => sum + c.warning, 0),
    removedApis: verdict.apis.removed,
    deprecatedApis: verdict.apis.deprecated,
    apiTargets: Object.entries(verdict.targets).map(
      ([component, version]) => `${component}@${version}`,
    ),
    ruleSetVersion: verdict.ruleSetVersion,
    stale: verdict.status === 'stale',
  };
  for (const category of CONCERN_CATEGORIES) {
    const names = concernFactNames(category);
    const count = verdict.concerns[category] ?? { critical: 0, warning: 0 };
    facts[names.critical] = count.critical;
    facts[names.warning] = count.warning;
  }
  return { entity: entityOf(verdict.entityRef), facts };
}
