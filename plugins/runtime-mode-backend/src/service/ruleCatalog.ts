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
  KNOWLEDGE_BASE_AS_OF,
  RULE_CATALOG,
  RuleCatalog,
  RULE_SET_VERSION,
  SCORING_RULE,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** GET /v1/rules: the rules in force and how the score is computed. */
export function buildRuleCatalog(): RuleCatalog {
  return {
    ruleSetVersion: RULE_SET_VERSION,
    knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    rules: [...RULE_CATALOG],
    scoring: Array.isArray(SCORING_RULE)
      ? [...SCORING_RULE]
      : [String(SCORING_RULE)],
  };
}
