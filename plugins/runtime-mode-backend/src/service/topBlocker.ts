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

import type {
  EvaluationResult,
  Finding,
  TopBlocker,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/** A blocker's message is cut to this many characters: the full text is on the entity's page. */
export const MAX_BLOCKER_MESSAGE_CHARS = 500;
/** A blocker's file (a path or URL) is cut to this many characters. */
const MAX_BLOCKER_FILE_CHARS = 1000;

/**
 * Lower is worse: critical before warning, and among equals an object that
 * cannot be applied today (`timing: 'now'`) before one that breaks later.
 */
function rankOf(finding: Finding): number {
  const severity = finding.severity === 'critical' ? 0 : 2;
  return severity + (finding.timing === 'now' ? 0 : 1);
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The worst open concern of a result: its worst unwaived critical or warning
 * finding (informational ones block nothing). Among equals the engine's
 * order wins (by file, then line). Null when there is none.
 */
export function topBlockerOf(result: EvaluationResult): TopBlocker | null {
  let worst: Finding | undefined;
  for (const finding of result.findings) {
    if (finding.waived || finding.severity === 'info') continue;
    if (!worst || rankOf(finding) < rankOf(worst)) worst = finding;
  }
  if (!worst) return null;
  return {
    ruleId: worst.id,
    message: cut(worst.message, MAX_BLOCKER_MESSAGE_CHARS),
    ...(worst.file ? { file: cut(worst.file, MAX_BLOCKER_FILE_CHARS) } : {}),
    ...(worst.line !== undefined ? { line: worst.line } : {}),
  };
}
