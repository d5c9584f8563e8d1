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

import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  BlastRadius,
  ClusterUpgrades,
  EntityHistory,
  EntityVerdict,
  EvaluationResult,
  HealthResponse,
  PortfolioFilter,
  PortfolioSummary,
  RuleCatalog,
  StoredEvaluation,
  VerdictsByRefsRequest,
  VerdictsByRefsResponse,
  WhatIfRequest,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type {
  BlastRadiusQuery,
  ModeProfiles,
  PortfolioExport,
  PortfolioExportQuery,
  PortfolioQuery,
  RuntimeModeApi,
} from './RuntimeModeApi';

/** Multi-valued filters travel as repeated query parameters (`mode=a&mode=b`). */
function appendFilter(params: URLSearchParams, filter: PortfolioFilter = {}) {
  const lists: Array<keyof Omit<PortfolioFilter, 'q' | 'migration'>> = [
    'owner',
    'system',
    'domain',
    'lifecycle',
    'mode',
    'level',
    'category',
    'upgradeLevel',
    'migrationLevel',
  ];
  for (const key of lists) {
    for (const value of filter[key] ?? []) {
      params.append(key, value);
    }
  }
  if (filter.migration) {
    params.set('migration', filter.migration);
  }
  if (filter.q?.trim()) {
    params.set('q', filter.q.trim());
  }
}

function appendSort(
  params: URLSearchParams,
  query: Pick<PortfolioQuery, 'sort' | 'order'>,
) {
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
}

function entityPath(ref: CompoundEntityRef, suffix = ''): string {
  const parts = [ref.namespace, ref.kind.toLocaleLowerCase('en-US'), ref.name];
  return `/v1/entities/${parts.map(encodeURIComponent).join('/')}${suffix}`;
}

/**
 * Default {@link RuntimeModeApi}: the backend found through discovery, called
 * with the user's credentials through the fetch API.
 *
 * @public
 */
export class RuntimeModeClient implements RuntimeModeApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getHealth(): Promise<HealthResponse> {
    return this.request<HealthResponse>('/v1/health');
  }

  getEvaluation(entityRef: CompoundEntityRef): Promise<StoredEvaluation> {
    return this.request<StoredEvaluation>(entityPath(entityRef));
  }

  getHistory(entityRef: CompoundEntityRef): Promise<EntityHistory> {
    return this.request<EntityHistory>(entityPath(entityRef, '/history'));
  }

  refresh(entityRef: CompoundEntityRef): Promise<StoredEvaluation> {
    return this.request<StoredEvaluation>(entityPath(entityRef, '/refresh'), {
      method: 'POST',
    });
  }

  whatIf(
    entityRef: CompoundEntityRef,
    request: WhatIfRequest,
  ): Promise<EvaluationResult> {
    return this.request<EvaluationResult>(entityPath(entityRef, '/what-if'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  getPortfolio(query: PortfolioQuery): Promise<PortfolioSummary> {
    const params = new URLSearchParams();
    appendFilter(params, query);
    if (query.groupBy) params.set('groupBy', query.groupBy);
    if (query.heatmapBy) params.set('heatmapBy', query.heatmapBy);
    if (query.page !== undefined) params.set('page', String(query.page));
    if (query.pageSize !== undefined) {
      params.set('pageSize', String(query.pageSize));
    }
    appendSort(params, query);
    return this.request<PortfolioSummary>(`/v1/portfolio?${params}`);
  }

  async exportPortfolio(
    query: PortfolioExportQuery,
    format: 'csv' | 'json',
  ): Promise<PortfolioExport> {
    const params = new URLSearchParams({ format });
    appendFilter(params, query);
    appendSort(params, query);
    const response = await this.send(`/v1/portfolio/export?${params}`);
    const disposition = response.headers.get('content-disposition') ?? '';
    const named = /filename="?([^";]+)"?/i.exec(disposition);
    return {
      filename: named?.[1] ?? `runtime-mode-portfolio.${format}`,
      contentType:
        response.headers.get('content-type') ??
        (format === 'csv' ? 'text/csv' : 'application/json'),
      content: await response.text(),
    };
  }

  getBlastRadius(query: BlastRadiusQuery): Promise<BlastRadius> {
    const params = new URLSearchParams({
      component: query.component,
      version: query.version,
    });
    appendFilter(params, query.filter);
    for (const status of query.status ?? []) params.append('status', status);
    if (query.cluster) params.set('cluster', query.cluster);
    if (query.page !== undefined) params.set('page', String(query.page));
    if (query.pageSize !== undefined) {
      params.set('pageSize', String(query.pageSize));
    }
    return this.request<BlastRadius>(`/v1/blast-radius?${params}`);
  }

  getClusterUpgrades(): Promise<ClusterUpgrades> {
    return this.request<ClusterUpgrades>('/v1/clusters');
  }

  getRules(): Promise<RuleCatalog> {
    return this.request<RuleCatalog>('/v1/rules');
  }

  getProfiles(): Promise<ModeProfiles> {
    return this.request<ModeProfiles>('/v1/profiles');
  }

  async getVerdicts(entityRefs: string[]): Promise<EntityVerdict[]> {
    if (entityRefs.length === 0) {
      return [];
    }
    const body: VerdictsByRefsRequest = { entityRefs };
    const response = await this.request<VerdictsByRefsResponse>(
      '/v1/verdicts/by-refs',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    return response.items;
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.send(path, init);
    return (await response.json()) as T;
  }

  private async send(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('runtime-mode');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
