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
import { fade, makeStyles, useTheme, Theme } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  MIGRATION_LEVEL_KEYS,
  MIGRATION_LEVEL_LABELS,
  MODE_LABELS,
  READINESS_LEVEL_LABELS,
  UPGRADE_LEVEL_LABELS,
  type MigrationLevelKey,
  type ModeValue,
  type PortfolioGroupBy,
  type PortfolioSummary,
  type ReadinessLevel,
  type UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { ALL_LEVELS, ALL_MODE_VALUES, plural } from '../common/labels';
import {
  LEVEL_ICONS,
  UPGRADE_ICONS,
  levelColor,
  upgradeColor,
} from '../common/LevelChip';
import { focusRing, visuallyHidden } from '../common/visuallyHidden';
import { TablePlaceholder } from '../common/Placeholders';
import { UPGRADE_ORDER } from './UpgradeOverview';
import type { HeatmapView } from './portfolioQuery';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
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
    color: theme.palette.text.primary,
    fontSize: theme.typography.body2.fontSize,
    '& svg': { fontSize: 14 },
    ...focusRing(theme.palette.primary.main),
  },
  group: {
    textAlign: 'left',
    fontWeight: 500,
    padding: theme.spacing(0.25, 0.5),
    borderRadius: theme.shape.borderRadius,
    textDecoration: 'underline',
    ...focusRing(theme.palette.primary.main),
  },
  muted: { color: theme.palette.text.secondary },
  scroll: { overflowX: 'auto' },
  legend: {
    display: 'inline-flex',
    gap: theme.spacing(1.5),
    flexWrap: 'wrap',
    '& svg': { fontSize: 14 },
  },
  view: {
    textTransform: 'none',
    color: theme.palette.text.primary,
    '&.Mui-selected, &.Mui-selected:hover': {
      backgroundColor: theme.palette.primary.main,
      color: theme.palette.primary.contrastText,
    },
    ...focusRing(theme.palette.primary.main),
  },
  hidden: visuallyHidden,
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

/** Where a heatmap number leads: the list filtered to its group, mode and level. */
export interface HeatmapSelection {
  group?: string;
  mode?: ModeValue;
  upgradeLevel?: UpgradeLevel;
  migrationLevel?: MigrationLevelKey;
  /** Results of older backends count all concerns together. */
  level?: ReadinessLevel;
}

type Group = PortfolioSummary['heatmap']['groups'][number];

/** What a view counts, and how its levels read. */
interface ViewSpec {
  levels: readonly string[];
  labels: Readonly<Record<string, string>>;
  icons: Record<string, JSX.Element>;
  color: (theme: Theme, level: string) => string;
  counts: (group: Group, mode: ModeValue) => Record<string, number> | undefined;
  select: (level: string) => HeatmapSelection;
}

const VIEWS: Record<HeatmapView | 'readiness', ViewSpec> = {
  upgrade: {
    levels: UPGRADE_ORDER,
    labels: UPGRADE_LEVEL_LABELS,
    icons: UPGRADE_ICONS,
    color: (theme, level) => upgradeColor(theme, level as UpgradeLevel),
    counts: (group, mode) => group.upgradeCells?.[mode],
    select: level => ({ upgradeLevel: level as UpgradeLevel }),
  },
  migration: {
    levels: MIGRATION_LEVEL_KEYS,
    labels: MIGRATION_LEVEL_LABELS,
    icons: LEVEL_ICONS,
    color: (theme, level) => levelColor(theme, level as MigrationLevelKey),
    counts: (group, mode) => group.migrationCells?.[mode],
    select: level => ({ migrationLevel: level as MigrationLevelKey }),
  },
  readiness: {
    levels: ALL_LEVELS,
    labels: READINESS_LEVEL_LABELS,
    icons: LEVEL_ICONS,
    color: (theme, level) => levelColor(theme, level as ReadinessLevel),
    counts: (group, mode) => group.cells[mode],
    select: level => ({ level: level as ReadinessLevel }),
  },
};

function sum(
  groups: Group[],
  spec: ViewSpec,
  mode: ModeValue,
): Record<string, number> {
  return Object.fromEntries(
    spec.levels.map(level => [
      level,
      groups.reduce((n, g) => n + (spec.counts(g, mode)?.[level] ?? 0), 0),
    ]),
  );
}

function Legend(props: { spec: ViewSpec }) {
  const theme = useTheme();
  const classes = useStyles();
  const { spec } = props;
  return (
    <span aria-hidden className={classes.legend}>
      {spec.levels.map(level => (
        <span
          key={level}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}
        >
          <span
            style={{ color: spec.color(theme, level), display: 'inline-flex' }}
          >
            {spec.icons[level]}
          </span>
          <Typography variant="caption">{spec.labels[level]}</Typography>
        </span>
      ))}
    </span>
  );
}

function Counts(props: {
  spec: ViewSpec;
  counts: Record<string, number>;
  max: number;
  /** " on KubeVirt VMs in team-virt": the rest of each number's name. */
  where: string;
  onSelect: (level: string) => void;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const { spec } = props;
  const present = spec.levels.filter(l => (props.counts[l] ?? 0) > 0);
  if (present.length === 0) {
    return <span className={classes.muted}>—</span>;
  }
  return (
    <div className={classes.counts}>
      {present.map(level => {
        const count = props.counts[level];
        const colour = spec.color(theme, level);
        // Heat: darker for more components; the icon and number carry the meaning.
        const alpha = 0.06 + 0.3 * (count / Math.max(props.max, 1));
        return (
          <ButtonBase
            key={level}
            className={classes.count}
            style={{
              borderColor: colour,
              backgroundColor: fade(colour, alpha),
            }}
            onClick={() => props.onSelect(level)}
          >
            <span style={{ color: colour, display: 'inline-flex' }}>
              {spec.icons[level]}
            </span>
            {count}
            <span className={classes.hidden}>
              {` ${count === 1 ? 'component' : 'components'} ${
                spec.labels[level]
              }${props.where}`}
            </span>
          </ButtonBase>
        );
      })}
    </div>
  );
}

/**
 * Mode × readiness, one row per owner, system or domain plus the estate,
 * for either question: upgrade readiness or migration readiness. Every
 * number leads to the components behind it.
 */
export function Heatmap(props: {
  heatmap: PortfolioSummary['heatmap'];
  view: HeatmapView;
  groupBy: PortfolioGroupBy;
  onViewChange: (view: HeatmapView) => void;
  onGroupByChange: (groupBy: PortfolioGroupBy) => void;
  onSelect: (selection: HeatmapSelection) => void;
}) {
  const classes = useStyles();
  const { heatmap, groupBy, view } = props;
  const groups = [...heatmap.groups].sort(
    (a, b) => b.total - a.total || a.key.localeCompare(b.key),
  );
  // A backend older than the two questions counts all concerns together
  // (and names no view); a newer one still answering the other view is
  // about to send this one.
  const switching = heatmap.by !== undefined && heatmap.by !== view;
  const answered = groups.every(g => VIEWS[view].counts(g, ALL_MODE_VALUES[0]));
  const spec = answered ? VIEWS[view] : VIEWS.readiness;
  const max = Math.max(
    1,
    ...groups.flatMap(g =>
      ALL_MODE_VALUES.flatMap(m =>
        spec.levels.map(l => spec.counts(g, m)?.[l] ?? 0),
      ),
    ),
  );
  const groupWord = GROUP_WORDS[groupBy].toLocaleLowerCase('en-US');
  const question = view === 'upgrade' ? 'upgrade' : 'migration';

  return (
    <div data-testid="runtime-mode-heatmap">
      <div className={classes.toolbar}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_e, v: HeatmapView | null) => v && props.onViewChange(v)}
          aria-label="Readiness for"
        >
          <ToggleButton value="upgrade" className={classes.view}>
            Upgrade
          </ToggleButton>
          <ToggleButton value="migration" className={classes.view}>
            Migration
          </ToggleButton>
        </ToggleButtonGroup>
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
        <Legend spec={spec} />
      </div>
      {switching ? (
        <TablePlaceholder what="the heatmap" rows={4} columns={6} />
      ) : (
        <>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {answered
              ? `Each number counts the components with that ${question} readiness on that mode (column). Select it to list them.`
              : 'This backend counts all concerns together (not the upgrade and the migration apart).'}
          </Typography>
          <div className={classes.scroll}>
            <Table
              size="small"
              aria-label={`Runtime mode by ${question} readiness, per ${groupWord}`}
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
                    {groups.reduce((n, g) => n + g.total, 0)}
                  </TableCell>
                  {ALL_MODE_VALUES.map(mode => {
                    const estate = sum(groups, spec, mode);
                    return (
                      <TableCell key={mode} className={classes.cell}>
                        <Counts
                          spec={spec}
                          counts={estate}
                          max={Math.max(1, ...Object.values(estate))}
                          where={` on ${MODE_LABELS[mode]}`}
                          onSelect={level =>
                            props.onSelect({ mode, ...spec.select(level) })
                          }
                        />
                      </TableCell>
                    );
                  })}
                </TableRow>
                {groups.map(group => (
                  <TableRow key={group.key}>
                    <TableCell component="th" scope="row">
                      <ButtonBase
                        className={classes.group}
                        onClick={() => props.onSelect({ group: group.key })}
                      >
                        {group.key ? shortRef(group.key) : `(no ${groupWord})`}
                        <span className={classes.hidden}>
                          {`: list its ${plural(group.total, 'component')}`}
                        </span>
                      </ButtonBase>
                    </TableCell>
                    <TableCell align="right">{group.total}</TableCell>
                    {ALL_MODE_VALUES.map(mode => (
                      <TableCell key={mode} className={classes.cell}>
                        <Counts
                          spec={spec}
                          counts={spec.counts(group, mode) ?? {}}
                          max={max}
                          where={` on ${MODE_LABELS[mode]} in ${shortRef(
                            group.key,
                          )}`}
                          onSelect={level =>
                            props.onSelect({
                              group: group.key,
                              mode,
                              ...spec.select(level),
                            })
                          }
                        />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </div>
  );
}
