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

import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import {
  RUNTIME_MODES,
  type EvaluationResult,
  type Finding,
  type RuntimeModeId,
  type WhatIfRequest,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';
import { LevelChip } from '../common/LevelChip';
import { LEVEL_LABELS, MODE_LABELS, labelOf } from '../common/labels';
import { KUBERNETES_VERSIONS } from '../common/versions';
import { ConcernList } from './ConcernList';
import { SeverityLabel, compareFindings } from '../common/SeverityLabel';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  field: { minWidth: 220 },
}));

const AS_IS = '';

function openCount(result: EvaluationResult, severity: 'critical' | 'warning') {
  return result.findings.filter(f => !f.waived && f.severity === severity)
    .length;
}

function findingKey(f: Finding): string {
  return [f.id, f.file ?? '', f.line ?? '', f.name ?? ''].join('|');
}

/** What the move would add and what it would clear, most severe first. */
function FindingChanges(props: {
  current: EvaluationResult;
  whatIf: EvaluationResult;
}) {
  const open = (r: EvaluationResult) =>
    r.findings.filter(f => !f.waived && f.severity !== 'info');
  const before = new Set(open(props.current).map(findingKey));
  const after = new Set(open(props.whatIf).map(findingKey));
  const added = open(props.whatIf)
    .filter(f => !before.has(findingKey(f)))
    .sort(compareFindings);
  const cleared = open(props.current)
    .filter(f => !after.has(findingKey(f)))
    .sort(compareFindings);
  const list = (title: string, findings: Finding[], testId: string) => (
    <Box mt={1} data-testid={testId}>
      <Typography variant="subtitle2">
        {title} ({findings.length})
      </Typography>
      {findings.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          none
        </Typography>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {findings.map(f => (
            <li key={findingKey(f)}>
              <SeverityLabel severity={f.severity} />{' '}
              <Typography variant="body2" component="span">
                {f.message}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
  return (
    <>
      {list('New concerns at this target', added, 'what-if-added')}
      {list('Concerns this target clears', cleared, 'what-if-cleared')}
    </>
  );
}

function Comparison(props: {
  current: EvaluationResult;
  whatIf: EvaluationResult;
}) {
  const { current, whatIf } = props;
  const row = (label: string, before: string, after: string) => (
    <Typography variant="body2">
      <strong>{label}:</strong> {before}
      {before === after ? ' (unchanged)' : ` → ${after}`}
    </Typography>
  );
  return (
    <Box mt={2} data-testid="runtime-mode-what-if-result">
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <Typography variant="subtitle1">What-if result:</Typography>
        <LevelChip level={whatIf.readiness.level} />
      </Box>
      {row(
        'Target mode',
        labelOf(MODE_LABELS, current.readiness.targetMode ?? 'unknown'),
        labelOf(MODE_LABELS, whatIf.readiness.targetMode ?? 'unknown'),
      )}
      {row(
        'Readiness',
        labelOf(LEVEL_LABELS, current.readiness.level),
        labelOf(LEVEL_LABELS, whatIf.readiness.level),
      )}
      {row(
        'Score',
        String(current.readiness.score ?? 'unknown'),
        String(whatIf.readiness.score ?? 'unknown'),
      )}
      {row(
        'Open critical concerns',
        String(openCount(current, 'critical')),
        String(openCount(whatIf, 'critical')),
      )}
      {row(
        'Open warnings',
        String(openCount(current, 'warning')),
        String(openCount(whatIf, 'warning')),
      )}
      {whatIf.readiness.explanation.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="p">
          How the score was computed: {whatIf.readiness.explanation.join(' · ')}
        </Typography>
      )}
      <FindingChanges current={current} whatIf={whatIf} />
      <Box mt={1}>
        <Typography variant="subtitle2">All concerns at this target</Typography>
        <ConcernList findings={whatIf.findings} collapsed />
      </Box>
    </Box>
  );
}

/**
 * Re-evaluates the stored manifests against another target mode and
 * Kubernetes version through the API. Nothing is saved.
 */
export function WhatIfPanel(props: {
  entity: Entity;
  current: EvaluationResult;
}) {
  const classes = useStyles();
  const api = useApi(runtimeModeApiRef);
  const currentK8s = props.current.targets.find(t => t.component === 'k8s');
  const [targetMode, setTargetMode] = useState<RuntimeModeId | ''>(
    props.current.readiness.targetMode ?? AS_IS,
  );
  const [k8s, setK8s] = useState<string>(AS_IS);

  const [state, evaluate] = useAsyncFn(async () => {
    const request: WhatIfRequest = {};
    if (targetMode) request.targetMode = targetMode;
    if (k8s) request.targets = { k8s };
    return api.whatIf(getCompoundEntityRef(props.entity), request);
  }, [api, props.entity, targetMode, k8s]);

  return (
    <div>
      <Typography variant="body2" gutterBottom>
        Choose a target mode and a Kubernetes version to see what would block
        the move. The stored result is not changed.
      </Typography>
      <div className={classes.form}>
        <TextField
          select
          variant="outlined"
          size="small"
          className={classes.field}
          id="what-if-target-mode"
          label="Target mode"
          value={targetMode}
          onChange={e => setTargetMode(e.target.value as RuntimeModeId | '')}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'what-if-mode' }}
        >
          <MenuItem value={AS_IS}>As configured</MenuItem>
          {RUNTIME_MODES.map(id => (
            <MenuItem key={id} value={id}>
              {MODE_LABELS[id]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          variant="outlined"
          size="small"
          className={classes.field}
          id="what-if-target-k8s"
          label="Target Kubernetes version"
          value={k8s}
          onChange={e => setK8s(e.target.value)}
          // Show "As configured (1.34)" instead of an empty box whose label
          // reads like a placeholder (and is cut off at this width).
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'what-if-k8s' }}
        >
          <MenuItem value={AS_IS}>
            As configured{currentK8s ? ` (${currentK8s.version})` : ''}
          </MenuItem>
          {KUBERNETES_VERSIONS.map(v => (
            <MenuItem key={v} value={v}>
              Kubernetes {v}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          color="primary"
          onClick={() => evaluate()}
          disabled={state.loading}
        >
          Evaluate what-if
        </Button>
      </div>
      {state.loading && <Progress />}
      {state.error && <ResponseErrorPanel error={state.error} />}
      {state.value && !state.loading && (
        <Comparison current={props.current} whatIf={state.value} />
      )}
    </div>
  );
}
