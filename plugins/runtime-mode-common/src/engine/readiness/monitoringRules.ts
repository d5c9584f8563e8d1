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

import type { Finding } from '../../types';
import { apiGroupOf } from '../apiGroups';
import { isKubevirtVm } from '../decideMode';
import { makeFinding } from '../findings';
import type { ReadinessContext } from './context';
import { get, labelsOf, list, selects } from './objectPaths';

// Labels of the KubeVirt metrics Service and of virt-launcher pods.
const KUBEVIRT_METRICS_LABELS: Array<Record<string, string>> = [
  { 'prometheus.kubevirt.io': 'true' },
  { 'kubevirt.io': 'virt-launcher' },
];

/**
 * Seed §5.2: a VM workload is observable when a ServiceMonitor covers both
 * the app and the virt-launcher pods (KubeVirt's `metrics` endpoint, where
 * the kubevirt_vmi_* and guest-agent metrics are). Applies to components
 * with KubeVirt VMs, and to container components moving to container
 * virtualization (app only: their containers stay pods there).
 * @internal
 */
export function checkMonitoring(context: ReadinessContext): Finding[] {
  const rendered = context.objects.filter(o => o.rendered);
  const hasVms = rendered.some(isKubevirtVm);
  if (!hasVms && context.targetMode !== 'container-virtualization') return [];
  if (rendered.length === 0) return [];

  const monitors = rendered.filter(
    o =>
      o.kind === 'ServiceMonitor' &&
      apiGroupOf(o.apiVersion) === 'monitoring.coreos.com',
  );
  if (monitors.length === 0) {
    return [
      makeFinding(
        'monitoring-service-monitor-missing',
        'warning',
        hasVms
          ? 'No ServiceMonitor is shipped with the component: neither the app nor the virt-launcher pods of its VMs are scraped.'
          : 'No ServiceMonitor is shipped with the component: the app is not scraped (its containers stay pods on KubeVirt, so only the app needs covering, not virt-launcher pods).',
        {
          remediation: hasVms
            ? 'Add a monitoring.coreos.com/v1 ServiceMonitor for the app Service, and one selecting prometheus.kubevirt.io: "true" on port metrics for the VM metrics.'
            : 'Add a monitoring.coreos.com/v1 ServiceMonitor for the app Service; add one for the KubeVirt metrics (prometheus.kubevirt.io: "true", port metrics) only if parts of it become VMs.',
        },
      ),
    ];
  }

  const findings: Finding[] = [];
  const coversKubevirt = monitors.some(monitor => {
    const selector = get(monitor.body, 'spec', 'selector');
    const ports = list(get(monitor.body, 'spec', 'endpoints')).map(e =>
      get(e, 'port'),
    );
    return (
      ports.includes('metrics') &&
      KUBEVIRT_METRICS_LABELS.some(labels => selects(selector, labels))
    );
  });
  // Containers moving to KubeVirt stay pods: no virt-launcher pods to cover.
  if (hasVms && !coversKubevirt) {
    const first = monitors[0];
    findings.push(
      makeFinding(
        'monitoring-virt-launcher-not-covered',
        'warning',
        `No ServiceMonitor selects the KubeVirt metrics Service (prometheus.kubevirt.io: "true") or virt-launcher pods on the metrics port: VM (kubevirt_vmi_*) and guest metrics are not scraped.`,
        {
          file: first.file,
          line: first.line,
          remediation:
            'Add a ServiceMonitor with selector.matchLabels {prometheus.kubevirt.io: "true"} and endpoints [{port: metrics, scheme: https}] in the KubeVirt namespace.',
        },
      ),
    );
  }

  const appServices = rendered.filter(
    o =>
      o.kind === 'Service' &&
      apiGroupOf(o.apiVersion) === '' &&
      !KUBEVIRT_METRICS_LABELS.some(labels =>
        selects(
          { matchLabels: labels },
          labelsOf(get(o.body, 'metadata', 'labels')),
        ),
      ),
  );
  const coversApp =
    appServices.length === 0
      ? monitors.some(
          m =>
            !KUBEVIRT_METRICS_LABELS.some(l =>
              selects(get(m.body, 'spec', 'selector'), l),
            ),
        )
      : appServices.some(service =>
          monitors.some(monitor =>
            selects(
              get(monitor.body, 'spec', 'selector'),
              labelsOf(get(service.body, 'metadata', 'labels')),
            ),
          ),
        );
  if (!coversApp) {
    const first = monitors[0];
    findings.push(
      makeFinding(
        'monitoring-app-not-covered',
        'warning',
        appServices.length === 0
          ? 'The ServiceMonitors only cover KubeVirt: nothing scrapes the app itself.'
          : `No ServiceMonitor selects the labels of the app's Service(s) (${appServices
              .map(s => s.name ?? '?')
              .join(', ')}): the app's own metrics are not scraped.`,
        {
          file: first.file,
          line: first.line,
          remediation:
            "Add a ServiceMonitor whose selector matches the app Service's labels.",
        },
      ),
    );
  }
  return findings;
}
