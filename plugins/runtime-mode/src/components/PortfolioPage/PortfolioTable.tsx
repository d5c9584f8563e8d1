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

import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  MODE_LABELS,
  type PortfolioRow,
  type PortfolioSortField,
  type PortfolioSummary,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { ModeChip } from '../common/ModeChip';
import { LevelChip, UpgradeChip } from '../common/LevelChip';
import { STATUS_LABELS, labelOf, plural } from '../common/labels';
import { formatDateTime } from '../common/format';
import { fileLine } from '../common/sourceLinks';
import { useRuntimeTabLinks } from '../common/useRuntimeTabLink';
import { focusRing } from '../common/visuallyHidden';
import { shortRef } from './Heatmap';

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  // Wrap between words only: breaking "Checkout API" or "KubeVirt VMs"
  // mid-word to fit the columns made the table unreadable; the wrapper
  // scrolls sideways instead when the screen is too narrow.
  table: {
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      padding: theme.spacing(0.75, 1),
      verticalAlign: 'top',
    },
  },
  sortLabel: focusRing(theme.palette.primary.main),
  blocker: {
    minWidth: 240,
    maxWidth: 420,
  },
  clamp: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  muted: { color: theme.palette.text.secondary },
  stale: { color: theme.palette.warning.dark },
  order: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
}));

interface Column {
  title: string;
  sort?: PortfolioSortField;
  render: (row: PortfolioRow) => JSX.Element | string;
}

/** What each sort means, in words, for the line above the table. */
const SORT_WORDS: Partial<Record<PortfolioSortField, string>> = {
  worst:
    'worst first: broken now, then breaks at the upgrade, then blocked moves, then the most concerns',
  name: 'component',
  owner: 'owner',
  mode: 'runtime mode',
  upgradeLevel: 'upgrade readiness',
  migrationLevel: 'migration readiness',
  topBlocker: 'top blocker',
  evaluatedAt: 'evaluation time',
};

function UpgradeCell(props: { row: PortfolioRow }) {
  const classes = useStyles();
  const { row } = props;
  if (!row.upgradeLevel) return <span className={classes.muted}>—</span>;
  const counts = [
    row.brokenNow && `${row.brokenNow} broken now`,
    row.breaksAtUpgrade && `${row.breaksAtUpgrade} break at the upgrade`,
  ].filter(Boolean);
  return (
    <>
      <UpgradeChip level={row.upgradeLevel} />
      {counts.length > 0 && (
        <Typography variant="caption" component="p" className={classes.muted}>
          {counts.join(', ')}
        </Typography>
      )}
    </>
  );
}

function MigrationCell(props: { row: PortfolioRow }) {
  const classes = useStyles();
  const { row } = props;
  if (row.migrationLevel === undefined) {
    // An older backend: the level of all concerns, said as such.
    return (
      <>
        <LevelChip level={row.level} />
        <Typography variant="caption" component="p" className={classes.muted}>
          all concerns
        </Typography>
      </>
    );
  }
  if (row.migrationLevel === null || !row.targetMode) {
    return (
      <>
        <Typography variant="body2">No move planned</Typography>
        {row.suggestedMode && (
          <Typography variant="caption" component="p" className={classes.muted}>
            suggested: {labelOf(MODE_LABELS, row.suggestedMode)}
          </Typography>
        )}
      </>
    );
  }
  return (
    <>
      <Typography variant="body2">
        To {labelOf(MODE_LABELS, row.targetMode)}
      </Typography>
      <LevelChip level={row.migrationLevel} />
      {row.checksTotal !== null && row.checksTotal !== undefined && (
        <Typography variant="caption" component="p" className={classes.muted}>
          {row.checksPassing ?? 0} of {row.checksTotal} checks passing
        </Typography>
      )}
    </>
  );
}

function BlockerCell(props: { row: PortfolioRow; tabLink?: string }) {
  const classes = useStyles();
  const { row, tabLink } = props;
  const open = [
    row.critical && `${row.critical} critical`,
    row.warning && plural(row.warning, 'warning'),
  ].filter(Boolean);
  if (!row.topBlocker) {
    return (
      <span className={classes.muted}>
        {open.length ? open.join(', ') : 'none'}
      </span>
    );
  }
  const { message, file, line } = row.topBlocker;
  return (
    <div className={classes.blocker}>
      <Typography variant="body2" className={classes.clamp}>
        {tabLink ? (
          <Link to={tabLink} underline="always">
            {message}
          </Link>
        ) : (
          message
        )}
      </Typography>
      <Typography variant="caption" component="p" className={classes.muted}>
        {file ? `${fileLine(file, line)} · ` : ''}
        {open.length ? `${open.join(', ')} open` : ''}
      </Typography>
    </div>
  );
}

/**
 * One server-side page of the portfolio, worst first by default. Sorting
 * and paging go back to the backend, which sorts by what each column shows
 * (titles, mode words), so 10,000 components cost the browser one page.
 */
export function PortfolioTable(props: {
  summary: PortfolioSummary;
  sort: PortfolioSortField;
  order: 'asc' | 'desc';
  onSort: (sort: PortfolioSortField, order: 'asc' | 'desc') => void;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const classes = useStyles();
  const tabLink = useRuntimeTabLinks();
  const { summary, sort, order } = props;
  const columns: Column[] = [
    {
      title: 'Component',
      sort: 'name',
      render: row => (
        <>
          <EntityRefLink
            entityRef={row.entityRef}
            title={row.title ?? row.name}
          />
          {row.lifecycle && (
            <Typography
              variant="caption"
              component="p"
              className={classes.muted}
            >
              {row.lifecycle}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Owner',
      sort: 'owner',
      render: row => (row.owner ? shortRef(row.owner) : '—'),
    },
    {
      title: 'Runs on',
      sort: 'mode',
      render: row => <ModeChip mode={row.mode} conflict={row.modeConflict} />,
    },
    {
      title: 'Upgrade',
      sort: 'upgradeLevel',
      render: row => <UpgradeCell row={row} />,
    },
    {
      title: 'Migration',
      sort: 'migrationLevel',
      render: row => <MigrationCell row={row} />,
    },
    {
      title: 'Top blocker',
      sort: 'topBlocker',
      render: row => <BlockerCell row={row} tabLink={tabLink(row.entityRef)} />,
    },
    {
      title: 'Evaluated',
      sort: 'evaluatedAt',
      render: row => (
        <span className={row.status === 'fresh' ? undefined : classes.stale}>
          {row.status === 'fresh'
            ? formatDateTime(row.evaluatedAt)
            : `${labelOf(STATUS_LABELS, row.status)}${
                row.evaluatedAt ? ` (${formatDateTime(row.evaluatedAt)})` : ''
              }`}
        </span>
      ),
    },
  ];

  return (
    <div data-testid="runtime-mode-portfolio-table">
      <div className={classes.order}>
        <Typography variant="body2" data-testid="runtime-mode-sort">
          Sorted by {SORT_WORDS[sort] ?? sort}
          {sort !== 'worst' && order === 'desc' ? ', descending' : ''}
        </Typography>
        {sort !== 'worst' && (
          <Button size="small" onClick={() => props.onSort('worst', 'asc')}>
            Worst first
          </Button>
        )}
      </div>
      <div className={classes.scroll}>
        <Table size="small" aria-label="Components" className={classes.table}>
          <TableHead>
            <TableRow>
              {columns.map(column => (
                <TableCell
                  key={column.title}
                  sortDirection={
                    column.sort && sort === column.sort ? order : false
                  }
                >
                  {column.sort ? (
                    <TableSortLabel
                      className={classes.sortLabel}
                      active={sort === column.sort}
                      direction={sort === column.sort ? order : 'asc'}
                      onClick={() =>
                        props.onSort(
                          column.sort!,
                          sort === column.sort && order === 'asc'
                            ? 'desc'
                            : 'asc',
                        )
                      }
                    >
                      {column.title}
                    </TableSortLabel>
                  ) : (
                    column.title
                  )}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {summary.items.length === 0 ? (
              <TableRow>
                <TableCell colSpan={columns.length}>
                  <Typography variant="body2">
                    No component matches these filters.
                  </Typography>
                </TableCell>
              </TableRow>
            ) : (
              summary.items.map(row => (
                <TableRow key={row.entityRef} hover>
                  {columns.map(column => (
                    <TableCell key={column.title}>
                      {column.render(row)}
                    </TableCell>
                  ))}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      <TablePagination
        component="div"
        count={summary.total}
        page={Math.max(0, summary.page - 1)}
        rowsPerPage={summary.pageSize}
        rowsPerPageOptions={[10, 25, 50, 100]}
        onPageChange={(_e, page) => props.onPage(page + 1)}
        onRowsPerPageChange={e => props.onPageSize(Number(e.target.value))}
      />
    </div>
  );
}
