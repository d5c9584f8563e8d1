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

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  Content,
  Header,
  HeaderLabel,
  InfoCard,
  Page,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type {
  MigrationLevelKey,
  PortfolioSummary,
  UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef, type PortfolioQuery } from '../../api';
import { formatDate } from '../common/format';
import { PanelError } from '../common/PanelError';
import { TablePlaceholder, TilesPlaceholder } from '../common/Placeholders';
import { focusRing } from '../common/visuallyHidden';
import {
  filterOf,
  hasFilters,
  parsePortfolioQuery,
  withPortfolioQuery,
  withoutFilters,
} from './portfolioQuery';
import {
  blastRadiusChoiceOf,
  withBlastRadiusChoice,
  type BlastRadiusChoice,
} from './blastRadiusChoice';
import { UpgradeOverview } from './UpgradeOverview';
import { MigrationOverview } from './MigrationOverview';
import { TrendChart, hasTrend } from './TrendChart';
import { Heatmap, type HeatmapSelection } from './Heatmap';
import { BlastRadiusPanel } from './BlastRadiusPanel';
import { PortfolioTable } from './PortfolioTable';
import { FilterBar, migrationPatch, migrationSelection } from './FilterBar';
import { downloadFile } from './downloadFile';
import { RulesPanel } from './RulesPanel';
import { ClustersPanel } from './ClustersPanel';

const LIST_ID = 'runtime-mode-components';

const useStyles = makeStyles(theme => ({
  // Out of sight until a keyboard user reaches it, then the first thing seen.
  skip: {
    position: 'absolute',
    left: -10000,
    top: 'auto',
    width: 1,
    height: 1,
    overflow: 'hidden',
    '&:focus': {
      position: 'static',
      width: 'auto',
      height: 'auto',
      display: 'inline-block',
      padding: theme.spacing(1, 2),
      marginBottom: theme.spacing(1),
      backgroundColor: theme.palette.background.paper,
      color: theme.palette.text.primary,
      outline: `3px solid ${theme.palette.primary.main}`,
    },
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  exports: { marginLeft: 'auto' },
  tab: focusRing(theme.palette.primary.main),
  list: { outline: 'none' },
  // Over the top of the first cards, so nothing moves while it shows.
  progress: { marginTop: -4, marginBottom: 0, height: 4 },
}));

function toggle<T>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value)
    ? current.filter(v => v !== value)
    : [...current, value];
}

function ExportButtons(props: { query: PortfolioQuery }) {
  const api = useApi(runtimeModeApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{
    error: Error;
    format: 'csv' | 'json';
  }>();
  const { query } = props;
  const run = async (format: 'csv' | 'json') => {
    setBusy(true);
    setError(undefined);
    try {
      downloadFile(
        await api.exportPortfolio(
          { ...filterOf(query), sort: query.sort, order: query.order },
          format,
        ),
      );
    } catch (e) {
      setError({ error: e as Error, format });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        disabled={busy}
        onClick={() => run('csv')}
      >
        Export CSV
      </Button>{' '}
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        disabled={busy}
        onClick={() => run('json')}
      >
        Export JSON
      </Button>
      {error && (
        <PanelError
          title="Could not export the portfolio"
          error={error.error}
          onRetry={() => run(error.format)}
        />
      )}
    </div>
  );
}

function NoMatch(props: { filtered: boolean; onClear: () => void }) {
  return (
    <InfoCard title="No component matches">
      <div data-testid="runtime-mode-no-match">
        {props.filtered ? (
          <>
            <Typography variant="body1" gutterBottom>
              No evaluated component matches these filters.
            </Typography>
            <Button variant="outlined" onClick={props.onClear}>
              Clear filters
            </Button>
          </>
        ) : (
          <Typography variant="body1">
            No component is evaluated yet. Components appear here once they
            carry runtime-mode.dev annotations and the backend has evaluated
            them.
          </Typography>
        )}
      </div>
    </InfoCard>
  );
}

/**
 * Brings the list into view once the rows a drill-down asked for have
 * arrived, and moves the keyboard focus there.
 */
function useRevealList(loading: boolean) {
  const listRef = useRef<HTMLDivElement>(null);
  const pending = useRef<'asked' | 'loading' | undefined>();
  useEffect(() => {
    if (!pending.current) return;
    if (loading) {
      pending.current = 'loading';
    } else if (pending.current === 'loading') {
      pending.current = undefined;
      listRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
      listRef.current?.focus({ preventScroll: true });
    }
  }, [loading]);
  const reveal = useCallback(() => {
    pending.current = 'asked';
  }, []);
  const jump = useCallback(() => {
    listRef.current?.scrollIntoView?.({ block: 'start' });
    listRef.current?.focus({ preventScroll: true });
  }, []);
  return { listRef, reveal, jump };
}

function Overview(props: {
  summary: PortfolioSummary;
  query: PortfolioQuery;
  update: (patch: Partial<PortfolioQuery>, keepPage?: boolean) => void;
  onDrillDown: (selection: HeatmapSelection) => void;
}) {
  const { summary, query, update } = props;
  const migration = migrationSelection(query);
  return (
    <>
      <Grid item xs={12} lg={6}>
        <InfoCard title="Planned upgrade">
          <UpgradeOverview
            summary={summary}
            selected={query.upgradeLevel ?? []}
            onToggle={(level: UpgradeLevel) =>
              update({ upgradeLevel: toggle(query.upgradeLevel, level) })
            }
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title="Migration">
          <MigrationOverview
            summary={summary}
            selected={migration}
            onToggle={(level: MigrationLevelKey) =>
              update(migrationPatch(migration, toggle(migration, level)))
            }
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Mode × readiness">
          <Heatmap
            heatmap={summary.heatmap}
            view={query.heatmapBy === 'migration' ? 'migration' : 'upgrade'}
            groupBy={query.groupBy ?? 'owner'}
            onViewChange={heatmapBy => update({ heatmapBy }, true)}
            onGroupByChange={groupBy => update({ groupBy }, true)}
            onSelect={props.onDrillDown}
          />
        </InfoCard>
      </Grid>
    </>
  );
}

function PortfolioTabContent(props: {
  query: PortfolioQuery;
  update: (patch: Partial<PortfolioQuery>, keepPage?: boolean) => void;
  onClear: () => void;
  blastRadius: BlastRadiusChoice;
  onBlastRadius: (choice: BlastRadiusChoice) => void;
  state: {
    value?: PortfolioSummary;
    loading: boolean;
    error?: Error;
    retry: () => void;
  };
}) {
  const classes = useStyles();
  const { query, update, state } = props;
  const { value } = state;
  const { listRef, reveal, jump } = useRevealList(state.loading);

  const onDrillDown = (selection: HeatmapSelection) => {
    const groupBy = query.groupBy ?? 'owner';
    const patch: Partial<PortfolioQuery> = {
      [groupBy]:
        selection.group !== undefined ? [selection.group] : query[groupBy],
      mode: selection.mode ? [selection.mode] : query.mode,
    };
    if (selection.upgradeLevel) patch.upgradeLevel = [selection.upgradeLevel];
    if (selection.migrationLevel) {
      Object.assign(patch, migrationPatch([], [selection.migrationLevel]));
    }
    if (selection.level) patch.level = [selection.level];
    reveal();
    update(patch);
  };

  return (
    <>
      <a
        href={`#${LIST_ID}`}
        className={classes.skip}
        onClick={e => {
          e.preventDefault();
          jump();
        }}
      >
        Skip to the component list
      </a>
      <FilterBar query={query} onChange={update} onClear={props.onClear} />
      {value && state.loading && (
        <LinearProgress
          aria-label="Loading the components that match"
          className={classes.progress}
        />
      )}
      <Grid container spacing={3}>
        {state.error && (
          <Grid item xs={12}>
            <PanelError
              title="Could not load the portfolio"
              error={state.error}
              onRetry={state.retry}
            />
          </Grid>
        )}
        {!value && state.loading && (
          <>
            <Grid item xs={12} lg={6}>
              <InfoCard title="Planned upgrade">
                <TilesPlaceholder what="the planned upgrade" tiles={5} />
              </InfoCard>
            </Grid>
            <Grid item xs={12} lg={6}>
              <InfoCard title="Migration">
                <TilesPlaceholder what="the migrations" tiles={5} />
              </InfoCard>
            </Grid>
          </>
        )}
        {value && value.total === 0 && (
          <Grid item xs={12}>
            <NoMatch filtered={hasFilters(query)} onClear={props.onClear} />
          </Grid>
        )}
        {value && value.total > 0 && (
          <Overview
            summary={value}
            query={query}
            update={update}
            onDrillDown={onDrillDown}
          />
        )}
        <Grid item xs={12}>
          <InfoCard
            title="Upgrade blast radius"
            subheader="Who breaks at a version of a platform, apart from who is already broken today"
          >
            <BlastRadiusPanel
              filter={filterOf(query)}
              plannedTargets={value?.kpis.plannedTargets}
              choice={props.blastRadius}
              onChoose={props.onBlastRadius}
            />
          </InfoCard>
        </Grid>
        {value && hasTrend(value.trend) && (
          <Grid item xs={12}>
            <InfoCard
              title="Trend"
              subheader="Components per level of all open concerns, per day"
            >
              <TrendChart trend={value.trend} />
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12}>
          <div
            id={LIST_ID}
            ref={listRef}
            tabIndex={-1}
            className={classes.list}
          >
            <InfoCard
              title={value ? `Components (${value.total})` : 'Components'}
            >
              {!value && state.loading && (
                <TablePlaceholder what="the components" rows={8} columns={7} />
              )}
              {value && (
                <PortfolioTable
                  summary={value}
                  sort={query.sort ?? 'worst'}
                  order={query.order ?? 'asc'}
                  onSort={(sort, order) => update({ sort, order })}
                  onPage={page => update({ page }, true)}
                  onPageSize={pageSize => update({ pageSize })}
                />
              )}
              {!value && state.error && (
                <Typography variant="body2" color="textSecondary">
                  The list could not be loaded (see above).
                </Typography>
              )}
            </InfoCard>
          </div>
        </Grid>
      </Grid>
    </>
  );
}

/**
 * The architecture board's view: does the estate break at the planned
 * upgrade, can it move to the modes chosen, who breaks at a version of a
 * platform, and the full list worst first. What upgrading each cluster
 * breaks, and rule definitions, have tabs of
 * their own. Every choice lives in the URL.
 */
export function PortfolioPage() {
  const classes = useStyles();
  const api = useApi(runtimeModeApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(
    () => parsePortfolioQuery(searchParams),
    [searchParams],
  );
  const queryKey = withPortfolioQuery(new URLSearchParams(), query).toString();
  const blastRadius = blastRadiusChoiceOf(searchParams);
  const tabParam = searchParams.get('tab');
  const tab =
    tabParam === 'rules' || tabParam === 'clusters' ? tabParam : 'portfolio';

  const update = useCallback(
    (patch: Partial<PortfolioQuery>, keepPage = false) => {
      setSearchParams(previous => {
        const next = { ...parsePortfolioQuery(previous), ...patch };
        if (!keepPage && !('page' in patch)) next.page = 1;
        return withPortfolioQuery(previous, next);
      });
    },
    [setSearchParams],
  );
  const clear = useCallback(
    () =>
      setSearchParams(previous =>
        withPortfolioQuery(
          previous,
          withoutFilters(parsePortfolioQuery(previous)),
        ),
      ),
    [setSearchParams],
  );
  const chooseBlastRadius = useCallback(
    (choice: BlastRadiusChoice) =>
      setSearchParams(previous => withBlastRadiusChoice(previous, choice)),
    [setSearchParams],
  );
  const chooseTab = (next: string) =>
    setSearchParams(previous => {
      const params = new URLSearchParams(previous);
      if (next === 'rules' || next === 'clusters') params.set('tab', next);
      else params.delete('tab');
      return params;
    });
  /** From a cluster's next version to the blast radius of that cluster and version. */
  const openClusterBlastRadius = useCallback(
    (choice: { cluster: string; component: string; version: string }) =>
      setSearchParams(previous => {
        const params = withBlastRadiusChoice(previous, {
          platform: choice.component,
          version: choice.version,
          cluster: choice.cluster,
          page: 1,
        });
        params.delete('tab');
        return params;
      }),
    [setSearchParams],
  );

  // Only the portfolio tab needs the portfolio: the other tabs load their own data.
  const state = useAsyncRetry(
    async () => (tab === 'portfolio' ? api.getPortfolio(query) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, queryKey, tab],
  );
  // The backend's rule set and knowledge base, whichever tab is open.
  const { value: versions } = useAsync(async () => api.getHealth(), [api]);

  return (
    <Page themeId="tool">
      <Header
        title="Runtime Mode"
        subtitle="Does the estate break at the planned upgrade, and can it move to the modes chosen for it?"
      >
        {versions && (
          <>
            <HeaderLabel label="Rules" value={versions.ruleSetVersion} />
            <HeaderLabel
              label="API knowledge base as of"
              value={formatDate(versions.knowledgeBaseAsOf)}
            />
          </>
        )}
      </Header>
      <Content>
        <div data-testid="runtime-mode-portfolio">
          <div className={classes.bar}>
            <Tabs
              value={tab}
              onChange={(_e, next: string) => chooseTab(next)}
              indicatorColor="primary"
              aria-label="Runtime Mode views"
            >
              <Tab
                label="Portfolio"
                value="portfolio"
                className={classes.tab}
              />
              <Tab label="Clusters" value="clusters" className={classes.tab} />
              <Tab
                label="Rules and scoring"
                value="rules"
                className={classes.tab}
              />
            </Tabs>
            {tab === 'portfolio' && (
              <div className={classes.exports}>
                <ExportButtons query={query} />
              </div>
            )}
          </div>
          {tab === 'rules' && (
            <InfoCard title="Rules and scoring">
              <RulesPanel />
            </InfoCard>
          )}
          {tab === 'clusters' && (
            <InfoCard
              title="Clusters"
              subheader="What upgrading each cluster breaks: its next versions and the components they break or degrade"
            >
              <ClustersPanel onOpenBlastRadius={openClusterBlastRadius} />
            </InfoCard>
          )}
          {tab === 'portfolio' && (
            <PortfolioTabContent
              query={query}
              update={update}
              onClear={clear}
              blastRadius={blastRadius}
              onBlastRadius={chooseBlastRadius}
              state={state}
            />
          )}
          <Box mt={2} />
        </div>
      </Content>
    </Page>
  );
}
