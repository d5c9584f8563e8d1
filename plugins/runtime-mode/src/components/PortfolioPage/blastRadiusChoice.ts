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

import { parseVersion } from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** The platforms whose upgrades the blast radius answers, in the picker's order. */
export const PLATFORMS = [
  'k8s',
  'kubevirt',
  'cdi',
  'cluster-api',
  'vsphere-tkgs',
] as const;

/** A blast-radius question: a platform at a version, and the page of the answer. */
export interface BlastRadiusChoice {
  platform: string;
  /** Absent: the platform's planned target. */
  version?: string;
  /** Only the components on this cluster (from the Clusters tab); absent: every cluster. */
  cluster?: string;
  page: number;
}

/** The URL parameters the blast radius owns, apart from the portfolio's. */
const PARAMS = {
  platform: 'platform',
  version: 'version',
  cluster: 'cluster',
  page: 'brPage',
};

export function blastRadiusChoiceOf(
  params: URLSearchParams,
): BlastRadiusChoice {
  const platform = params.get(PARAMS.platform) ?? '';
  const version = params.get(PARAMS.version)?.trim() ?? '';
  const page = Number(params.get(PARAMS.page));
  const cluster = params.get(PARAMS.cluster)?.trim();
  return {
    platform: (PLATFORMS as readonly string[]).includes(platform)
      ? platform
      : 'k8s',
    version: parseVersion(version) ? version : undefined,
    ...(cluster ? { cluster } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function withBlastRadiusChoice(
  previous: URLSearchParams,
  choice: BlastRadiusChoice,
): URLSearchParams {
  const params = new URLSearchParams(previous);
  for (const name of Object.values(PARAMS)) params.delete(name);
  if (choice.platform !== 'k8s') params.set(PARAMS.platform, choice.platform);
  if (choice.version) params.set(PARAMS.version, choice.version);
  if (choice.cluster) params.set(PARAMS.cluster, choice.cluster);
  if (choice.page > 1) params.set(PARAMS.page, String(choice.page));
  return params;
}
