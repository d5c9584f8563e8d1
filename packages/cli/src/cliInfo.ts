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

import packageJson from '../package.json';

/** The command's name, as on the package's `bin`. */
export const CLI_NAME = 'runtime-mode';

/** Where the rules and the CLI are documented. */
export const CLI_HOMEPAGE = 'https://github.com/runtime-mode/runtime-mode';

/** The package version, reported by `--version` and in SARIF. */
export const CLI_VERSION: string = packageJson.version;
