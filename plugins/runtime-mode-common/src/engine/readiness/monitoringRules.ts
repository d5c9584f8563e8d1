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
import { makeFinding, objectEvidence, objectLabel } from '../findings';
import { labelSelectorMatches } from '../labelSelectors';
import type { ManifestObject } from '../readManifests';
import {
  NOTHING_JUDGED,
  type ReadinessContext,
  type RuleFamilyOutcome,
} from './context';
import {
  AppWorkload,
  appWorkloadsIn,
  Monitor,
  monitorCovers,
  monitorsIn,
  servicesIn,
  servicesInFront,
} from './monitors';

// virt-operator's kubevirt-prometheus-metrics Service (NewPrometheusService)
// and the virt-handler pods behind it, which serve kubevirt_vmi_* on `metrics`.
const KUBEVIRT_METRICS_SERVICE_LABELS = {
  'kubevirt.io': '',
  'prometheus.kubevirt.io': 'true',
};
const VIRT_HANDLER_POD_LABELS = {
  'kubevirt.io': 'virt-handler',
  'prometheus.kubevirt.io': 'true',
};
const VIRT_LAUNCHER_LABELS = { 'kubevirt.io': 'virt-launcher' };
// Where KubeVirt is installed: upstream, OpenShift Virtualization, Harvester.
const KUBEVIRT_NAMESPACE = /kubevirt|openshift-cnv|harvester-system/;

/** Whether a monitor may look in the namespace KubeVirt is installed in. */
function reachesKubevirtNamespace(monitor: Monitor): boolean {
  const { scope } = monitor;
  if (scope.kind === 'any') return true;
  if (scope.kind === 'names') {
    return scope.names.some(name => KUBEVIRT_NAMESPACE.test(name));
  }
  return (
    scope.namespace === undefined || KUBEVIRT_NAMESPACE.test(scope.namespace)
  );
}

function selectsKubevirtMetrics(monitor: Monitor): boolean {
  return labelSelectorMatches(
    monitor.selector,
    monitor.kind === 'ServiceMonitor'
      ? KUBEVIRT_METRICS_SERVICE_LABELS
      : VIRT_HANDLER_POD_LABELS,
  );
}

/** A selector aimed at virt-launcher, which misses the KubeVirt metrics Service. */
function selectsVirtLauncher(monitor: Monitor): boolean {
  return (
    labelSelectorMatches(monitor.selector, VIRT_LAUNCHER_LABELS) &&
    !selectsKubevirtMetrics(monitor)
  );
}

/** Why no monitor covers the KubeVirt metrics, for the message. */
function vmMetricsGap(monitors: readonly Monitor[]): string {
  const selecting = monitors.filter(selectsKubevirtMetrics);
  if (selecting.length === 0) {
    return 'no ServiceMonitor selects the KubeVirt metrics Service (prometheus.kubevirt.io: "true")';
  }
  const onPort = selecting.filter(m => m.ports.includes('metrics'));
  if (onPort.length === 0) {
    return `${selecting
      .map(m => objectLabel(m.object))
      .join(
        ', ',
      )} select(s) the KubeVirt metrics Service but scrape no port named metrics`;
  }
  return `${onPort
    .map(m => objectLabel(m.object))
    .join(
      ', ',
    )} select(s) the KubeVirt metrics Service only in namespaces where KubeVirt is not installed (namespaceSelector)`;
}

function missingMonitorFinding(hasVms: boolean): Finding {
  return makeFinding(
    'monitoring-service-monitor-missing',
    'warning',
    hasVms
      ? 'No ServiceMonitor or PodMonitor is shipped with the component: neither the app in its VMs nor the VM metrics (kubevirt_vmi_*) are scraped.'
      : 'No ServiceMonitor or PodMonitor is shipped with the component: the app is not scraped (its containers stay pods on KubeVirt, so there are no VM metrics to cover).',
    {
      remediation: hasVms
        ? 'Add a PodMonitor on the VMI template labels for the app, and a ServiceMonitor selecting prometheus.kubevirt.io: "true" on port metrics for the VM metrics.'
        : "Add a PodMonitor on the workload's pod labels, or a ServiceMonitor on its Service.",
    },
  );
}

function appFinding(
  workloads: readonly AppWorkload[],
  monitors: readonly Monitor[],
): Finding {
  const first = workloads[0].object;
  return makeFinding(
    'monitoring-app-not-covered',
    'warning',
    `No ${monitors
      .map(m => m.kind)
      .filter((kind, i, all) => all.indexOf(kind) === i)
      .join(' or ')} selects the pods of ${workloads
      .map(w => objectLabel(w.object))
      .join(
        ', ',
      )} or a Service in front of them, in their namespace: the app's own metrics are not scraped.`,
    objectEvidence(first),
  );
}

/**
 * Seed §5.2, unified monitoring. The app is covered when a PodMonitor selects
 * a workload's pod labels (for a VM, the VMI template labels its virt-launcher
 * pod carries) or a ServiceMonitor selects a Service in front of it, in a
 * namespace the monitor looks in. VM metrics come from virt-handler behind the
 * KubeVirt metrics Service (prometheus.kubevirt.io: "true", port metrics), in
 * KubeVirt's namespace. Applies to components with KubeVirt VMs, and to
 * container components moving to container virtualization (app only: their
 * containers stay pods there); says nothing about the app when the manifests
 * hold no workload.
 * @internal
 */
export function checkMonitoring(context: ReadinessContext): RuleFamilyOutcome {
  const hasVms = context.vms.some(vm => vm.rendered);
  // Most components have neither: nothing to judge, nothing to collect.
  if (!hasVms && context.targetMode !== 'container-virtualization') {
    return NOTHING_JUDGED;
  }
  const rendered = context.objects.filter(o => o.rendered);
  const workloads = appWorkloadsIn(rendered);
  if (workloads.length === 0) return NOTHING_JUDGED;

  const monitors = monitorsIn(rendered);
  if (monitors.length === 0) {
    return {
      findings: [missingMonitorFinding(hasVms)],
      evaluated: ['monitoring-service-monitor-missing'],
    };
  }
  return {
    findings: monitorGaps(rendered, workloads, monitors, hasVms),
    evaluated: monitoringRulesFor(monitors, hasVms),
  };
}

/** The rules that judge the monitors a component ships. */
function monitoringRulesFor(
  monitors: readonly Monitor[],
  hasVms: boolean,
): string[] {
  const rules = [
    'monitoring-service-monitor-missing',
    'monitoring-app-not-covered',
  ];
  if (hasVms) rules.push('monitoring-virt-launcher-not-covered');
  if (monitors.some(m => m.kind === 'ServiceMonitor')) {
    rules.push('monitoring-virt-launcher-selector');
  }
  return rules;
}

/** What the monitors a component ships leave unscraped. */
function monitorGaps(
  rendered: readonly ManifestObject[],
  workloads: readonly AppWorkload[],
  monitors: readonly Monitor[],
  hasVms: boolean,
): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < monitors.length; i++) {
    const monitor = monitors[i];
    if (monitor.kind === 'ServiceMonitor' && selectsVirtLauncher(monitor)) {
      findings.push(
        makeFinding(
          'monitoring-virt-launcher-selector',
          'warning',
          `${objectLabel(
            monitor.object,
          )} selects kubevirt.io: virt-launcher, a label of VM pods that no Service carries: it scrapes nothing. VM metrics come from virt-handler behind the KubeVirt metrics Service.`,
          objectEvidence(monitor.object),
        ),
      );
    }
  }
  if (
    hasVms &&
    !monitors.some(
      m =>
        selectsKubevirtMetrics(m) &&
        m.ports.includes('metrics') &&
        reachesKubevirtNamespace(m),
    )
  ) {
    findings.push(
      makeFinding(
        'monitoring-virt-launcher-not-covered',
        'warning',
        `VM metrics (kubevirt_vmi_*) are not scraped: ${vmMetricsGap(
          monitors,
        )}.`,
        objectEvidence(monitors[0].object),
      ),
    );
  }
  const services = servicesIn(rendered);
  const appCovered = workloads.some(workload => {
    const inFront = servicesInFront(workload, services);
    return monitors.some(monitor => monitorCovers(monitor, workload, inFront));
  });
  if (!appCovered) findings.push(appFinding(workloads, monitors));
  return findings;
}
