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

import type { RuntimeModeConfig } from '../../types';
import { evaluate } from '../evaluate';

const config: Partial<RuntimeModeConfig> = {
  clusters: [
    {
      name: 'kv',
      mode: 'container-virtualization',
      kubevirtVersion: '1.6.0',
      hardwareVirtualization: true,
      evictionStrategy: 'LiveMigrate',
      defaultNetworkInterface: 'masquerade',
    },
  ],
};

function run(docs: string[]) {
  return evaluate({
    entity: {
      kind: 'Component',
      metadata: {
        name: 'shop',
        annotations: { 'runtime-mode.dev/clusters': 'kv' },
      },
    },
    manifests: [{ path: 'app.yaml', content: docs.join('\n---\n') }],
    config,
    options: { now: new Date('2026-12-01T00:00:00Z') },
  });
}

const monitoringIds = (docs: string[]) =>
  run(docs)
    .findings.filter(f => f.category === 'monitoring')
    .map(f => f.id)
    .sort();

const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: shop-vm
  namespace: shop
spec:
  runStrategy: Always
  template:
    metadata:
      labels:
        app.kubernetes.io/name: shop
    spec:
      domain:
        devices: {}`;

const KUBEVIRT_METRICS = `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: kubevirt-metrics
  namespace: kubevirt
spec:
  selector:
    matchLabels:
      prometheus.kubevirt.io: "true"
  endpoints:
  - port: metrics
    scheme: https`;

const podMonitor = (
  selector: string,
  namespaceSelector = '',
) => `apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: shop
  namespace: shop
spec:
${namespaceSelector}  selector:
${selector}
  podMetricsEndpoints:
  - port: http`;

describe('monitoring: the app', () => {
  it('counts a PodMonitor that selects the VMI template labels its virt-launcher pod carries', () => {
    expect(
      monitoringIds([
        VM,
        KUBEVIRT_METRICS,
        podMonitor('    matchLabels:\n      app.kubernetes.io/name: shop'),
      ]),
    ).toEqual([]);
  });

  it('evaluates the PodMonitor selector with matchExpressions', () => {
    const selector =
      '    matchExpressions:\n    - {key: app.kubernetes.io/name, operator: In, values: [shop, cart]}';
    expect(monitoringIds([VM, KUBEVIRT_METRICS, podMonitor(selector)])).toEqual(
      [],
    );
    const other =
      '    matchExpressions:\n    - {key: app.kubernetes.io/name, operator: NotIn, values: [shop]}';
    expect(monitoringIds([VM, KUBEVIRT_METRICS, podMonitor(other)])).toEqual([
      'monitoring-app-not-covered',
    ]);
  });

  it('honours namespaceSelector: a monitor that looks elsewhere covers nothing', () => {
    const selector = '    matchLabels:\n      app.kubernetes.io/name: shop';
    expect(
      monitoringIds([
        VM,
        KUBEVIRT_METRICS,
        podMonitor(
          selector,
          '  namespaceSelector:\n    matchNames: [billing]\n',
        ),
      ]),
    ).toEqual(['monitoring-app-not-covered']);
    expect(
      monitoringIds([
        VM,
        KUBEVIRT_METRICS,
        podMonitor(selector, '  namespaceSelector:\n    any: true\n'),
      ]),
    ).toEqual([]);
  });

  it('counts a ServiceMonitor on a Service in front of the workload, by the Service labels', () => {
    const service = `apiVersion: v1
kind: Service
metadata:
  name: shop
  namespace: shop
  labels:
    team: shop-team
spec:
  selector:
    app.kubernetes.io/name: shop`;
    const serviceMonitor = (
      label: string,
    ) => `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: shop
  namespace: shop
spec:
  selector:
    matchLabels:
      ${label}
  endpoints:
  - port: http`;
    expect(
      monitoringIds([
        VM,
        KUBEVIRT_METRICS,
        service,
        serviceMonitor('team: shop-team'),
      ]),
    ).toEqual([]);
    expect(
      monitoringIds([
        VM,
        KUBEVIRT_METRICS,
        service,
        serviceMonitor('team: other'),
      ]),
    ).toEqual(['monitoring-app-not-covered']);
  });

  it('says nothing about app coverage when the manifests hold no app workload', () => {
    const service =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: lb\nspec:\n  selector: {app: x}';
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      containers: [{name: x, image: x}]';
    const moving = (content: string) =>
      evaluate({
        entity: {
          kind: 'Component',
          metadata: {
            name: 'infra',
            annotations: {
              'runtime-mode.dev/target-mode': 'container-virtualization',
            },
          },
        },
        manifests: [{ path: 'app.yaml', content }],
        config,
        options: { now: new Date('2026-12-01T00:00:00Z') },
      }).findings.filter(f => f.category === 'monitoring');
    expect(moving(service)).toEqual([]);
    expect(moving(`${service}\n---\n${deployment}`).map(f => f.id)).toEqual([
      'monitoring-service-monitor-missing',
    ]);
  });
});

describe('monitoring: VM metrics', () => {
  const appMonitor = podMonitor(
    '    matchLabels:\n      app.kubernetes.io/name: shop',
  );

  it('needs a ServiceMonitor on the KubeVirt metrics Service, port metrics', () => {
    expect(monitoringIds([VM, appMonitor])).toEqual([
      'monitoring-virt-launcher-not-covered',
    ]);
    const wrongPort = KUBEVIRT_METRICS.replace('port: metrics', 'port: http');
    const r = run([VM, appMonitor, wrongPort]);
    expect(
      r.findings.find(f => f.id === 'monitoring-virt-launcher-not-covered')!
        .message,
    ).toContain('scrape no port named metrics');
  });

  it('flags a ServiceMonitor that selects kubevirt.io: virt-launcher: no Service carries that label', () => {
    const launcher = KUBEVIRT_METRICS.replace(
      'prometheus.kubevirt.io: "true"',
      'kubevirt.io: virt-launcher',
    );
    expect(monitoringIds([VM, appMonitor, launcher])).toEqual([
      'monitoring-virt-launcher-not-covered',
      'monitoring-virt-launcher-selector',
    ]);
  });

  it("honours namespaceSelector: the metrics Service lives in KubeVirt's namespace", () => {
    const inApp = KUBEVIRT_METRICS.replace(
      'namespace: kubevirt',
      'namespace: shop',
    );
    expect(monitoringIds([VM, appMonitor, inApp])).toEqual([
      'monitoring-virt-launcher-not-covered',
    ]);
    const reaching = inApp.replace(
      'spec:\n',
      'spec:\n  namespaceSelector:\n    matchNames: [openshift-cnv]\n',
    );
    expect(monitoringIds([VM, appMonitor, reaching])).toEqual([]);
  });

  it('counts a PodMonitor on the virt-handler pods behind the metrics Service', () => {
    const handler = `apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: virt-handler
  namespace: kubevirt
spec:
  selector:
    matchLabels:
      prometheus.kubevirt.io: "true"
  podMetricsEndpoints:
  - port: metrics`;
    expect(monitoringIds([VM, appMonitor, handler])).toEqual([]);
  });

  it('counts PodMonitors as monitors: none at all is monitoring-service-monitor-missing', () => {
    expect(monitoringIds([VM])).toEqual(['monitoring-service-monitor-missing']);
  });
});
