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

import { XMLBuilder } from 'fast-xml-parser';
import type {
  EvaluationResult,
  Finding,
  ManifestObjectRef,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { CLI_NAME } from '../cliInfo';

/** A test case before it becomes XML: what it is about and its findings. */
interface Case {
  suite: string;
  name: string;
  file?: string;
  line?: number;
  findings: Finding[];
}

/** Findings that fail a test case: open warnings and criticals. */
function isFailure(finding: Finding): boolean {
  return !finding.waived && finding.severity !== 'info';
}

function describeObject(object: ManifestObjectRef): string {
  const name = object.name ? ` ${object.name}` : '';
  return `${object.kind}${name} (${object.apiVersion}) at line ${object.line}`;
}

function describeFinding(finding: Finding): string {
  const where = finding.file
    ? ` ${finding.file}${finding.line ? `:${finding.line}` : ''}`
    : '';
  const state = finding.waived
    ? ` [waived until ${finding.waiver?.until}: ${finding.waiver?.reason}]`
    : '';
  const docs = finding.docsUrl ? ` (${finding.docsUrl})` : '';
  return `${finding.severity.toUpperCase()} ${finding.id}${where}: ${
    finding.message
  }${state}${docs}`;
}

/**
 * The object a finding is about: the last object of its file that starts at
 * or before the finding's line (a finding on a field lies inside its object).
 */
function objectOf(
  finding: Finding,
  objectsByFile: Map<string, ManifestObjectRef[]>,
): ManifestObjectRef | undefined {
  if (!finding.file) return undefined;
  const candidates = objectsByFile.get(finding.file) ?? [];
  if (finding.line === undefined) {
    return candidates.find(
      o => o.kind === finding.kind && o.name === finding.name,
    );
  }
  return candidates.filter(o => o.line <= finding.line!).pop();
}

/** One case per object, plus one per file or run for findings outside any object. */
function collectCases(result: EvaluationResult): Case[] {
  const objectsByFile = new Map<string, ManifestObjectRef[]>();
  const cases = new Map<string, Case>();
  for (const object of result.objects) {
    const list = objectsByFile.get(object.file) ?? [];
    list.push(object);
    objectsByFile.set(object.file, list);
    cases.set(`${object.file}#${object.line}`, {
      suite: object.file,
      name: describeObject(object),
      file: object.file,
      line: object.line,
      findings: [],
    });
  }
  for (const list of objectsByFile.values())
    list.sort((a, b) => a.line - b.line);

  for (const finding of result.findings) {
    const object = objectOf(finding, objectsByFile);
    let key: string;
    if (object) {
      key = `${object.file}#${object.line}`;
    } else if (finding.file) {
      key = `${finding.file}#file`;
      if (!cases.has(key)) {
        cases.set(key, {
          suite: finding.file,
          name: `${finding.file} (the file as a whole)`,
          file: finding.file,
          findings: [],
        });
      }
    } else {
      key = '#component';
      if (!cases.has(key)) {
        cases.set(key, {
          suite: 'component',
          name: 'the component (mode, requirements, waivers)',
          findings: [],
        });
      }
    }
    cases.get(key)!.findings.push(finding);
  }
  return [...cases.values()];
}

function toTestcase(testCase: Case) {
  const failures = testCase.findings.filter(isFailure);
  const others = testCase.findings.filter(f => !isFailure(f));
  const worst = failures.find(f => f.severity === 'critical') ?? failures[0];
  return {
    '@_classname': testCase.suite,
    '@_name': testCase.name,
    ...(testCase.file ? { '@_file': testCase.file } : {}),
    ...(testCase.line ? { '@_line': testCase.line } : {}),
    ...(worst
      ? {
          failure: {
            '@_message':
              failures.length > 1
                ? `${worst.message} (+${failures.length - 1} more)`
                : worst.message,
            '@_type': worst.severity,
            '#text': failures.map(describeFinding).join('\n'),
          },
        }
      : {}),
    ...(others.length > 0
      ? { 'system-out': others.map(describeFinding).join('\n') }
      : {}),
  };
}

/**
 * The evaluation as JUnit XML for Jenkins and GitLab: a test suite per
 * manifest file, a test case per object, and a failure on each case that has
 * an open warning or critical finding (info and waived findings go to the
 * case's output).
 */
export function toJunit(result: EvaluationResult): string {
  const cases = collectCases(result);
  const suites = new Map<string, Case[]>();
  for (const testCase of cases) {
    suites.set(testCase.suite, [
      ...(suites.get(testCase.suite) ?? []),
      testCase,
    ]);
  }
  const failed = (list: Case[]) =>
    list.filter(c => c.findings.some(isFailure)).length;
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': CLI_NAME,
      '@_tests': cases.length,
      '@_failures': failed(cases),
      '@_errors': 0,
      testsuite: [...suites].map(([name, list]) => ({
        '@_name': name,
        '@_tests': list.length,
        '@_failures': failed(list),
        '@_errors': 0,
        '@_skipped': 0,
        properties: {
          property: [
            { '@_name': 'ruleSetVersion', '@_value': result.ruleSetVersion },
            {
              '@_name': 'knowledgeBaseAsOf',
              '@_value': result.knowledgeBaseAsOf,
            },
            {
              '@_name': 'targets',
              '@_value': result.targets
                .map(t => `${t.component} ${t.version}`)
                .join(', '),
            },
          ],
        },
        testcase: list.map(toTestcase),
      })),
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    suppressEmptyNode: true,
  });
  return builder.build(document);
}
