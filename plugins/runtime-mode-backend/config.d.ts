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

export interface Config {
  /** Runtime Mode plugins: clusters, API policy, profiles, schedule and limits. */
  runtimeMode?: {
    /** The clusters components run on (`runtime-mode.dev/clusters` names them). */
    clusters?: Array<{
      name: string;
      /** bare-metal-container | virtualized-container | container-virtualization */
      mode:
        | 'bare-metal-container'
        | 'virtualized-container'
        | 'container-virtualization';
      platform?: string;
      kubernetesVersion?: string;
      kubevirtVersion?: string;
      /** Whether the nodes expose VT-x/AMD-V (`/dev/kvm`). */
      hardwareVirtualization?: boolean;
      /** Versions of other knowledge-base components on the cluster, e.g. { cdi: '1.60.0' }. */
      versions?: { [component: string]: string };
      /**
       * KubeVirt clusters: the KubeVirt CR's spec.configuration.evictionStrategy,
       * which VMs without their own inherit (upstream default None; HCO and
       * OpenShift Virtualization set LiveMigrate on multi-node clusters).
       */
      evictionStrategy?:
        | 'None'
        | 'LiveMigrate'
        | 'LiveMigrateIfPossible'
        | 'External';
      /**
       * KubeVirt clusters: the KubeVirt CR's spec.configuration.network.defaultNetworkInterface,
       * the pod-network binding of VMs that declare no interface (upstream default bridge).
       */
      defaultNetworkInterface?: 'bridge' | 'masquerade';
    }>;
    apiPolicy?: {
      /** Target versions per knowledge-base component, e.g. { k8s: '1.34', kubevirt: '1.6.0' }. */
      targets?: { [component: string]: string };
      /** How alpha APIs in production manifests are reported. */
      alphaInProduction?: 'warning' | 'info' | 'ignore';
      /** Rows added to, or overriding, the built-in deprecation knowledge base. */
      extraDeprecations?: Array<{
        apiVersion: string;
        kind?: string;
        deprecatedIn?: string;
        removedIn?: string;
        replacement?: string;
        replacementAvailableIn?: string;
        component?: string;
        note?: string;
      }>;
    };
    /** Overrides of the built-in comparison profiles, per mode. */
    profiles?: {
      [mode: string]: { [dimension: string]: string | number };
    };
    /** Manifest limits (the engine refuses bigger inputs with a finding). */
    limits?: {
      maxFileBytes?: number;
      maxDocuments?: number;
      maxDepth?: number;
      maxAliasCount?: number;
    };
    /**
     * Schedule of the background refresh (runs once across all replicas), or
     * `false` to refresh only on demand. Defaults: every 30 minutes, 15 minutes
     * timeout, 30 seconds initial delay.
     */
    schedule?:
      | false
      | {
          frequency: { [unit: string]: number } | { cron: string } | string;
          timeout?: { [unit: string]: number } | string;
          initialDelay?: { [unit: string]: number } | string;
        };
    /**
     * Schedule of the frequent catalog pass that evaluates newly registered
     * and edited Components (runs once across all replicas; reads manifests
     * only of Components whose catalog entry changed), or `false` to leave
     * them to the scheduled refresh. Defaults: every 20 seconds, 5 minutes
     * timeout, 15 seconds initial delay.
     */
    catalogChanges?:
      | false
      | {
          frequency?: { [unit: string]: number } | { cron: string } | string;
          timeout?: { [unit: string]: number } | string;
          initialDelay?: { [unit: string]: number } | string;
        };
    /**
     * Whether SCM push events (`github.push`, `gitlab.push`,
     * `bitbucketCloud.repo:push` from the events backend's SCM modules)
     * refresh the components whose manifests the push changed. Default true;
     * without an events backend nothing arrives and nothing changes.
     */
    pushEvents?: boolean;
    /** Notifications to owners (through the Backstage notifications backend). */
    notifications?: {
      /**
       * Whether a component's owner gets one Backstage notification when the
       * answer to "does it break at the planned upgrade?" gets worse, when its
       * planned move gets worse (ready → ready with warnings → blocked), or
       * when an API it uses is removed at the target versions. Default true; needs the
       * notifications backend (`@backstage/plugin-notifications-backend`).
       */
      enabled?: boolean;
    };
    /** REST API limits of the backend. */
    api?: {
      /** Maximum POST body (evaluate, what-if) in bytes. Default 5 MiB. */
      maxRequestBytes?: number;
      /** Maximum manifest files read per entity. Default 200. */
      maxFilesPerEntity?: number;
      /** How long the set of components a caller may read is cached, in ms. Default 10000. */
      readableCacheMs?: number;
      /**
       * Forced refreshes (POST .../refresh) one caller may start per minute;
       * more get 429 with Retry-After. Default 6.
       */
      forcedRefreshesPerMinute?: number;
    };
    /** Where manifests may be read from, and how much of them. */
    manifests?: {
      /**
       * Repositories outside a component's own whose manifests it may read,
       * as globs over host/owner/repo: `github.com/acme/platform-manifests`,
       * `github.com/acme-deploy/*`, `gitlab.example.com/**`. By default a
       * component reads only the repository the catalog registered it from.
       */
      allowedRepositories?: string[];
      /** Bytes of manifests kept per component. Default 8388608 (8 MiB). */
      maxBytesPerEntity?: number;
      /** Bytes of manifests one refresh run may download. Default 536870912 (512 MiB). */
      maxBytesPerRun?: number;
    };
    /** The stored history of each component's results. */
    history?: {
      /**
       * History rows older than this are deleted (each component's latest
       * row stays, as its starting level). Default 400.
       */
      retentionDays?: number;
    };
  };
}
