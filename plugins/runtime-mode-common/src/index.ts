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
 * Types, knowledge base and the pure evaluation engine shared by the Runtime
 * Mode CLI, backend and frontend. Isomorphic: no Node.js APIs.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './annotations';
export * from './labels';
export * from './api';
export * from './permissions';
export { evaluate } from './engine/evaluate';
export { readRuntimeModeConfig } from './engine/readRuntimeModeConfig';
export {
  RuntimeModeConfigError,
  RuntimeModeTargetError,
} from './engine/errors';
export {
  evaluateApiCompatibility,
  type ApiCompatibilityOptions,
} from './engine/evaluateApiCompatibility';
export {
  RULE_CATALOG,
  RULE_SET_VERSION,
  type RuleId,
} from './engine/ruleCatalog';
export { makeFinding } from './engine/findings';
export { SCORING_RULE } from './engine/scoring';
export {
  DEFAULT_MODE_PROFILES,
  type ModeProfile,
  type ProfileLevel,
} from './engine/profiles';
export { resolveModeProfiles } from './engine/profileOverrides';
export { validateTargets } from './engine/targets';
export {
  compareVersions,
  parseVersion,
  type ParsedVersion,
} from './engine/versions';
export {
  parseManifestsAnnotation,
  type ManifestSource,
} from './engine/parseManifestsAnnotation';
export { KNOWLEDGE_BASE_AS_OF } from './knowledgeBase/data.generated';
export { componentLabel } from './engine/apiGroups';
export { apiComponentOf } from './engine/apiComponentOf';
export {
  KNOWLEDGE_BASE_COMPONENTS,
  NEWEST_KNOWN_KUBERNETES,
} from './knowledgeBase/knowledgeIndex';
