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

import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  Content,
  ContentHeader,
  Header,
  HeaderLabel,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import type {
  ModeValue,
  ReadinessLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef, type PortfolioQuery } from '../../api';
import { formatDate } from '../common/format';
import {
  filterOf,
  parsePortfolioQuery,
  serializePortfolioQuery,
} from './portfolioQuery';
import { KpiTiles } from './KpiTiles';
import { TrendChart } from './TrendChart';
import { Heatmap, type HeatmapSelection } from './Heatmap';
import { BlastRadiusPanel } from './BlastRadiusPanel';
import { PortfolioTable } from './PortfolioTable';
import { FilterBar } from './FilterBar';
import { downloadFile } from './downloadFile';
import { RulesPanel } from './RulesPanel';

function toggle<T>(list: T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value)
    ? current.filter(v => v !== value)
    : [...current, value];
}

function ExportButtons(props: { query: PortfolioQuery }) {
  const api = useApi(runtimeModeApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const run = async (format: 'csv' | 'json') => {
    setBusy(true);
    setError(undefined);
    try {
      downloadFile(await api.exportPortfolio(filterOf(props.query), format));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
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
      {error && <ResponseErrorPanel error={error} />}
    </>
  );
}

/**
 * The architecture board's view: how the estate is split across modes, who
 * is blocked, who breaks at the next Kubernetes version, and the full list.
 */
export function PortfolioPage() {
  const api = useApi(runtimeModeApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useMemo(
    () => parsePortfolioQuery(searchParams),
    [searchParams],
  );
  const queryKey = serializePortfolioQuery(query).toString();

  const update = useCallback(
    (patch: Partial<PortfolioQuery>, keepPage = false) => {
      setSearchParams(
        previous => {
          const next = { ...parsePortfolioQuery(previous), ...patch };
          if (!keepPage && !('page' in patch)) next.page = 1;
          return serializePortfolioQuery(next);
        },
        { replace: false },
      );
    },
    [setSearchParams],
  );

  const { value, loading, error } = useAsync(
    () => api.getPortfolio(query),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, queryKey],
  );

  const onHeatmapSelect = (selection: HeatmapSelection) => {
    const groupBy = query.groupBy ?? 'owner';
    update({
      [groupBy]:
        selection.group !== undefined ? [selection.group] : query[groupBy],
      mode: selection.mode ? [selection.mode] : query.mode,
      level: selection.level ? [selection.level] : query.level,
    });
    document
      .getElementById('runtime-mode-components')
      ?.scrollIntoView?.({ behavior: 'smooth' });
  };

  const filter = filterOf(query);

  return (
    <Page themeId="tool">
      <Header
        title="Runtime Mode"
        subtitle="What the estate runs on, what blocks its migration, and who breaks at the next Kubernetes upgrade"
      >
        {value && (
          <>
            <HeaderLabel label="Rules" value={value.ruleSetVersion} />
            <HeaderLabel
              label="API knowledge base as of"
              value={formatDate(value.knowledgeBaseAsOf)}
            />
          </>
        )}
      </Header>
      <Content>
        <ContentHeader title="Portfolio">
          <ExportButtons query={query} />
        </ContentHeader>
        <FilterBar
          query={query}
          onChange={update}
          onClear={() => setSearchParams(new URLSearchParams())}
        />
        {error && <ResponseErrorPanel error={error} />}
        {loading && !value && <Progress />}
        {value && (
          <Grid container spacing={3}>
            <Grid item xs={12} lg={6}>
              <InfoCard
                title={`${value.total} component${
                  value.total === 1 ? '' : 's'
                }`}
                subheader="Click a number to filter"
              >
                <KpiTiles
                  summary={value}
                  selectedModes={query.mode ?? []}
                  selectedLevels={query.level ?? []}
                  onToggleMode={(mode: ModeValue) =>
                    update({ mode: toggle(query.mode, mode) })
                  }
                  onToggleLevel={(level: ReadinessLevel) =>
                    update({ level: toggle(query.level, level) })
                  }
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12} lg={6}>
              <InfoCard
                title="Trend"
                subheader="Components per readiness level, per day"
              >
                <TrendChart trend={value.trend} />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard
                title="Upgrade blast radius"
                subheader="Who breaks at a target Kubernetes version, and why"
              >
                <BlastRadiusPanel filter={filter} />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard
                title="Mode × readiness"
                subheader="Per owner, system or domain"
              >
                <Heatmap
                  heatmap={value.heatmap}
                  groupBy={query.groupBy ?? 'owner'}
                  onGroupByChange={groupBy => update({ groupBy }, true)}
                  onSelect={onHeatmapSelect}
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard
                title="How scores work"
                subheader="The rule set every result records, and how it turns concerns into a level and a score"
              >
                <RulesPanel />
              </InfoCard>
            </Grid>
            <Grid item xs={12} id="runtime-mode-components">
              <InfoCard title="Components">
                {loading && <Progress />}
                <PortfolioTable
                  summary={value}
                  sort={query.sort}
                  order={query.order}
                  onSort={(sort, order) => update({ sort, order })}
                  onPage={page => update({ page }, true)}
                  onPageSize={pageSize => update({ pageSize })}
                />
              </InfoCard>
            </Grid>
          </Grid>
        )}
        {value && value.total === 0 && !loading && (
          <Box mt={2}>
            <Typography variant="body2">
              No evaluated component matches. Components appear here once they
              carry runtime-mode.dev annotations and the backend has evaluated
              them.
            </Typography>
          </Box>
        )}
      </Content>
    </Page>
  );
}
