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

import { useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  MODE_LABELS,
  compareVersions,
  componentLabel,
  parseVersion,
  type BlastRadius,
  type BlastRadiusItem,
  type BlastRadiusStatus,
  type PortfolioFilter,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';
import { ModeChip } from '../common/ModeChip';
import { SeverityLabel } from '../common/SeverityLabel';
import { formatDate } from '../common/format';
import { labelOf, plural } from '../common/labels';
import { KUBERNETES_VERSIONS } from '../common/versions';
import { PanelError } from '../common/PanelError';
import { TablePlaceholder } from '../common/Placeholders';
import { focusRing, visuallyHidden } from '../common/visuallyHidden';
import { shortRef } from './Heatmap';
import { PLATFORMS, type BlastRadiusChoice } from './blastRadiusChoice';

const PAGE_SIZE = 10;

const useStyles = makeStyles(theme => ({
  picker: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(1.5),
  },
  findings: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  code: { fontFamily: 'monospace', fontSize: '0.85em' },
  toggle: {
    color: theme.palette.text.primary,
    fontWeight: theme.typography.fontWeightMedium as number,
    textTransform: 'none',
    padding: theme.spacing(0.5, 1.25),
    lineHeight: 1.3,
    // The theme's selected toggle is grey on grey and reads as disabled;
    // the choice must look chosen (the sentence below names it too).
    '&.Mui-selected, &.Mui-selected:hover': {
      backgroundColor: theme.palette.primary.main,
      color: theme.palette.primary.contrastText,
    },
    ...focusRing(theme.palette.primary.main),
  },
  toggleLabel: { flexDirection: 'column' },
  mark: {
    display: 'block',
    fontSize: theme.typography.caption.fontSize,
    fontWeight: theme.typography.fontWeightRegular as number,
  },
  hidden: visuallyHidden,
  status: { fontWeight: theme.typography.fontWeightMedium as number },
}));

const STATUS_WORDS: Record<BlastRadiusStatus, string> = {
  'already-broken': 'Already broken today',
  'newly-breaks': 'Newly breaks',
  deprecated: 'Deprecated only',
};

type Cluster = NonNullable<BlastRadius['clusters']>[number];

function byVersionDesc(a: string, b: string): number {
  try {
    return compareVersions(b, a);
  } catch {
    return b.localeCompare(a);
  }
}

/**
 * The versions offered for a platform: for Kubernetes its minor releases
 * from the oldest a cluster runs (or the planned one) up; for the others the
 * versions that matter here, the planned target and what clusters run.
 */
function versionOptions(
  platform: string,
  planned: string | undefined,
  clusters: Cluster[],
  chosen: string | undefined,
): { quick: string[]; older: string[] } {
  const known = [planned, ...clusters.map(c => c.version), chosen].filter(
    (v): v is string => Boolean(v && parseVersion(v)),
  );
  if (platform !== 'k8s') {
    return { quick: [...new Set(known)].sort(byVersionDesc), older: [] };
  }
  const minors = [...new Set([...KUBERNETES_VERSIONS, ...known])].sort(
    byVersionDesc,
  );
  const floor = [...known].sort(byVersionDesc).pop();
  let quick = floor
    ? minors.filter(v => byVersionDesc(v, floor) <= 0)
    : minors.slice(0, 8);
  if (quick.length > 10) quick = quick.slice(0, 10);
  return { quick, older: minors.filter(v => !quick.includes(v)) };
}

function FindingLines(props: { item: BlastRadiusItem; version: string }) {
  const classes = useStyles();
  const rank = (severity: string) => (severity === 'critical' ? 0 : 1);
  const sorted = [...props.item.findings].sort(
    (a, b) => rank(a.severity) - rank(b.severity),
  );
  return (
    <ul className={classes.findings}>
      {sorted.map((f, index) => (
        <li
          key={`${f.file ?? ''}:${f.line ?? ''}:${f.apiVersion}:${
            f.kind
          }:${index}`}
        >
          <SeverityLabel severity={f.severity} />{' '}
          <span className={classes.code}>
            {f.apiVersion} {f.kind}
            {f.name ? ` ${f.name}` : ''}
          </span>
          <Typography variant="body2">
            {f.severity === 'critical'
              ? `Removed in ${f.removedIn ?? '?'}`
              : `Deprecated in ${f.deprecatedIn ?? '?'}${
                  f.removedIn ? `, removed in ${f.removedIn}` : ''
                }`}
            {f.status === 'already-broken' ? ': broken today' : ''}
            {f.replacement ? `; use ${f.replacement}` : ''}
            {f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

function statusOf(item: BlastRadiusItem): BlastRadiusStatus {
  if (item.status) return item.status;
  return item.findings.some(f => f.severity === 'critical')
    ? 'newly-breaks'
    : 'deprecated';
}

function Summary(props: { value: BlastRadius; platform: string }) {
  const { value } = props;
  const name = `${componentLabel(props.platform)} ${value.version}`;
  if (value.alreadyBroken === undefined || value.newlyBreaking === undefined) {
    return (
      <Typography
        variant="body1"
        gutterBottom
        data-testid="blast-radius-summary"
      >
        At {name}:{' '}
        <strong>
          {value.breaking} of {plural(value.examined, 'component')} break
        </strong>{' '}
        (removed APIs), {value.deprecatedOnly} more use deprecated APIs.
      </Typography>
    );
  }
  return (
    <Typography variant="body1" gutterBottom data-testid="blast-radius-summary">
      At {name}:{' '}
      <strong>
        {value.newlyBreaking} newly{' '}
        {value.newlyBreaking === 1 ? 'breaks' : 'break'}
      </strong>
      , <strong>{value.alreadyBroken} already broken today</strong>,{' '}
      {value.deprecatedOnly} use deprecated APIs only, of{' '}
      {plural(value.examined, 'component')} examined.
    </Typography>
  );
}

function ClustersLine(props: { clusters: Cluster[]; platform: string }) {
  if (props.clusters.length === 0) return null;
  const stated = props.clusters.filter(c => c.version);
  const unstated = props.clusters.filter(c => !c.version);
  return (
    <Typography variant="body2" data-testid="blast-radius-clusters">
      <strong>Clusters today:</strong>{' '}
      {stated.length === 0
        ? `none states its ${componentLabel(props.platform)} version`
        : stated
            .map(
              c => `${c.name} (${labelOf(MODE_LABELS, c.mode)}) ${c.version}`,
            )
            .join(' · ')}
      {stated.length > 0 && unstated.length > 0
        ? `; no version stated: ${unstated.map(c => c.name).join(', ')}`
        : ''}
    </Typography>
  );
}

function Items(props: {
  value: BlastRadius;
  page: number;
  onPage: (page: number) => void;
}) {
  const classes = useStyles();
  const { value } = props;
  if (value.items.length === 0) return null;
  return (
    <>
      <Table size="small" aria-label="Components affected by the upgrade">
        <TableHead>
          <TableRow>
            <TableCell>Status</TableCell>
            <TableCell>Component</TableCell>
            <TableCell>Owner</TableCell>
            <TableCell>Runs on</TableCell>
            <TableCell>Why</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(item => (
            <TableRow key={item.entityRef}>
              <TableCell>
                <Typography variant="body2" className={classes.status}>
                  {STATUS_WORDS[statusOf(item)]}
                  {statusOf(item) === 'newly-breaks'
                    ? ` at ${value.version}`
                    : ''}
                </Typography>
                {item.currentVersion && (
                  <Typography variant="caption" color="textSecondary">
                    runs {item.currentVersion} today
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <EntityRefLink
                  entityRef={item.entityRef}
                  defaultKind="component"
                  title={item.title}
                />
              </TableCell>
              <TableCell>{item.owner ? shortRef(item.owner) : '—'}</TableCell>
              <TableCell>
                <ModeChip mode={item.mode} />
              </TableCell>
              <TableCell>
                <FindingLines item={item} version={value.version} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {value.total !== undefined && value.total > (value.pageSize ?? 0) && (
        <TablePagination
          component="div"
          count={value.total}
          page={Math.max(0, (value.page ?? props.page) - 1)}
          rowsPerPage={value.pageSize ?? PAGE_SIZE}
          rowsPerPageOptions={[value.pageSize ?? PAGE_SIZE]}
          onPageChange={(_e, page) => props.onPage(page + 1)}
        />
      )}
    </>
  );
}

/**
 * "Who breaks if the clusters move to version X of a platform?": the
 * planned target is chosen first, each cluster's current version is marked,
 * and what is already broken today is told apart from what newly breaks at
 * the version. The choice lives in the URL.
 */
export function BlastRadiusPanel(props: {
  filter: PortfolioFilter;
  /** The planned targets (`apiPolicy.targets`), to preselect; absent while unknown. */
  plannedTargets?: Array<{ component: string; version: string }>;
  choice: BlastRadiusChoice;
  onChoose: (choice: BlastRadiusChoice) => void;
}) {
  const classes = useStyles();
  const api = useApi(runtimeModeApiRef);
  const { choice, onChoose } = props;
  const [other, setOther] = useState('');
  const [otherError, setOtherError] = useState<string>();
  const planned = props.plannedTargets?.find(
    t => t.component === choice.platform,
  )?.version;
  const version = choice.version ?? planned;
  const filterKey = JSON.stringify(props.filter);
  const platformName = componentLabel(choice.platform);

  const state = useAsyncRetry(async () => {
    if (!version) return undefined;
    return api.getBlastRadius({
      component: choice.platform,
      version,
      filter: props.filter,
      page: choice.page,
      pageSize: PAGE_SIZE,
      ...(choice.cluster ? { cluster: choice.cluster } : {}),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, choice.platform, version, choice.page, filterKey, choice.cluster]);

  // Opened from the Clusters tab: the answer is what the user came for.
  const panelRef = useRef<HTMLDivElement>(null);
  const openedForCluster = useRef(Boolean(choice.cluster));
  useEffect(() => {
    if (openedForCluster.current) {
      openedForCluster.current = false;
      panelRef.current?.scrollIntoView?.({ block: 'start' });
    }
  }, []);

  // While the next answer loads the last one is kept: it still marks the
  // versions, as long as it is about the same platform.
  const answer =
    state.value?.component === choice.platform ? state.value : undefined;
  const clusters = answer?.clusters ?? [];
  const configured = answer?.configuredTarget ?? planned ?? undefined;
  const options = versionOptions(
    choice.platform,
    configured,
    clusters,
    version,
  );
  const marks = (v: string) => {
    const words: string[] = [];
    if (configured && v === configured) words.push('planned');
    const today = clusters.filter(c => c.version === v).map(c => c.name);
    if (today.length) words.push(`today: ${today.join(', ')}`);
    return words.join(' · ');
  };

  const pick = (v: string | undefined) =>
    onChoose({ ...choice, version: v, page: 1 });

  return (
    <div data-testid="runtime-mode-blast-radius" ref={panelRef}>
      {choice.cluster && (
        <div className={classes.picker} data-testid="blast-radius-cluster">
          <Typography variant="body2">
            Only the components on cluster <strong>{choice.cluster}</strong>,
            judged from its own version today.
          </Typography>
          <Button
            size="small"
            variant="outlined"
            onClick={() => onChoose({ ...choice, cluster: undefined, page: 1 })}
          >
            All clusters
          </Button>
        </div>
      )}
      <div className={classes.picker}>
        <Typography variant="body2" component="span" id="blast-radius-platform">
          Platform
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={choice.platform}
          onChange={(_e, p: string | null) => {
            if (p) {
              onChoose({ ...choice, platform: p, version: undefined, page: 1 });
            }
          }}
          aria-labelledby="blast-radius-platform"
        >
          {PLATFORMS.map(p => (
            <ToggleButton key={p} value={p} className={classes.toggle}>
              {componentLabel(p)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </div>
      <div className={classes.picker}>
        <Typography variant="body2" component="span" id="blast-radius-version">
          Upgrade to {platformName}
        </Typography>
        {options.quick.length > 0 && (
          <ToggleButtonGroup
            size="small"
            exclusive
            value={version ?? null}
            onChange={(_e, v: string | null) => v && pick(v)}
            aria-labelledby="blast-radius-version"
          >
            {options.quick.map(v => (
              <ToggleButton
                key={v}
                value={v}
                className={classes.toggle}
                classes={{ label: classes.toggleLabel }}
              >
                <span>
                  <span className={classes.hidden}>{platformName} </span>
                  {v}
                </span>
                {marks(v) && <span className={classes.mark}>{marks(v)}</span>}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        )}
        {options.older.length > 0 && (
          <TextField
            select
            size="small"
            variant="outlined"
            id="blast-radius-older"
            label="Older"
            value={version && options.older.includes(version) ? version : ''}
            onChange={e => pick(e.target.value || undefined)}
            style={{ minWidth: 100 }}
          >
            <MenuItem value="">—</MenuItem>
            {options.older.map(v => (
              <MenuItem key={v} value={v}>
                {v}
              </MenuItem>
            ))}
          </TextField>
        )}
        <form
          onSubmit={e => {
            e.preventDefault();
            if (!parseVersion(other.trim())) {
              setOtherError('A version such as 1.35 or 1.6.0');
              return;
            }
            setOtherError(undefined);
            pick(other.trim());
          }}
          style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}
        >
          <TextField
            size="small"
            variant="outlined"
            id="blast-radius-other"
            label="Other version"
            value={other}
            error={Boolean(otherError)}
            helperText={otherError}
            onChange={e => setOther(e.target.value)}
            style={{ width: 140 }}
          />
          <Button type="submit" variant="outlined">
            Show
          </Button>
        </form>
      </div>
      <ClustersLine clusters={clusters} platform={choice.platform} />
      {!version && (
        <Typography variant="body2" color="textSecondary">
          No planned target for {platformName}: pick a version to see which
          components break there and which are already broken today.
        </Typography>
      )}
      {state.loading && (
        <TablePlaceholder what="the blast radius" rows={4} columns={5} />
      )}
      {state.error && (
        <PanelError
          title={`Could not load the blast radius at ${platformName} ${version}`}
          error={state.error}
          onRetry={state.retry}
        />
      )}
      {state.value && !state.loading && (
        <Box mt={1}>
          <Summary value={state.value} platform={choice.platform} />
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            gutterBottom
          >
            A component is judged at the chosen version, or at the version its
            clusters run when that is newer. API knowledge base as of{' '}
            {formatDate(state.value.knowledgeBaseAsOf)}. Components without
            manifests are not counted as safe: filter by the unknown mode to
            find them.
          </Typography>
          <Items
            value={state.value}
            page={choice.page}
            onPage={page => onChoose({ ...choice, version, page })}
          />
        </Box>
      )}
    </div>
  );
}
