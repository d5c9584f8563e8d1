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

import type { Finding } from '@runtime-mode/backstage-plugin-runtime-mode-common';

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 };

/** The compact finding shape the actions return. */
export function toActionFinding(finding: Finding) {
  return {
    id: finding.id,
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    remediation: finding.remediation,
  };
}

export function worstFirst(findings: Finding[]) {
  return [...findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  );
}
