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
import EventBusyIcon from '@material-ui/icons/EventBusy';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import {
  MIGRATION_LEVEL_LABELS,
  UPGRADE_LEVEL_DESCRIPTIONS,
  UPGRADE_LEVEL_LABELS,
  type MigrationLevelKey,
  type UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { MIGRATION_LEVEL_DESCRIPTIONS, labelOf } from './labels';

/** Palette colour per readiness or migration level; always with an icon and a word. */
export function levelColor(theme: Theme, level: MigrationLevelKey): string {
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

/** Palette colour per upgrade level; always with an icon and a word. */
export function upgradeColor(theme: Theme, level: UpgradeLevel): string {
  switch (level) {
    case 'clean':
      return theme.palette.success.main;
    case 'deprecated':
      return theme.palette.warning.main;
    case 'breaks-at-upgrade':
    case 'broken-now':
      return theme.palette.error.main;
    default:
      return theme.palette.text.secondary;
  }
}

export const LEVEL_ICONS: Record<MigrationLevelKey, JSX.Element> = {
  ready: <CheckCircleIcon />,
  'ready-with-warnings': <ReportProblemIcon />,
  blocked: <BlockIcon />,
  unknown: <HelpOutlineIcon />,
  none: <RemoveCircleOutlineIcon />,
};

export const UPGRADE_ICONS: Record<UpgradeLevel, JSX.Element> = {
  clean: <CheckCircleIcon />,
  deprecated: <ReportProblemIcon />,
  'breaks-at-upgrade': <EventBusyIcon />,
  'broken-now': <BlockIcon />,
  unknown: <HelpOutlineIcon />,
};

const useStyles = makeStyles(theme => ({
  chip: (props: { color: (t: Theme) => string }) => ({
    borderColor: props.color(theme),
    color: theme.palette.text.primary,
    '& svg': { color: props.color(theme) },
  }),
}));

function WordChip(props: {
  label: string;
  description: string;
  icon: JSX.Element;
  color: (theme: Theme) => string;
  size: 'small' | 'medium';
  testId: string;
}) {
  const classes = useStyles({ color: props.color });
  return (
    <Tooltip arrow title={props.description}>
      <Chip
        size={props.size}
        variant="outlined"
        className={classes.chip}
        icon={props.icon}
        label={props.label}
        data-testid={props.testId}
      />
    </Tooltip>
  );
}

/**
 * A migration level (or, for results stored before the two questions, the
 * level of all concerns): icon, word and coloured outline. The word is the
 * meaning; the hover only adds the definition.
 */
export function LevelChip(props: {
  level: MigrationLevelKey;
  size?: 'small' | 'medium';
}) {
  const { level, size = 'small' } = props;
  return (
    <WordChip
      label={labelOf(MIGRATION_LEVEL_LABELS, level)}
      description={
        level === 'none'
          ? 'No target mode is planned for this component'
          : labelOf(MIGRATION_LEVEL_DESCRIPTIONS, level)
      }
      icon={LEVEL_ICONS[level] ?? LEVEL_ICONS.unknown}
      color={theme => levelColor(theme, level)}
      size={size}
      testId="runtime-mode-level"
    />
  );
}

/** An upgrade level: icon, word and coloured outline. */
export function UpgradeChip(props: {
  level: UpgradeLevel;
  size?: 'small' | 'medium';
}) {
  const { level, size = 'small' } = props;
  return (
    <WordChip
      label={labelOf(UPGRADE_LEVEL_LABELS, level)}
      description={labelOf(UPGRADE_LEVEL_DESCRIPTIONS, level)}
      icon={UPGRADE_ICONS[level] ?? UPGRADE_ICONS.unknown}
      color={theme => upgradeColor(theme, level)}
      size={size}
      testId="runtime-mode-upgrade-level"
    />
  );
}
