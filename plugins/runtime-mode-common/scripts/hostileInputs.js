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

/*
 * Hostile inputs for the engine's linear-time benchmark: each shape is a
 * header, a unit repeated to the wanted size and a footer. Every shape once
 * cost super-linear time somewhere in reading (a pre-scan, a limit checked
 * too late, a walk back per match) or could.
 */

const CONFIG_MAP =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n';

/** @type {{ name: string, path: string, header: string, unit: (i: number) => string, footer: string }[]} */
const HOSTILE_SHAPES = [
  {
    // One long line: the anchor pre-scan once re-split the line per match.
    name: 'anchors on one line ("" &a)',
    path: 'anchors.yaml',
    header: `${CONFIG_MAP}  x: `,
    unit: () => '"" &a ',
    footer: '\n',
  },
  {
    // Template braces as block-scalar text: once walked back to the header per match.
    name: 'template braces in a block scalar',
    path: 'block.yaml',
    header: `${CONFIG_MAP}  script: |\n`,
    unit: () => '    {{x}}\n',
    footer: '',
  },
  {
    // Many tiny documents: once all parsed before maxDocuments was checked.
    name: 'tiny documents (---)',
    path: 'tiny.yaml',
    header: '',
    unit: () => '---\na: 1\n',
    footer: '',
  },
  {
    // Empty documents then content: the content search once ran to the end per document.
    name: 'empty documents (---)',
    path: 'empty.yaml',
    header: '',
    unit: () => '---\n',
    footer: 'apiVersion: v1\nkind: ConfigMap\n',
  },
  {
    name: 'anchors and aliases',
    path: 'aliases.yaml',
    header: CONFIG_MAP,
    unit: i => `  k${i}: &a${i} v\n  l${i}: *a${i}\n`,
    footer: '',
  },
  {
    name: 'Helm template documents with capability gates',
    path: 'chart/templates/jobs.yaml',
    header: '',
    unit: i =>
      `{{- if semverCompare ">=1.21-0" .Capabilities.KubeVersion.GitVersion }}\napiVersion: batch/v1\n{{- else }}\napiVersion: batch/v1beta1\n{{- end }}\nkind: CronJob\nmetadata:\n  name: job-${i}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\n---\n`,
    footer: '',
  },
  {
    name: 'Helm template: one document, many conditions',
    path: 'chart/templates/big.yaml',
    header:
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata:\n',
    unit: i =>
      `  {{- if and .Values.a (.Capabilities.APIVersions.Has "batch/v1") }}\n  k${i}: {{ .Values.v | quote }}\n  {{- end }}\n`,
    footer: '',
  },
  {
    // The same helper defined again and again, and included by every document.
    name: 'Helm template: redefined helpers, included everywhere',
    path: 'chart/templates/helpers.yaml',
    header: '',
    unit: i =>
      `{{- define "x.apiVersion" }}{{ if .Capabilities.APIVersions.Has "batch/v1" }}batch/v1{{ else }}batch/v1beta1{{ end }}{{- end }}\napiVersion: {{ include "x.apiVersion" . }}\nkind: CronJob\nmetadata:\n  name: j${i}\n---\n`,
    footer: '',
  },
  {
    // Conditions nested ever deeper: the branch state is a stack, not a rescan.
    name: 'Helm template: deeply nested conditions',
    path: 'chart/templates/nested.yaml',
    header: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: n\ndata:\n',
    unit: i =>
      `{{- if semverCompare ">=1.${
        i % 30
      }-0" .Capabilities.KubeVersion.Version }}\n  k${i}: v\n`,
    footer: '',
  },
  {
    name: 'unclosed template actions',
    path: 'chart/templates/open.yaml',
    header: CONFIG_MAP,
    unit: () => '  a: {{ x\n',
    footer: '',
  },
  {
    name: 'deep flow nesting',
    path: 'deep.yaml',
    header: `${CONFIG_MAP}  x: `,
    unit: () => '[',
    footer: '\n',
  },
];

/** The shape's text, as close to `bytes` as whole units allow (ASCII only). */
function hostileText(shape, bytes) {
  const parts = [shape.header];
  let length = shape.header.length + shape.footer.length;
  for (let i = 0; ; i++) {
    const unit = shape.unit(i);
    if (length + unit.length > bytes) break;
    parts.push(unit);
    length += unit.length;
  }
  parts.push(shape.footer);
  return parts.join('');
}

module.exports = { HOSTILE_SHAPES, hostileText };
