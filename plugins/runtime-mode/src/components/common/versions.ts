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

/**
 * Kubernetes minor versions offered by the what-if and blast-radius pickers,
 * newest first. Any other x.y can still be typed where the picker allows it;
 * the backend validates the version and answers 400 for a malformed one.
 */
export const KUBERNETES_VERSIONS: string[] = Array.from(
  { length: 37 - 22 + 1 },
  (_, i) => `1.${37 - i}`,
);

const VERSION_PATTERN = /^\d+\.\d+(\.\d+)?$/;

/** True for x.y or x.y.z. */
export function isVersion(value: string): boolean {
  return VERSION_PATTERN.test(value.trim());
}
