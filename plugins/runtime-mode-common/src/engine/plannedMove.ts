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

import { RUNTIME_MODE_ANNOTATIONS } from '../annotations';
import type {
  Finding,
  MigrationReadiness,
  ModeValue,
  RuntimeModeId,
} from '../types';
import { RUNTIME_MODES } from '../types';
import { makeFinding } from './findings';

/** A move someone planned: to a mode other than the one the component runs in. @internal */
export interface PlannedMove {
  targetMode: RuntimeModeId;
  targetSource: MigrationReadiness['targetSource'];
}

/** A mode id as written (annotation, JSON request), or undefined. @internal */
export function readMode(value: unknown): RuntimeModeId | undefined {
  const mode = typeof value === 'string' ? value.trim() : undefined;
  return RUNTIME_MODES.includes(mode as RuntimeModeId)
    ? (mode as RuntimeModeId)
    : undefined;
}

/**
 * The planned move: the target mode of an option (CLI, what-if, a portfolio
 * choice), else of the `runtime-mode.dev/target-mode` annotation. The best
 * fit is never a plan, and a target equal to the mode the component runs in
 * is no move: staying where it runs is not a migration.
 * @internal
 */
export function plannedMove(
  optionMode: unknown,
  annotations: Record<string, string>,
  currentMode: ModeValue,
): { move: PlannedMove | null; findings: Finding[] } {
  const raw = annotations[RUNTIME_MODE_ANNOTATIONS.targetMode];
  const annotated = readMode(raw);
  const findings =
    raw !== undefined && !annotated
      ? [
          makeFinding(
            'annotation-invalid',
            'warning',
            `Annotation ${
              RUNTIME_MODE_ANNOTATIONS.targetMode
            }: "${raw}" ignored; expected ${RUNTIME_MODES.join(', ')}`,
          ),
        ]
      : [];
  const option = readMode(optionMode);
  let move: PlannedMove | null = null;
  if (option) move = { targetMode: option, targetSource: 'option' };
  else if (annotated)
    move = { targetMode: annotated, targetSource: 'annotation' };
  if (move?.targetMode === currentMode) move = null;
  return { move, findings };
}
