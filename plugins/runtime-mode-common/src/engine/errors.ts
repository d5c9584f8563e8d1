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

import { CustomErrorBase } from '@backstage/errors';

/**
 * The `runtimeMode` config block is invalid; the message names the key.
 * @public
 */
export class RuntimeModeConfigError extends CustomErrorBase {
  name = 'RuntimeModeConfigError' as const;
}

/**
 * A target version is malformed, or names a component the knowledge base
 * does not know. Callers that serve HTTP map it to 400.
 * @public
 */
export class RuntimeModeTargetError extends CustomErrorBase {
  name = 'RuntimeModeTargetError' as const;
}
