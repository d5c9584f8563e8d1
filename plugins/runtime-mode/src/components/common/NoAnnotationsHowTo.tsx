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

import Typography from '@material-ui/core/Typography';
import {
  RUNTIME_MODE_ANNOTATIONS,
  RUNTIME_MODE_WAIVER_PREFIX,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { Entity } from '@backstage/catalog-model';
import { YamlSnippet } from './YamlSnippet';

const ANNOTATION_PREFIX = 'runtime-mode.dev/';

/** True when the entity carries at least one runtime-mode.dev annotation. */
export function hasRuntimeModeAnnotations(entity: Entity): boolean {
  return Object.keys(entity.metadata.annotations ?? {}).some(key =>
    key.startsWith(ANNOTATION_PREFIX),
  );
}

const EXAMPLE = `metadata:
  annotations:
    # where the Kubernetes / KubeVirt manifests are (paths or globs
    # relative to catalog-info.yaml, or url:<url>), comma-separated
    ${RUNTIME_MODE_ANNOTATIONS.manifests}: deploy/*.yaml
    # clusters it runs on, as named in runtimeMode.clusters of app-config
    ${RUNTIME_MODE_ANNOTATIONS.clusters}: prod-east
    # the mode you want to move to (bare-metal-container,
    # virtualized-container or container-virtualization)
    ${RUNTIME_MODE_ANNOTATIONS.targetMode}: container-virtualization
    # optional requirements, scored against each mode
    ${RUNTIME_MODE_ANNOTATIONS.isolation}: strong
    ${RUNTIME_MODE_ANNOTATIONS.latencySensitive}: "true"
    ${RUNTIME_MODE_ANNOTATIONS.maxOverhead}: 10%
    # optional: turn one rule off until a date, with a reason
    ${RUNTIME_MODE_WAIVER_PREFIX}api-deprecated: until=2026-12-31; reason=upgrade planned in Q4`;

/** The empty state: what to add to catalog-info.yaml for a verdict. */
export function NoAnnotationsHowTo(props: { compact?: boolean }) {
  return (
    <div data-testid="runtime-mode-howto">
      <Typography variant="body1" gutterBottom>
        <strong>Runtime mode not set up for this component.</strong> Nothing
        tells which mode it runs in, so it is shown as unknown (never as a
        pass).
      </Typography>
      <Typography variant="body2" gutterBottom>
        Add these annotations to its <code>catalog-info.yaml</code>; at least{' '}
        <code>{RUNTIME_MODE_ANNOTATIONS.manifests}</code> or{' '}
        <code>{RUNTIME_MODE_ANNOTATIONS.clusters}</code> is needed
        {props.compact ? '.' : ', the others refine the verdict.'}
      </Typography>
      <YamlSnippet text={EXAMPLE} copyLabel="Copy the annotations" />
    </div>
  );
}
