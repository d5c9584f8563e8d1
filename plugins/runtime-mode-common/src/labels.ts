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

/**
 * The words people read for modes and levels: one vocabulary for the card,
 * the tab, the portfolio, the CSV export, the CLI and API labels.
 */

import type { MigrationLevelKey } from './api';
import type { ModeValue, ReadinessLevel, UpgradeLevel } from './types';

/** People-facing names of the runtime modes. @public */
export const MODE_LABELS: Readonly<Record<ModeValue, string>> = {
  'bare-metal-container': 'Bare-metal containers',
  'virtualized-container': 'Containers on VMs',
  'container-virtualization': 'KubeVirt VMs',
  unknown: 'Unknown',
};

/** One line on what each mode means, for legends and tooltips. @public */
export const MODE_DESCRIPTIONS: Readonly<Record<ModeValue, string>> = {
  'bare-metal-container':
    'Kubernetes on physical hosts, no virtualization layer',
  'virtualized-container':
    'Kubernetes on virtual machines (VMware Tanzu / vSphere Kubernetes Service, SKS)',
  'container-virtualization':
    'Virtual machines run as pods on Kubernetes (KubeVirt)',
  unknown:
    'Nothing tells which mode this runs in: no manifests, cluster or annotation gave evidence',
};

/** People-facing names of the readiness levels (all concerns, and a migration). @public */
export const READINESS_LEVEL_LABELS: Readonly<Record<ReadinessLevel, string>> =
  {
    ready: 'Ready',
    'ready-with-warnings': 'Ready with warnings',
    blocked: 'Blocked',
    unknown: 'Unknown',
  };

/** People-facing names of the upgrade readiness levels. @public */
export const UPGRADE_LEVEL_LABELS: Readonly<Record<UpgradeLevel, string>> = {
  clean: 'Clean',
  deprecated: 'Deprecated APIs',
  'breaks-at-upgrade': 'Breaks at the upgrade',
  'broken-now': 'Broken now',
  unknown: 'Unknown',
};

/** One line on what each upgrade level means. @public */
export const UPGRADE_LEVEL_DESCRIPTIONS: Readonly<
  Record<UpgradeLevel, string>
> = {
  clean:
    'Every judged object uses an API that is served, and not deprecated, at the planned versions',
  deprecated:
    'Served at the planned versions, but an object uses a deprecated API or field',
  'breaks-at-upgrade':
    'An object uses an API that its clusters serve today but the planned versions no longer serve',
  'broken-now':
    'An object uses an API that a cluster it runs on no longer serves: it cannot be applied there today',
  unknown:
    'Not judged: no object was read, or a component of its objects has no version (this is not a pass)',
};

/** People-facing names of the migration levels; `none` when no move is planned. @public */
export const MIGRATION_LEVEL_LABELS: Readonly<
  Record<MigrationLevelKey, string>
> = {
  ...READINESS_LEVEL_LABELS,
  none: 'No move planned',
};
