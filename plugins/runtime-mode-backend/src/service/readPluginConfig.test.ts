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

import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readPluginConfig } from './readPluginConfig';

const read = (runtimeMode: JsonObject) =>
  readPluginConfig(new ConfigReader({ runtimeMode }));

describe('readPluginConfig', () => {
  it('gives the backend limits their defaults', () => {
    expect(read({})).toMatchObject({
      maxFilesPerEntity: 200,
      forcedRefreshesPerMinute: 6,
      allowedRepositories: [],
      maxBytesPerEntity: 8 * 1024 * 1024,
      maxBytesPerRun: 512 * 1024 * 1024,
      historyRetentionDays: 400,
    });
  });

  it('reads the manifests, history and refresh keys without handing them to the engine', () => {
    const config = read({
      manifests: {
        allowedRepositories: ['github.com/acme/platform-manifests'],
        maxBytesPerEntity: 1000,
        maxBytesPerRun: 5000,
      },
      history: { retentionDays: 30 },
      api: { forcedRefreshesPerMinute: 2 },
    });
    expect(config).toMatchObject({
      allowedRepositories: ['github.com/acme/platform-manifests'],
      maxBytesPerEntity: 1000,
      maxBytesPerRun: 5000,
      historyRetentionDays: 30,
      forcedRefreshesPerMinute: 2,
    });
    expect(Object.keys(config.engine)).not.toContain('manifests');
  });

  it('runs the catalog pass every 20 seconds and follows pushes unless told otherwise', () => {
    expect(read({})).toMatchObject({
      catalogChanges: {
        frequency: { seconds: 20 },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 15 },
      },
      pushEvents: true,
    });
    expect(
      read({ catalogChanges: { frequency: { seconds: 45 } } }).catalogChanges,
    ).toMatchObject({ frequency: { seconds: 45 }, timeout: { minutes: 5 } });
    const off = read({ catalogChanges: false, pushEvents: false });
    expect(off.catalogChanges).toBeUndefined();
    expect(off.pushEvents).toBe(false);
    expect(Object.keys(off.engine)).not.toContain('catalogChanges');
  });

  it.each([
    [{ history: { retentionDays: 0 } }, 'runtimeMode.history.retentionDays'],
    [
      { manifests: { maxBytesPerRun: 1.5 } },
      'runtimeMode.manifests.maxBytesPerRun',
    ],
    [
      { api: { forcedRefreshesPerMinute: -1 } },
      'runtimeMode.api.forcedRefreshesPerMinute',
    ],
    [
      { manifests: { allowedRepositories: ['https://github.com/acme/x'] } },
      'runtimeMode.manifests.allowedRepositories[0]',
    ],
  ] as Array<[JsonObject, string]>)(
    'stops the plugin on %j, naming the key',
    (runtimeMode, key) => {
      expect(() => read(runtimeMode)).toThrow(key);
    },
  );
});
