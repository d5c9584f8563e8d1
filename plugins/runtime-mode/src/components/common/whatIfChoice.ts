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
  RUNTIME_MODES,
  RUNTIME_MODE_ANNOTATIONS,
  type RuntimeModeId,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { isVersion } from './versions';

/** A what-if: a move to try and a Kubernetes version to try it at. */
export interface WhatIfChoice {
  targetMode?: RuntimeModeId;
  k8s?: string;
}

/** The what-if lives in the Runtime tab's URL, so it can be linked and shared. */
export const WHAT_IF_PARAMS = { targetMode: 'whatIfMode', k8s: 'whatIfK8s' };

/** The choice in a URL; values it does not know are dropped. */
export function whatIfChoiceOf(params: URLSearchParams): WhatIfChoice {
  const mode = params.get(WHAT_IF_PARAMS.targetMode) ?? '';
  const k8s = params.get(WHAT_IF_PARAMS.k8s)?.trim() ?? '';
  return {
    targetMode: (RUNTIME_MODES as readonly string[]).includes(mode)
      ? (mode as RuntimeModeId)
      : undefined,
    k8s: isVersion(k8s) ? k8s : undefined,
  };
}

/** The URL's search params with the choice set (and the other params kept). */
export function withWhatIfChoice(
  params: URLSearchParams,
  choice: WhatIfChoice,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, name] of Object.entries(WHAT_IF_PARAMS)) {
    const value = choice[key as keyof WhatIfChoice];
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

/** "?whatIfMode=virtualized-container": a link to try a move. */
export function whatIfSearch(choice: WhatIfChoice): string {
  const params = withWhatIfChoice(new URLSearchParams(), choice).toString();
  return params ? `?${params}` : '';
}

/** The catalog-info.yaml lines that make a move the plan. */
export function targetModeSnippet(mode: RuntimeModeId): string {
  return `metadata:
  annotations:
    ${RUNTIME_MODE_ANNOTATIONS.targetMode}: ${mode}`;
}
