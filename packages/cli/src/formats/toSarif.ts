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

import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import {
  RULE_CATALOG,
  type EvaluationResult,
  type Finding,
  type Severity,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { CLI_HOMEPAGE, CLI_NAME } from '../cliInfo';

/** The schema GitHub code scanning and most SARIF consumers validate against. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Record<Severity, Result.level> = {
  critical: 'error',
  warning: 'warning',
  info: 'note',
};

export interface SarifOptions {
  /** Version of the CLI, for `tool.driver.version`. */
  toolVersion: string;
  /**
   * The `--entity` file relative to the working directory: findings about
   * the component rather than a manifest (declared mode, waivers) point at it.
   */
  entityFile?: string;
}

/** `api-removed` → `ApiRemoved`: SARIF's readable rule name. */
function ruleName(id: string): string {
  return id
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function toRule(rule: (typeof RULE_CATALOG)[number]): ReportingDescriptor {
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    ...(rule.docsUrl
      ? {
          helpUri: rule.docsUrl,
          help: { text: `${rule.description} See ${rule.docsUrl}` },
        }
      : {}),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { category: rule.category, tags: [rule.category] },
  };
}

function toLocation(file: string, line?: number): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      ...(line ? { region: { startLine: line } } : {}),
    },
  };
}

function toResult(
  finding: Finding,
  ruleIndex: Map<string, number>,
  options: SarifOptions,
): Result {
  const file = finding.file ?? options.entityFile;
  const index = ruleIndex.get(finding.id);
  const details = {
    category: finding.category,
    severity: finding.severity,
    apiVersion: finding.apiVersion,
    kind: finding.kind,
    name: finding.name,
    component: finding.component,
    deprecatedIn: finding.deprecatedIn,
    removedIn: finding.removedIn,
    replacement: finding.replacement,
    remediation: finding.remediation,
  };
  return {
    ruleId: finding.id,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    ...(file
      ? {
          locations: [
            toLocation(file, finding.file ? finding.line : undefined),
          ],
        }
      : {}),
    ...(finding.waived && finding.waiver
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `Waived until ${finding.waiver.until}: ${finding.waiver.reason}`,
            },
          ],
        }
      : {}),
    properties: Object.fromEntries(
      Object.entries(details).filter(([, value]) => value !== undefined),
    ),
  };
}

/**
 * The evaluation as a SARIF 2.1.0 log: one rule per rule of the catalog
 * (with its documentation link), one result per finding at its file and
 * line, so code-scanning UIs annotate the manifest lines.
 */
export function toSarif(result: EvaluationResult, options: SarifOptions): Log {
  const ruleIndex = new Map(RULE_CATALOG.map((rule, i) => [rule.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: CLI_NAME,
            informationUri: CLI_HOMEPAGE,
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules: RULE_CATALOG.map(toRule),
          },
        },
        results: result.findings.map(f => toResult(f, ruleIndex, options)),
        properties: {
          ruleSetVersion: result.ruleSetVersion,
          knowledgeBaseAsOf: result.knowledgeBaseAsOf,
          targets: result.targets,
          notJudged: result.notJudged,
          mode: result.mode.value,
          readiness: {
            targetMode: result.readiness.targetMode,
            level: result.readiness.level,
            score: result.readiness.score,
          },
        },
      },
    ],
  };
}
