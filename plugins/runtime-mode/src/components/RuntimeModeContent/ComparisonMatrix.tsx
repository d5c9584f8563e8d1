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
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/Check';
import CloseIcon from '@material-ui/icons/Close';
import RemoveIcon from '@material-ui/icons/Remove';
import {
  MODE_LABELS,
  RUNTIME_MODES,
  type EvaluationResult,
  type FitValue,
  type RuntimeModeId,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { answersOf } from '../common/answers';
import { runtimeModeApiRef } from '../../api';
import type { ModeProfiles } from '../../api';

/**
 * The seed's rows, in its order. Rows the component states no requirement
 * for are shown as facts, so the matrix is the whole comparison and not only
 * the two or three scored lines (or nothing at all without requirements).
 */
const SEED_ROWS: Array<{ key: string; label: string; note?: string }> = [
  { key: 'example', label: 'Example' },
  { key: 'kubernetesRunsOn', label: 'Kubernetes runs on' },
  { key: 'virtualizationLayer', label: 'Virtualization layer' },
  { key: 'unifiedManagement', label: 'Unified management' },
  { key: 'performanceOverhead', label: 'Performance overhead' },
  { key: 'isolation', label: 'Isolation', note: 'isolationNote' },
  {
    key: 'resourceUtilisation',
    label: 'Resource utilisation',
    note: 'resourceUtilisationNote',
  },
  { key: 'hardwareCompatibility', label: 'Hardware compatibility' },
  {
    key: 'operationalComplexity',
    label: 'Operational complexity',
    note: 'operationalComplexityNote',
  },
  { key: 'typicalUse', label: 'Typical use' },
  { key: 'productionMaturity', label: 'Production maturity' },
];

function profileValue(
  profiles: ModeProfiles,
  mode: RuntimeModeId,
  row: { key: string; note?: string },
): string {
  const profile = profiles[mode] as Record<string, unknown> | undefined;
  const value = profile?.[row.note ?? row.key] ?? profile?.[row.key];
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'object') {
    const { min, max } = value as { min?: number; max?: number };
    if (typeof min === 'number' && typeof max === 'number') {
      return min === max ? `${min}%` : `${min}–${max}%`;
    }
    return '—';
  }
  return String(value);
}

const useStyles = makeStyles(theme => ({
  // Wrap between words only ("compo nent", "Kubernete s" were unreadable).
  table: {
    '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
  },
  current: {
    backgroundColor: theme.palette.action.hover,
    color: theme.palette.text.primary,
  },
  target: {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: -2,
  },
  fit: { display: 'inline-flex', alignItems: 'center', gap: 4 },
  fitIcon: { fontSize: 16 },
  good: { color: theme.palette.success.main },
  partial: { color: theme.palette.warning.main },
  bad: { color: theme.palette.error.main },
  muted: { color: theme.palette.text.secondary },
  dimension: { whiteSpace: 'nowrap' },
  tag: {
    display: 'block',
    fontSize: theme.typography.caption.fontSize,
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'uppercase',
  },
}));

const FIT_WORDS: Record<FitValue, string> = {
  fit: 'fits',
  partial: 'partly',
  unfit: 'does not fit',
  unknown: 'no requirement',
};

function FitMark(props: { fit: FitValue; reason: string }) {
  const classes = useStyles();
  let icon = <RemoveIcon className={`${classes.fitIcon} ${classes.muted}`} />;
  if (props.fit === 'fit') {
    icon = <CheckIcon className={`${classes.fitIcon} ${classes.good}`} />;
  } else if (props.fit === 'partial') {
    icon = <RemoveIcon className={`${classes.fitIcon} ${classes.partial}`} />;
  } else if (props.fit === 'unfit') {
    icon = <CloseIcon className={`${classes.fitIcon} ${classes.bad}`} />;
  }
  return (
    <Tooltip arrow title={props.reason || FIT_WORDS[props.fit]}>
      <span className={classes.fit}>
        {icon}
        <Typography variant="caption">
          {FIT_WORDS[props.fit] ?? props.fit}
        </Typography>
      </span>
    </Tooltip>
  );
}

/**
 * The seed's three-mode comparison with this component's requirements scored
 * per dimension; the current mode is shaded and a planned move outlined, and
 * both are also named in the column header so colour is not the only signal.
 * The fit score says how well a mode's profile fits the stated requirements,
 * never how ready the component is.
 */
export function ComparisonMatrix(props: { result: EvaluationResult }) {
  const classes = useStyles();
  const api = useApi(runtimeModeApiRef);
  // The profiles carry the admin's overrides; without them the scored rows
  // still show, so a failed fetch costs only the unscored rows.
  const { value: profiles } = useAsync(async () => api.getProfiles(), [api]);
  const { fit, mode } = props.result;
  const scored = new Set(fit.dimensions.map(d => d.dimension));
  const factRows = profiles
    ? SEED_ROWS.filter(row => !scored.has(row.key))
    : [];
  const current = mode.value;
  // Only a planned move is a target; the best fit is a suggestion.
  const target = answersOf(props.result).move?.targetMode;

  const columnClass = (id: RuntimeModeId) =>
    [id === current ? classes.current : '', id === target ? classes.target : '']
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <>
      <Table
        size="small"
        aria-label="Runtime mode comparison"
        className={classes.table}
      >
        <TableHead>
          <TableRow>
            <TableCell>Dimension</TableCell>
            <TableCell>This component needs</TableCell>
            {RUNTIME_MODES.map(id => (
              <TableCell
                key={id}
                className={columnClass(id)}
                data-testid={`matrix-head-${id}`}
              >
                {id === current && <span className={classes.tag}>Current</span>}
                {id === target && (
                  <span className={classes.tag}>Planned move</span>
                )}
                {id === fit.bestFit && (
                  <span className={classes.tag}>Best fit</span>
                )}
                {MODE_LABELS[id]}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {fit.dimensions.map(dimension => (
            <TableRow key={dimension.dimension}>
              <TableCell
                component="th"
                scope="row"
                className={classes.dimension}
              >
                {dimension.label}
              </TableCell>
              <TableCell>
                {dimension.requirement ?? (
                  <span className={classes.muted}>no requirement stated</span>
                )}
              </TableCell>
              {RUNTIME_MODES.map(id => {
                const cell = dimension.modes[id];
                return (
                  <TableCell key={id} className={columnClass(id)}>
                    {cell ? (
                      <>
                        <Typography variant="body2">{cell.value}</Typography>
                        {dimension.requirement && (
                          <FitMark fit={cell.fit} reason={cell.reason} />
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
          {factRows.map(row => (
            <TableRow key={row.key} data-testid={`matrix-row-${row.key}`}>
              <TableCell
                component="th"
                scope="row"
                className={classes.dimension}
              >
                {row.label}
              </TableCell>
              <TableCell>
                <span className={classes.muted}>—</span>
              </TableCell>
              {RUNTIME_MODES.map(id => (
                <TableCell key={id} className={columnClass(id)}>
                  <Typography variant="body2">
                    {profileValue(profiles!, id, row)}
                  </Typography>
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row">
              <strong>Fit with its requirements</strong>
            </TableCell>
            <TableCell>
              {fit.bestFit
                ? `best: ${MODE_LABELS[fit.bestFit]}`
                : 'no requirements stated'}
            </TableCell>
            {RUNTIME_MODES.map(id => (
              <TableCell key={id} className={columnClass(id)}>
                <strong>
                  {fit.scores[id] === null || fit.scores[id] === undefined
                    ? '—'
                    : `fit ${fit.scores[id]} / 100`}
                </strong>
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      {fit.dimensions.every(d => !d.requirement) && (
        <Typography variant="caption" color="textSecondary">
          No requirements stated, so no mode is scored. Add
          runtime-mode.dev/isolation, latency-sensitive, max-overhead or
          workload-profile to see which mode fits best.
        </Typography>
      )}
    </>
  );
}
