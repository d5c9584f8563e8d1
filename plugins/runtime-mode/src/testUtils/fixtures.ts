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

import type { Entity } from '@backstage/catalog-model';
import type {
  BlastRadius,
  EntityHistory,
  EvaluationResult,
  PortfolioSummary,
  StoredEvaluation,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { RuntimeModeApi } from '../api';

/** A KubeVirt component, as in the example estate. */
export const kubevirtEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'vm-billing-legacy',
    namespace: 'default',
    title: 'Legacy Billing VM',
    annotations: {
      'runtime-mode.dev/mode': 'container-virtualization',
      'runtime-mode.dev/manifests': 'manifests/vm-billing-legacy/',
      'runtime-mode.dev/isolation': 'strong',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-virt' },
};

export const bareEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'legacy-crm', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
};

export function makeResult(
  overrides: Partial<EvaluationResult> = {},
): EvaluationResult {
  return {
    schemaVersion: 1,
    ruleSetVersion: '2026.11.0',
    knowledgeBaseAsOf: '2026-08-13',
    mode: {
      value: 'container-virtualization',
      source: 'manifest',
      confidence: 'high',
      declared: 'container-virtualization',
      conflict: false,
      evidence: [
        {
          source: 'manifest',
          mode: 'container-virtualization',
          reason: 'kubevirt.io VirtualMachine billing-vm',
          file: 'manifests/vm-billing-legacy/vm.yaml',
          line: 1,
        },
      ],
    },
    fit: {
      requirements: { isolation: 'strong' },
      scores: {
        'bare-metal-container': 20,
        'virtualized-container': 100,
        'container-virtualization': 60,
      },
      currentMode: 'container-virtualization',
      currentFit: 60,
      bestFit: 'virtualized-container',
      dimensions: [
        {
          dimension: 'isolation',
          label: 'Isolation',
          requirement: 'strong',
          modes: {
            'bare-metal-container': {
              value: 'weak (shared kernel)',
              fit: 'unfit',
              reason: 'needs strong, gives weak',
            },
            'virtualized-container': {
              value: 'strong (VM isolation)',
              fit: 'fit',
              reason: 'strong meets strong',
            },
            'container-virtualization': {
              value: 'medium (mixed)',
              fit: 'partial',
              reason: 'needs strong, gives medium',
            },
          },
        },
        {
          dimension: 'operationalComplexity',
          label: 'Operational complexity',
          modes: {
            'bare-metal-container': {
              value: 'medium',
              fit: 'unknown',
              reason: '',
            },
            'virtualized-container': {
              value: 'low',
              fit: 'unknown',
              reason: '',
            },
            'container-virtualization': {
              value: 'high',
              fit: 'unknown',
              reason: '',
            },
          },
        },
      ],
    },
    readiness: {
      targetMode: 'container-virtualization',
      targetSource: 'annotation',
      level: 'blocked',
      score: 35,
      explanation: [
        'start at 100',
        '1 critical: -40',
        '1 warning: -10',
        'expired waiver counts: -15',
      ],
    },
    findings: [
      {
        id: 'api-removed',
        category: 'api-compatibility',
        severity: 'critical',
        message: 'kubevirt.io/v1alpha3 VirtualMachine is removed at the target',
        file: 'manifests/vm-billing-legacy/vm.yaml',
        line: 1,
        apiVersion: 'kubevirt.io/v1alpha3',
        kind: 'VirtualMachine',
        name: 'billing-vm',
        deprecatedIn: '1.0.0',
        removedIn: '1.32',
        removalDate: '2024-12-11',
        replacement: 'kubevirt.io/v1',
        component: 'k8s',
        remediation: 'Change apiVersion to kubevirt.io/v1',
        docsUrl: 'https://kubevirt.io/user-guide/',
        waived: false,
      },
      {
        id: 'live-migration-eviction-strategy',
        category: 'live-migration',
        severity: 'warning',
        message: 'No evictionStrategy: LiveMigrate, the VM stops on node drain',
        file: 'manifests/vm-billing-legacy/vm.yaml',
        line: 14,
        remediation: 'Set spec.template.spec.evictionStrategy: LiveMigrate',
        waived: false,
      },
      {
        id: 'monitoring-servicemonitor',
        category: 'monitoring',
        severity: 'warning',
        message: 'No ServiceMonitor covers the virt-launcher pods',
        waived: false,
        waiver: {
          ruleId: 'monitoring-servicemonitor',
          until: '2026-01-31',
          reason: 'Guest agent rollout',
          expired: true,
        },
      },
      {
        id: 'operations-missing-probes',
        category: 'operations',
        severity: 'warning',
        message: 'No readiness probe',
        waived: true,
        waiver: {
          ruleId: 'operations-missing-probes',
          until: '2027-03-31',
          reason: 'Probes land with the v5 rewrite',
          expired: false,
        },
      },
    ],
    objects: [
      {
        file: 'manifests/vm-billing-legacy/vm.yaml',
        line: 1,
        apiVersion: 'kubevirt.io/v1alpha3',
        kind: 'VirtualMachine',
        name: 'billing-vm',
      },
      {
        file: 'manifests/vm-billing-legacy/service.yaml',
        line: 1,
        apiVersion: 'v1',
        kind: 'Service',
        name: 'billing',
      },
    ],
    targets: [{ component: 'k8s', version: '1.34', source: 'cluster' }],
    notJudged: ['cdi'],
    ...overrides,
  };
}

export function makeStored(
  overrides: Partial<StoredEvaluation> = {},
): StoredEvaluation {
  return {
    entityRef: 'component:default/vm-billing-legacy',
    status: 'fresh',
    evaluatedAt: '2026-11-25T10:00:00.000Z',
    result: makeResult(),
    ...overrides,
  };
}

export const history: EntityHistory = {
  entityRef: 'component:default/vm-billing-legacy',
  items: [
    {
      evaluatedAt: '2026-11-20T10:00:00.000Z',
      mode: 'container-virtualization',
      level: 'ready-with-warnings',
      score: 70,
      critical: 0,
      warning: 2,
      ruleSetVersion: '2026.11.0',
    },
    {
      evaluatedAt: '2026-11-25T10:00:00.000Z',
      mode: 'container-virtualization',
      level: 'blocked',
      score: 35,
      critical: 1,
      warning: 2,
      ruleSetVersion: '2026.11.0',
    },
  ],
};

const zeroLevels = {
  ready: 0,
  'ready-with-warnings': 0,
  blocked: 0,
  unknown: 0,
};

export function makePortfolio(
  overrides: Partial<PortfolioSummary> = {},
): PortfolioSummary {
  return {
    ruleSetVersion: '2026.11.0',
    knowledgeBaseAsOf: '2026-08-13',
    total: 60,
    page: 1,
    pageSize: 25,
    items: [
      {
        entityRef: 'component:default/vm-billing-legacy',
        name: 'vm-billing-legacy',
        namespace: 'default',
        title: 'Legacy Billing VM',
        owner: 'group:default/team-virt',
        system: 'system:default/billing',
        lifecycle: 'production',
        mode: 'container-virtualization',
        modeConflict: false,
        targetMode: 'container-virtualization',
        level: 'blocked',
        score: 35,
        critical: 1,
        warning: 2,
        info: 0,
        categories: ['api-compatibility', 'live-migration'],
        status: 'fresh',
        evaluatedAt: '2026-11-25T10:00:00.000Z',
      },
      {
        entityRef: 'component:default/checkout-api',
        name: 'checkout-api',
        namespace: 'default',
        title: 'Checkout API',
        owner: 'group:default/team-payments',
        mode: 'bare-metal-container',
        modeConflict: true,
        targetMode: null,
        level: 'unknown',
        score: null,
        critical: 0,
        warning: 0,
        info: 1,
        categories: [],
        status: 'stale',
        evaluatedAt: '2026-11-24T10:00:00.000Z',
      },
    ],
    kpis: {
      byMode: {
        'bare-metal-container': 30,
        'virtualized-container': 12,
        'container-virtualization': 8,
        unknown: 10,
      },
      byLevel: {
        ready: 20,
        'ready-with-warnings': 15,
        blocked: 15,
        unknown: 10,
      },
    },
    heatmap: {
      groupBy: 'owner',
      groups: [
        {
          key: 'group:default/team-virt',
          total: 8,
          cells: {
            'bare-metal-container': { ...zeroLevels },
            'virtualized-container': { ...zeroLevels },
            'container-virtualization': { ...zeroLevels, blocked: 5, ready: 3 },
            unknown: { ...zeroLevels },
          },
        },
        {
          key: 'group:default/team-payments',
          total: 52,
          cells: {
            'bare-metal-container': {
              ...zeroLevels,
              ready: 20,
              'ready-with-warnings': 10,
            },
            'virtualized-container': {
              ...zeroLevels,
              'ready-with-warnings': 5,
              blocked: 7,
            },
            'container-virtualization': { ...zeroLevels },
            unknown: { ...zeroLevels, unknown: 10 },
          },
        },
      ],
    },
    trend: [
      {
        date: '2026-11-24',
        byLevel: {
          ready: 18,
          'ready-with-warnings': 15,
          blocked: 17,
          unknown: 10,
        },
      },
      {
        date: '2026-11-25',
        byLevel: {
          ready: 20,
          'ready-with-warnings': 15,
          blocked: 15,
          unknown: 10,
        },
      },
    ],
    ...overrides,
  };
}

export const blastRadius: BlastRadius = {
  component: 'k8s',
  version: '1.32',
  knowledgeBaseAsOf: '2026-08-13',
  examined: 60,
  breaking: 1,
  deprecatedOnly: 1,
  items: [
    {
      entityRef: 'component:default/cart-service',
      name: 'cart-service',
      owner: 'group:default/team-payments',
      mode: 'bare-metal-container',
      findings: [
        {
          severity: 'warning',
          apiVersion: 'autoscaling/v2beta2',
          kind: 'HorizontalPodAutoscaler',
          deprecatedIn: '1.23',
          removedIn: '1.36',
          replacement: 'autoscaling/v2',
        },
      ],
    },
    {
      entityRef: 'component:default/vm-billing-legacy',
      name: 'vm-billing-legacy',
      owner: 'group:default/team-virt',
      mode: 'container-virtualization',
      findings: [
        {
          severity: 'critical',
          apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
          kind: 'FlowSchema',
          name: 'billing',
          file: 'manifests/vm-billing-legacy/flow.yaml',
          line: 3,
          removedIn: '1.32',
          replacement: 'flowcontrol.apiserver.k8s.io/v1',
        },
      ],
    },
  ],
};

/** A RuntimeModeApi whose methods are jest mocks, for tests where msw is not the point. */
export function mockRuntimeModeApi(
  overrides: Partial<jest.Mocked<RuntimeModeApi>> = {},
): jest.Mocked<RuntimeModeApi> {
  return {
    getHealth: jest.fn(),
    getEvaluation: jest.fn().mockResolvedValue(makeStored()),
    getHistory: jest.fn().mockResolvedValue(history),
    refresh: jest.fn().mockResolvedValue(makeStored()),
    whatIf: jest.fn().mockResolvedValue(makeResult()),
    getPortfolio: jest.fn().mockResolvedValue(makePortfolio()),
    exportPortfolio: jest.fn(),
    getBlastRadius: jest.fn().mockResolvedValue(blastRadius),
    getRules: jest.fn().mockResolvedValue({
      ruleSetVersion: '2026.11.0',
      knowledgeBaseAsOf: '2026-08-13',
      scoring: [
        'Start at 100.',
        'Each open critical concern: -30; each warning: -10.',
        'Any open critical concern: blocked.',
      ],
      rules: [
        {
          id: 'api-removed',
          category: 'api-compatibility',
          severity: 'critical',
          title: 'API removed at the target',
          description:
            'An object uses an apiVersion the target no longer serves.',
          docsUrl:
            'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
        },
      ],
    }),
    getProfiles: jest.fn(),
    ...overrides,
  };
}
