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

import { ClusterUpgradeApi } from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * One sentence on why an API breaks or degrades at a step, e.g.
 * "extensions/v1beta1 Ingress removed in v1.22.0, already gone on the
 * cluster; use networking.k8s.io/v1".
 */
export function describeApi(
  api: Omit<ClusterUpgradeApi, 'components'>,
): string {
  const name = `${api.apiVersion} ${api.kind}`;
  const use = api.replacement ? `; use ${api.replacement}` : '';
  switch (api.status) {
    case 'already-broken':
      return `${name} removed in ${api.removedIn}, already gone on the cluster${use}`;
    case 'newly-breaks':
      return `${name} removed in ${api.removedIn}${use}`;
    default:
      return `${name} deprecated${
        api.deprecatedIn ? ` since ${api.deprecatedIn}` : ''
      }${api.removedIn ? `, removed in ${api.removedIn}` : ''}${use}`;
  }
}
