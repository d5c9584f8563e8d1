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

import { parseAllDocuments } from 'yaml';

/**
 * The facts a Tech Insights user would write a retriever for, to ask what
 * our plugin answers: does the component use an API removed at the target
 * (Kubernetes 1.34), one deprecated but still served, does it have a
 * ServiceMonitor, do its VirtualMachines live-migrate.
 */
export interface ManifestFacts {
  hasRemovedApis: boolean;
  hasDeprecatedApis: boolean;
  hasServiceMonitor: boolean;
  vmsLiveMigratable: boolean;
}

/**
 * apiVersion/kind pairs the estate uses that Kubernetes removed before 1.34:
 * extensions/v1beta1 Deployment in 1.16, batch/v1beta1 CronJob in 1.25
 * (Kubernetes deprecated API migration guide).
 */
const REMOVED = new Set([
  'extensions/v1beta1/Deployment',
  'batch/v1beta1/CronJob',
]);
/** Deprecated but served: KubeVirt deprecated kubevirt.io/v1alpha3 in v1.0.0. */
const DEPRECATED_VERSIONS = new Set(['kubevirt.io/v1alpha3']);

export function manifestFacts(texts: string[]): ManifestFacts {
  const facts: ManifestFacts = {
    hasRemovedApis: false,
    hasDeprecatedApis: false,
    hasServiceMonitor: false,
    vmsLiveMigratable: true,
  };
  for (const text of texts) {
    for (const document of parseAllDocuments(text)) {
      const object = document.toJS() as {
        apiVersion?: string;
        kind?: string;
        spec?: { template?: { spec?: { evictionStrategy?: string } } };
      } | null;
      if (!object?.apiVersion || !object.kind) continue;
      const { apiVersion, kind } = object;
      if (REMOVED.has(`${apiVersion}/${kind}`)) facts.hasRemovedApis = true;
      if (DEPRECATED_VERSIONS.has(apiVersion)) facts.hasDeprecatedApis = true;
      if (kind === 'ServiceMonitor') facts.hasServiceMonitor = true;
      if (
        kind === 'VirtualMachine' &&
        object.spec?.template?.spec?.evictionStrategy !== 'LiveMigrate'
      ) {
        facts.vmsLiveMigratable = false;
      }
    }
  }
  return facts;
}

/** The checks, as Tech Insights' JSON rules checker takes them: fact and passing value. */
export const CHECKS: Record<string, [keyof ManifestFacts, boolean]> = {
  noRemovedApis: ['hasRemovedApis', false],
  noDeprecatedApis: ['hasDeprecatedApis', false],
  hasServiceMonitor: ['hasServiceMonitor', true],
  vmsLiveMigratable: ['vmsLiveMigratable', true],
};
