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

import type { Finding, ManifestFile, ManifestLimits } from '../types';
import {
  buildTimeFinding,
  buildTimeToolOf,
  toolFileRole,
  untypedToolOf,
  type BuildTimeFile,
} from './buildTimeFiles';
import { makeFinding } from './findings';
import { findStructuralTemplate } from './helmTemplates/findStructuralTemplate';
import { readHelmTemplate } from './helmTemplates/readHelmTemplate';
import { TemplateRenderer } from './helmTemplates/renderTemplate';
import {
  collectDefinitions,
  TemplateLibrary,
} from './helmTemplates/templateLibrary';
import type { TemplateCapabilities } from './helmTemplates/templateExpression';
import type { ManifestObject } from './manifestObject';
import {
  binaryDataFinding,
  readYamlDocuments,
  type UntypedDocument,
} from './readYamlDocuments';

export type { ManifestObject } from './manifestObject';

/** @internal */
export interface ManifestReadResult {
  objects: ManifestObject[];
  findings: Finding[];
  /** Documents seen (parsed or not), for statistics. */
  documents: number;
}

/** Options of {@link readManifests}. @internal */
export interface ReadManifestsOptions {
  /** `full` skips the fast path (tests compare both). */
  parser?: 'auto' | 'full';
  /**
   * What the target cluster offers, for the conditions of Helm templates
   * (`.Capabilities.KubeVersion`, `.Capabilities.APIVersions.Has`). Without
   * it every capability check is undecided.
   */
  capabilities?: TemplateCapabilities;
}

const NO_CAPABILITIES: TemplateCapabilities = { hasApi: () => undefined };

/** What one file holds. */
interface FileRead {
  objects: ManifestObject[];
  findings: Finding[];
  buildTime: BuildTimeFile[];
  documents: number;
}

const EMPTY_READ: FileRead = {
  objects: [],
  findings: [],
  buildTime: [],
  documents: 0,
};

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

// Anything past U+007F takes more than one UTF-8 byte.
const NON_ASCII = /[\u0080-\uffff]/;

// No UTF-16 code unit takes more than 3 UTF-8 bytes (a surrogate pair takes 4 for two).
const MAX_UTF8_BYTES_PER_CODE_UNIT = 3;
// Files this small skip the scan when they cannot be over the limit (every
// usual manifest). Larger ones are always scanned, so the cost of a file
// does not jump between 64 KiB and the limit (the hostile-input benchmark
// doubles files over that range and expects linear time).
const SMALL_FILE = 64 * 1024;

/**
 * Whether a string takes more than `max` bytes in UTF-8, counted only as far
 * as needed: more than `max` code units is over; a small file that would be
 * under even at 3 bytes a code unit is not (scanning every small file was a
 * measurable part of reading it); otherwise ASCII text (found by a native
 * scan) is one byte a character, and anything else is counted.
 */
function exceedsUtf8Bytes(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (
    text.length < SMALL_FILE &&
    text.length * MAX_UTF8_BYTES_PER_CODE_UNIT <= max
  ) {
    return false;
  }
  if (!NON_ASCII.test(text)) return false;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= max; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair: 4 bytes for both code units
      i++;
    } else bytes += 3;
  }
  return bytes > max;
}

const NON_WHITESPACE = /\S/g;

/**
 * Whether the text holds anything but whitespace (as `\s` sees it). Most
 * texts answer at their first character: a code check, where a pattern per
 * file was a measurable part of reading small ones. Beyond ASCII, the
 * pattern reads on from there.
 */
function hasNonWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      NON_WHITESPACE.lastIndex = i;
      return NON_WHITESPACE.test(text);
    }
    // ASCII whitespace is \t to \r and space.
    if (c !== 32 && (c < 9 || c > 13)) return true;
  }
  return false;
}

/** Why a document without apiVersion/kind is not an object. */
function untypedFinding(path: string, doc: UntypedDocument): Finding {
  const what = doc.topLevel ? 'Document' : 'Item';
  const value = doc.value;
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (!record) {
    return makeFinding(
      'manifest-no-kind',
      'info',
      `${what} at ${path}:${doc.line} is ${
        Array.isArray(value) ? 'a list' : 'a scalar'
      }, not a Kubernetes object; ignored`,
      { file: path, line: doc.line },
    );
  }
  if (typeof record.kind !== 'string' || record.kind.trim() === '') {
    return makeFinding(
      'manifest-no-kind',
      'info',
      `${what} at ${path}:${doc.line} has no kind, so it is not a Kubernetes object (values, test data, ...); ignored`,
      { file: path, line: doc.line },
    );
  }
  return makeFinding(
    'manifest-no-api-version',
    'warning',
    `${record.kind} at ${path}:${doc.line} has no apiVersion; the API server rejects it`,
    { file: path, line: doc.line, kind: record.kind },
  );
}

/** Objects of build and packaging tools are set aside, not judged. */
function separateBuildTime(
  path: string,
  objects: readonly ManifestObject[],
  untyped: readonly UntypedDocument[],
): {
  objects: ManifestObject[];
  findings: Finding[];
  buildTime: BuildTimeFile[];
} {
  const kept: ManifestObject[] = [];
  const buildTime: BuildTimeFile[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    const tool = buildTimeToolOf(object.apiVersion, object.body);
    if (tool) buildTime.push({ file: path, line: object.line, tool });
    else kept.push(object);
  }
  for (let i = 0; i < untyped.length; i++) {
    const doc = untyped[i];
    const tool = doc.topLevel ? untypedToolOf(path, doc.value) : undefined;
    if (tool) buildTime.push({ file: path, line: doc.line, tool });
    else findings.push(untypedFinding(path, doc));
  }
  return { objects: kept, findings, buildTime };
}

function readFile(
  file: ManifestFile,
  limits: ManifestLimits,
  parser: 'auto' | 'full',
  renderer: () => TemplateRenderer,
): FileRead {
  const path = file.path;
  let text = file.content;
  if (typeof text !== 'string') {
    return {
      ...EMPTY_READ,
      findings: [
        makeFinding(
          'manifest-binary',
          'warning',
          `${path} has no text content`,
          { file: path },
        ),
      ],
    };
  }
  const role = toolFileRole(path);
  // Helpers hold named templates (collected beforehand); NOTES.txt is text.
  if (role === 'helpers' || role === 'notes') return EMPTY_READ;
  if (exceedsUtf8Bytes(text, limits.maxFileBytes)) {
    return {
      ...EMPTY_READ,
      findings: [
        makeFinding(
          'manifest-limit-exceeded',
          'warning',
          `${path} is larger than ${limits.maxFileBytes} bytes (limits.maxFileBytes); not read`,
          { file: path },
        ),
      ],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!hasNonWhitespace(text)) return EMPTY_READ;

  if (findStructuralTemplate(text) !== undefined) {
    if (text.includes('\u0000')) {
      return { ...EMPTY_READ, findings: [binaryDataFinding(path)] };
    }
    const template = readHelmTemplate(path, text, limits, renderer());
    const separated = separateBuildTime(path, template.objects, []);
    return {
      objects: separated.objects,
      findings: template.findings,
      buildTime: separated.buildTime,
      documents: template.documents,
    };
  }
  // Binary data (NUL bytes) is found there: js-yaml refuses it, so only a
  // file it does not read in one pass is searched for it.
  const yaml = readYamlDocuments(path, text, limits, parser);
  const separated = separateBuildTime(path, yaml.objects, yaml.untyped);
  return {
    objects: separated.objects,
    findings:
      separated.findings.length === 0
        ? yaml.findings
        : [...yaml.findings, ...separated.findings],
    buildTime: separated.buildTime,
    documents: yaml.documents,
  };
}

/** Named templates of every file read together, as a chart's `_helpers.tpl`. */
function templateLibrary(files: readonly ManifestFile[]): TemplateLibrary {
  const definitions = [];
  for (const file of files) {
    const text = file.content;
    if (
      typeof text === 'string' &&
      text.includes('define') &&
      text.includes('{{')
    ) {
      for (const d of collectDefinitions(file.path, text)) definitions.push(d);
    }
  }
  return new TemplateLibrary(definitions);
}

/**
 * Reads every Kubernetes object of the given files: multi-document YAML and
 * JSON, `List`/`*List` and OpenShift `Template` items expanded, CRLF and BOM
 * tolerated, aliases bounded, Helm templates read without rendering (their
 * branches chosen at the target's capabilities), build-time and tool files
 * set aside with one finding. Problems become `manifest` findings with the
 * file and line; they never stop the other documents. Linear in the input;
 * never throws.
 * @internal
 */
export function readManifests(
  files: readonly ManifestFile[],
  limits: ManifestLimits,
  options: ReadManifestsOptions = {},
): ManifestReadResult {
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  const buildTime: BuildTimeFile[] = [];
  let documents = 0;
  let renderer: TemplateRenderer | undefined;
  const templateRenderer = () => {
    renderer ??= new TemplateRenderer(
      templateLibrary(files),
      options.capabilities ?? NO_CAPABILITIES,
    );
    return renderer;
  };
  // Indexed: this runs for every component (see docs/engine.md, Performance).
  for (let f = 0; f < files.length; f++) {
    const file = files[f];
    let read: FileRead;
    try {
      read = readFile(file, limits, options.parser ?? 'auto', templateRenderer);
    } catch (error) {
      // Last line of defence (e.g. a stack overflow deep inside the parser).
      read = {
        ...EMPTY_READ,
        findings: [
          makeFinding(
            'manifest-parse-error',
            'warning',
            `Could not read ${file.path}: ${firstLine(String(error))}`,
            {
              file: file.path,
              line: 1,
            },
          ),
        ],
      };
    }
    // One at a time: a List of 100,000 items must not overflow the call stack.
    for (let i = 0; i < read.objects.length; i++) objects.push(read.objects[i]);
    for (let i = 0; i < read.findings.length; i++) {
      findings.push(read.findings[i]);
    }
    for (let i = 0; i < read.buildTime.length; i++) {
      buildTime.push(read.buildTime[i]);
    }
    documents += read.documents;
  }
  const setAside = buildTimeFinding(buildTime);
  if (setAside) findings.push(setAside);
  return { objects, findings, documents };
}
