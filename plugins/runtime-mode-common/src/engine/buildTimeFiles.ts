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

import type { Finding } from '../types';
import { apiGroupOf } from './apiGroups';
import { makeFinding } from './findings';

/**
 * Files that never reach an API server: inputs of build and packaging tools,
 * and descriptors of other systems. They use Kubernetes-style apiVersions
 * but are read by a tool, so their apiVersions are not judged as APIs.
 * Sources in docs/engine.md ("Build-time and tool files").
 */
const TOOLS_BY_GROUP: ReadonlyMap<string, string> = new Map([
  ['kustomize.config.k8s.io', 'Kustomize'],
  ['builtin', 'Kustomize'],
  ['config.kubernetes.io', 'KRM function (Kustomize/kpt)'],
  ['kpt.dev', 'kpt'],
  ['fn.kpt.dev', 'kpt'],
  ['backstage.io', 'Backstage'],
  ['skaffold', 'Skaffold'],
  ['kind.x-k8s.io', 'kind'],
  ['k3d.io', 'k3d'],
]);
// Backstage's own groups (`scaffolder.backstage.io`, ...).
const BACKSTAGE_SUBGROUP = '.backstage.io';

const HELM_CHART_METADATA = 'Helm chart metadata';
const HELM_VALUES = 'Helm values';
const KUSTOMIZE = 'Kustomize';
// kpt and Kustomize: a resource with this annotation is never applied.
const LOCAL_CONFIG_ANNOTATION = 'config.kubernetes.io/local-config';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

// The tool of each apiVersion seen (null: none). Every object of every
// component is asked, and a handful of apiVersions recur: one lookup, where
// cutting the group out and looking it up was a measurable part of reading.
// Hostile input can bring any number of apiVersions: past this many, the
// kept ones are dropped.
const toolsByApiVersion = new Map<string, string | null>();
const MAX_API_VERSIONS = 1_000;

function toolOfApiVersion(apiVersion: string): string | undefined {
  let tool = toolsByApiVersion.get(apiVersion);
  if (tool === undefined) {
    // Kustomize's built-in plugin configs say `apiVersion: builtin`: no group.
    const group = apiGroupOf(apiVersion) || apiVersion;
    tool =
      TOOLS_BY_GROUP.get(group) ??
      (group.endsWith(BACKSTAGE_SUBGROUP) ? 'Backstage' : null);
    if (toolsByApiVersion.size >= MAX_API_VERSIONS) toolsByApiVersion.clear();
    toolsByApiVersion.set(apiVersion, tool);
  }
  return tool ?? undefined;
}

/** The tool a typed object belongs to, when it is a build-time file. @internal */
export function buildTimeToolOf(
  apiVersion: string,
  body?: Record<string, unknown>,
): string | undefined {
  const byGroup = toolOfApiVersion(apiVersion);
  if (byGroup) return byGroup;
  const metadata = body?.metadata as
    | { annotations?: Record<string, unknown> }
    | undefined;
  const localConfig = metadata?.annotations?.[LOCAL_CONFIG_ANNOTATION];
  return localConfig === 'true' || localConfig === true
    ? 'kpt/Kustomize local config'
    : undefined;
}

// Every name with a role ends in .tpl, is NOTES.txt, or holds one of these
// words: one pattern rules out most files (this runs for every file read),
// with no lower-case copy of the name.
const MAY_HAVE_ROLE =
  /\.tpl$|NOTES\.txt|chart|requirements|kustomization|values/i;

/**
 * The role of a file in a Helm chart or Kustomize tree, by its name:
 * chart metadata and values (never objects), helpers (`.tpl`: named
 * templates only), NOTES.txt (text shown after install).
 * @internal
 */
export function toolFileRole(
  path: string,
):
  | 'chart-metadata'
  | 'values'
  | 'kustomization'
  | 'helpers'
  | 'notes'
  | undefined {
  const name = baseName(path);
  if (!MAY_HAVE_ROLE.test(name)) return undefined;
  if (/\.tpl$/i.test(name)) return 'helpers';
  if (name === 'NOTES.txt') return 'notes';
  if (/^(?:Chart\.ya?ml|Chart\.lock|requirements\.(?:ya?ml|lock))$/.test(name))
    return 'chart-metadata';
  if (/^kustomization\.ya?ml$|^Kustomization$/i.test(name))
    return 'kustomization';
  if (/(?:^|[-_.])values(?:[-_.][^/]*)?\.(?:ya?ml|json)$/i.test(name))
    return 'values';
  return undefined;
}

/** Chart.yaml read as content: `apiVersion: v1|v2`, a name and a version, no kind. @internal */
export function isHelmChartMetadata(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return false;
  const chart = value as Record<string, unknown>;
  return (
    (chart.apiVersion === 'v1' || chart.apiVersion === 'v2') &&
    typeof chart.name === 'string' &&
    chart.version !== undefined &&
    chart.kind === undefined
  );
}

/** The tool of a document without apiVersion/kind, from its file's role or content. @internal */
export function untypedToolOf(
  path: string,
  value: unknown,
): string | undefined {
  const role = toolFileRole(path);
  if (role === 'chart-metadata' || isHelmChartMetadata(value))
    return HELM_CHART_METADATA;
  if (role === 'values') return HELM_VALUES;
  if (role === 'kustomization') return KUSTOMIZE;
  return undefined;
}

/** A build-time document that was recognised and set aside. @internal */
export interface BuildTimeFile {
  file: string;
  line: number;
  tool: string;
}

/**
 * The one finding that says which build-time files were set aside and how
 * to judge the objects they produce; undefined when there were none.
 * @internal
 */
export function buildTimeFinding(
  files: readonly BuildTimeFile[],
): Finding | undefined {
  if (files.length === 0) return undefined;
  const byTool = new Map<string, Set<string>>();
  for (const f of files) {
    const set = byTool.get(f.tool) ?? new Set<string>();
    set.add(f.file);
    byTool.set(f.tool, set);
  }
  const fileCount = new Set(files.map(f => f.file)).size;
  const tools = [...byTool.entries()]
    .map(([tool, set]) => {
      const names = [...set];
      return `${tool} (${names.slice(0, 3).join(', ')}${
        names.length > 3 ? `, +${names.length - 3}` : ''
      })`;
    })
    .join('; ');
  const builds = [
    byTool.has(KUSTOMIZE) ||
    [...byTool.keys()].some(t => t.includes('Kustomize'))
      ? '`kustomize build <dir>`'
      : undefined,
    byTool.has(HELM_CHART_METADATA) || byTool.has(HELM_VALUES)
      ? '`helm template <chart> --kube-version <target>`'
      : undefined,
  ].filter(Boolean);
  return makeFinding(
    'manifest-build-time-file',
    'info',
    `${fileCount} file(s) are build-time or tool files, not objects an API server receives; their apiVersions were not judged: ${tools}.`,
    {
      file: files[0].file,
      line: files[0].line,
      remediation: `To judge the objects they produce, build them in CI (${
        builds.length > 0 ? builds.join(', ') : 'with the tool that reads them'
      }) and check the output with the CLI (runtime-mode check) or POST /v1/evaluate.`,
    },
  );
}
