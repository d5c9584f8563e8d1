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
  Finding,
  makeFinding,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** The findings the manifest reader raises, built in one place. */
export const readerFindings = {
  tooLarge(path: string, maxFileBytes: number): Finding {
    return makeFinding(
      'manifest-too-large',
      'warning',
      `Manifest ${path} is larger than the limit of ${maxFileBytes} bytes and was not read`,
      { file: path },
    );
  },
  overEntityBudget(path: string, maxBytes: number): Finding {
    return makeFinding(
      'manifest-too-many-bytes',
      'warning',
      `Manifest ${path} was not read: the manifests of this component already hold the limit of ${maxBytes} bytes (runtimeMode.manifests.maxBytesPerEntity)`,
      { file: path },
    );
  },
  listCut(where: string, reason: string): Finding {
    return makeFinding(
      'manifest-too-many-files',
      'warning',
      `${where}: ${reason}; the files beyond were not evaluated`,
      { file: where },
    );
  },
  notFound(source: string): Finding {
    return makeFinding(
      'manifest-source-not-found',
      'warning',
      `Manifest source ${source} does not exist`,
      { file: source },
    );
  },
  refused(what: string, reason: string): Finding {
    return makeFinding(
      'manifest-source-refused',
      'warning',
      `Manifest ${what} was refused: ${reason}`,
      { file: what },
    );
  },
};
