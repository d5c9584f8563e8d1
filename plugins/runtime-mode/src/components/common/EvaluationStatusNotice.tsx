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
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import HistoryIcon from '@material-ui/icons/History';
import HourglassEmptyIcon from '@material-ui/icons/HourglassEmpty';
import type { StoredEvaluation } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { formatDateTime } from './format';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    padding: theme.spacing(1),
    marginBottom: theme.spacing(1),
    border: `1px dashed ${theme.palette.warning.main}`,
    borderRadius: theme.shape.borderRadius,
  },
  text: { flex: 1 },
}));

/** Stale and pending results are said in words, with a way to refresh. */
export function EvaluationStatusNotice(props: {
  evaluation: StoredEvaluation;
  onRefresh?: () => void;
  refreshing?: boolean;
}) {
  const { evaluation, onRefresh, refreshing } = props;
  const classes = useStyles();
  if (evaluation.status === 'fresh') return null;
  const stale = evaluation.status === 'stale';
  return (
    <div
      className={classes.root}
      role="status"
      data-testid={`runtime-mode-status-${evaluation.status}`}
    >
      {stale ? <HistoryIcon /> : <HourglassEmptyIcon />}
      <div className={classes.text}>
        <Typography variant="body2">
          {stale ? (
            <>
              <strong>Stale:</strong> showing the last good result, from{' '}
              {formatDateTime(evaluation.evaluatedAt)}.{' '}
              {evaluation.staleReason
                ? `Why: ${evaluation.staleReason}`
                : 'The latest evaluation did not complete.'}
            </>
          ) : (
            <>
              <strong>Not evaluated yet.</strong> The backend evaluates new
              components on its next run; refresh to evaluate now.
            </>
          )}
        </Typography>
      </div>
      {onRefresh && (
        <Button size="small" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh now'}
        </Button>
      )}
    </div>
  );
}
