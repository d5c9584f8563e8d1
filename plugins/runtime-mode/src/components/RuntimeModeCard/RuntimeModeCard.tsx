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

import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  Gauge,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  EvaluationResult,
  StoredEvaluation,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { ModeChip } from '../common/ModeChip';
import { LevelChip, levelColor } from '../common/LevelChip';
import {
  NoAnnotationsHowTo,
  hasRuntimeModeAnnotations,
} from '../common/NoAnnotationsHowTo';
import { EvaluationStatusNotice } from '../common/EvaluationStatusNotice';
import { SeverityLabel, compareFindings } from '../common/SeverityLabel';
import { MODE_LABELS, labelOf, targetSourceWords } from '../common/labels';
import { formatDate, formatDateTime } from '../common/format';
import { useEntityEvaluation } from '../common/useEntityEvaluation';
import { useRuntimeTabLink } from '../common/useRuntimeTabLink';
import { nextStepWhere, summarize } from '../common/summarize';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
  },
  // Narrower, the ring clips a three-digit score (100).
  gauge: { width: 170 },
  chips: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  },
  concerns: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  concern: { marginBottom: theme.spacing(1) },
}));

function TargetLine(props: { result: EvaluationResult }) {
  const { readiness } = props.result;
  if (!readiness.targetMode) {
    return (
      <Typography variant="body2">
        <strong>Target mode:</strong> none. Readiness is not judged until a
        target is set (annotation runtime-mode.dev/target-mode) or requirements
        pick a best fit.
      </Typography>
    );
  }
  const source = targetSourceWords(props.result);
  return (
    <Typography variant="body2">
      <strong>Target mode:</strong> {labelOf(MODE_LABELS, readiness.targetMode)}
      {source ? ` (${source})` : ''}
    </Typography>
  );
}

function TopConcerns(props: { result: EvaluationResult }) {
  const classes = useStyles();
  const open = props.result.findings
    .filter(f => !f.waived && f.severity !== 'info')
    .sort(compareFindings);
  if (open.length === 0) {
    return (
      <Typography variant="body2">
        No critical or warning concerns
        {props.result.readiness.level === 'unknown'
          ? ', but readiness is unknown: see why in the Runtime tab.'
          : '.'}
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="subtitle2">
        Top concerns ({open.length} open)
      </Typography>
      <ul className={classes.concerns} data-testid="runtime-mode-top-concerns">
        {open.slice(0, 3).map((f, index) => (
          <li
            key={`${f.id}:${f.file ?? ''}:${f.line ?? index}`}
            className={classes.concern}
          >
            <SeverityLabel severity={f.severity} />
            <Typography variant="body2">{f.message}</Typography>
            {f.remediation && (
              <Typography variant="caption" color="textSecondary">
                Next step: {f.remediation}
              </Typography>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function CardBody(props: {
  evaluation: StoredEvaluation;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const { evaluation } = props;
  const result = evaluation.result;
  if (!result) {
    return (
      <EvaluationStatusNotice
        evaluation={evaluation}
        onRefresh={props.onRefresh}
        refreshing={props.refreshing}
      />
    );
  }
  const { readiness } = result;
  const summary = summarize(result);
  return (
    <>
      <EvaluationStatusNotice
        evaluation={evaluation}
        onRefresh={props.onRefresh}
        refreshing={props.refreshing}
      />
      <Box mb={2} data-testid="runtime-mode-summary-sentence">
        <Typography variant="body1">
          <strong>{summary.runsOn}</strong> {summary.readiness}
        </Typography>
        {summary.next && (
          <Typography variant="body2">
            <strong>Next step:</strong> {summary.next}
            {nextStepWhere(result, { withFile: false })
              ? ` (${nextStepWhere(result, { withFile: false })})`
              : ''}
          </Typography>
        )}
      </Box>
      <div className={classes.summary}>
        <div className={classes.chips}>
          <Typography variant="caption" color="textSecondary">
            Runs on
          </Typography>
          <ModeChip mode={result.mode.value} verdict={result.mode} />
          <Typography variant="caption" color="textSecondary">
            Migration readiness
          </Typography>
          <LevelChip level={readiness.level} />
        </div>
        <Tooltip
          arrow
          title={
            readiness.explanation.length
              ? readiness.explanation.join(' · ')
              : 'No score: readiness is unknown'
          }
        >
          <div
            className={classes.gauge}
            data-testid="runtime-mode-score"
            aria-label={
              readiness.score === null
                ? 'Score: unknown'
                : `Score: ${readiness.score} of 100`
            }
          >
            {readiness.score === null ? (
              <Typography variant="h6" align="center">
                Score
                <br />
                unknown
              </Typography>
            ) : (
              <Gauge
                value={readiness.score}
                max={100}
                fractional={false}
                unit=""
                description="score / 100"
                // The ring takes the level's colour, so a 70 that is only
                // "ready with warnings" is not painted as a green pass.
                getColor={() => levelColor(theme, readiness.level)}
              />
            )}
            <Typography
              variant="caption"
              color="textSecondary"
              component="p"
              align="center"
            >
              Readiness score (0–100), hover for how it was computed
            </Typography>
          </div>
        </Tooltip>
      </div>
      <Box mt={2}>
        <TargetLine result={result} />
      </Box>
      <Box mt={1}>
        <TopConcerns result={result} />
      </Box>
      <Box mt={1}>
        <Typography variant="caption" color="textSecondary">
          Evaluated {formatDateTime(evaluation.evaluatedAt)} · rules{' '}
          {result.ruleSetVersion} · API knowledge base as of{' '}
          {formatDate(result.knowledgeBaseAsOf)}
        </Typography>
      </Box>
    </>
  );
}

/** Overview card: what the component runs on and how ready it is to move. */
export function RuntimeModeCard() {
  const { entity } = useEntity();
  const annotated = hasRuntimeModeAnnotations(entity);
  const state = useEntityEvaluation(entity, !annotated);
  const tabLink = useRuntimeTabLink(entity);

  let content: JSX.Element;
  if (!annotated) {
    content = <NoAnnotationsHowTo compact />;
  } else if (state.loading) {
    content = <Progress />;
  } else if (state.error) {
    content = <ResponseErrorPanel error={state.error} />;
  } else if (!state.evaluation) {
    content = <Typography>No result.</Typography>;
  } else {
    content = (
      <CardBody
        evaluation={state.evaluation}
        onRefresh={state.refresh}
        refreshing={state.refreshing}
      />
    );
  }

  return (
    <InfoCard
      title="Runtime mode"
      subheader="What it runs on and what blocks its migration"
      deepLink={
        tabLink && annotated
          ? { title: 'Details, what-if and history', link: tabLink }
          : undefined
      }
      action={
        annotated && state.evaluation?.result ? (
          <Button
            size="small"
            onClick={state.refresh}
            disabled={state.refreshing}
            aria-label="Re-evaluate now"
          >
            {state.refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        ) : undefined
      }
    >
      {state.refreshError && <ResponseErrorPanel error={state.refreshError} />}
      {content}
    </InfoCard>
  );
}
