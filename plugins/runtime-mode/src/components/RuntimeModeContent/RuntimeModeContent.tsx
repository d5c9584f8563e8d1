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

import { useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import {
  MODE_LABELS,
  type EvaluationResult,
  type RuntimeModeId,
  type StoredEvaluation,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';
import { SOURCE_WORDS } from '../common/ModeChip';
import {
  NoAnnotationsHowTo,
  hasRuntimeModeAnnotations,
} from '../common/NoAnnotationsHowTo';
import { EvaluationStatusNotice } from '../common/EvaluationStatusNotice';
import { labelOf, plural } from '../common/labels';
import { formatDate, formatDateTime } from '../common/format';
import { useEntityEvaluation } from '../common/useEntityEvaluation';
import { Verdict } from '../common/Verdict';
import { EvidenceLink } from '../common/EvidenceLink';
import { PanelError } from '../common/PanelError';
import { LinesPlaceholder } from '../common/Placeholders';
import { openConcerns } from '../common/answers';
import { withWhatIfChoice } from '../common/whatIfChoice';
import { ComparisonMatrix } from './ComparisonMatrix';
import { ConcernList } from './ConcernList';
import { ObjectsTable } from './ObjectsTable';
import { HistoryPanel } from './HistoryPanel';
import { WhatIfPanel } from './WhatIfPanel';

function ModeEvidence(props: { result: EvaluationResult }) {
  const { mode } = props.result;
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h3">
        Why it runs on {labelOf(MODE_LABELS, mode.value)}
      </Typography>
      <Typography variant="body2">
        Decided by {SOURCE_WORDS[mode.source] ?? mode.source} (confidence{' '}
        {mode.confidence}).
        {mode.declared && mode.declared !== mode.value
          ? ` Declared as ${labelOf(
              MODE_LABELS,
              mode.declared,
            )}, which the evidence contradicts.`
          : ''}
      </Typography>
      {mode.evidence.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {mode.evidence.map(e => (
            <li key={`${e.source}:${e.file ?? ''}:${e.line ?? ''}:${e.reason}`}>
              <Typography variant="body2">
                {SOURCE_WORDS[e.source] ?? e.source}{' '}
                {e.file ? (
                  <EvidenceLink file={e.file} line={e.line} />
                ) : (
                  e.annotation ?? e.cluster ?? ''
                )}
                : {e.reason} → {labelOf(MODE_LABELS, e.mode)}
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}

function VerdictCard(props: {
  evaluation: StoredEvaluation;
  result: EvaluationResult;
  refreshAction: JSX.Element;
}) {
  const { evaluation, result } = props;
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const open = openConcerns(result.findings);
  const critical = open.filter(f => f.severity === 'critical').length;
  const whatIfHref = (mode: RuntimeModeId) =>
    `${location.pathname}?${withWhatIfChoice(searchParams, {
      targetMode: mode,
    })}`;
  return (
    <InfoCard
      title="Runtime mode, upgrade and migration"
      action={props.refreshAction}
    >
      <div data-testid="runtime-mode-summary">
        <Verdict result={result} variant="tab" whatIfHref={whatIfHref} />
        <Box mt={1}>
          <Typography variant="body2">
            <strong>Open concerns:</strong>{' '}
            {open.length === 0
              ? 'none'
              : `${critical} critical, ${plural(
                  open.length - critical,
                  'warning',
                )} (all listed below)`}
          </Typography>
        </Box>
        <ModeEvidence result={result} />
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            Evaluated {formatDateTime(evaluation.evaluatedAt)} · rules{' '}
            {result.ruleSetVersion} · API knowledge base as of{' '}
            {formatDate(result.knowledgeBaseAsOf)}
          </Typography>
        </Box>
      </div>
    </InfoCard>
  );
}

/** Rule titles from the rule catalog, so docs links say what they document. */
function useRuleTitles(): Record<string, string> {
  const api = useApi(runtimeModeApiRef);
  const { value } = useAsync(() => api.getRules(), [api]);
  return useMemo(
    () => Object.fromEntries((value?.rules ?? []).map(r => [r.id, r.title])),
    [value],
  );
}

function Sections(props: {
  entity: Entity;
  evaluation: StoredEvaluation;
  result: EvaluationResult;
  refreshAction: JSX.Element;
}) {
  const { entity, evaluation, result } = props;
  const ruleTitles = useRuleTitles();
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <VerdictCard
          evaluation={evaluation}
          result={result}
          refreshAction={props.refreshAction}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard
          title="What if"
          subheader="Try another move or Kubernetes version before planning it"
        >
          <WhatIfPanel
            entity={entity}
            current={result}
            ruleTitles={ruleTitles}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Concerns"
          subheader="What breaks, what blocks a move, and what to do about it"
        >
          <ConcernList findings={result.findings} ruleTitles={ruleTitles} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="API status of the objects" noPadding={false}>
          <ObjectsTable result={result} />
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
      <Grid item xs={12} lg={5}>
        <InfoCard title="History" subheader="Open concerns over time">
          <HistoryPanel entity={entity} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/**
 * The Runtime tab: the verdict with its evidence and the what-if beside it,
 * then every concern, the objects and their API status, the mode comparison
 * and the history.
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
  if (state.loading) {
    return (
      <InfoCard title="Runtime mode, upgrade and migration">
        <LinesPlaceholder what="the runtime mode verdict" lines={10} />
      </InfoCard>
    );
  }
  if (state.error) {
    return (
      <PanelError
        title="Could not load the runtime mode verdict"
        error={state.error}
        onRetry={state.retry}
      />
    );
  }
  const evaluation = state.evaluation;
  if (!evaluation) return null;

  const refreshAction = (
    <Button size="small" onClick={state.refresh} disabled={state.refreshing}>
      {state.refreshing ? 'Refreshing…' : 'Refresh'}
    </Button>
  );

  return (
    <div data-testid="runtime-mode-tab">
      {state.refreshError && (
        <PanelError
          title="Could not re-evaluate"
          error={state.refreshError}
          onRetry={state.refresh}
        />
      )}
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
    </div>
  );
}
