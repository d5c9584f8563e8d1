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

import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  MODE_LABELS,
  READINESS_LEVEL_LABELS,
  RUNTIME_MODES,
  UPGRADE_LEVEL_LABELS,
  type EvaluationResult,
  type Finding,
  type RuntimeModeId,
  type WhatIfRequest,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';
import { LevelChip } from '../common/LevelChip';
import { labelOf } from '../common/labels';
import { KUBERNETES_VERSIONS } from '../common/versions';
import { SeverityLabel } from '../common/SeverityLabel';
import { PanelError } from '../common/PanelError';
import { LinesPlaceholder } from '../common/Placeholders';
import {
  answersOf,
  checksWords,
  moveWords,
  openConcerns,
  type Answers,
} from '../common/answers';
import {
  targetModeSnippet,
  whatIfChoiceOf,
  withWhatIfChoice,
  type WhatIfChoice,
} from '../common/whatIfChoice';
import { ConcernList } from './ConcernList';
import { YamlSnippet } from '../common/YamlSnippet';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  field: { minWidth: 220 },
  rows: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

const AS_PLANNED = '';

function openCount(result: EvaluationResult, severity: 'critical' | 'warning') {
  return openConcerns(result.findings).filter(f => f.severity === severity)
    .length;
}

function findingKey(f: Finding): string {
  return [f.id, f.file ?? '', f.line ?? '', f.name ?? ''].join('|');
}

/** The migration answer in a few words, for a before → after row. */
function moveSummary(answers: Answers): string {
  const { move } = answers;
  if (!move) return 'No move planned';
  const checks = move.checks
    ? `, ${checksWords(move.checks)} checks passing`
    : '';
  return `${moveWords(move.targetMode)}: ${labelOf(
    READINESS_LEVEL_LABELS,
    move.level,
  )}${checks}`;
}

function upgradeSummary(answers: Answers): string {
  const { upgrade } = answers;
  if (!upgrade) return 'not answered by this result';
  const passing =
    upgrade.checks.total > 0
      ? `, ${checksWords(upgrade.checks)} objects passing`
      : '';
  return `${labelOf(UPGRADE_LEVEL_LABELS, upgrade.level)}${passing}`;
}

/** What the choice adds and what it clears, most severe first. */
function FindingChanges(props: {
  current: EvaluationResult;
  whatIf: EvaluationResult;
}) {
  const before = new Set(openConcerns(props.current.findings).map(findingKey));
  const after = new Set(openConcerns(props.whatIf.findings).map(findingKey));
  const added = openConcerns(props.whatIf.findings).filter(
    f => !before.has(findingKey(f)),
  );
  const cleared = openConcerns(props.current.findings).filter(
    f => !after.has(findingKey(f)),
  );
  const list = (title: string, findings: Finding[], testId: string) => (
    <Box mt={1} data-testid={testId}>
      <Typography variant="subtitle2" component="h4">
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
      {list('New concerns with this choice', added, 'what-if-added')}
      {list('Concerns this choice clears', cleared, 'what-if-cleared')}
    </>
  );
}

function choiceWords(choice: WhatIfChoice, current: EvaluationResult): string {
  const parts: string[] = [];
  if (choice.targetMode) {
    const mode = labelOf(MODE_LABELS, choice.targetMode);
    parts.push(
      choice.targetMode === current.mode.value
        ? `staying on ${mode}`
        : `a move to ${mode}`,
    );
  }
  if (choice.k8s) parts.push(`Kubernetes ${choice.k8s}`);
  return parts.join(' at ');
}

/** Before → after for each answer, then the concerns that change. */
function Comparison(props: {
  current: EvaluationResult;
  whatIf: EvaluationResult;
  choice: WhatIfChoice;
  ruleTitles?: Record<string, string>;
}) {
  const { current, whatIf, choice } = props;
  const classes = useStyles();
  const before = answersOf(current);
  const after = answersOf(whatIf);
  const row = (label: string, from: string, to: string) => (
    <li>
      <Typography variant="body2">
        <strong>{label}:</strong> {from}
        {from === to ? ' (unchanged)' : ` → ${to}`}
      </Typography>
    </li>
  );
  const planned = before.move?.targetMode;
  const staying = choice.targetMode === current.mode.value;
  const makesPlan =
    choice.targetMode && !staying && choice.targetMode !== planned;
  return (
    <Box mt={2} data-testid="runtime-mode-what-if-result">
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <Typography variant="subtitle1" component="h3">
          With {choiceWords(choice, current)}
        </Typography>
        {after.move && <LevelChip level={after.move.level} />}
      </Box>
      {staying && (
        <Typography variant="body2" gutterBottom>
          Staying on {labelOf(MODE_LABELS, current.mode.value)} is not a move:
          there is no migration to judge.
        </Typography>
      )}
      <ul className={classes.rows}>
        {row('Upgrade', upgradeSummary(before), upgradeSummary(after))}
        {row('Migration', moveSummary(before), moveSummary(after))}
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
      </ul>
      {makesPlan && (
        <Box mt={2} data-testid="runtime-mode-what-if-snippet">
          <Typography variant="subtitle2" component="h4">
            Make this move the plan
          </Typography>
          <Typography variant="body2">
            Add the target mode to the component's catalog-info.yaml:
          </Typography>
          <YamlSnippet
            text={targetModeSnippet(choice.targetMode!)}
            copyLabel="Copy the annotation"
          />
        </Box>
      )}
      {choice.k8s && (
        <Typography variant="body2" color="textSecondary">
          The Kubernetes version the estate plans for is set by the platform
          team (runtimeMode.apiPolicy.targets in app-config.yaml).
        </Typography>
      )}
      <FindingChanges current={current} whatIf={whatIf} />
      <Box mt={1}>
        <Typography variant="subtitle2" component="h4">
          All concerns with this choice
        </Typography>
        <ConcernList
          findings={whatIf.findings}
          collapsed
          ruleTitles={props.ruleTitles}
        />
      </Box>
    </Box>
  );
}

/**
 * Re-evaluates the stored manifests for another move or Kubernetes version
 * through the API; nothing is saved. The choice lives in the URL, so a
 * link (from the card's suggestion, or shared) opens the answer.
 */
export function WhatIfPanel(props: {
  entity: Entity;
  current: EvaluationResult;
  ruleTitles?: Record<string, string>;
}) {
  const classes = useStyles();
  const api = useApi(runtimeModeApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const choice = whatIfChoiceOf(searchParams);
  const { current } = props;
  const plannedK8s = current.upgrade?.versions.find(
    v => v.component === 'k8s',
  )?.planned;
  const configuredK8s =
    plannedK8s ?? current.targets.find(t => t.component === 'k8s')?.version;
  const planned = answersOf(current).move?.targetMode;
  const ref = getCompoundEntityRef(props.entity);
  const refKey = `${ref.namespace}/${ref.kind}/${ref.name}`;

  const choose = (patch: WhatIfChoice) =>
    setSearchParams(
      previous =>
        withWhatIfChoice(previous, { ...whatIfChoiceOf(previous), ...patch }),
      { replace: true },
    );

  const state = useAsyncRetry(async () => {
    if (!choice.targetMode && !choice.k8s) return undefined;
    const request: WhatIfRequest = {};
    if (choice.targetMode) request.targetMode = choice.targetMode;
    if (choice.k8s) request.targets = { k8s: choice.k8s };
    return api.whatIf(getCompoundEntityRef(props.entity), request);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, refKey, choice.targetMode, choice.k8s]);

  const modeWord = (id: RuntimeModeId) => {
    if (id === current.mode.value) {
      return `Stay on ${MODE_LABELS[id]} (no move)`;
    }
    return `Move to ${MODE_LABELS[id]}`;
  };

  return (
    <div data-testid="runtime-mode-what-if">
      <Typography variant="body2" gutterBottom>
        Pick a move or a Kubernetes version to see what changes. The stored
        result is not changed, and the choice stays in the page's address.
      </Typography>
      <div className={classes.form}>
        <TextField
          select
          variant="outlined"
          size="small"
          className={classes.field}
          id="what-if-target-mode"
          label="Move"
          value={choice.targetMode ?? AS_PLANNED}
          onChange={e =>
            choose({
              targetMode: (e.target.value || undefined) as
                | RuntimeModeId
                | undefined,
            })
          }
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'what-if-mode' }}
        >
          <MenuItem value={AS_PLANNED}>
            As planned ({planned ? moveWords(planned) : 'no move planned'})
          </MenuItem>
          {RUNTIME_MODES.map(id => (
            <MenuItem key={id} value={id}>
              {modeWord(id)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          variant="outlined"
          size="small"
          className={classes.field}
          id="what-if-target-k8s"
          label="Kubernetes version"
          value={choice.k8s ?? AS_PLANNED}
          onChange={e => choose({ k8s: e.target.value || undefined })}
          SelectProps={{ displayEmpty: true }}
          InputLabelProps={{ shrink: true }}
          inputProps={{ 'data-testid': 'what-if-k8s' }}
        >
          <MenuItem value={AS_PLANNED}>
            As planned{configuredK8s ? ` (${configuredK8s})` : ''}
          </MenuItem>
          {KUBERNETES_VERSIONS.map(v => (
            <MenuItem key={v} value={v}>
              Kubernetes {v}
            </MenuItem>
          ))}
        </TextField>
        {(choice.targetMode || choice.k8s) && (
          <Button
            onClick={() => choose({ targetMode: undefined, k8s: undefined })}
          >
            Reset
          </Button>
        )}
      </div>
      {state.loading && <LinesPlaceholder what="the what-if" lines={5} />}
      {state.error && (
        <PanelError
          title="Could not evaluate the what-if"
          error={state.error}
          onRetry={state.retry}
        />
      )}
      {state.value && !state.loading && (
        <Comparison
          current={current}
          whatIf={state.value}
          choice={choice}
          ruleTitles={props.ruleTitles}
        />
      )}
    </div>
  );
}
