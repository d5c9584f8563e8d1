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

import ButtonBase from '@material-ui/core/ButtonBase';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { fade, makeStyles, useTheme } from '@material-ui/core/styles';
import type {
  ModeLevelCounts,
  ModeValue,
  PortfolioGroupBy,
  PortfolioSummary,
  ReadinessLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  ALL_LEVELS,
  ALL_MODE_VALUES,
  LEVEL_LABELS,
  MODE_LABELS,
} from '../common/labels';
import { LEVEL_ICONS, levelColor } from '../common/LevelChip';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  cell: { verticalAlign: 'top', minWidth: 150 },
  counts: { display: 'flex', flexWrap: 'wrap', gap: 4 },
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 2,
    padding: '2px 6px',
    borderRadius: theme.shape.borderRadius,
    border: '1px solid',
    fontSize: theme.typography.body2.fontSize,
    '& svg': { fontSize: 14 },
  },
  group: { textAlign: 'left', fontWeight: 500 },
  muted: { color: theme.palette.text.secondary },
  scroll: { overflowX: 'auto' },
  legend: {
    display: 'inline-flex',
    gap: theme.spacing(1.5),
    flexWrap: 'wrap',
    '& svg': { fontSize: 14 },
  },
}));

const GROUP_WORDS: Record<PortfolioGroupBy, string> = {
  owner: 'Owner',
  system: 'System',
  domain: 'Domain',
};

/** "group:default/team-virt" reads as "team-virt". */
export function shortRef(ref: string): string {
  const match = /^[^:]+:(?:default\/)?(.+)$/.exec(ref);
  return match ? match[1] : ref;
}

function sumCells(
  groups: PortfolioSummary['heatmap']['groups'],
): ModeLevelCounts {
  const total = {} as ModeLevelCounts;
  for (const mode of ALL_MODE_VALUES) {
    total[mode] = {} as Record<ReadinessLevel, number>;
    for (const level of ALL_LEVELS) {
      total[mode][level] = groups.reduce(
        (sum, g) => sum + (g.cells[mode]?.[level] ?? 0),
        0,
      );
    }
  }
  return total;
}

function HeatmapLegend() {
  const theme = useTheme();
  const classes = useStyles();
  return (
    <span aria-hidden className={classes.legend}>
      {ALL_LEVELS.map(level => (
        <span
          key={level}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}
        >
          <span
            style={{
              color: levelColor(theme, level),
              display: 'inline-flex',
            }}
          >
            {LEVEL_ICONS[level]}
          </span>
          <Typography variant="caption">{LEVEL_LABELS[level]}</Typography>
        </span>
      ))}
    </span>
  );
}

/** Where a heatmap click leads: the table filtered to that group, mode and level. */
export interface HeatmapSelection {
  group?: string;
  mode?: ModeValue;
  level?: ReadinessLevel;
}

function Counts(props: {
  counts: Record<ReadinessLevel, number> | undefined;
  max: number;
  describe: (level: ReadinessLevel, count: number) => string;
  onSelect: (level: ReadinessLevel) => void;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const present = ALL_LEVELS.filter(l => (props.counts?.[l] ?? 0) > 0);
  if (present.length === 0) {
    return <span className={classes.muted}>—</span>;
  }
  return (
    <div className={classes.counts}>
      {present.map(level => {
        const count = props.counts![level];
        const colour = levelColor(theme, level);
        // Heat: darker for more components; the icon and number carry the meaning.
        const alpha = 0.08 + 0.4 * (count / Math.max(props.max, 1));
        return (
          <ButtonBase
            key={level}
            className={classes.count}
            style={{
              borderColor: colour,
              backgroundColor: fade(colour, alpha),
            }}
            onClick={() => props.onSelect(level)}
            aria-label={props.describe(level, count)}
            title={props.describe(level, count)}
          >
            <span style={{ color: colour, display: 'inline-flex' }}>
              {LEVEL_ICONS[level]}
            </span>
            {count}
          </ButtonBase>
        );
      })}
    </div>
  );
}

/**
 * Mode × readiness, one row per owner, system or domain, plus the estate.
 * Every number is a link to the filtered table.
 */
export function Heatmap(props: {
  heatmap: PortfolioSummary['heatmap'];
  groupBy: PortfolioGroupBy;
  onGroupByChange: (groupBy: PortfolioGroupBy) => void;
  onSelect: (selection: HeatmapSelection) => void;
}) {
  const classes = useStyles();
  const { heatmap, groupBy } = props;
  const groups = [...heatmap.groups].sort(
    (a, b) => b.total - a.total || a.key.localeCompare(b.key),
  );
  const estate = sumCells(groups);
  const max = Math.max(
    1,
    ...groups.flatMap(g =>
      ALL_MODE_VALUES.flatMap(m => ALL_LEVELS.map(l => g.cells[m]?.[l] ?? 0)),
    ),
  );
  const groupWord = GROUP_WORDS[groupBy].toLocaleLowerCase('en-US');

  return (
    <div data-testid="runtime-mode-heatmap">
      <div className={classes.toolbar}>
        <TextField
          select
          size="small"
          variant="outlined"
          id="heatmap-group-by"
          label="Group by"
          value={groupBy}
          onChange={e =>
            props.onGroupByChange(e.target.value as PortfolioGroupBy)
          }
          inputProps={{ 'data-testid': 'heatmap-group-by' }}
        >
          {(Object.keys(GROUP_WORDS) as PortfolioGroupBy[]).map(key => (
            <MenuItem key={key} value={key}>
              {GROUP_WORDS[key]}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="caption" color="textSecondary">
          Each number counts the components with that readiness on that mode
          (column). Click it to list them.
        </Typography>
        <HeatmapLegend />
      </div>
      <div className={classes.scroll}>
        <Table
          size="small"
          aria-label={`Runtime mode by readiness, per ${groupWord}`}
        >
          <TableHead>
            <TableRow>
              <TableCell>{GROUP_WORDS[groupBy]}</TableCell>
              <TableCell align="right">Components</TableCell>
              {ALL_MODE_VALUES.map(mode => (
                <TableCell key={mode}>{MODE_LABELS[mode]}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            <TableRow>
              <TableCell component="th" scope="row">
                <strong>All</strong>
              </TableCell>
              <TableCell align="right">
                {groups.reduce((sum, g) => sum + g.total, 0)}
              </TableCell>
              {ALL_MODE_VALUES.map(mode => (
                <TableCell key={mode} className={classes.cell}>
                  <Counts
                    counts={estate[mode]}
                    max={Math.max(1, ...ALL_LEVELS.map(l => estate[mode][l]))}
                    describe={(level, count) =>
                      `${count} ${LEVEL_LABELS[level]} on ${MODE_LABELS[mode]}`
                    }
                    onSelect={level => props.onSelect({ mode, level })}
                  />
                </TableCell>
              ))}
            </TableRow>
            {groups.map(group => (
              <TableRow key={group.key}>
                <TableCell component="th" scope="row">
                  <ButtonBase
                    className={classes.group}
                    onClick={() => props.onSelect({ group: group.key })}
                    aria-label={`List components of ${groupWord} ${shortRef(
                      group.key,
                    )}`}
                  >
                    {group.key ? shortRef(group.key) : `(no ${groupWord})`}
                  </ButtonBase>
                </TableCell>
                <TableCell align="right">{group.total}</TableCell>
                {ALL_MODE_VALUES.map(mode => (
                  <TableCell key={mode} className={classes.cell}>
                    <Counts
                      counts={group.cells[mode]}
                      max={max}
                      describe={(level, count) =>
                        `${count} ${LEVEL_LABELS[level]} on ${
                          MODE_LABELS[mode]
                        } in ${shortRef(group.key)}`
                      }
                      onSelect={level =>
                        props.onSelect({ group: group.key, mode, level })
                      }
                    />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
