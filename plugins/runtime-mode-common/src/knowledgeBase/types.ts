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

import type { DeprecationRow } from '../types';

/**
 * A knowledge-base row with its provenance (knowledge-base/api-deprecations.yaml).
 * `removedIn` is the first release that no longer serves the version.
 * @public
 */
export interface KnowledgeBaseRow extends DeprecationRow {
  confidence?: string;
  /**
   * The sources say "deprecated" but name no release of the component: the
   * row is reported as deprecated at any target version.
   */
  deprecatedWithoutVersion?: boolean;
  /** The successor's kind, when it differs (Endpoints → EndpointSlice). */
  replacementKind?: string;
  /**
   * How to move that the apiVersion alone does not say; for a row without a
   * replacement, the mechanism that takes its place.
   */
  advice?: string;
}

/** A Kubernetes minor release and its date. @public */
export interface KubernetesRelease {
  version: string;
  released: string;
  eol?: string;
  /** The date is a proposal of the release team, not a release. */
  proposed?: boolean;
}
