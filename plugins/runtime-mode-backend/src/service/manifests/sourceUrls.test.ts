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

import { AllowedRepositories } from './AllowedRepositories';
import {
  normaliseSourceUrl,
  repositoryKey,
  repositoryOf,
  UnreadableUrlError,
} from './sourceUrls';

describe('normaliseSourceUrl', () => {
  it('drops fragments, empty segments and query parameters that do not locate a file', () => {
    expect(
      normaliseSourceUrl(
        'https://GitHub.com:443/acme//shop/blob/main/./k8s/../web.yaml?a=1&plain=1#L4',
      ).toString(),
    ).toBe('https://github.com/acme/shop/blob/main/web.yaml');
  });

  it('keeps the parameters that say which file is meant, in one order', () => {
    expect(
      normaliseSourceUrl(
        'https://dev.azure.com/org/project/_git/repo?version=GBmain&x=1&path=/k8s/web.yaml',
      ).toString(),
    ).toBe(
      'https://dev.azure.com/org/project/_git/repo?path=%2Fk8s%2Fweb.yaml&version=GBmain',
    );
  });

  it.each([
    ['not a url', 'not a valid URL'],
    ['file:///etc/passwd', 'only http(s) URLs'],
    ['https://user:token@github.com/acme/shop/blob/main/a.yaml', 'credentials'],
  ])('refuses %s', (url, message) => {
    expect(() => normaliseSourceUrl(url)).toThrow(UnreadableUrlError);
    expect(() => normaliseSourceUrl(url)).toThrow(message);
  });
});

describe('repositoryOf', () => {
  it.each([
    ['https://github.com/Acme/Shop/blob/main/a/b.yaml', 'github.com/acme/shop'],
    ['https://github.com/acme/shop/tree/v1.2/k8s/', 'github.com/acme/shop'],
    [
      'https://gitlab.example.com/group/sub/project/-/blob/main/a.yaml',
      'gitlab.example.com/group/sub/project',
    ],
    ['https://bitbucket.org/ws/repo/src/main/a.yaml', 'bitbucket.org/ws/repo'],
    [
      'https://dev.azure.com/org/project/_git/repo?path=/a.yaml',
      'dev.azure.com/org/project/_git/repo',
    ],
  ])('finds the repository of %s', (url, key) => {
    const repository = repositoryOf(normaliseSourceUrl(url));
    expect(repository && repositoryKey(repository)).toBe(key);
  });

  it('knows no repository for a URL outside the SCM layouts', () => {
    expect(
      repositoryOf(normaliseSourceUrl('https://config.example.com/x.yaml')),
    ).toBeUndefined();
  });
});

describe('AllowedRepositories', () => {
  const allowed = new AllowedRepositories([
    'github.com/acme/platform-manifests',
    'github.com/acme-deploy/*',
    'gitlab.example.com/**',
    'config.example.com/runtime/**',
  ]);
  const allows = (url: string) => {
    const parsed = normaliseSourceUrl(url);
    return allowed.allows(repositoryOf(parsed) ?? parsed);
  };

  it('matches host/owner/repo globs, case-insensitively', () => {
    expect(
      allows('https://github.com/Acme/Platform-Manifests/blob/main/a.yaml'),
    ).toBe(true);
    expect(allows('https://github.com/acme-deploy/web/blob/main/a.yaml')).toBe(
      true,
    );
    expect(allows('https://gitlab.example.com/a/b/c/-/blob/main/x.yaml')).toBe(
      true,
    );
    expect(allows('https://config.example.com/runtime/web/a.yaml')).toBe(true);
  });

  it('allows nothing else', () => {
    expect(allows('https://github.com/acme/shop/blob/main/a.yaml')).toBe(false);
    expect(
      allows('https://github.com/acme-deploy-evil/web/blob/main/a.yaml'),
    ).toBe(false);
    expect(allows('https://config.example.com/other/a.yaml')).toBe(false);
  });

  it('refuses patterns that are not host/owner/repo', () => {
    expect(() =>
      AllowedRepositories.validate(['https://github.com/acme/x'], 'key'),
    ).toThrow('without a scheme');
    expect(() => AllowedRepositories.validate(['github.com'], 'key')).toThrow(
      'expected host/owner/repo',
    );
  });
});
