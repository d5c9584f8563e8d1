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

import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  BlastRadius,
  BlastRadiusStatus,
  ClusterUpgrades,
  EntityHistory,
  EntityVerdict,
  EvaluationResult,
  HealthResponse,
  PortfolioFilter,
  PortfolioGroupBy,
  PortfolioHeatmapBy,
  PortfolioSortField,
  PortfolioSummary,
  RuleCatalog,
  StoredEvaluation,
  WhatIfRequest,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

/**
 * One page of the portfolio: filters plus grouping, sorting and pagination,
 * all applied by the backend so the browser never holds the whole estate.
 *
 * @public
 */
export interface PortfolioQuery extends PortfolioFilter {
  groupBy?: PortfolioGroupBy;
  /** What the heatmap counts besides readiness: upgrade or migration levels. */
  heatmapBy?: PortfolioHeatmapBy;
  /** 1-based page number. */
  page?: number;
  pageSize?: number;
  sort?: PortfolioSortField;
  order?: 'asc' | 'desc';
}

/** The comparison profiles served by GET /v1/profiles: mode id to profile values. @public */
export type ModeProfiles = Record<string, Record<string, string | number>>;

/** The rows of an export: the portfolio's filters and its order. @public */
export interface PortfolioExportQuery extends PortfolioFilter {
  /** The table's order (`worst` first by default on the page). */
  sort?: PortfolioSortField;
  /** `asc` by default; for `worst`, `asc` is worst first. */
  order?: 'asc' | 'desc';
}

/** One page of a blast radius: a knowledge-base component at a version. @public */
export interface BlastRadiusQuery {
  /** Knowledge-base component id (`k8s`, `kubevirt`, `cdi`, `cluster-api`, ...). */
  component: string;
  /** The version to judge at (`1.34`, `1.6.0`). */
  version: string;
  /** The portfolio's filters, applied to the components examined. */
  filter?: PortfolioFilter;
  /** Only components of these statuses. */
  status?: BlastRadiusStatus[];
  /** Only the components on this configured cluster, judged from its version today. */
  cluster?: string;
  /** 1-based page number. */
  page?: number;
  /** Components per page. */
  pageSize?: number;
}

/** A file produced by the export endpoint, ready to be saved by the browser. @public */
export interface PortfolioExport {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Client of the Runtime Mode REST API v1 (`/api/runtime-mode/v1`).
 *
 * @public
 */
export interface RuntimeModeApi {
  getHealth(): Promise<HealthResponse>;
  getEvaluation(entityRef: CompoundEntityRef): Promise<StoredEvaluation>;
  getHistory(entityRef: CompoundEntityRef): Promise<EntityHistory>;
  refresh(entityRef: CompoundEntityRef): Promise<StoredEvaluation>;
  whatIf(
    entityRef: CompoundEntityRef,
    request: WhatIfRequest,
  ): Promise<EvaluationResult>;
  getPortfolio(query: PortfolioQuery): Promise<PortfolioSummary>;
  /** The filtered portfolio as a file, in the table's order; the server names it. */
  exportPortfolio(
    query: PortfolioExportQuery,
    format: 'csv' | 'json',
  ): Promise<PortfolioExport>;
  getBlastRadius(query: BlastRadiusQuery): Promise<BlastRadius>;
  /** Every configured cluster, its versions and components, and what its next versions break. */
  getClusterUpgrades(): Promise<ClusterUpgrades>;
  getRules(): Promise<RuleCatalog>;
  getProfiles(): Promise<ModeProfiles>;
  /**
   * The stored verdicts of many entities in one request (at most
   * `MAX_VERDICT_REFS` refs): one item per readable, evaluated ref; others
   * are absent.
   */
  getVerdicts(entityRefs: string[]): Promise<EntityVerdict[]>;
}

/** @public */
export const runtimeModeApiRef = createApiRef<RuntimeModeApi>({
  id: 'plugin.runtime-mode.api',
});
