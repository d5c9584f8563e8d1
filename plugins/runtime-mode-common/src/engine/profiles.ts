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

import { MODE_LABELS } from '../labels';
import type { IsolationLevel, RuntimeModeId } from '../types';

/** A qualitative level used by several profile values. @public */
export type ProfileLevel = 'low' | 'medium' | 'high';

/**
 * One column of the seed's comparison table (§5.1): what a runtime mode is
 * like. Values in words are for people; the typed ones are what the fit
 * scoring reads.
 * @public
 */
export interface ModeProfile {
  id: RuntimeModeId;
  label: string;
  example: string;
  kubernetesRunsOn: string;
  virtualizationLayer: string;
  unifiedManagement: string;
  /** Performance overhead compared with bare metal, in percent. */
  performanceOverhead: { min: number; max: number };
  isolation: IsolationLevel;
  isolationNote: string;
  resourceUtilisation: ProfileLevel;
  resourceUtilisationNote: string;
  hardwareCompatibility: string;
  operationalComplexity: ProfileLevel;
  operationalComplexityNote: string;
  typicalUse: string;
  /** The seed gives no maturity for bare-metal containers ("—"): shown as "not rated". */
  productionMaturity: string;
}

/** The seed's §5.1 table as typed data; config may override any value. @public */
export const DEFAULT_MODE_PROFILES: Readonly<
  Record<RuntimeModeId, ModeProfile>
> = {
  'bare-metal-container': {
    id: 'bare-metal-container',
    label: MODE_LABELS['bare-metal-container'],
    example: 'Native Kubernetes on physical hosts',
    kubernetesRunsOn: 'physical machines',
    virtualizationLayer: 'none',
    unifiedManagement: 'containers only',
    performanceOverhead: { min: 0, max: 0 },
    isolation: 'weak',
    isolationNote: 'weak (shared kernel)',
    resourceUtilisation: 'high',
    resourceUtilisationNote: 'high',
    hardwareCompatibility: 'needs driver adaptation',
    operationalComplexity: 'medium',
    operationalComplexityNote: 'medium',
    typicalUse: 'cloud-native applications',
    productionMaturity: 'not rated',
  },
  'virtualized-container': {
    id: 'virtualized-container',
    label: MODE_LABELS['virtualized-container'],
    example:
      'Kubernetes on VMs: VMware Tanzu / vSphere Kubernetes Service, SKS',
    kubernetesRunsOn: 'virtual machines',
    virtualizationLayer: 'ESXi / KVM',
    unifiedManagement: 'vCenter + Kubernetes',
    performanceOverhead: { min: 5, max: 15 },
    isolation: 'strong',
    isolationNote: 'strong (VM isolation)',
    resourceUtilisation: 'medium',
    resourceUtilisationNote: 'medium (virtualization overhead)',
    hardwareCompatibility: 'broad',
    operationalComplexity: 'low',
    operationalComplexityNote: 'low (mature tooling)',
    typicalUse: 'traditional enterprise hybrid cloud',
    productionMaturity: 'most mature today',
  },
  'container-virtualization': {
    id: 'container-virtualization',
    label: MODE_LABELS['container-virtualization'],
    example: 'KubeVirt: VMs as pods on Kubernetes',
    kubernetesRunsOn: 'physical machines',
    virtualizationLayer: 'KVM (libvirt)',
    unifiedManagement: 'Kubernetes-native API',
    performanceOverhead: { min: 5, max: 10 },
    isolation: 'medium',
    isolationNote: 'medium (mixed)',
    resourceUtilisation: 'high',
    resourceUtilisationNote: 'high',
    hardwareCompatibility: 'needs VT-x / AMD-V',
    operationalComplexity: 'high',
    operationalComplexityNote: 'high (hard to debug)',
    typicalUse: 'telco NFV / HPC',
    productionMaturity: 'early stage',
  },
};
