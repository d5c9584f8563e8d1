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
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import type {
  EvaluationResult,
  StoredEvaluation,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { ModeChip } from '../common/ModeChip';
import { LevelChip } from '../common/LevelChip';
import {
  NoAnnotationsHowTo,
  hasRuntimeModeAnnotations,
} from '../common/NoAnnotationsHowTo';
import { EvaluationStatusNotice } from '../common/EvaluationStatusNotice';
import { MODE_LABELS, labelOf, targetSourceWords } from '../common/labels';
import { formatDate, formatDateTime } from '../common/format';
import { useEntityEvaluation } from '../common/useEntityEvaluation';
import { ComparisonMatrix } from './ComparisonMatrix';
import { ConcernList } from './ConcernList';
import { ObjectsTable } from './ObjectsTable';
import { HistoryPanel } from './HistoryPanel';
import { WhatIfPanel } from './WhatIfPanel';
import { nextStepWhere, summarize } from '../common/summarize';

const SOURCE_WORDS: Record<string, string> = {
  manifest: 'manifest',
  cluster: 'cluster config',
  annotation: 'annotation',
  none: 'nothing',
};

function Summary(props: {
  evaluation: StoredEvaluation;
  result: EvaluationResult;
}) {
  const { evaluation, result } = props;
  const { mode, readiness } = result;
  const summary = summarize(result);
  return (
    <div data-testid="runtime-mode-summary">
      <Box mb={2}>
        <Typography variant="body1">
          <strong>{summary.runsOn}</strong> {summary.readiness}
        </Typography>
        {summary.next && (
          <Typography variant="body2">
            <strong>Next step:</strong> {summary.next}
            {nextStepWhere(result) ? ` (${nextStepWhere(result)})` : ''}
          </Typography>
        )}
      </Box>
      <Box display="flex" gridGap={16} flexWrap="wrap" alignItems="center">
        <ModeChip mode={mode.value} verdict={mode} size="medium" />
        <LevelChip level={readiness.level} size="medium" />
        <Typography variant="h6" component="span">
          Score:{' '}
          {readiness.score === null ? 'unknown' : `${readiness.score} / 100`}
        </Typography>
      </Box>
      <Box mt={2}>
        <Typography variant="body2">
          <strong>Runs on:</strong> {labelOf(MODE_LABELS, mode.value)}, decided
          by {SOURCE_WORDS[mode.source] ?? mode.source} (confidence{' '}
          {mode.confidence}).
          {mode.declared && mode.declared !== mode.value
            ? ` Declared as ${labelOf(
                MODE_LABELS,
                mode.declared,
              )}, which the evidence contradicts.`
            : ''}
        </Typography>
        <Typography variant="body2">
          <strong>Target mode:</strong>{' '}
          {readiness.targetMode
            ? `${labelOf(
                MODE_LABELS,
                readiness.targetMode,
              )} (${targetSourceWords(result)})`
            : 'none, so readiness is not judged'}
        </Typography>
      </Box>
      {mode.evidence.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2">Evidence</Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {mode.evidence.map(e => {
              const where = e.file
                ? `${e.file}${e.line ? `:${e.line}` : ''}`
                : e.annotation ?? e.cluster ?? '';
              return (
                <li key={`${e.source}:${where}:${e.reason}`}>
                  <Typography variant="body2">
                    {SOURCE_WORDS[e.source] ?? e.source}
                    {where ? ` ${where}` : ''}: {e.reason} →{' '}
                    {labelOf(MODE_LABELS, e.mode)}
                  </Typography>
                </li>
              );
            })}
          </ul>
        </Box>
      )}
      {readiness.explanation.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2">
            How the score was computed
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {readiness.explanation.map(line => (
              <li key={line}>
                <Typography variant="body2">{line}</Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
      <Box mt={1}>
        <Typography variant="caption" color="textSecondary">
          Evaluated {formatDateTime(evaluation.evaluatedAt)} · rules{' '}
          {result.ruleSetVersion} · API knowledge base as of{' '}
          {formatDate(result.knowledgeBaseAsOf)}
        </Typography>
      </Box>
    </div>
  );
}

function Sections(props: {
  entity: Entity;
  evaluation: StoredEvaluation;
  result: EvaluationResult;
  refreshAction: JSX.Element;
}) {
  const { entity, evaluation, result } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={5}>
        <InfoCard
          title="Runtime mode and readiness"
          action={props.refreshAction}
        >
          <Summary evaluation={evaluation} result={result} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={7}>
        <InfoCard
          title="Mode comparison"
          subheader="The three runtime modes against this component's requirements"
        >
          <ComparisonMatrix result={result} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Concerns"
          subheader="What blocks or slows the migration, and what to do about it"
        >
          <ConcernList findings={result.findings} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="API status of the objects" noPadding={false}>
          <ObjectsTable result={result} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={5}>
        <InfoCard
          title="History"
          subheader="Readiness level and score over time"
        >
          <HistoryPanel entity={entity} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={7}>
        <InfoCard
          title="What if"
          subheader="Try another target before migrating"
        >
          <WhatIfPanel entity={entity} current={result} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The Runtime tab: verdict with evidence, mode comparison, concerns, objects
 * and their API status, history and what-if.
 */
export function RuntimeModeContent() {
  const { entity } = useEntity();
  const annotated = hasRuntimeModeAnnotations(entity);
  const state = useEntityEvaluation(entity, !annotated);

  if (!annotated) {
    return (
      <InfoCard title="Runtime mode">
        <NoAnnotationsHowTo />
      </InfoCard>
    );
  }
  if (state.loading) return <Progress />;
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  const evaluation = state.evaluation;
  if (!evaluation) return null;

  const refreshAction = (
    <Button
      size="small"
      onClick={state.refresh}
      disabled={state.refreshing}
      aria-label="Re-evaluate now"
    >
      {state.refreshing ? 'Refreshing…' : 'Refresh'}
    </Button>
  );

  return (
    <>
      {state.refreshError && <ResponseErrorPanel error={state.refreshError} />}
      <EvaluationStatusNotice
        evaluation={evaluation}
        onRefresh={state.refresh}
        refreshing={state.refreshing}
      />
      {evaluation.result ? (
        <Sections
          entity={entity}
          evaluation={evaluation}
          result={evaluation.result}
          refreshAction={refreshAction}
        />
      ) : null}
    </>
  );
}
