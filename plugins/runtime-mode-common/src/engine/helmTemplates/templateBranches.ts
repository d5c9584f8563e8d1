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

import { classifyAction } from './templateActions';
import {
  and,
  evaluatePipeline,
  not,
  truthOf,
  type ExpressionScope,
  type Tri,
} from './templateExpression';

/** An open `if`/`with`/`range`/`define` block. */
interface Frame {
  parentTruth: Tri;
  /** No branch of the chain was taken so far (for `else`). */
  noneBefore: Tri;
  dotWasRoot: boolean;
  definition: boolean;
}

const DECLARATION = /^\$\w*\s*:?=/;

/**
 * Follows a template file's control actions in order and says, for the
 * text at the current position, whether the target renders it: true, false
 * (a branch the target does not take) or undefined (it depends on values).
 * Conditions are evaluated once, when their action is passed; the state is
 * a stack of the open blocks, so each action costs the same however deep.
 * @internal
 */
export class TemplateBranches {
  private readonly frames: Frame[] = [];
  private definitions = 0;
  private current: Tri = true;
  private strayEnds = 0;

  constructor(private readonly scope: ExpressionScope) {}

  /** Whether the target renders the text here. */
  get truth(): Tri {
    return this.current;
  }

  /** Blocks left open, and `{{ end }}`s that closed nothing: Helm fails on either. */
  get unbalanced(): { open: number; strayEnds: number } {
    return { open: this.frames.length, strayEnds: this.strayEnds };
  }

  /** Inside a `define` block: text here renders only where it is included. */
  get inDefinition(): boolean {
    return this.definitions > 0;
  }

  /** Passes an action; true when it writes text where it stands. */
  apply(body: string): boolean {
    const { keyword, pipeline } = classifyAction(body);
    switch (keyword) {
      case 'if':
      case 'with':
      case 'range':
        this.open(keyword, pipeline);
        return false;
      case 'else':
      case 'else-if':
      case 'else-with':
        this.otherwise(keyword, pipeline);
        return false;
      case 'define':
      case 'block':
        // A definition renders where it is included; a block renders here.
        this.frames.push({
          parentTruth: this.current,
          noneBefore: false,
          dotWasRoot: this.scope.dotIsRoot,
          definition: keyword === 'define',
        });
        if (keyword === 'define') this.definitions++;
        return false;
      case 'end':
        this.close();
        return false;
      case 'output':
        if (this.inDefinition) return false;
        if (!DECLARATION.test(pipeline)) return true;
        if (this.current !== false) evaluatePipeline(pipeline, this.scope);
        return false;
      case 'template':
        return !this.inDefinition;
      default:
        return false;
    }
  }

  private test(pipeline: string, reached: Tri): Tri {
    if (reached === false || this.inDefinition) return undefined;
    return truthOf(evaluatePipeline(pipeline, this.scope));
  }

  private open(keyword: 'if' | 'with' | 'range', pipeline: string): void {
    // How often a range runs is known only when rendering.
    const test =
      keyword === 'range' ? undefined : this.test(pipeline, this.current);
    this.frames.push({
      parentTruth: this.current,
      noneBefore: not(test),
      dotWasRoot: this.scope.dotIsRoot,
      definition: false,
    });
    this.current = and(this.current, test);
    if (keyword !== 'if') this.scope.dotIsRoot = false;
  }

  private otherwise(
    keyword: 'else' | 'else-if' | 'else-with',
    pipeline: string,
  ): void {
    const top = this.frames[this.frames.length - 1];
    if (!top) return;
    const test =
      keyword === 'else'
        ? true
        : this.test(pipeline, and(top.parentTruth, top.noneBefore));
    this.current = and(top.parentTruth, and(top.noneBefore, test));
    top.noneBefore = and(top.noneBefore, not(test));
    this.scope.dotIsRoot = keyword === 'else-with' ? false : top.dotWasRoot;
  }

  private close(): void {
    const top = this.frames.pop();
    if (!top) {
      this.strayEnds++;
      return;
    }
    this.current = top.parentTruth;
    this.scope.dotIsRoot = top.dotWasRoot;
    if (top.definition) this.definitions--;
  }
}
