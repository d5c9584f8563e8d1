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

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { evaluateExample } from './testEvaluation';
import { toJunit } from './toJunit';

/** The report parsed back, with every repeatable element as an array. */
function parseJunit(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    isArray: name => ['testsuite', 'testcase', 'property'].includes(name),
  });
  return parser.parse(xml).testsuites;
}

describe('toJunit', () => {
  it('writes well-formed XML with the testsuites > testsuite > testcase shape', () => {
    const xml = toJunit(evaluateExample());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const suites = parseJunit(xml);
    expect(suites.name).toBe('runtime-mode');
    for (const suite of suites.testsuite) {
      expect(Object.keys(suite)).toEqual(
        expect.arrayContaining(['name', 'tests', 'failures', 'testcase']),
      );
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      for (const testCase of suite.testcase) {
        expect(typeof testCase.name).toBe('string');
        expect(testCase.classname).toBe(suite.name);
        expect(Object.keys(testCase)).not.toContain('error');
      }
    }
  });

  it('has one test case per object, in a suite per manifest file', () => {
    const result = evaluateExample();
    const suites = parseJunit(toJunit(result)).testsuite;
    const app = suites.find((s: any) => s.name === 'deploy/app.yaml');
    expect(app.testcase.map((c: any) => c.name)).toEqual([
      'PodDisruptionBudget web (policy/v1beta1) at line 1',
      'FlowSchema fair <&> share (flowcontrol.apiserver.k8s.io/v1beta3) at line 6',
      'ConfigMap settings (v1) at line 11',
    ]);
    expect(app.testcase.map((c: any) => c.line)).toEqual(['1', '6', '11']);
    expect(result.objects).toHaveLength(3);
  });

  it('fails the objects with a warning or critical finding, and only those', () => {
    const suites = parseJunit(toJunit(evaluateExample()));
    const app = suites.testsuite.find((s: any) => s.name === 'deploy/app.yaml');
    const [pdb, flowSchema, configMap] = app.testcase;
    expect(pdb.failure).toMatchObject({ type: 'critical' });
    expect(pdb.failure.message).toContain('policy/v1beta1');
    expect(pdb.failure['#text']).toContain(
      'CRITICAL api-removed deploy/app.yaml:1',
    );
    expect(flowSchema.failure).toMatchObject({ type: 'warning' });
    expect(configMap.failure).toBeUndefined();
    expect(app.failures).toBe('2');
  });

  it('gives findings outside any object their own case: the file, or the component', () => {
    const suites = parseJunit(toJunit(evaluateExample())).testsuite;
    const broken = suites.find((s: any) => s.name === 'deploy/broken.yaml');
    expect(broken.testcase).toHaveLength(1);
    expect(broken.testcase[0].failure.type).toBe('warning');
    const component = suites.find((s: any) => s.name === 'component');
    // mode-unknown is info: reported in the output, not a failure.
    expect(component.testcase[0].failure).toBeUndefined();
    expect(component.testcase[0]['system-out']).toContain('INFO mode-unknown');
  });

  it('does not fail an object whose only concern is waived, and says so', () => {
    const suites = parseJunit(
      toJunit(evaluateExample({ waive: 'api-removed' })),
    );
    const app = suites.testsuite.find((s: any) => s.name === 'deploy/app.yaml');
    expect(app.testcase[0].failure).toBeUndefined();
    expect(app.testcase[0]['system-out']).toContain(
      '[waived until 2099-01-01: frozen legacy cluster]',
    );
    expect(Number(suites.failures)).toBe(
      suites.testsuite.reduce((n: number, s: any) => n + Number(s.failures), 0),
    );
    expect(Number(suites.tests)).toBe(
      suites.testsuite.reduce((n: number, s: any) => n + s.testcase.length, 0),
    );
  });
});
