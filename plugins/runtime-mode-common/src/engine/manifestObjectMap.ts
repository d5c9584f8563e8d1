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

import type { ManifestObjectRef } from '../types';

/** What names an object: its place and identity, as objects and findings carry them. */
type ObjectName = Partial<
  Pick<ManifestObjectRef, 'file' | 'line' | 'apiVersion' | 'kind' | 'name'>
>;

interface Entry<V> {
  object: ObjectName;
  value: V;
}

/** The objects of one line, searched field by field until they are many. */
interface LineEntries<V> {
  list: Array<Entry<V>>;
  /** By key text, once the line holds more than LINE_LIST_LIMIT objects. */
  byKey?: Map<string, Entry<V>>;
}

// Distinct objects on one line are one or two (a rendered template may put
// more there, a minified JSON List all of its items): past this many, a
// line's objects are found by a key text instead of one by one.
const LINE_LIST_LIMIT = 8;

function sameObject(a: ObjectName, b: ObjectName): boolean {
  return (
    a.file === b.file &&
    a.apiVersion === b.apiVersion &&
    a.kind === b.kind &&
    a.name === b.name
  );
}

function keyOf(object: ObjectName): string {
  return JSON.stringify([
    object.file,
    object.apiVersion,
    object.kind,
    object.name,
  ]);
}

/**
 * A value per object, objects told apart by file, line, apiVersion, kind
 * and name (a finding names its object with the same fields). Objects are
 * grouped by line and compared field by field: no key text is built and
 * hashed for each, which made counting the upgrade's objects a measurable
 * part of every evaluation with a concern.
 * @internal
 */
export class ManifestObjectMap<V> {
  private readonly byLine = new Map<number | undefined, LineEntries<V>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(object: ObjectName): V | undefined {
    const line = this.byLine.get(object.line);
    return line ? this.entryOf(line, object)?.value : undefined;
  }

  has(object: ObjectName): boolean {
    const line = this.byLine.get(object.line);
    return line !== undefined && this.entryOf(line, object) !== undefined;
  }

  set(object: ObjectName, value: V): void {
    let line = this.byLine.get(object.line);
    if (!line) {
      line = { list: [] };
      this.byLine.set(object.line, line);
    }
    const known = this.entryOf(line, object);
    if (known) {
      known.value = value;
      return;
    }
    const entry = { object, value };
    line.list.push(entry);
    this.count++;
    if (line.byKey) {
      line.byKey.set(keyOf(object), entry);
    } else if (line.list.length > LINE_LIST_LIMIT) {
      line.byKey = new Map(line.list.map(e => [keyOf(e.object), e]));
    }
  }

  /** Calls back with each value and the object it was first set for, line by line. */
  forEach(callback: (value: V, object: ObjectName) => void): void {
    for (const line of this.byLine.values()) {
      for (let i = 0; i < line.list.length; i++) {
        callback(line.list[i].value, line.list[i].object);
      }
    }
  }

  private entryOf(
    line: LineEntries<V>,
    object: ObjectName,
  ): Entry<V> | undefined {
    if (line.byKey) return line.byKey.get(keyOf(object));
    const list = line.list;
    for (let i = 0; i < list.length; i++) {
      if (sameObject(list[i].object, object)) return list[i];
    }
    return undefined;
  }
}
