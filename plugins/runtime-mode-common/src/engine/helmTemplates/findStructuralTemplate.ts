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

import { Lexer } from 'yaml';

// Tokens of the YAML lexer that mark structure without consuming source text.
const CONTROL_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * The offset of the first Go-template action (`{{`) that stands where YAML
 * expects a node (`{{- if ... }}` lines, `name: {{ .Values.name }}`), or
 * undefined when every `{{` is data: inside a quoted or block scalar, in the
 * middle of a plain scalar, in a comment, or an OpenShift `${{PARAM}}`. Such
 * a file is a Helm chart template; the others are YAML whose strings happen
 * to hold braces (Argo, Prometheus rules, cloud-init, ClusterClass patches).
 * Uses the `yaml` lexer, one pass, stopping at the first action.
 * @internal
 */
export function findStructuralTemplate(text: string): number | undefined {
  if (!text.includes('{{')) return undefined;
  let offset = 0;
  let lastBrace = -2;
  for (const token of new Lexer().lex(text)) {
    if (token === '{') {
      // Two flow-mapping openers side by side: `{{` where a node starts.
      if (lastBrace === offset - 1) return lastBrace;
      lastBrace = offset;
    }
    if (!CONTROL_TOKENS.has(token)) offset += token.length;
  }
  return undefined;
}
