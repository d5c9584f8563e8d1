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

import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  PortfolioRow,
  PortfolioSortField,
  PortfolioSummary,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { ModeChip } from '../common/ModeChip';
import { LevelChip } from '../common/LevelChip';
import {
  CATEGORY_LABELS,
  MODE_LABELS,
  STATUS_LABELS,
  labelOf,
} from '../common/labels';
import { formatDateTime } from '../common/format';
import { shortRef } from './Heatmap';

const useStyles = makeStyles(theme => ({
  scroll: { overflowX: 'auto' },
  // Wrap between words only: breaking "Checkout API" or "KubeVirt VMs"
  // mid-word to fit ten columns made the table unreadable; the wrapper
  // scrolls sideways instead when the screen is too narrow.
  table: {
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      // Ten columns fit a laptop screen with narrower gutters.
      padding: theme.spacing(0.75, 1),
    },
  },
  muted: { color: theme.palette.text.secondary },
  stale: { color: theme.palette.warning.dark },
}));

interface Column {
  title: string;
  sort?: PortfolioSortField;
  align?: 'right';
  render: (row: PortfolioRow) => JSX.Element | string;
}

function counts(row: PortfolioRow): string {
  const parts = [
    `${row.critical} critical`,
    `${row.warning} warning${row.warning === 1 ? '' : 's'}`,
  ];
  if (row.info) parts.push(`${row.info} info`);
  return parts.join(', ');
}

/**
 * One server-side page of the portfolio. Sorting and paging go back to the
 * backend, so 10,000 components cost the browser one page.
 */
export function PortfolioTable(props: {
  summary: PortfolioSummary;
  sort?: PortfolioSortField;
  order?: 'asc' | 'desc';
  onSort: (sort: PortfolioSortField, order: 'asc' | 'desc') => void;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}) {
  const classes = useStyles();
  const { summary, sort, order = 'asc' } = props;
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
      title: 'System',
      sort: 'system',
      render: row => (row.system ? shortRef(row.system) : '—'),
    },
    {
      title: 'Runs on',
      sort: 'mode',
      render: row => <ModeChip mode={row.mode} conflict={row.modeConflict} />,
    },
    {
      title: 'Target',
      render: row =>
        row.targetMode ? labelOf(MODE_LABELS, row.targetMode) : 'none',
    },
    {
      title: 'Readiness',
      sort: 'level',
      render: row => <LevelChip level={row.level} />,
    },
    {
      title: 'Score',
      sort: 'score',
      align: 'right',
      render: row => (row.score === null ? 'unknown' : String(row.score)),
    },
    { title: 'Concerns', sort: 'critical', render: counts },
    {
      // Every category with an unwaived concern, info included: not only blockers.
      title: 'Concern categories',
      render: row =>
        row.categories.length
          ? row.categories.map(c => labelOf(CATEGORY_LABELS, c)).join(', ')
          : '—',
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
      <div className={classes.scroll}>
        <Table size="small" aria-label="Components" className={classes.table}>
          <TableHead>
            <TableRow>
              {columns.map(column => (
                <TableCell
                  key={column.title}
                  align={column.align}
                  sortDirection={
                    column.sort && sort === column.sort ? order : false
                  }
                >
                  {column.sort ? (
                    <TableSortLabel
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
                    <TableCell key={column.title} align={column.align}>
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
