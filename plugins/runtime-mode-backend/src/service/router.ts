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

import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  HealthResponse,
  KNOWLEDGE_BASE_AS_OF,
  PortfolioExport,
  PortfolioExportRow,
  PortfolioRow,
  resolveModeProfiles,
  RULE_SET_VERSION,
  ClusterUpgrades,
  runtimeModeEvaluatePermission,
  runtimeModeRefreshPermission,
  StoredEvaluation,
  VerdictsByRefsResponse,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import express from 'express';
import Router from 'express-promise-router';
import { EvaluationStore, StoredApiUsage } from '../database/EvaluationStore';
import { PairMemo } from './PairMemo';
import { EvaluationRefresher } from './EvaluationRefresher';
import { CallerView, principalKey, ReadableEntities } from './ReadableEntities';
import { CallerRows } from './CallerRows';
import { SortedRows } from './rows/SortedRows';
import { CallerRateLimiter, TooManyRequestsError } from './CallerRateLimiter';
import { RuntimeModePluginConfig } from './readPluginConfig';
import {
  blastRadiusQuerySchema,
  clusterParamsSchema,
  clusterUpgradeQuerySchema,
  emptyQuerySchema,
  entityParamsSchema,
  evaluateRequestSchema,
  exportQuerySchema,
  historyQuerySchema,
  parseOrThrow,
  portfolioQuerySchema,
  SortQuery,
  verdictsQuerySchema,
  verdictsByRefsRequestSchema,
  whatIfRequestSchema,
} from './schemas';
import { verdictPage } from './verdicts/verdictPage';
import { buildPortfolioSummary } from './portfolio';
import { filterRows } from './rows/rowFilters';
import { rowsToCsv } from './export/csv';
import { runtimeTabUrl } from './export/runtimeTabUrl';
import { computeBlastRadius } from './blastRadius/computeBlastRadius';
import {
  computeClusterUpgradeDetail,
  computeClusterUpgrades,
} from './clusters/computeClusterUpgrades';
import { loadComponentPlacements } from './clusters/loadComponentPlacements';
import { buildRuleCatalog } from './ruleCatalog';
import { EvaluationService } from './EvaluationService';
import { StoredRowsCache, trendStart } from './StoredRowsCache';

/** Any cached order serves the routes that order their own answer (blast radius, verdicts, clusters). */
const ANY_CACHED_ORDER: SortQuery = { sort: 'name', order: 'asc' };

/** Dependencies of {@link createRouter}. */
export interface RouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  store: EvaluationStore;
  readable: ReadableEntities;
  refresher: EvaluationRefresher;
  evaluations: EvaluationService;
  rowsCache: StoredRowsCache;
  config: RuntimeModePluginConfig;
}

/** Builds the REST API v1 router (see src/schema/openapi.yaml). */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const {
    httpAuth,
    permissions,
    store,
    readable,
    refresher,
    evaluations,
    rowsCache,
    config,
  } = options;

  const router = Router();
  const parseJson = express.json({ limit: config.maxRequestBytes });
  const forcedRefreshes = new CallerRateLimiter({
    limit: config.forcedRefreshesPerMinute,
    windowMs: 60_000,
  });

  /**
   * Parses a JSON body. Called by the routes that take one, after the
   * caller is authenticated and authorized: nobody else makes the backend
   * read and parse up to maxRequestBytes.
   */
  function readJsonBody(
    req: express.Request,
    res: express.Response,
  ): Promise<unknown> {
    return new Promise((resolve, reject) =>
      parseJson(req, res, error => {
        if (!error) {
          resolve(req.body);
        } else if (
          (error as { type?: string }).type === 'entity.parse.failed'
        ) {
          // body-parser's SyntaxError would surface as a bare "Unexpected token".
          reject(
            new InputError(
              `The request body is not valid JSON: ${(error as Error).message}`,
            ),
          );
        } else {
          reject(error);
        }
      }),
    );
  }

  const visibleRows = new PairMemo<SortedRows, CallerView, PortfolioRow[]>();
  /**
   * The cluster view per caller's rows and usage snapshot (a new map per
   * write): every step of every cluster judged once per data version and
   * caller view, not per request.
   */
  const clusterViews = new PairMemo<
    PortfolioRow[],
    ReadonlyMap<string, StoredApiUsage>,
    ClusterUpgrades
  >();

  const userCredentials = (req: express.Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  /**
   * Stored portfolio rows (and the trend window) as the caller may see them,
   * in the order asked for, read through the shared order (nothing copied).
   */
  async function callerRows(
    req: express.Request,
    order: SortQuery,
    trendSince?: Date,
  ) {
    const credentials = await userCredentials(req);
    const [view, snapshot] = await Promise.all([
      readable.callerView(credentials),
      rowsCache.orderedSnapshot(order, trendSince),
    ]);
    return {
      view,
      order: snapshot.order,
      rows: CallerRows.seenBy(view, snapshot),
      history: snapshot.history,
    };
  }

  /**
   * The caller's rows as an array, for the routes that pass them on: made
   * once per order and caller view, and again only when asked after a write.
   */
  async function readableRows(req: express.Request, order: SortQuery) {
    const { view, order: sorted, rows } = await callerRows(req, order);
    return visibleRows.get(sorted, view, () => rows.toArray());
  }

  async function requirePermission(
    req: express.Request,
    permission:
      | typeof runtimeModeRefreshPermission
      | typeof runtimeModeEvaluatePermission,
  ) {
    const credentials = await userCredentials(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Permission ${permission.name} is required for this request`,
      );
    }
    return credentials;
  }

  router.get('/v1/health', (_req, res) => {
    const body: HealthResponse = {
      status: 'ok',
      ruleSetVersion: RULE_SET_VERSION,
      knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
    };
    res.json(body);
  });

  router.get('/v1/rules', async (req, res) => {
    await userCredentials(req);
    res.json(buildRuleCatalog());
  });

  router.get('/v1/profiles', async (req, res) => {
    await userCredentials(req);
    // The profiles in force: the built-in comparison with the admin's overrides.
    res.json(resolveModeProfiles(config.engine.profiles));
  });

  router.get('/v1/entities/:namespace/:kind/:name', async (req, res) => {
    const { entityRef } = parseOrThrow(entityParamsSchema, req.params, 'path');
    const credentials = await userCredentials(req);
    await readable.requireReadable(entityRef, credentials);
    res.json(await evaluations.getStored(entityRef));
  });

  router.get(
    '/v1/entities/:namespace/:kind/:name/history',
    async (req, res) => {
      const { entityRef } = parseOrThrow(
        entityParamsSchema,
        req.params,
        'path',
      );
      const { limit } = parseOrThrow(historyQuerySchema, req.query, 'query');
      const credentials = await userCredentials(req);
      const entity = await readable.requireReadable(entityRef, credentials);
      const items = await store.getHistory(
        { entityRef, entityUid: entity.metadata.uid },
        limit,
      );
      res.json({ entityRef, items });
    },
  );

  router.post(
    '/v1/entities/:namespace/:kind/:name/refresh',
    async (req, res) => {
      const { entityRef } = parseOrThrow(
        entityParamsSchema,
        req.params,
        'path',
      );
      const credentials = await requirePermission(
        req,
        runtimeModeRefreshPermission,
      );
      // Counted before the entity is looked up, so that hidden and unknown
      // entities cost the same and a 429 tells nothing about either.
      const retryAfter = forcedRefreshes.attempt(principalKey(credentials));
      if (retryAfter > 0) {
        res.set('Retry-After', String(retryAfter));
        throw new TooManyRequestsError(
          `Too many refresh requests; at most ${config.forcedRefreshesPerMinute} a minute (runtimeMode.api.forcedRefreshesPerMinute). Try again in ${retryAfter} s`,
        );
      }
      const entity = await readable.requireReadable(entityRef, credentials);
      await refresher.refreshEntity(entity, { force: true });
      const stored: StoredEvaluation = await evaluations.getStored(entityRef);
      res.json(stored);
    },
  );

  router.post(
    '/v1/entities/:namespace/:kind/:name/what-if',
    async (req, res) => {
      const { entityRef } = parseOrThrow(
        entityParamsSchema,
        req.params,
        'path',
      );
      const credentials = await requirePermission(
        req,
        runtimeModeEvaluatePermission,
      );
      // A body that is not JSON would be ignored and the stored targets used
      // instead: an answer to a question that was not asked.
      const hasBody =
        Boolean(req.headers['transfer-encoding']) ||
        Number(req.headers['content-length'] ?? 0) > 0;
      if (hasBody && !req.is('application/json')) {
        throw new InputError(
          'POST .../what-if expects a JSON body (Content-Type: application/json) or no body',
        );
      }
      const body = parseOrThrow(
        whatIfRequestSchema,
        (await readJsonBody(req, res)) ?? {},
        'body',
      );
      const entity = await readable.requireReadable(entityRef, credentials);
      res.json(await evaluations.whatIf(entity, body));
    },
  );

  router.post('/v1/evaluate', async (req, res) => {
    await requirePermission(req, runtimeModeEvaluatePermission);
    if (!req.is('application/json')) {
      throw new InputError(
        'POST /v1/evaluate expects a JSON body (Content-Type: application/json)',
      );
    }
    const body = parseOrThrow(
      evaluateRequestSchema,
      await readJsonBody(req, res),
      'body',
    );
    res.json(evaluations.evaluateAdHoc(body));
  });

  router.post('/v1/verdicts/by-refs', async (req, res) => {
    const credentials = await userCredentials(req);
    if (!req.is('application/json')) {
      throw new InputError(
        'POST /v1/verdicts/by-refs expects a JSON body (Content-Type: application/json) with entityRefs',
      );
    }
    const { entityRefs } = parseOrThrow(
      verdictsByRefsRequestSchema,
      await readJsonBody(req, res),
      'body',
    );
    const unique = [...new Set(entityRefs)];
    const [readableRefs, rowsByRef] = await Promise.all([
      readable.readableOf(unique, credentials),
      rowsCache.rowsByRef(),
    ]);
    const body: VerdictsByRefsResponse = { items: [] };
    for (const entityRef of unique) {
      const row = rowsByRef.get(entityRef);
      // Never evaluated yet (pending) is no verdict: the list shows nothing.
      if (!row || row.status === 'pending' || !readableRefs.has(entityRef)) {
        continue;
      }
      body.items.push({
        entityRef,
        mode: row.mode,
        level: row.level,
        score: row.score,
        status: row.status,
        ...(row.upgradeLevel ? { upgradeLevel: row.upgradeLevel } : {}),
        ...(row.migrationLevel !== undefined
          ? { migrationLevel: row.migrationLevel }
          : {}),
      });
    }
    res.json(body);
  });

  router.get('/v1/portfolio', async (req, res) => {
    const query = parseOrThrow(portfolioQuerySchema, req.query, 'query');
    const trendSince = trendStart(query.trendDays);
    const { rows, history } = await callerRows(req, query, trendSince);
    res.json(
      buildPortfolioSummary({
        rows,
        history,
        query,
        trendSince,
        plannedTargets: config.engine.apiPolicy.targets,
      }),
    );
  });

  router.get('/v1/portfolio/export', async (req, res) => {
    const query = parseOrThrow(exportQuerySchema, req.query, 'query');
    const rows: PortfolioExportRow[] = filterRows(
      await readableRows(req, query),
      query,
    ).map(row => ({
      ...row,
      runtimeTabUrl: runtimeTabUrl(config.appBaseUrl, row),
    }));
    const stamp = new Date().toISOString().slice(0, 10);
    if (query.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`runtime-mode-portfolio-${stamp}.csv`)
        .send(rowsToCsv(rows));
      return;
    }
    const body: PortfolioExport = {
      ruleSetVersion: RULE_SET_VERSION,
      knowledgeBaseAsOf: KNOWLEDGE_BASE_AS_OF,
      exportedAt: new Date().toISOString(),
      total: rows.length,
      items: rows,
    };
    res.attachment(`runtime-mode-portfolio-${stamp}.json`).json(body);
  });

  router.get('/v1/blast-radius', async (req, res) => {
    const query = parseOrThrow(blastRadiusQuerySchema, req.query, 'query');
    const [readableNow, usage] = await Promise.all([
      readableRows(req, ANY_CACHED_ORDER),
      rowsCache.apiUsage(),
    ]);
    const rows = filterRows(readableNow, query);
    res.json(
      await computeBlastRadius(store, rows, query, config.engine, usage),
    );
  });

  router.get('/v1/verdicts', async (req, res) => {
    const query = parseOrThrow(verdictsQuerySchema, req.query, 'query');
    const rows = await readableRows(req, ANY_CACHED_ORDER);
    res.json(await verdictPage(store, rows, query));
  });

  router.get('/v1/clusters', async (req, res) => {
    parseOrThrow(emptyQuerySchema, req.query, 'query');
    const rows = await readableRows(req, ANY_CACHED_ORDER);
    const usage = await rowsCache.apiUsage();
    const placements = await loadComponentPlacements(store, rows, usage);
    res.json(
      clusterViews.get(rows, usage, () =>
        computeClusterUpgrades({ rows, placements, config: config.engine }),
      ),
    );
  });

  router.get('/v1/clusters/:name/upgrade', async (req, res) => {
    const { name } = parseOrThrow(clusterParamsSchema, req.params, 'path');
    const query = parseOrThrow(clusterUpgradeQuerySchema, req.query, 'query');
    const rows = await readableRows(req, ANY_CACHED_ORDER);
    res.json(
      computeClusterUpgradeDetail(
        {
          rows,
          placements: await loadComponentPlacements(
            store,
            rows,
            await rowsCache.apiUsage(),
          ),
          config: config.engine,
        },
        { cluster: name, ...query },
      ),
    );
  });

  return router;
}
