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
import {
  knownTexts,
  type Alternative,
  type TemplateRenderer,
} from './renderTemplate';
import { classifyAction, scanActions } from './templateActions';
import {
  and,
  evaluatePipeline,
  not,
  truthOf,
  type Tri,
} from './templateExpression';

/** What a template file holds, read without rendering it. @internal */
export interface TemplateFileRead {
  objects: ManifestObject[];
  findings: Finding[];
  documents: number;
}

/** An `apiVersion:` or `kind:` line and what it can render to. */
interface KeyLine {
  line: number;
  truth: Tri;
  alternatives: Alternative[];
}

/** One `---`-separated document of the template. */
interface Chunk {
  firstLine: number;
  apiVersions: KeyLine[];
  kinds: KeyLine[];
  name?: string;
  namespace?: string;
  hasContent: boolean;
  /** Inside the column-0 `metadata:` block, and the indentation of its keys. */
  inMetadata: boolean;
  metadataIndent?: number;
}

/** An open `if`/`with`/`range`/`define` block. */
interface Frame {
  parentTruth: Tri;
  /** No branch so far was taken (for `else`). */
  noneBefore: Tri;
  dotWasRoot: boolean;
  definition: boolean;
}

/** Why a document gives no judged object. */
interface Skipped {
  line: number;
  label: string;
}

const API_VERSION = /^[A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)?$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
const DOCUMENT_SEPARATOR = /^---(?:[ \t]|#|\r?$)/;
const DECLARATION = /^\$\w*\s*:?=/;

function literalValue(raw: string): string | undefined {
  if (raw.includes('{{')) return undefined;
  const value = raw.replace(/\s+#.*$/, '').trim();
  const unquoted =
    value.length >= 2 &&
    (value[0] === '"' || value[0] === "'") &&
    value[value.length - 1] === value[0]
      ? value.slice(1, -1)
      : value;
  return unquoted === '' ? undefined : unquoted;
}

function newChunk(firstLine: number): Chunk {
  return {
    firstLine,
    apiVersions: [],
    kinds: [],
    hasContent: false,
    inMetadata: false,
  };
}

/** The values a key can take at the target, and the line of each. */
function resolveKey(lines: readonly KeyLine[], valid: RegExp) {
  const candidates: Array<Alternative & { line: number }> = [];
  for (const keyLine of lines) {
    for (const alternative of keyLine.alternatives) {
      const truth = and(keyLine.truth, alternative.truth);
      if (truth === false) continue;
      candidates.push({ ...alternative, truth, line: keyLine.line });
    }
  }
  const texts = knownTexts(candidates);
  const values = texts.values.filter(v => valid.test(v));
  const lineOf = (value: string) =>
    Math.min(
      ...candidates
        .filter(
          c =>
            c.text !== undefined &&
            c.text.trim().replace(/^["']|["']$/g, '') === value,
        )
        .map(c => c.line),
    );
  return {
    values,
    /** Every line that could write it is in a branch the target does not take. */
    absent: lines.length > 0 && candidates.length === 0,
    lineOf,
  };
}

function firstLiteral(lines: readonly KeyLine[]): string | undefined {
  for (const keyLine of lines) {
    for (const alternative of keyLine.alternatives) {
      if (alternative.text?.trim()) return alternative.text.trim();
    }
  }
  return undefined;
}

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
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  const absent: Skipped[] = [];
  const unreadable: Skipped[] = [];
  const { actions, unclosedAt } = scanActions(text);
  const scope = renderer.scope(path);
  const frames: Frame[] = [];
  let truth: Tri = true;
  let definitions = 0;
  let documents = 0;
  let stopped = false;
  let lineNumber = 1;
  let chunk = newChunk(1);
  const kubeTarget = renderer.capabilities.kubeVersion;
  const atTarget = kubeTarget
    ? ` at Kubernetes ${formatVersion(kubeTarget)}`
    : '';

  const condition = (pipeline: string, parent: Tri): Tri =>
    parent === false ? undefined : truthOf(evaluatePipeline(pipeline, scope));

  const apply = (body: string) => {
    const { keyword, pipeline } = classifyAction(body);
    const top = frames[frames.length - 1];
    switch (keyword) {
      case 'if':
      case 'with':
      case 'range': {
        const test =
          keyword === 'range' || definitions > 0
            ? undefined
            : condition(pipeline, truth);
        frames.push({
          parentTruth: truth,
          noneBefore: not(test),
          dotWasRoot: scope.dotIsRoot,
          definition: false,
        });
        truth = and(truth, test);
        if (keyword !== 'if') scope.dotIsRoot = false;
        break;
      }
      case 'else':
      case 'else-if':
      case 'else-with': {
        if (!top) break;
        let test: Tri = true;
        if (keyword !== 'else') {
          test =
            definitions > 0
              ? undefined
              : condition(pipeline, and(top.parentTruth, top.noneBefore));
        }
        truth = and(top.parentTruth, and(top.noneBefore, test));
        top.noneBefore = and(top.noneBefore, not(test));
        scope.dotIsRoot = keyword === 'else-with' ? false : top.dotWasRoot;
        break;
      }
      case 'define':
      case 'block':
        // A definition renders where it is included, not here.
        frames.push({
          parentTruth: truth,
          noneBefore: false,
          dotWasRoot: scope.dotIsRoot,
          definition: keyword === 'define',
        });
        if (keyword === 'define') definitions++;
        break;
      case 'end':
        if (!top) break;
        frames.pop();
        truth = top.parentTruth;
        scope.dotIsRoot = top.dotWasRoot;
        if (top.definition) definitions--;
        break;
      case 'output':
        if (definitions > 0) break;
        if (DECLARATION.test(pipeline)) {
          if (truth !== false) evaluatePipeline(pipeline, scope);
        } else {
          chunk.hasContent = true;
        }
        break;
      case 'template':
        if (definitions === 0) chunk.hasContent = true;
        break;
      default:
        break;
    }
  };

  const finishChunk = () => {
    const current = chunk;
    if (
      current.kinds.length === 0 &&
      current.apiVersions.length === 0 &&
      !current.hasContent
    )
      return;
    documents++;
    if (documents > limits.maxDocuments) {
      findings.push(
        makeFinding(
          'manifest-limit-exceeded',
          'warning',
          `${path} has more than ${limits.maxDocuments} documents (limits.maxDocuments); the rest was not read`,
          { file: path, line: current.firstLine },
        ),
      );
      stopped = true;
      return;
    }
    if (current.kinds.length === 0) {
      unreadable.push({ line: current.firstLine, label: 'a document' });
      return;
    }
    const kind = resolveKey(current.kinds, KIND);
    const apiVersion = resolveKey(current.apiVersions, API_VERSION);
    const kindLabel =
      kind.values.length === 1
        ? kind.values[0]
        : firstLiteral(current.kinds) ?? 'a document';
    const label = `${kindLabel}${current.name ? ` "${current.name}"` : ''}`;
    if (kind.absent || apiVersion.absent) {
      absent.push({ line: current.kinds[0].line, label });
      return;
    }
    if (kind.values.length !== 1 || apiVersion.values.length === 0) {
      unreadable.push({ line: current.kinds[0].line, label });
      return;
    }
    if (apiVersion.values.length > 1) {
      findings.push(
        makeFinding(
          'manifest-template-not-rendered',
          'info',
          `${label} at ${path}:${apiVersion.lineOf(
            apiVersion.values[0],
          )} is rendered with apiVersion ${apiVersion.values.join(
            ' or ',
          )}, depending on ${
            kubeTarget
              ? 'values or cluster capabilities not known here'
              : 'values, cluster capabilities or the Kubernetes version (no Kubernetes target was given)'
          }; not judged.`,
          {
            file: path,
            line: apiVersion.lineOf(apiVersion.values[0]),
            kind: kind.values[0],
            name: current.name,
            remediation: `Give the target Kubernetes version, or render the chart (helm template${
              kubeTarget ? ` --kube-version ${formatVersion(kubeTarget)}` : ''
            }) and check the output.`,
          },
        ),
      );
      return;
    }
    const line = Math.min(
      kind.lineOf(kind.values[0]),
      apiVersion.lineOf(apiVersion.values[0]),
    );
    objects.push({
      file: path,
      line,
      apiVersion: apiVersion.values[0],
      kind: kind.values[0],
      ...(current.name !== undefined ? { name: current.name } : {}),
      ...(current.namespace !== undefined
        ? { namespace: current.namespace }
        : {}),
      body: {},
      rendered: false,
    });
  };

  const readLine = (start: number, end: number) => {
    const first = text.charCodeAt(start);
    if (
      first === 0x2d /* - */ &&
      DOCUMENT_SEPARATOR.test(text.slice(start, Math.min(end, start + 5)))
    ) {
      finishChunk();
      chunk = newChunk(lineNumber + 1);
      return;
    }
    const lineText = text.slice(start, end);
    const trimmed = lineText.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('{{'))
      return;
    if (first !== 0x20 && first !== 0x09) {
      chunk.inMetadata = false;
      chunk.hasContent = true;
      const key = /^(apiVersion|kind|metadata):/.exec(lineText);
      if (!key) return;
      const value = lineText.slice(key[0].length);
      if (key[1] === 'metadata') {
        chunk.inMetadata = value.trim() === '';
        chunk.metadataIndent = undefined;
        return;
      }
      const literal = value.includes('{{') ? undefined : literalValue(value);
      const keyLine: KeyLine = {
        line: lineNumber,
        truth,
        alternatives:
          literal !== undefined
            ? [{ text: literal, truth: true }]
            : renderer.alternatives(value.replace(/\r$/, ''), scope),
      };
      (key[1] === 'kind' ? chunk.kinds : chunk.apiVersions).push(keyLine);
      return;
    }
    chunk.hasContent = true;
    if (!chunk.inMetadata) return;
    const indent = lineText.length - lineText.trimStart().length;
    chunk.metadataIndent ??= indent;
    if (indent !== chunk.metadataIndent) return;
    const field = /^(name|namespace):(.*)$/.exec(trimmed);
    if (!field) return;
    const value = literalValue(field[2]);
    if (field[1] === 'name') chunk.name ??= value;
    else chunk.namespace ??= value;
  };

  const end = unclosedAt ?? text.length;
  let next = 0; // the next action to apply
  let start = 0;
  while (start <= end && !stopped) {
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    while (next < actions.length && actions[next].end <= start)
      apply(actions[next++].body);
    const insideAction = next < actions.length && actions[next].start < start;
    if (!insideAction && definitions === 0) readLine(start, lineEnd);
    start = lineEnd + 1;
    lineNumber++;
  }
  while (next < actions.length && !stopped) apply(actions[next++].body);
  if (!stopped) finishChunk();

  if (unclosedAt !== undefined) {
    findings.push(
      makeFinding(
        'manifest-parse-error',
        'warning',
        `${path}: a template action opened here is never closed ("{{" without "}}"); Helm cannot render this file and the rest of it was not read`,
        { file: path, line: lineAt(text, unclosedAt) },
      ),
    );
  }
  const summary = templateSummary(
    path,
    objects.length,
    absent,
    unreadable,
    atTarget,
  );
  if (summary) {
    findings.push(
      makeFinding('manifest-template-not-rendered', 'info', summary, {
        file: path,
        line: objects[0]?.line ?? absent[0]?.line ?? unreadable[0]?.line ?? 1,
        remediation: `Render the chart in CI (helm template${
          kubeTarget ? ` --kube-version ${formatVersion(kubeTarget)}` : ''
        }) and check the output with the CLI or POST /v1/evaluate for a full check.`,
      }),
    );
  }
  return { objects, findings, documents };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (
    let i = text.indexOf('\n');
    i !== -1 && i < offset;
    i = text.indexOf('\n', i + 1)
  )
    line++;
  return line;
}

function listed(items: readonly Skipped[]): string {
  const shown = items.slice(0, 5).map(i => `${i.label} (line ${i.line})`);
  return `${shown.join(', ')}${
    items.length > 5 ? `, and ${items.length - 5} more` : ''
  }`;
}

function templateSummary(
  path: string,
  objectCount: number,
  absent: readonly Skipped[],
  unreadable: readonly Skipped[],
  atTarget: string,
): string | undefined {
  if (objectCount === 0 && absent.length === 0 && unreadable.length === 0)
    return undefined;
  const parts = [`${path} is a Helm/Go template, read without rendering`];
  if (objectCount > 0) {
    parts.push(
      `${objectCount} object(s) recovered, of which only apiVersion, kind and a literal name are judged`,
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
  return `${parts.join('; ')}.`;
}
