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
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ModeValue,
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
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: theme.spacing(1, 1.5),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    textAlign: 'left',
    '&:hover': { backgroundColor: theme.palette.action.hover },
  },
  selected: {
    borderColor: theme.palette.primary.main,
    backgroundColor: theme.palette.action.selected,
  },
  label: { display: 'flex', alignItems: 'center', gap: 4 },
}));

function share(count: number, total: number): string {
  return total > 0 ? `${Math.round((count / total) * 100)}%` : '0%';
}

/**
 * Components by mode and by level, as numbers with words; a tile click
 * filters the page to it (and a second click clears that filter).
 */
export function KpiTiles(props: {
  summary: PortfolioSummary;
  selectedModes: ModeValue[];
  selectedLevels: ReadinessLevel[];
  onToggleMode: (mode: ModeValue) => void;
  onToggleLevel: (level: ReadinessLevel) => void;
}) {
  const classes = useStyles();
  const { kpis, total } = props.summary;
  return (
    <div data-testid="runtime-mode-kpis">
      <Typography variant="subtitle2">Components by runtime mode</Typography>
      <div className={classes.row}>
        {ALL_MODE_VALUES.map(mode => {
          const count = kpis.byMode[mode] ?? 0;
          const selected = props.selectedModes.includes(mode);
          return (
            <ButtonBase
              key={mode}
              className={`${classes.tile} ${selected ? classes.selected : ''}`}
              onClick={() => props.onToggleMode(mode)}
              aria-pressed={selected}
              aria-label={`${count} components on ${MODE_LABELS[mode]}`}
            >
              <Typography variant="h4" component="span">
                {count}
              </Typography>
              <Typography variant="body2">{MODE_LABELS[mode]}</Typography>
              <Typography variant="caption" color="textSecondary">
                {share(count, total)} of {total}
              </Typography>
            </ButtonBase>
          );
        })}
      </div>
      <Typography variant="subtitle2">Components by readiness</Typography>
      <div className={classes.row}>
        {ALL_LEVELS.map(level => {
          const count = kpis.byLevel[level] ?? 0;
          const selected = props.selectedLevels.includes(level);
          return (
            <ButtonBase
              key={level}
              className={`${classes.tile} ${selected ? classes.selected : ''}`}
              onClick={() => props.onToggleLevel(level)}
              aria-pressed={selected}
              aria-label={`${count} components ${LEVEL_LABELS[level]}`}
            >
              <Typography variant="h4" component="span">
                {count}
              </Typography>
              <LevelWord level={level} />
              <Typography variant="caption" color="textSecondary">
                {share(count, total)} of {total}
              </Typography>
            </ButtonBase>
          );
        })}
      </div>
    </div>
  );
}

const useWordStyles = makeStyles(theme => ({
  root: (props: { level: ReadinessLevel }) => ({
    display: 'flex',
    alignItems: 'center',
    gap: 4,
    '& svg': { fontSize: 16, color: levelColor(theme, props.level) },
  }),
}));

export function LevelWord(props: { level: ReadinessLevel }) {
  const classes = useWordStyles({ level: props.level });
  return (
    <span className={classes.root}>
      {LEVEL_ICONS[props.level]}
      <Typography variant="body2" component="span">
        {LEVEL_LABELS[props.level] ?? props.level}
      </Typography>
    </span>
  );
}
