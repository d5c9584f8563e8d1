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
  ClusterConfig,
  compareVersions,
  parseVersion,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { clusterVersionOf } from '../blastRadius/clusterVersions';

/** A version a cluster could move to next, for one knowledge-base component. */
export interface NextVersion {
  component: string;
  /** The version the cluster runs today. */
  from: string;
  version: string;
  /** Whether it is the planned target (`apiPolicy.targets`). */
  planned: boolean;
}

/**
 * The versions a cluster states today, Kubernetes first, then KubeVirt,
 * then the others by name.
 */
export function statedVersions(
  cluster: ClusterConfig,
): Array<{ component: string; version: string }> {
  const others = Object.keys(cluster.versions ?? {})
    .filter(c => c !== 'k8s' && c !== 'kubevirt')
    .sort();
  return ['k8s', 'kubevirt', ...others].flatMap(component => {
    const version = clusterVersionOf(cluster, component);
    return version ? [{ component, version }] : [];
  });
}

/**
 * A cluster's next versions. Kubernetes upgrades one minor at a time, so
 * every minor after the cluster's own is a step: up to the planned target,
 * or the next minor when there is no target or the cluster already reached
 * it; never past the newest minor the knowledge base knows (what it cannot
 * judge it does not show), except the planned target itself, which an admin
 * chose. Every other component the cluster states a version of has one
 * step: its planned target, when that is ahead of the cluster.
 */
export function nextVersionsOf(
  cluster: ClusterConfig,
  targets: Readonly<Record<string, string>>,
  newestKnownKubernetes: string,
): NextVersion[] {
  const steps: NextVersion[] = [];
  for (const { component, version: from } of statedVersions(cluster)) {
    const target = targets[component];
    if (component === 'k8s') {
      steps.push(...kubernetesMinorsAfter(from, target, newestKnownKubernetes));
    } else if (target && compareVersions(target, from) > 0) {
      steps.push({ component, from, version: target, planned: true });
    }
  }
  return steps;
}

function kubernetesMinorsAfter(
  from: string,
  target: string | undefined,
  newestKnown: string,
): NextVersion[] {
  const current = parseVersion(from, { lenient: true });
  if (!current) return [];
  const planned = target ? parseVersion(target, { lenient: true }) : undefined;
  const newest = parseVersion(newestKnown, { lenient: true });
  const sameMajor = (v?: { major: number }) => v && v.major === current.major;
  const lastWanted = Math.max(
    current.minor + 1,
    planned && sameMajor(planned) ? planned.minor : 0,
  );
  const last = Math.min(
    lastWanted,
    newest && sameMajor(newest) ? newest.minor : current.minor + 1,
  );
  const steps: NextVersion[] = [];
  for (let minor = current.minor + 1; minor <= last; minor += 1) {
    const version = `${current.major}.${minor}`;
    steps.push({
      component: 'k8s',
      from,
      version,
      planned: Boolean(target && compareVersions(target, version) === 0),
    });
  }
  if (
    target &&
    compareVersions(target, steps[steps.length - 1]?.version ?? from) > 0
  ) {
    steps.push({ component: 'k8s', from, version: target, planned: true });
  }
  return steps;
}
