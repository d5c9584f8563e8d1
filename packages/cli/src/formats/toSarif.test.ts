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

import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULE_CATALOG } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { evaluateExample } from './testEvaluation';
import { toSarif } from './toSarif';

const schema = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, 'schemas/sarif-2.1.0-rtm.5.json'),
    'utf8',
  ),
);

/** Ajv over the vendored SARIF 2.1.0 schema (draft-04), formats checked. */
function sarifValidator() {
  // The schema's `language` pattern has a stray `]` that only non-Unicode
  // regular expressions (what draft-04 validators used) accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('toSarif', () => {
  const validate = sarifValidator();

  it('produces a log that the SARIF 2.1.0 schema accepts', () => {
    const log = toSarif(evaluateExample({ waive: 'api-removed' }), {
      toolVersion: '1.2.3',
      entityFile: 'catalog-info.yaml',
    });
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.version).toBe('2.1.0');
  });

  it('is checked by a validator that rejects what the schema forbids', () => {
    const log = toSarif(evaluateExample(), { toolVersion: '1.2.3' });
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'critical';
    broken.runs[0].tool.driver.rules[0].helpUri = 'not a uri';
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map(e => e.instancePath)).toEqual(
      expect.arrayContaining([
        '/runs/0/results/0/level',
        '/runs/0/tool/driver/rules/0/helpUri',
      ]),
    );
  });

  it('has one rule per catalog rule, with its docs link and default level', () => {
    const { rules } = toSarif(evaluateExample(), { toolVersion: '1.2.3' })
      .runs[0].tool.driver;
    expect(rules?.map(r => r.id)).toEqual(RULE_CATALOG.map(r => r.id));
    const removed = rules?.find(r => r.id === 'api-removed');
    expect(removed).toMatchObject({
      name: 'ApiRemoved',
      shortDescription: { text: 'API removed at the target version' },
      helpUri: RULE_CATALOG.find(r => r.id === 'api-removed')?.docsUrl,
      defaultConfiguration: { level: 'error' },
    });
  });

  it('has one result per finding at its file and line, with the level of its severity', () => {
    const result = evaluateExample();
    const log = toSarif(result, { toolVersion: '1.2.3' });
    const results = log.runs[0].results!;
    expect(results).toHaveLength(result.findings.length);
    const rules = log.runs[0].tool.driver.rules!;
    for (const r of results) {
      expect(rules[r.ruleIndex!].id).toBe(r.ruleId);
    }
    const byRule = (id: string) => results.find(r => r.ruleId === id)!;
    expect(byRule('api-removed')).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'deploy/app.yaml' },
            region: { startLine: 1 },
          },
        },
      ],
      properties: { apiVersion: 'policy/v1beta1', removedIn: 'v1.25.0' },
    });
    expect(byRule('api-deprecated')).toMatchObject({
      level: 'warning',
      locations: [{ physicalLocation: { region: { startLine: 6 } } }],
    });
    expect(byRule('manifest-parse-error').locations).toEqual([
      expect.objectContaining({
        physicalLocation: expect.objectContaining({
          artifactLocation: {
            uri: 'deploy/broken.yaml',
            uriBaseId: '%SRCROOT%',
          },
        }),
      }),
    ]);
    expect(byRule('mode-unknown').level).toBe('note');
  });

  it('points findings about the component at the entity file, or nowhere without one', () => {
    const result = evaluateExample();
    const withEntity = toSarif(result, {
      toolVersion: '1.2.3',
      entityFile: 'catalog/catalog-info.yaml',
    }).runs[0].results!.find(r => r.ruleId === 'mode-unknown')!;
    expect(withEntity.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: {
            uri: 'catalog/catalog-info.yaml',
            uriBaseId: '%SRCROOT%',
          },
        },
      },
    ]);
    const without = toSarif(result, {
      toolVersion: '1.2.3',
    }).runs[0].results!.find(r => r.ruleId === 'mode-unknown')!;
    expect(without.locations).toBeUndefined();
  });

  it('reports a waived finding as an accepted external suppression', () => {
    const log = toSarif(evaluateExample({ waive: 'api-removed' }), {
      toolVersion: '1.2.3',
    });
    const removed = log.runs[0].results!.find(r => r.ruleId === 'api-removed')!;
    expect(removed.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Waived until 2099-01-01: frozen legacy cluster',
      },
    ]);
    const deprecated = log.runs[0].results!.find(
      r => r.ruleId === 'api-deprecated',
    )!;
    expect(deprecated.suppressions).toBeUndefined();
  });
});
