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

import { evaluateExample } from './formats/testEvaluation';
import {
  DEFAULT_REPORT_POLICY,
  exitCodeFor,
  ReportPolicy,
  selectReportedFindings,
} from './reportPolicy';

function exitCode(
  policy: Partial<ReportPolicy>,
  options: Parameters<typeof evaluateExample>[0] = {},
) {
  const full = { ...DEFAULT_REPORT_POLICY, ...policy };
  return exitCodeFor(
    selectReportedFindings(evaluateExample(options), full),
    full,
  );
}

// evaluateExample: a removed API (critical), a deprecated API and a parse
// error (warnings) and an unknown mode (info).
describe('exit codes', () => {
  it('keeps 3 for critical, 2 for warning and 0 otherwise by default', () => {
    expect(exitCode({})).toBe(3);
    expect(exitCode({}, { waive: 'api-removed' })).toBe(2);
  });

  it('--fail-on critical ignores warnings; --fail-on never always exits 0', () => {
    expect(exitCode({ failOn: 'critical' })).toBe(3);
    expect(exitCode({ failOn: 'critical' }, { waive: 'api-removed' })).toBe(0);
    expect(exitCode({ failOn: 'never' })).toBe(0);
  });

  it('--fail-on info makes an info finding exit 2', () => {
    const infoOnly = { ...DEFAULT_REPORT_POLICY, failOn: 'info' as const };
    const result = evaluateExample();
    const onlyInfo = {
      ...result,
      findings: result.findings.filter(f => f.severity === 'info'),
    };
    expect(onlyInfo.findings.length).toBeGreaterThan(0);
    expect(exitCodeFor(onlyInfo, infoOnly)).toBe(2);
    expect(exitCodeFor(onlyInfo, DEFAULT_REPORT_POLICY)).toBe(0);
  });

  it('--ignore-removals and --ignore-deprecations take those APIs out of the exit code only', () => {
    expect(exitCode({ ignoreRemovals: true })).toBe(2);
    const policy = {
      ...DEFAULT_REPORT_POLICY,
      ignoreRemovals: true,
      ignoreDeprecations: true,
    };
    const result = evaluateExample();
    const apiOnly = {
      ...result,
      findings: result.findings.filter(f => f.id.startsWith('api-')),
    };
    expect(exitCodeFor(apiOnly, policy)).toBe(0);
    // The parse error still counts: the switches are about API versions.
    expect(exitCodeFor(result, policy)).toBe(2);
    expect(selectReportedFindings(result, policy)).toBe(result);
  });

  it('--only-show-removed reports and judges removed APIs only', () => {
    const policy = { ...DEFAULT_REPORT_POLICY, onlyShowRemoved: true };
    const reported = selectReportedFindings(evaluateExample(), policy);
    expect(reported.findings.map(f => f.id)).toEqual(['api-removed']);
    expect(exitCodeFor(reported, policy)).toBe(3);
    expect(exitCode({ onlyShowRemoved: true }, { waive: 'api-removed' })).toBe(
      0,
    );
  });
});
