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

import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';
import InfoIcon from '@material-ui/icons/Info';
import NotInterestedIcon from '@material-ui/icons/NotInterested';
import type { Severity } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { SEVERITY_LABELS } from './labels';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  critical: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  info: { color: theme.palette.info.main },
  waived: { color: theme.palette.text.secondary },
}));

/** Severity as icon plus word; waived concerns say so instead of alarming. */
export function SeverityLabel(props: { severity: Severity; waived?: boolean }) {
  const { severity, waived } = props;
  const classes = useStyles();
  let icon = <InfoIcon fontSize="small" className={classes.info} />;
  if (waived) {
    icon = <NotInterestedIcon fontSize="small" className={classes.waived} />;
  } else if (severity === 'critical') {
    icon = <ErrorIcon fontSize="small" className={classes.critical} />;
  } else if (severity === 'warning') {
    icon = <WarningIcon fontSize="small" className={classes.warning} />;
  }
  return (
    <span className={classes.root}>
      {icon}
      <Typography variant="body2" component="span">
        {SEVERITY_LABELS[severity] ?? severity}
        {waived ? ' (waived)' : ''}
      </Typography>
    </span>
  );
}

const SEVERITY_RANK: Record<Severity, number> = {
  critical: 0,
  warning: 1,
  info: 2,
};

/** Most severe first, waived last: what to fix next comes first. */
export function compareFindings(
  a: { severity: Severity; waived: boolean },
  b: { severity: Severity; waived: boolean },
): number {
  if (a.waived !== b.waived) return a.waived ? 1 : -1;
  return (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3);
}
