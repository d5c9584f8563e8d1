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

import type { RuleId } from '../ruleCatalog';
import { compareVersions } from '../versions';

/**
 * One reason KubeVirt would set `LiveMigratable=False` on a VMI, read from
 * its manifest: the rule that reports it, the condition reason KubeVirt
 * gives, and what the manifest says.
 * @internal
 */
export interface MigrationBlocker {
  ruleId: RuleId;
  /** The condition reason in KubeVirt (`HostDeviceNotLiveMigratable`). */
  reason: string;
  /** What is wrong, after the VM's name: `has 2 GPUs`. */
  what: string;
  /** A remediation more specific than the rule's. */
  remediation?: string;
  /**
   * `depends`: the verdict depends on something the manifests and config do
   * not state (a cluster default, the KubeVirt version, node capabilities), so
   * it is never critical.
   */
  certainty: 'known' | 'depends';
  /** Reasons that can never block a drain on their own are capped. */
  maxSeverity?: 'warning' | 'info';
}

/**
 * Whether a KubeVirt target is before a release: `true`/`false`, or
 * `undefined` when there is no target to tell.
 * @internal
 */
export function targetBefore(
  target: string | undefined,
  release: string,
): boolean | undefined {
  return target === undefined
    ? undefined
    : compareVersions(target, release) < 0;
}
