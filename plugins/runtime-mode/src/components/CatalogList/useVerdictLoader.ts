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

import { useApi } from '@backstage/core-plugin-api';
import { type RuntimeModeApi, runtimeModeApiRef } from '../../api';
import { VerdictLoader } from './VerdictLoader';

/** How long a verdict shown in the catalog list is reused before it is asked again. */
const VERDICT_MAX_AGE_MS = 60_000;

const loaders = new WeakMap<RuntimeModeApi, VerdictLoader>();

/**
 * The app's one verdict loader: every cell and the filter of a catalog list
 * share it, so the refs of one render travel in one request.
 */
export function useVerdictLoader(): VerdictLoader {
  const api = useApi(runtimeModeApiRef);
  let loader = loaders.get(api);
  if (!loader) {
    loader = new VerdictLoader({ api, maxAgeMs: VERDICT_MAX_AGE_MS });
    loaders.set(api, loader);
  }
  return loader;
}
