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

import { mockApis } from '@backstage/test-utils';
import { ScmIntegrationsApi } from '@backstage/integration-react';
import { sourceUrlOf } from './sourceLinks';

describe('sourceUrlOf', () => {
  const scm = ScmIntegrationsApi.fromConfig(
    mockApis.config({
      data: {
        integrations: {
          gitlab: [
            {
              host: 'gitlab.example.com',
              apiBaseUrl: 'https://gitlab.example.com/api/v4',
            },
          ],
        },
      },
    }),
  );
  const github = 'https://github.com/acme/shop/tree/main/services/cart/';

  it('links a file of the repository at its line, with the integration anchor', () => {
    expect(
      sourceUrlOf({
        file: 'services/cart/deploy/cronjob.yaml',
        line: 12,
        base: github,
        scm,
      }),
    ).toBe(
      'https://github.com/acme/shop/tree/main/services/cart/deploy/cronjob.yaml#L12',
    );
  });

  it('resolves files from the repository root, whatever folder the entity lives in', () => {
    expect(
      sourceUrlOf({
        file: 'k8s/base/deployment.yaml',
        line: 3,
        base: 'https://gitlab.example.com/acme/shop/-/blob/main/services/cart/catalog-info.yaml',
        scm,
      }),
    ).toBe(
      'https://gitlab.example.com/acme/shop/-/blob/main/k8s/base/deployment.yaml#L3',
    );
  });

  it('adds the line to a file given as a URL', () => {
    expect(
      sourceUrlOf({
        file: 'https://github.com/acme/platform/blob/main/vms/vm.yaml',
        line: 5,
        scm,
      }),
    ).toBe('https://github.com/acme/platform/tree/main/vms/vm.yaml#L5');
  });

  it('gives no link where there is no source control to point at', () => {
    // An entity loaded from a local file has no source location URL.
    expect(
      sourceUrlOf({ file: 'manifests/vm.yaml', line: 1, base: undefined, scm }),
    ).toBeUndefined();
    expect(
      sourceUrlOf({
        file: 'manifests/vm.yaml',
        line: 1,
        base: 'https://intranet.example.com/files/',
        scm,
      }),
    ).toBeUndefined();
    expect(
      sourceUrlOf({ file: 'manifests/vm.yaml', base: github, scm: undefined }),
    ).toBeUndefined();
  });
});
