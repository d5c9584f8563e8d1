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

import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  RUNTIME_MODE_FACT_RETRIEVER_ID,
  runtimeModeFactRetriever,
} from './runtimeModeFactRetriever';

/**
 * Tech Insights module that publishes Runtime Mode verdicts as facts. Give
 * the retriever a cadence in config
 * (`techInsights.factRetrievers.runtimeModeFactRetriever.cadence`), as every
 * Tech Insights retriever needs.
 *
 * @public
 */
export const techInsightsModuleRuntimeModeFacts = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'runtime-mode-facts',
  register(env) {
    env.registerInit({
      deps: { providers: techInsightsFactRetrieversExtensionPoint },
      async init({ providers }) {
        providers.addFactRetrievers({
          [RUNTIME_MODE_FACT_RETRIEVER_ID]: runtimeModeFactRetriever,
        });
      },
    });
  },
});
