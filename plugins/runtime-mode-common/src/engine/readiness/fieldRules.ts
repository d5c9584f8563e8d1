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
import { apiGroupOf } from '../apiGroups';
import { makeFinding, objectEvidence, objectLabel } from '../findings';
import { compareVersions } from '../versions';
import type { ReadinessContext } from './context';
import { get, isRecord } from './objectPaths';

// KubeVirt deprecated VirtualMachine spec.running in v1.4.0 (webhook warning;
// running and runStrategy are mutually exclusive).
const RUNNING_DEPRECATED_IN = 'v1.4.0';

/**
 * Fields that are deprecated, or that do not exist where they are written,
 * starting with those that matter for readiness (brief: "fields that do not
 * exist in the API are flagged").
 * @internal
 */
export function checkFields(context: ReadinessContext): Finding[] {
  const findings: Finding[] = [];
  const kubevirtTarget = context.targets.kubevirt;
  for (const object of context.objects) {
    if (!object.rendered) continue;
    if (object.kind !== 'VirtualMachine' && object.kind !== 'MigrationPolicy') {
      continue;
    }
    const group = apiGroupOf(object.apiVersion);
    const where = objectEvidence(object);
    const label = objectLabel(object);

    if (
      group === 'kubevirt.io' &&
      object.kind === 'VirtualMachine' &&
      get(object.body, 'spec', 'running') !== undefined &&
      kubevirtTarget &&
      compareVersions(kubevirtTarget, RUNNING_DEPRECATED_IN) >= 0
    ) {
      findings.push(
        makeFinding(
          'api-deprecated-field',
          'warning',
          `${label} sets spec.running, deprecated since KubeVirt ${RUNNING_DEPRECATED_IN} (target ${kubevirtTarget}); use spec.runStrategy.`,
          {
            ...where,
            component: 'kubevirt',
            deprecatedIn: RUNNING_DEPRECATED_IN,
            replacement: 'spec.runStrategy',
            remediation:
              'Replace running: true with runStrategy: Always (running: false with runStrategy: Halted).',
          },
        ),
      );
    }

    if (
      group === 'migrations.kubevirt.io' &&
      object.kind === 'MigrationPolicy'
    ) {
      for (const selector of [
        'namespaceSelector',
        'virtualMachineInstanceSelector',
      ]) {
        const value = get(object.body, 'spec', 'selectors', selector);
        if (
          isRecord(value) &&
          ('matchLabels' in value || 'matchExpressions' in value)
        ) {
          findings.push(
            makeFinding(
              'live-migration-unknown-field',
              'warning',
              `${label}: spec.selectors.${selector} is a plain label map; matchLabels/matchExpressions do not exist there, so the policy selects nothing you meant it to.`,
              {
                ...where,
                remediation: `Write the labels directly under spec.selectors.${selector} (key: "value").`,
              },
            ),
          );
        }
      }
    }
  }
  return findings;
}
