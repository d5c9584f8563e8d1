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

import { RUNTIME_MODE_ANNOTATIONS } from '../annotations';
import type {
  FitDimension,
  FitValue,
  FitVerdict,
  Finding,
  IsolationLevel,
  ModeValue,
  Requirements,
  RuntimeModeId,
} from '../types';
import { RUNTIME_MODES } from '../types';
import { makeFinding } from './findings';
import type { ModeProfile } from './profiles';

const ISOLATION_RANK: Record<IsolationLevel, number> = {
  weak: 0,
  medium: 1,
  strong: 2,
};

const FIT_POINTS: Record<FitValue, number> = {
  fit: 1,
  partial: 0.5,
  unfit: 0,
  unknown: 0,
};

// Workload profiles named in the seed's "typical use" row, by keyword.
const WORKLOAD_PROFILE_MODES: Array<[RegExp, RuntimeModeId[]]> = [
  [/cloud[- ]?native|microservice|stateless|web/i, ['bare-metal-container']],
  [/enterprise|legacy|hybrid|traditional|vm/i, ['virtualized-container']],
  [/nfv|telco|hpc|high[- ]performance/i, ['container-virtualization']],
];

/** Reads the requirement annotations; bad values become findings. @internal */
export function readRequirements(annotations: Record<string, string>): {
  requirements: Requirements;
  findings: Finding[];
} {
  const requirements: Requirements = {};
  const findings: Finding[] = [];
  const bad = (key: string, value: string, expected: string) =>
    findings.push(
      makeFinding(
        'annotation-invalid',
        'warning',
        `Annotation ${key}: "${value}" ignored; expected ${expected}`,
        { remediation: `Set ${key} to ${expected}.` },
      ),
    );
  const isolation = annotations[RUNTIME_MODE_ANNOTATIONS.isolation];
  if (isolation !== undefined) {
    const value = isolation.trim().toLowerCase();
    if (value in ISOLATION_RANK)
      requirements.isolation = value as IsolationLevel;
    else
      bad(
        RUNTIME_MODE_ANNOTATIONS.isolation,
        isolation,
        'strong, medium or weak',
      );
  }
  const latency = annotations[RUNTIME_MODE_ANNOTATIONS.latencySensitive];
  if (latency !== undefined) {
    const value = latency.trim().toLowerCase();
    if (value === 'true' || value === 'false')
      requirements.latencySensitive = value === 'true';
    else
      bad(RUNTIME_MODE_ANNOTATIONS.latencySensitive, latency, 'true or false');
  }
  const overhead = annotations[RUNTIME_MODE_ANNOTATIONS.maxOverhead];
  if (overhead !== undefined) {
    const match = overhead.trim().match(/^(\d+(?:\.\d+)?)\s*%?$/);
    if (match) requirements.maxOverheadPercent = Number(match[1]);
    else
      bad(
        RUNTIME_MODE_ANNOTATIONS.maxOverhead,
        overhead,
        'a percentage such as 5%',
      );
  }
  const profile = annotations[RUNTIME_MODE_ANNOTATIONS.workloadProfile];
  if (profile !== undefined && profile.trim() !== '') {
    requirements.workloadProfile = profile.trim();
  }
  return { requirements, findings };
}

type ModeCells = FitDimension['modes'];

function cells(
  fn: (mode: RuntimeModeId) => { value: string; fit: FitValue; reason: string },
): ModeCells {
  const result = {} as ModeCells;
  for (const mode of RUNTIME_MODES) result[mode] = fn(mode);
  return result;
}

function fitByGap(gap: number): FitValue {
  if (gap <= 0) return 'fit';
  return gap === 1 ? 'partial' : 'unfit';
}

function overheadText(profile: ModeProfile): string {
  const { min, max } = profile.performanceOverhead;
  return min === max ? `${min}%` : `${min}-${max}%`;
}

/**
 * Scores the component's requirements against the three comparison
 * profiles: per dimension fit (1), partial (0.5) or unfit (0), averaged
 * into 0-100 per mode. Null scores when the component states no requirement.
 * @internal
 */
export function evaluateFit(
  requirements: Requirements,
  profiles: Record<RuntimeModeId, ModeProfile>,
  currentMode: ModeValue,
): FitVerdict {
  const dimensions: FitDimension[] = [];

  if (requirements.isolation) {
    const needed = ISOLATION_RANK[requirements.isolation];
    dimensions.push({
      dimension: 'isolation',
      label: 'Isolation',
      requirement: `${requirements.isolation} isolation`,
      modes: cells(mode => {
        const has = ISOLATION_RANK[profiles[mode].isolation];
        const gap = needed - has;
        return {
          value: profiles[mode].isolationNote,
          fit: fitByGap(gap),
          reason:
            gap <= 0
              ? `${profiles[mode].isolation} isolation meets ${requirements.isolation}`
              : `${profiles[mode].isolation} isolation is ${gap} level(s) below ${requirements.isolation}`,
        };
      }),
    });
  }

  if (requirements.maxOverheadPercent !== undefined) {
    const budget = requirements.maxOverheadPercent;
    dimensions.push({
      dimension: 'performanceOverhead',
      label: 'Performance overhead',
      requirement: `at most ${budget}%`,
      modes: cells(mode => {
        const { min, max } = profiles[mode].performanceOverhead;
        const text = overheadText(profiles[mode]);
        if (max <= budget) {
          return {
            value: text,
            fit: 'fit',
            reason: `${text} stays within ${budget}%`,
          };
        }
        if (min <= budget) {
          return {
            value: text,
            fit: 'partial',
            reason: `${text} may exceed ${budget}%`,
          };
        }
        return {
          value: text,
          fit: 'unfit',
          reason: `${text} exceeds ${budget}%`,
        };
      }),
    });
  }

  if (requirements.latencySensitive !== undefined) {
    const sensitive = requirements.latencySensitive;
    dimensions.push({
      dimension: 'latency',
      label: 'Latency sensitivity',
      requirement: sensitive ? 'latency-sensitive' : 'not latency-sensitive',
      modes: cells(mode => {
        const { max } = profiles[mode].performanceOverhead;
        const layer = profiles[mode].virtualizationLayer;
        if (!sensitive) {
          return {
            value: layer,
            fit: 'fit',
            reason: 'no latency requirement to meet',
          };
        }
        if (max === 0) {
          return {
            value: layer,
            fit: 'fit',
            reason: 'no virtualization layer on the data path',
          };
        }
        // Up to 10% is tolerable with tuning (dedicated CPUs, hugepages); beyond is not.
        return {
          value: layer,
          fit: max <= 10 ? 'partial' : 'unfit',
          reason: `virtualization layer (${layer}) adds up to ${max}% on every request`,
        };
      }),
    });
  }

  if (requirements.workloadProfile) {
    const profileText = requirements.workloadProfile;
    const matched = WORKLOAD_PROFILE_MODES.find(([pattern]) =>
      pattern.test(profileText),
    );
    dimensions.push({
      dimension: 'typicalUse',
      label: 'Typical use',
      requirement: profileText,
      modes: cells(mode => {
        if (!matched) {
          return {
            value: profiles[mode].typicalUse,
            fit: 'unknown',
            reason: `"${profileText}" matches no typical use of the comparison`,
          };
        }
        const fits = matched[1].includes(mode);
        return {
          value: profiles[mode].typicalUse,
          fit: fits ? 'fit' : 'partial',
          reason: fits
            ? `typical use of this mode is ${profiles[mode].typicalUse}`
            : `this mode is typically used for ${profiles[mode].typicalUse}, not ${profileText}`,
        };
      }),
    });
  }

  if (dimensions.length === 0) {
    // No requirement stated (most components): no score and no best fit,
    // written out rather than worked out mode by mode.
    return {
      requirements,
      scores: {
        'bare-metal-container': null,
        'virtualized-container': null,
        'container-virtualization': null,
      },
      currentMode,
      currentFit: null,
      bestFit: null,
      dimensions,
    };
  }
  const scores = {} as Record<RuntimeModeId, number | null>;
  for (const mode of RUNTIME_MODES) {
    // Points of the judged dimensions, summed in order (no filtered copy).
    let judged = 0;
    let points = 0;
    for (let d = 0; d < dimensions.length; d++) {
      const fit = dimensions[d].modes[mode].fit;
      if (fit === 'unknown') continue;
      judged++;
      points += FIT_POINTS[fit];
    }
    scores[mode] = judged === 0 ? null : Math.round((points / judged) * 100);
  }
  let bestFit: RuntimeModeId | null = null;
  for (const mode of RUNTIME_MODES) {
    const score = scores[mode];
    if (score === null) continue;
    // Ties keep the current mode (no move for nothing), then the seed's order.
    const best = bestFit === null ? null : scores[bestFit];
    if (
      best === null ||
      score > best! ||
      (score === best && mode === currentMode && bestFit !== currentMode)
    ) {
      bestFit = mode;
    }
  }
  return {
    requirements,
    scores,
    currentMode,
    currentFit: currentMode === 'unknown' ? null : scores[currentMode],
    bestFit,
    dimensions,
  };
}
