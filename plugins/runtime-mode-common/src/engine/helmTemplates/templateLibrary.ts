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

import { classifyAction, scanActions } from './templateActions';

/** A `{{ define "name" }}` block: a helper other templates include. @internal */
export interface TemplateDefinition {
  name: string;
  file: string;
  body: string;
}

function directory(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '' : file.slice(0, slash + 1);
}

function sharedPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The named templates of all files read together, as Helm loads a chart. @internal */
export class TemplateLibrary {
  private readonly byName = new Map<string, TemplateDefinition[]>();
  // Per name and including directory: many includes cost one search each.
  private readonly found = new Map<string, TemplateDefinition | undefined>();

  constructor(definitions: readonly TemplateDefinition[]) {
    for (const definition of definitions) {
      const list = this.byName.get(definition.name);
      if (list) list.push(definition);
      else this.byName.set(definition.name, [definition]);
    }
  }

  /**
   * The definition a file includes: of several with the same name (charts
   * and their subcharts), the one in the nearest directory, else the last.
   */
  find(name: string, fromFile: string): TemplateDefinition | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    const from = directory(fromFile);
    const key = `${name}\u0000${from}`;
    if (this.found.has(key)) return this.found.get(key);
    let best = list[list.length - 1];
    let bestShared = -1;
    for (const definition of list) {
      const shared = sharedPrefixLength(from, directory(definition.file));
      if (shared >= bestShared) {
        best = definition;
        bestShared = shared;
      }
    }
    this.found.set(key, best);
    return best;
  }
}

/** The name of a `define`/`template`/`include` (its first, quoted argument). @internal */
export function defineName(pipeline: string): string | undefined {
  const match =
    /^"((?:[^"\\]|\\.)*)"/.exec(pipeline) ?? /^`([^`]*)`/.exec(pipeline);
  return match?.[1];
}

/** The `define` (and `block`) blocks of a template file. @internal */
export function collectDefinitions(
  file: string,
  text: string,
): TemplateDefinition[] {
  const definitions: TemplateDefinition[] = [];
  const { actions } = scanActions(text);
  const open: Array<{ name?: string; bodyStart: number }> = [];
  for (const action of actions) {
    const { keyword, pipeline } = classifyAction(action.body);
    if (keyword === 'define' || keyword === 'block') {
      open.push({ name: defineName(pipeline), bodyStart: action.end });
    } else if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
      open.push({ bodyStart: action.end });
    } else if (keyword === 'end') {
      const closed = open.pop();
      if (closed?.name !== undefined) {
        definitions.push({
          name: closed.name,
          file,
          body: text.slice(closed.bodyStart, action.start),
        });
      }
    }
  }
  return definitions;
}
