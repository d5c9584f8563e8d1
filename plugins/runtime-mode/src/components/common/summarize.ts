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

import type { EvaluationResult } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { MODE_LABELS, labelOf } from './labels';
import { compareFindings } from './SeverityLabel';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The most severe open concern that says what to do. */
function firstStep(result: EvaluationResult) {
  return result.findings
    .filter(f => !f.waived && f.severity !== 'info')
    .sort(compareFindings)
    .find(f => f.remediation);
}

/**
 * Which object and file the next step is about: "Use batch/v1" alone does
 * not say where. Undefined when the step is not about one object.
 */
export function nextStepWhere(
  result: EvaluationResult,
  options: { withFile?: boolean } = {},
): string | undefined {
  const first = firstStep(result);
  if (!first) return undefined;
  const object = [first.kind, first.name].filter(Boolean).join(' ');
  // The card keeps it short; the tab lists files for every concern anyway.
  if (object && options.withFile === false) return object;
  const file = first.file
    ? `${first.file}${first.line ? `:${first.line}` : ''}`
    : '';
  return [object, file].filter(Boolean).join(', ') || undefined;
}

/**
 * The verdict as sentences a newcomer reads without a legend: what it runs
 * on, whether it can move, and the first thing to do.
 */
export function summarize(result: EvaluationResult): {
  runsOn: string;
  readiness: string;
  next?: string;
} {
  const { mode, readiness } = result;
  const runsOn =
    mode.value === 'unknown'
      ? 'Runtime mode unknown: no manifest, cluster or annotation tells.'
      : `Runs on ${labelOf(MODE_LABELS, mode.value)}${
          mode.conflict ? ', but the evidence conflicts' : ''
        }.`;

  const open = result.findings
    .filter(f => !f.waived && f.severity !== 'info')
    .sort(compareFindings);
  const critical = open.filter(f => f.severity === 'critical').length;
  const warnings = open.length - critical;
  const target = readiness.targetMode;
  const where =
    target && target === mode.value
      ? `to stay on ${labelOf(MODE_LABELS, target)}`
      : `to move to ${labelOf(MODE_LABELS, target)}`;

  let sentence: string;
  if (!target) {
    sentence = 'No target mode, so readiness is not judged.';
  } else if (readiness.level === 'blocked') {
    sentence = `Blocked ${where}: ${plural(critical, 'critical concern')}${
      warnings ? ` and ${plural(warnings, 'warning')}` : ''
    }.`;
  } else if (readiness.level === 'ready-with-warnings') {
    sentence = `Ready ${where}, with ${plural(
      warnings,
      'warning',
    )} to fix first.`;
  } else if (readiness.level === 'ready') {
    sentence = `Ready ${where}.`;
  } else {
    sentence = `Readiness ${where} is unknown: not enough evidence to judge.`;
  }
  const first = firstStep(result);
  return {
    runsOn,
    readiness: sentence,
    next: first?.remediation,
  };
}
