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

import type { Finding, IsolationLevel } from '../../types';
import { makeFinding } from '../findings';
import {
  NOTHING_JUDGED,
  type ReadinessContext,
  type RuleFamilyOutcome,
} from './context';

const RANK: Record<IsolationLevel, number> = { weak: 0, medium: 1, strong: 2 };

/** Isolation the target mode gives vs the component's requirement (seed §5.1). @internal */
export function checkIsolation(context: ReadinessContext): RuleFamilyOutcome {
  const { requirements, targetMode, profiles } = context;
  if (!targetMode || !requirements.isolation) {
    return NOTHING_JUDGED;
  }
  const profile = profiles[targetMode];
  const gap = RANK[requirements.isolation] - RANK[profile.isolation];
  const findings =
    gap <= 0
      ? []
      : [
          makeFinding(
            'isolation-requirement-unmet',
            gap >= 2 ? 'critical' : 'warning',
            `The component requires ${requirements.isolation} isolation; ${targetMode} gives ${profile.isolationNote}.`,
          ),
        ];
  return { findings, evaluated: ['isolation-requirement-unmet'] };
}

/** Overhead budget and latency sensitivity vs the target mode. @internal */
export function checkPerformance(context: ReadinessContext): RuleFamilyOutcome {
  const { requirements, targetMode, profiles } = context;
  if (!targetMode) return NOTHING_JUDGED;
  const profile = profiles[targetMode];
  const { min, max } = profile.performanceOverhead;
  const findings: Finding[] = [];
  const budget = requirements.maxOverheadPercent;
  if (budget !== undefined && max > budget) {
    findings.push(
      makeFinding(
        'performance-overhead-budget',
        min > budget ? 'critical' : 'warning',
        `${targetMode} costs ${
          min === max ? `${min}%` : `${min}-${max}%`
        } performance overhead; the component allows at most ${budget}%.`,
      ),
    );
  }
  if (requirements.latencySensitive && max > 0) {
    findings.push(
      makeFinding(
        'performance-latency-sensitive',
        'warning',
        `The component is latency-sensitive; ${targetMode} puts a virtualization layer (${profile.virtualizationLayer}) on its data path (up to ${max}% overhead).`,
        {
          remediation:
            'Use dedicated CPUs, hugepages and SR-IOV/passt networking for the VM, or keep the workload on bare-metal containers.',
        },
      ),
    );
  }
  return {
    findings,
    evaluated: [
      ...(budget !== undefined ? ['performance-overhead-budget'] : []),
      ...(requirements.latencySensitive
        ? ['performance-latency-sensitive']
        : []),
    ],
  };
}
