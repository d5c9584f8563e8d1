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

import type { Finding } from '../../types';
import { isInApiGroup } from '../apiGroups';
import { makeFinding, objectEvidence, objectLabel } from '../findings';
import type { ManifestObject } from '../readManifests';
import { compareVersions } from '../versions';
import {
  noteEvaluated,
  type ReadinessContext,
  type RuleFamilyOutcome,
} from './context';
import { get, isRecord } from './objectPaths';

// KubeVirt deprecated VirtualMachine spec.running in v1.4.0 (the VM admitter's
// warning, commit 7d538fe6); running together with runStrategy has been
// rejected as mutually exclusive since v0.18.0 (vms-admitter.go
// validateRunStrategy), for pools too (vmpool-admitter.go validates
// spec.virtualMachineTemplate.spec with ValidateVirtualMachineSpec).
const RUNNING_DEPRECATED_IN = 'v1.4.0';

/** The VirtualMachineSpec of a VM, or of a pool's VM template. */
function vmSpecOf(object: ManifestObject): Record<string, unknown> | undefined {
  const spec =
    object.kind === 'VirtualMachinePool'
      ? get(object.body, 'spec', 'virtualMachineTemplate', 'spec')
      : get(object.body, 'spec');
  return isRecord(spec) ? spec : undefined;
}

function isVmOrPool(object: ManifestObject): boolean {
  // The kind first: it rules out most objects without working out a group.
  if (object.kind === 'VirtualMachine') {
    return isInApiGroup(object.apiVersion, 'kubevirt.io');
  }
  return (
    object.kind === 'VirtualMachinePool' &&
    isInApiGroup(object.apiVersion, 'pool.kubevirt.io')
  );
}

/** spec.running: rejected beside runStrategy, deprecated from v1.4.0. */
function runningFindings(
  object: ManifestObject,
  kubevirtTarget: string | undefined,
): Finding[] {
  const spec = vmSpecOf(object);
  if (!spec || spec.running === undefined) return [];
  const where = objectEvidence(object);
  const path =
    object.kind === 'VirtualMachinePool'
      ? 'spec.virtualMachineTemplate.spec'
      : 'spec';
  if (spec.runStrategy !== undefined) {
    return [
      makeFinding(
        'api-run-strategy-conflict',
        'critical',
        `${objectLabel(
          object,
        )} sets both ${path}.running and ${path}.runStrategy: KubeVirt's admission webhook rejects them as mutually exclusive, so the object cannot be applied.`,
        // Rejected at every KubeVirt version: it cannot be applied today.
        { ...where, component: 'kubevirt', timing: 'now' },
      ),
    ];
  }
  if (
    !kubevirtTarget ||
    compareVersions(kubevirtTarget, RUNNING_DEPRECATED_IN) < 0
  ) {
    return [];
  }
  return [
    makeFinding(
      'api-deprecated-field',
      'warning',
      `${objectLabel(
        object,
      )} sets ${path}.running, deprecated since KubeVirt ${RUNNING_DEPRECATED_IN} (target ${kubevirtTarget}).`,
      {
        ...where,
        component: 'kubevirt',
        deprecatedIn: RUNNING_DEPRECATED_IN,
        replacement: `${path}.runStrategy`,
        remediation: `Replace running: true with runStrategy: Always (running: false with runStrategy: Halted) in ${path}.`,
      },
    ),
  ];
}

/** MigrationPolicy selectors are plain label maps, not LabelSelectors. */
function migrationPolicyFindings(object: ManifestObject): Finding[] {
  return ['namespaceSelector', 'virtualMachineInstanceSelector'].flatMap(
    selector => {
      const value = get(object.body, 'spec', 'selectors', selector);
      if (
        !isRecord(value) ||
        !('matchLabels' in value || 'matchExpressions' in value)
      ) {
        return [];
      }
      return [
        makeFinding(
          'live-migration-unknown-field',
          'warning',
          `${objectLabel(
            object,
          )}: spec.selectors.${selector} is a plain label map; matchLabels/matchExpressions do not exist there, so the policy selects nothing you meant it to.`,
          {
            ...objectEvidence(object),
            remediation: `Write the labels directly under spec.selectors.${selector} (key: "value").`,
          },
        ),
      ];
    },
  );
}

function isMigrationPolicy(object: ManifestObject): boolean {
  return (
    object.kind === 'MigrationPolicy' &&
    isInApiGroup(object.apiVersion, 'migrations.kubevirt.io')
  );
}

/**
 * Fields that are deprecated, rejected, or that do not exist where they are
 * written, starting with those that matter for readiness (brief: "fields that
 * do not exist in the API are flagged").
 * @internal
 */
export function checkFields(context: ReadinessContext): RuleFamilyOutcome {
  const kubevirtTarget = context.targets.kubevirt;
  const findings: Finding[] = [];
  const evaluated: string[] = [];
  const objects = context.objects;
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    if (!object.rendered) continue;
    if (isVmOrPool(object)) {
      noteEvaluated(evaluated, 'api-run-strategy-conflict');
      if (kubevirtTarget) noteEvaluated(evaluated, 'api-deprecated-field');
      findings.push(...runningFindings(object, kubevirtTarget));
    } else if (isMigrationPolicy(object)) {
      noteEvaluated(evaluated, 'live-migration-unknown-field');
      findings.push(...migrationPolicyFindings(object));
    }
  }
  return { findings, evaluated };
}
