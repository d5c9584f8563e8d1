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

import type { Finding, ManifestLimits } from '../../types';
import { makeFinding } from '../findings';
import type { ManifestObject } from '../manifestObject';
import { formatVersion } from '../versions';
import type { TemplateRenderer } from './renderTemplate';
import { scanActions } from './templateActions';
import { TemplateBranches } from './templateBranches';
import { TemplateDocument, type DocumentOutcome } from './templateDocument';

/** What a template file holds, read without rendering it. @internal */
export interface TemplateFileRead {
  objects: ManifestObject[];
  findings: Finding[];
  documents: number;
}

/** A document that gives no judged object, for the file's summary. */
interface Skipped {
  line: number;
  label: string;
}

const DOCUMENT_SEPARATOR = /^---(?:[ \t]|#|\r?$)/;

/**
 * Reads a Helm (Go template) file without rendering it, as `helm template`
 * would split it: each `---` document, its column-0 `apiVersion:` and
 * `kind:` lines (literal, or from a helper or a branch it can resolve) and
 * its literal `metadata.name`, with real line numbers. Conditions are
 * evaluated at the target (capability checks, `semverCompare` on the
 * Kubernetes version); what they cannot decide (`.Values`) keeps the object.
 * An apiVersion the target cannot decide between is reported, never judged.
 * Linear in the text: one pass over its lines and actions.
 * @internal
 */
export function readHelmTemplate(
  path: string,
  text: string,
  limits: ManifestLimits,
  renderer: TemplateRenderer,
): TemplateFileRead {
  const { actions, unclosedAt } = scanActions(text);
  const scope = renderer.scope(path);
  const branches = new TemplateBranches(scope);
  const render = (value: string) => renderer.alternatives(value, scope);
  const outcomes: DocumentOutcome[] = [];
  let document = new TemplateDocument(1);
  let documents = 0;
  let overflowLine: number | undefined;

  // Ends the current document; false once limits.maxDocuments is passed.
  const finish = (): boolean => {
    const outcome = document.resolve();
    if (outcome.type === 'empty') return true;
    if (++documents > limits.maxDocuments) {
      overflowLine = document.firstLine;
      return false;
    }
    outcomes.push(outcome);
    return true;
  };

  const end = unclosedAt ?? text.length;
  let next = 0; // the next action to pass
  let lineNumber = 1;
  let reading = true;
  for (let start = 0; start <= end && reading; lineNumber++) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    while (next < actions.length && actions[next].end <= start) {
      if (branches.apply(actions[next++].body)) document.markContent();
    }
    const insideAction = next < actions.length && actions[next].start < start;
    if (!insideAction && !branches.inDefinition) {
      const lineText = text.slice(start, lineEnd);
      if (DOCUMENT_SEPARATOR.test(lineText)) {
        reading = finish();
        document = new TemplateDocument(lineNumber + 1);
      } else {
        document.readLine(lineText, lineNumber, branches.truth, render);
      }
    }
    start = lineEnd + 1;
  }
  if (reading) {
    while (next < actions.length) {
      if (branches.apply(actions[next++].body)) document.markContent();
    }
    finish();
  }
  return {
    objects: outcomes.flatMap(o =>
      o.type === 'object' ? [toObject(path, o)] : [],
    ),
    findings: templateFindings(path, text, renderer, outcomes, {
      unclosedAt,
      overflowLine,
      limits,
      // Only a file read to its end shows whether its blocks balance.
      unbalanced:
        reading && unclosedAt === undefined ? branches.unbalanced : undefined,
    }),
    documents,
  };
}

function toObject(
  path: string,
  outcome: Extract<DocumentOutcome, { type: 'object' }>,
): ManifestObject {
  return {
    file: path,
    line: outcome.line,
    apiVersion: outcome.apiVersion,
    kind: outcome.kind,
    ...(outcome.name !== undefined ? { name: outcome.name } : {}),
    ...(outcome.namespace !== undefined
      ? { namespace: outcome.namespace }
      : {}),
    body: {},
    rendered: false,
  };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (
    let i = text.indexOf('\n');
    i !== -1 && i < offset;
    i = text.indexOf('\n', i + 1)
  ) {
    line++;
  }
  return line;
}

function listed(items: readonly Skipped[]): string {
  const shown = items.slice(0, 5).map(i => `${i.label} (line ${i.line})`);
  const more = items.length > 5 ? `, and ${items.length - 5} more` : '';
  return `${shown.join(', ')}${more}`;
}

/** The findings of a template file: limits, unresolved choices, and one summary. */
function templateFindings(
  path: string,
  text: string,
  renderer: TemplateRenderer,
  outcomes: readonly DocumentOutcome[],
  stops: {
    unclosedAt?: number;
    overflowLine?: number;
    limits: ManifestLimits;
    unbalanced?: { open: number; strayEnds: number };
  },
): Finding[] {
  const findings: Finding[] = [];
  const kubeTarget = renderer.capabilities.kubeVersion;
  const helmTemplate = `helm template${
    kubeTarget ? ` --kube-version ${formatVersion(kubeTarget)}` : ''
  }`;
  if (stops.unclosedAt !== undefined) {
    findings.push(
      makeFinding(
        'manifest-parse-error',
        'warning',
        `${path}: a template action opened here is never closed ("{{" without "}}"); Helm cannot render this file and the rest of it was not read`,
        { file: path, line: lineAt(text, stops.unclosedAt) },
      ),
    );
  }
  const { open = 0, strayEnds = 0 } = stops.unbalanced ?? {};
  if (open > 0 || strayEnds > 0) {
    const problem =
      open > 0
        ? `${open} if/with/range/define block(s) never closed by {{ end }}`
        : `${strayEnds} {{ end }} without a block to close`;
    findings.push(
      makeFinding(
        'manifest-parse-error',
        'warning',
        `${path}: ${problem}; Helm cannot render this file`,
        { file: path, line: 1 },
      ),
    );
  }
  if (stops.overflowLine !== undefined) {
    findings.push(
      makeFinding(
        'manifest-limit-exceeded',
        'warning',
        `${path} has more than ${stops.limits.maxDocuments} documents (limits.maxDocuments); the rest was not read`,
        { file: path, line: stops.overflowLine },
      ),
    );
  }
  for (const o of outcomes) {
    if (o.type !== 'choice') continue;
    const depending = kubeTarget
      ? 'values or cluster capabilities not known here'
      : 'values, cluster capabilities or the Kubernetes version (no Kubernetes target was given)';
    findings.push(
      makeFinding(
        'manifest-template-not-rendered',
        'info',
        `${o.label} at ${path}:${
          o.line
        } is rendered with apiVersion ${o.apiVersions.join(
          ' or ',
        )}, depending on ${depending}; not judged.`,
        {
          file: path,
          line: o.line,
          kind: o.kind,
          name: o.name,
          remediation: `Give the target Kubernetes version, or render the chart (${helmTemplate}) and check the output.`,
        },
      ),
    );
  }
  const summary = templateSummary(
    path,
    outcomes,
    kubeTarget ? ` at Kubernetes ${formatVersion(kubeTarget)}` : '',
  );
  if (summary) {
    findings.push(
      makeFinding('manifest-template-not-rendered', 'info', summary.message, {
        file: path,
        line: summary.line,
        remediation: `Render the chart in CI (${helmTemplate}) and check the output with the CLI or POST /v1/evaluate for a full check.`,
      }),
    );
  }
  return findings;
}

function templateSummary(
  path: string,
  outcomes: readonly DocumentOutcome[],
  atTarget: string,
): { message: string; line: number } | undefined {
  const objects = outcomes.filter(o => o.type === 'object');
  const absent = outcomes.filter(o => o.type === 'absent') as Skipped[];
  const unreadable = outcomes.filter(o => o.type === 'unreadable') as Skipped[];
  const first = [...objects, ...absent, ...unreadable] as Array<{
    line: number;
  }>;
  if (first.length === 0) return undefined;
  const parts = [`${path} is a Helm/Go template, read without rendering`];
  if (objects.length > 0) {
    parts.push(
      `${objects.length} object(s) recovered, of which only apiVersion, kind and a literal name are judged`,
    );
  }
  if (absent.length > 0) {
    parts.push(
      `not rendered${atTarget} (a capability check is false): ${listed(
        absent,
      )}`,
    );
  }
  if (unreadable.length > 0) {
    parts.push(
      `kind or apiVersion known only when rendered (values, helpers not among the files): ${listed(
        unreadable,
      )}`,
    );
  }
  return {
    message: `${parts.join('; ')}.`,
    line: first.reduce((min, o) => Math.min(min, o.line), Infinity),
  };
}
