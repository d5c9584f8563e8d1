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

import { TestDatabases } from '@backstage/backend-test-utils';
import * as common from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { DatabaseEvaluationStore } from '../database/DatabaseEvaluationStore';
import {
  component,
  createManifestTree,
  DEPLOYMENT,
  OLD_INGRESS,
} from '../testUtils/fixtures';
import { refresherFor } from '../testUtils/refresherFor';

// The rule-set version the refresher sees, switched by the test: an upgrade
// of the plugin, without a second copy of the engine.
let ruleSetVersion: string | undefined;
jest.mock('@runtime-mode/backstage-plugin-runtime-mode-common', () => {
  const actual = jest.requireActual(
    '@runtime-mode/backstage-plugin-runtime-mode-common',
  );
  return {
    ...actual,
    get RULE_SET_VERSION() {
      return ruleSetVersion ?? actual.RULE_SET_VERSION;
    },
  };
});

jest.setTimeout(60_000);

describe('results stored by an older rule set', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const tree = createManifestTree({
    'web/deploy/web.yaml': DEPLOYMENT,
    'web/deploy/ingress.yaml': OLD_INGRESS,
  });
  afterAll(() => tree.cleanup());

  it.each(databases.eachSupportedId())(
    'are evaluated again after an upgrade, since the rule-set version is part of the input hash, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await DatabaseEvaluationStore.migrateUp(knex);
      const store = DatabaseEvaluationStore.fromClient(knex);
      const refresher = refresherFor({
        entities: [
          component('web', {
            root: `${tree.root}/web`,
            manifests: 'deploy/',
            annotations: { 'runtime-mode.dev/clusters': 'bm' },
          }),
        ],
        store,
      });

      ruleSetVersion = '2026.11.0';
      expect(await refresher.refreshAll()).toMatchObject({ evaluated: 1 });
      // What that rule set stored: no answer to either question.
      await knex('runtime_mode_evaluations').update({ upgrade_level: null });
      expect((await store.listRows())[0].upgradeLevel).toBeUndefined();
      expect(await refresher.refreshAll()).toMatchObject({
        evaluated: 0,
        unchanged: 1,
      });

      ruleSetVersion = undefined;
      expect(common.RULE_SET_VERSION).not.toBe('2026.11.0');
      expect(await refresher.refreshAll()).toMatchObject({
        evaluated: 1,
        unchanged: 0,
      });
      expect((await store.listRows())[0]).toMatchObject({
        upgradeLevel: 'broken-now',
        topBlocker: expect.objectContaining({ ruleId: 'api-removed' }),
      });
    },
  );
});
