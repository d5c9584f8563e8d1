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

import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import BlockIcon from '@material-ui/icons/Block';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import type { ReadinessLevel } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { LEVEL_DESCRIPTIONS, LEVEL_LABELS, labelOf } from './labels';

/** Palette colour per level; always paired with an icon and a word. */
export function levelColor(theme: Theme, level: ReadinessLevel): string {
  switch (level) {
    case 'ready':
      return theme.palette.success.main;
    case 'ready-with-warnings':
      return theme.palette.warning.main;
    case 'blocked':
      return theme.palette.error.main;
    default:
      return theme.palette.text.secondary;
  }
}

const useStyles = makeStyles(theme => ({
  chip: (props: { level: ReadinessLevel }) => ({
    borderColor: levelColor(theme, props.level),
    color: theme.palette.text.primary,
    '& svg': { color: levelColor(theme, props.level) },
  }),
}));

export const LEVEL_ICONS: Record<ReadinessLevel, JSX.Element> = {
  ready: <CheckCircleIcon />,
  'ready-with-warnings': <ReportProblemIcon />,
  blocked: <BlockIcon />,
  unknown: <HelpOutlineIcon />,
};

/** Readiness level: icon, word and coloured outline, meaning on hover. */
export function LevelChip(props: {
  level: ReadinessLevel;
  size?: 'small' | 'medium';
}) {
  const { level, size = 'small' } = props;
  const classes = useStyles({ level });
  const label = labelOf(LEVEL_LABELS, level);
  return (
    <Tooltip arrow title={labelOf(LEVEL_DESCRIPTIONS, level)}>
      <Chip
        size={size}
        variant="outlined"
        className={classes.chip}
        icon={LEVEL_ICONS[level] ?? LEVEL_ICONS.unknown}
        label={label}
        aria-label={`Readiness: ${label}`}
        data-testid="runtime-mode-level"
      />
    </Tooltip>
  );
}
