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

import {
  CompleteEvaluationResult,
  componentLabel,
  Finding,
  MODE_LABELS,
  READINESS_LEVEL_LABELS,
  Severity,
  UPGRADE_LEVEL_LABELS,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * The `--format json` document: the brief's shape, plus what was judged
 * against and the two answers (upgrade, migration) with the suggestion.
 */
export function toJsonOutput(result: CompleteEvaluationResult) {
  return {
    schemaVersion: result.schemaVersion,
    ruleSetVersion: result.ruleSetVersion,
    knowledgeBaseAsOf: result.knowledgeBaseAsOf,
    targets: result.targets,
    notJudged: result.notJudged,
    mode: {
      value: result.mode.value,
      source: result.mode.source,
      confidence: result.mode.confidence,
      evidence: result.mode.evidence,
    },
    readiness: {
      targetMode: result.readiness.targetMode,
      level: result.readiness.level,
      score: result.readiness.score,
    },
    upgrade: result.upgrade,
    migration: result.migration,
    suggestion: result.suggestion,
    findings: result.findings.map(f => ({
      id: f.id,
      category: f.category,
      severity: f.severity,
      message: f.message,
      file: f.file ?? null,
      line: f.line ?? null,
      apiVersion: f.apiVersion ?? null,
      kind: f.kind ?? null,
      name: f.name ?? null,
      deprecatedIn: f.deprecatedIn ?? null,
      removedIn: f.removedIn ?? null,
      replacement: f.replacement ?? null,
      component: f.component ?? null,
      waived: f.waived,
      timing: f.timing ?? null,
    })),
    objects: result.objects.map(o => ({
      file: o.file,
      line: o.line,
      apiVersion: o.apiVersion,
      kind: o.kind,
      name: o.name ?? null,
    })),
  };
}

const COLOURS: Record<Severity | 'dim' | 'bold', string> = {
  critical: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
};
const RESET = '\u001b[0m';

type Paint = (style: keyof typeof COLOURS, text: string) => string;

function upgradeLines(result: CompleteEvaluationResult, paint: Paint) {
  const { level, checks, counts, versions } = result.upgrade;
  const planned = versions
    .filter(v => v.planned !== null)
    .map(
      v =>
        `${componentLabel(v.component)} ${v.planned}${
          v.current !== null && v.current !== v.planned
            ? ` (runs ${v.current})`
            : ''
        }`,
    );
  return [
    `${paint('bold', 'Upgrade')}: ${UPGRADE_LEVEL_LABELS[level]}, ${
      checks.passing
    } of ${checks.total} judged object(s) passing${
      planned.length > 0 ? ` at ${planned.join(', ')}` : ''
    }`,
    `  ${counts.brokenNow} broken now, ${counts.breaksAtUpgrade} break at the upgrade, ${counts.deprecated} deprecated`,
  ];
}

function migrationLines(result: CompleteEvaluationResult, paint: Paint) {
  const { migration, suggestion } = result;
  if (migration) {
    return [
      `${paint('bold', 'Migration')} to ${MODE_LABELS[migration.targetMode]} (${
        migration.targetSource === 'option'
          ? '--target-mode'
          : 'target-mode annotation'
      }): ${READINESS_LEVEL_LABELS[migration.level]}, ${
        migration.checks.passing
      } of ${migration.checks.total} checks passing${
        migration.score === null ? '' : ` (score ${migration.score}/100)`
      }`,
    ];
  }
  const lines = [
    `${paint(
      'bold',
      'Migration',
    )}: no move planned (give --target-mode or runtime-mode.dev/target-mode to judge one)`,
  ];
  if (suggestion) {
    lines.push(
      `${paint('bold', 'Suggestion')}: ${
        MODE_LABELS[suggestion.mode]
      } fits the stated requirements best (fit ${
        suggestion.fitScore
      }/100); not judged`,
      ...suggestion.reasons.map(reason => `  - ${reason}`),
    );
  }
  return lines;
}

/** The readable report: the two answers, the mode and targets, then findings by category, worst first. */
export function toTable(
  result: CompleteEvaluationResult,
  colour: boolean,
): string {
  const paint: Paint = (style, text) =>
    colour ? `${COLOURS[style]}${text}${RESET}` : text;
  const lines: string[] = [
    ...upgradeLines(result, paint),
    ...migrationLines(result, paint),
  ];
  const mode = result.mode;
  lines.push(
    `${paint('bold', 'Runtime mode')}: ${MODE_LABELS[mode.value]} (${
      mode.value
    }; source: ${mode.source}, confidence: ${mode.confidence}${
      mode.conflict ? ', CONFLICT' : ''
    })`,
  );
  for (const e of mode.evidence.slice(0, 5)) {
    lines.push(
      `  - ${e.source}: ${MODE_LABELS[e.mode]}: ${e.reason}${
        e.file ? ` (${e.file}:${e.line})` : ''
      }`,
    );
  }
  if (mode.evidence.length > 5)
    lines.push(`  - ... ${mode.evidence.length - 5} more`);
  const r = result.readiness;
  lines.push(
    `${paint('bold', 'All concerns')}: ${READINESS_LEVEL_LABELS[r.level]}${
      r.score === null ? ' (no score)' : `, score ${r.score}/100`
    }`,
  );
  lines.push(
    `${paint('bold', 'Targets')}: ${
      result.targets.length > 0
        ? result.targets
            .map(t => `${t.component} ${t.version} (${t.source})`)
            .join(', ')
        : 'none given'
    }`,
  );
  if (result.notJudged.length > 0) {
    lines.push(
      `${paint(
        'bold',
        'Not judged',
      )} (no target version): ${result.notJudged.join(
        ', ',
      )}; give --target COMPONENT=VERSION`,
    );
  }
  lines.push(
    `Knowledge base as of ${result.knowledgeBaseAsOf}; rule set ${result.ruleSetVersion}; ${result.objects.length} object(s) read.`,
  );
  lines.push('');

  const byCategory = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byCategory.get(finding.category) ?? [];
    list.push(finding);
    byCategory.set(finding.category, list);
  }
  if (byCategory.size === 0) {
    lines.push('No findings.');
  }
  for (const [category, findings] of byCategory) {
    lines.push(paint('bold', `${category} (${findings.length})`));
    for (const f of findings) {
      const severity = f.severity.toUpperCase().padEnd(8);
      const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '';
      let waived = '';
      if (f.waived)
        waived = ` [WAIVED until ${f.waiver?.until}: ${f.waiver?.reason}]`;
      else if (f.waiver?.expired)
        waived = ` [waiver expired ${f.waiver.until}]`;
      lines.push(
        `  ${paint(f.waived ? 'dim' : f.severity, severity)} ${
          where ? `${paint('dim', where)} ` : ''
        }${f.message}${waived}`,
      );
    }
    lines.push('');
  }
  const count = (s: Severity) =>
    result.findings.filter(f => f.severity === s && !f.waived).length;
  lines.push(
    `Summary: ${count('critical')} critical, ${count(
      'warning',
    )} warning, ${count('info')} info, ${
      result.findings.filter(f => f.waived).length
    } waived.`,
  );
  return `${lines.join('\n')}\n`;
}
