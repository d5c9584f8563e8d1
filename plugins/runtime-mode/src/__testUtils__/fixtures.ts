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
  ClusterUpgrades,
  EntityHistory,
  EvaluationResult,
  PortfolioSummary,
  RuleCatalog,
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
      targetMode: null,
      targetSource: 'none',
      level: 'blocked',
      score: 30,
      explanation: [
        'Start at 100.',
        '-30 api-removed (critical)',
        '-30 live-migration-pod-network-bridge (critical)',
        '-10 live-migration-eviction-strategy (warning)',
        '= 30; level blocked (2 rule(s) with critical, 1 with warnings).',
      ],
    },
    upgrade: {
      level: 'broken-now',
      versions: [
        { component: 'cdi', current: '1.60.0', planned: '1.60.0' },
        { component: 'k8s', current: '1.32', planned: '1.34' },
        { component: 'kubevirt', current: '1.5.0', planned: '1.6.0' },
      ],
      counts: { brokenNow: 1, breaksAtUpgrade: 0, deprecated: 0 },
      checks: { passing: 1, total: 2 },
      explanation: [
        'Judged at Kubernetes 1.34 (its clusters run 1.32 today).',
        '1 object(s) use an API their cluster no longer serves today: broken now.',
        '= broken-now; 1 of 2 judged object(s) passing.',
      ],
    },
    migration: null,
    suggestion: {
      mode: 'virtualized-container',
      fitScore: 100,
      reasons: [
        'Isolation: strong isolation meets strong.',
        'Fit 100/100, against 60/100 for KubeVirt VMs, where it runs.',
      ],
    },
    findings: [
      {
        id: 'api-removed',
        category: 'api-compatibility',
        severity: 'critical',
        message:
          'DataVolume "billing-archive" uses cdi.kubevirt.io/v1alpha1, no longer served since CDI v1.56.0; its cluster runs CDI 1.60.0 today.',
        file: 'manifests/vm-billing-legacy/datavolume.yaml',
        line: 1,
        apiVersion: 'cdi.kubevirt.io/v1alpha1',
        kind: 'DataVolume',
        name: 'billing-archive',
        removedIn: 'v1.56.0',
        replacement: 'cdi.kubevirt.io/v1beta1',
        component: 'cdi',
        timing: 'now',
        remediation: 'Move to cdi.kubevirt.io/v1beta1.',
        docsUrl:
          'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
        waived: false,
      },
      {
        id: 'live-migration-pod-network-bridge',
        category: 'live-migration',
        severity: 'critical',
        message:
          'VirtualMachine "billing-vm" interface "default" uses bridge binding on the pod network: the VMI is not live-migratable.',
        file: 'manifests/vm-billing-legacy/vm.yaml',
        line: 5,
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        name: 'billing-vm',
        remediation: 'Use masquerade: {} on the pod network interface.',
        docsUrl:
          'https://kubevirt.io/user-guide/network/interfaces_and_networks/',
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
        id: 'monitoring-service-monitor-missing',
        category: 'monitoring',
        severity: 'warning',
        message: 'No ServiceMonitor covers the virt-launcher pods',
        remediation: 'Add a ServiceMonitor for the VM metrics.',
        waived: false,
        waiver: {
          ruleId: 'monitoring-service-monitor-missing',
          until: '2026-01-31',
          reason: 'Guest agent rollout',
          expired: true,
        },
      },
      {
        id: 'operations-probes-missing',
        category: 'operations',
        severity: 'warning',
        message: 'No readiness probe',
        waived: true,
        waiver: {
          ruleId: 'operations-probes-missing',
          until: '2027-03-31',
          reason: 'Probes land with the v5 rewrite',
          expired: false,
        },
      },
    ],
    objects: [
      {
        file: 'manifests/vm-billing-legacy/datavolume.yaml',
        line: 1,
        apiVersion: 'cdi.kubevirt.io/v1alpha1',
        kind: 'DataVolume',
        name: 'billing-archive',
      },
      {
        file: 'manifests/vm-billing-legacy/vm.yaml',
        line: 5,
        apiVersion: 'kubevirt.io/v1',
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
    targets: [
      { component: 'k8s', version: '1.34', source: 'config' },
      { component: 'kubevirt', version: '1.6.0', source: 'config' },
    ],
    notJudged: [],
    ...overrides,
  };
}

/** A component with a planned move (target-mode annotation) to KubeVirt. */
export function makePlannedMoveResult(
  overrides: Partial<EvaluationResult> = {},
): EvaluationResult {
  const base = makeResult();
  return makeResult({
    mode: {
      ...base.mode,
      value: 'virtualized-container',
      declared: undefined,
      evidence: [
        {
          source: 'cluster',
          mode: 'virtualized-container',
          reason: 'runs on sks-prod-01',
          cluster: 'sks-prod-01',
        },
      ],
    },
    readiness: {
      ...base.readiness,
      targetMode: 'container-virtualization',
      targetSource: 'annotation',
    },
    upgrade: {
      level: 'clean',
      versions: [{ component: 'k8s', current: '1.30', planned: '1.34' }],
      counts: { brokenNow: 0, breaksAtUpgrade: 0, deprecated: 0 },
      checks: { passing: 3, total: 3 },
      explanation: ['= clean; 3 of 3 judged object(s) passing.'],
    },
    migration: {
      targetMode: 'container-virtualization',
      targetSource: 'annotation',
      level: 'blocked',
      checks: { passing: 5, total: 7 },
      score: 50,
      explanation: [
        'Move to KubeVirt VMs, planned by the runtime-mode.dev/target-mode annotation.',
        'Start at 100.',
        '= 50; level blocked (1 rule(s) with critical, 2 with warnings).',
        '5 of 7 checks passing.',
      ],
    },
    suggestion: null,
    ...overrides,
  });
}

/** A result stored by a rule set from before the two questions (no upgrade, migration, suggestion). */
export function makeLegacyResult(
  readiness: Partial<EvaluationResult['readiness']> = {},
): EvaluationResult {
  const { upgrade, migration, suggestion, ...rest } = makeResult({
    ruleSetVersion: '2026.11.2',
  });
  return {
    ...rest,
    readiness: {
      targetMode: 'virtualized-container',
      targetSource: 'best-fit',
      level: 'blocked',
      score: 0,
      explanation: ['Start at 100.', '= 0; level blocked.'],
      ...readiness,
    },
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

const zeroUpgrade = {
  clean: 0,
  deprecated: 0,
  'breaks-at-upgrade': 0,
  'broken-now': 0,
  unknown: 0,
};

const zeroMigration = { ...zeroLevels, none: 0 };

export const byUpgradeLevel = {
  'broken-now': 5,
  'breaks-at-upgrade': 3,
  deprecated: 12,
  clean: 30,
  unknown: 10,
};

export const byMigrationLevel = {
  blocked: 2,
  'ready-with-warnings': 3,
  unknown: 0,
  ready: 1,
  none: 54,
};

export const byMode = {
  'bare-metal-container': 30,
  'virtualized-container': 12,
  'container-virtualization': 8,
  unknown: 10,
};

export function makePortfolio(
  overrides: Partial<PortfolioSummary> = {},
): PortfolioSummary {
  return {
    ruleSetVersion: '2026.12.1',
    knowledgeBaseAsOf: '2026-12-01',
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
        targetMode: null,
        level: 'blocked',
        score: 30,
        critical: 2,
        warning: 2,
        info: 0,
        categories: ['api-compatibility', 'live-migration'],
        status: 'fresh',
        evaluatedAt: '2026-11-25T10:00:00.000Z',
        upgradeLevel: 'broken-now',
        brokenNow: 1,
        breaksAtUpgrade: 0,
        migrationLevel: null,
        suggestedMode: 'virtualized-container',
        checksPassing: null,
        checksTotal: null,
        topBlocker: {
          ruleId: 'api-removed',
          message:
            'DataVolume "billing-archive" uses cdi.kubevirt.io/v1alpha1, no longer served since CDI v1.56.0',
          file: 'manifests/vm-billing-legacy/datavolume.yaml',
          line: 1,
        },
      },
      {
        entityRef: 'component:default/ledger-service',
        name: 'ledger-service',
        namespace: 'default',
        title: 'Ledger Service',
        owner: 'group:default/team-payments',
        mode: 'virtualized-container',
        modeConflict: true,
        targetMode: 'container-virtualization',
        level: 'ready-with-warnings',
        score: 80,
        critical: 0,
        warning: 2,
        info: 1,
        categories: ['monitoring'],
        status: 'stale',
        evaluatedAt: '2026-11-24T10:00:00.000Z',
        upgradeLevel: 'clean',
        brokenNow: 0,
        breaksAtUpgrade: 0,
        migrationLevel: 'ready-with-warnings',
        suggestedMode: null,
        checksPassing: 5,
        checksTotal: 7,
        topBlocker: null,
      },
    ],
    kpis: {
      byMode,
      byLevel: {
        ready: 20,
        'ready-with-warnings': 15,
        blocked: 15,
        unknown: 10,
      },
      byUpgradeLevel,
      byMigrationLevel,
      plannedTargets: [
        { component: 'k8s', version: '1.34' },
        { component: 'kubevirt', version: '1.6.0' },
      ],
    },
    facets: {
      mode: byMode,
      upgradeLevel: byUpgradeLevel,
      migrationLevel: byMigrationLevel,
      level: { ready: 20, 'ready-with-warnings': 15, blocked: 15, unknown: 10 },
      category: {},
      owner: {
        'group:default/team-virt': 8,
        'group:default/team-payments': 52,
      },
      system: {},
      domain: {},
      lifecycle: {},
    },
    heatmap: {
      groupBy: 'owner',
      by: 'upgrade',
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
          upgradeCells: {
            'bare-metal-container': { ...zeroUpgrade },
            'virtualized-container': { ...zeroUpgrade },
            'container-virtualization': {
              ...zeroUpgrade,
              'broken-now': 1,
              clean: 7,
            },
            unknown: { ...zeroUpgrade },
          },
          migrationCells: {
            'bare-metal-container': { ...zeroMigration },
            'virtualized-container': { ...zeroMigration },
            'container-virtualization': { ...zeroMigration, none: 8 },
            unknown: { ...zeroMigration },
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
          upgradeCells: {
            'bare-metal-container': {
              ...zeroUpgrade,
              'broken-now': 4,
              deprecated: 6,
              clean: 20,
            },
            'virtualized-container': {
              ...zeroUpgrade,
              'breaks-at-upgrade': 3,
              deprecated: 6,
              clean: 3,
            },
            'container-virtualization': { ...zeroUpgrade },
            unknown: { ...zeroUpgrade, unknown: 10 },
          },
          migrationCells: {
            'bare-metal-container': { ...zeroMigration, none: 30 },
            'virtualized-container': {
              ...zeroMigration,
              blocked: 2,
              'ready-with-warnings': 3,
              ready: 1,
              none: 6,
            },
            'container-virtualization': { ...zeroMigration },
            unknown: { ...zeroMigration, none: 10 },
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

/** Kubernetes 1.34 on the example clusters: one newly breaks, one already broken. */
export const blastRadius: BlastRadius = {
  component: 'k8s',
  version: '1.34',
  knowledgeBaseAsOf: '2026-12-01',
  examined: 60,
  breaking: 2,
  deprecatedOnly: 1,
  alreadyBroken: 1,
  newlyBreaking: 1,
  total: 3,
  page: 1,
  pageSize: 10,
  configuredTarget: '1.34',
  clusters: [
    { name: 'bm-prod-01', mode: 'bare-metal-container', version: '1.31' },
    { name: 'kv-prod-01', mode: 'container-virtualization', version: '1.32' },
    { name: 'tanzu-prod-01', mode: 'virtualized-container', version: null },
  ],
  items: [
    {
      entityRef: 'component:default/cart-service',
      name: 'cart-service',
      title: 'Cart Service',
      owner: 'group:default/team-payments',
      mode: 'bare-metal-container',
      status: 'already-broken',
      currentVersion: '1.31',
      findings: [
        {
          severity: 'critical',
          status: 'already-broken',
          apiVersion: 'batch/v1beta1',
          kind: 'CronJob',
          name: 'cart-cleanup',
          file: 'manifests/cart-service/cleanup-cronjob.yaml',
          line: 1,
          removedIn: '1.25',
          replacement: 'batch/v1',
        },
      ],
    },
    {
      entityRef: 'component:default/inventory-sync',
      name: 'inventory-sync',
      title: 'Inventory Sync',
      owner: 'group:default/team-data',
      mode: 'container-virtualization',
      status: 'newly-breaks',
      currentVersion: '1.32',
      findings: [
        {
          severity: 'critical',
          status: 'newly-breaks',
          apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
          kind: 'FlowSchema',
          name: 'inventory',
          removedIn: '1.32',
          replacement: 'flowcontrol.apiserver.k8s.io/v1',
        },
      ],
    },
    {
      entityRef: 'component:default/payments-gateway',
      name: 'payments-gateway',
      owner: 'group:default/team-payments',
      mode: 'virtualized-container',
      status: 'deprecated',
      currentVersion: null,
      findings: [
        {
          severity: 'warning',
          status: 'deprecated',
          apiVersion: 'autoscaling/v2beta2',
          kind: 'HorizontalPodAutoscaler',
          deprecatedIn: '1.23',
          removedIn: '1.36',
          replacement: 'autoscaling/v2',
        },
      ],
    },
  ],
};

export const ruleCatalog: RuleCatalog = {
  ruleSetVersion: '2026.12.1',
  knowledgeBaseAsOf: '2026-12-01',
  scoring: [
    'Upgrade readiness: broken now, breaks at the upgrade, deprecated, clean or unknown.',
    'Migration readiness, only when a move is planned: n of m checks passing.',
  ],
  rules: [
    {
      id: 'api-removed',
      category: 'api-compatibility',
      severity: 'critical',
      title: 'API removed at the target',
      description: 'An object uses an apiVersion the target no longer serves.',
      docsUrl:
        'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
    },
    {
      id: 'live-migration-pod-network-bridge',
      category: 'live-migration',
      severity: 'critical',
      title: 'Bridge binding on the pod network',
      description: 'A VM bound to the pod network by bridge cannot migrate.',
      docsUrl:
        'https://kubevirt.io/user-guide/network/interfaces_and_networks/',
    },
  ],
};

/** Two example clusters: a bare-metal one two Kubernetes minors behind the plan, a KubeVirt one. */
export const clusterUpgrades: ClusterUpgrades = {
  ruleSetVersion: '2026.12.2',
  knowledgeBaseAsOf: '2026-12-01',
  newestKnownKubernetes: '1.37',
  clusters: [
    {
      name: 'bm-prod-01',
      mode: 'bare-metal-container',
      platform: 'kubeadm on bare metal',
      versions: [{ component: 'k8s', version: '1.31' }],
      components: 4,
      withoutObjects: 1,
      steps: [
        {
          component: 'k8s',
          from: '1.31',
          version: '1.32',
          planned: false,
          alreadyBroken: 1,
          breaking: 2,
          degrading: 0,
          apis: [
            {
              apiVersion: 'extensions/v1beta1',
              kind: 'Ingress',
              status: 'already-broken',
              removedIn: 'v1.22.0',
              replacement: 'networking.k8s.io/v1',
              components: 1,
            },
            {
              apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
              kind: 'FlowSchema',
              status: 'newly-breaks',
              removedIn: 'v1.32.0',
              replacement: 'flowcontrol.apiserver.k8s.io/v1',
              components: 2,
            },
          ],
        },
        {
          component: 'k8s',
          from: '1.31',
          version: '1.33',
          planned: true,
          alreadyBroken: 1,
          breaking: 2,
          degrading: 1,
          apis: [],
        },
      ],
    },
    {
      name: 'kv-prod-01',
      mode: 'container-virtualization',
      versions: [
        { component: 'k8s', version: '1.33' },
        { component: 'kubevirt', version: '1.5.0' },
      ],
      components: 2,
      withoutObjects: 0,
      steps: [
        {
          component: 'kubevirt',
          from: '1.5.0',
          version: '1.6.0',
          planned: true,
          alreadyBroken: 0,
          breaking: 0,
          degrading: 0,
          apis: [],
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
    getHealth: jest.fn().mockResolvedValue({
      status: 'ok',
      ruleSetVersion: ruleCatalog.ruleSetVersion,
      knowledgeBaseAsOf: ruleCatalog.knowledgeBaseAsOf,
    }),
    getEvaluation: jest.fn().mockResolvedValue(makeStored()),
    getHistory: jest.fn().mockResolvedValue(history),
    refresh: jest.fn().mockResolvedValue(makeStored()),
    whatIf: jest.fn().mockResolvedValue(makeResult()),
    getPortfolio: jest.fn().mockResolvedValue(makePortfolio()),
    exportPortfolio: jest.fn(),
    getBlastRadius: jest.fn().mockResolvedValue(blastRadius),
    getClusterUpgrades: jest.fn().mockResolvedValue(clusterUpgrades),
    getRules: jest.fn().mockResolvedValue(ruleCatalog),
    getProfiles: jest.fn(),
    getVerdicts: jest.fn().mockResolvedValue([]),
    ...overrides,
  };
}
