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
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { StoredEvaluation } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import {
  NoAnnotationsHowTo,
  hasRuntimeModeAnnotations,
} from '../common/NoAnnotationsHowTo';
import { EvaluationStatusNotice } from '../common/EvaluationStatusNotice';
import { formatDate, formatDateTime } from '../common/format';
import { useEntityEvaluation } from '../common/useEntityEvaluation';
import { useRuntimeTabLink } from '../common/useRuntimeTabLink';
import { Verdict } from '../common/Verdict';
import { PanelError } from '../common/PanelError';
import { LinesPlaceholder } from '../common/Placeholders';
import { whatIfSearch } from '../common/whatIfChoice';

function CardBody(props: {
  evaluation: StoredEvaluation;
  tabLink?: string;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { evaluation, tabLink } = props;
  const result = evaluation.result;
  return (
    <>
      <EvaluationStatusNotice
        evaluation={evaluation}
        onRefresh={props.onRefresh}
        refreshing={props.refreshing}
      />
      {result && (
        <>
          <Verdict
            result={result}
            variant="card"
            whatIfHref={
              tabLink
                ? mode => `${tabLink}${whatIfSearch({ targetMode: mode })}`
                : undefined
            }
          />
          <Box mt={1}>
            <Typography variant="caption" color="textSecondary">
              Evaluated {formatDateTime(evaluation.evaluatedAt)} · rules{' '}
              {result.ruleSetVersion} · API knowledge base as of{' '}
              {formatDate(result.knowledgeBaseAsOf)}
            </Typography>
          </Box>
        </>
      )}
    </>
  );
}

/**
 * Overview card: what the component runs on, whether it breaks at the
 * planned upgrade, whether it can move to the mode chosen (or which mode
 * would fit better), the one next step and the top three concerns.
 */
export function RuntimeModeCard() {
  const { entity } = useEntity();
  const annotated = hasRuntimeModeAnnotations(entity);
  const state = useEntityEvaluation(entity, !annotated);
  const tabLink = useRuntimeTabLink(entity);

  let content: JSX.Element;
  if (!annotated) {
    content = <NoAnnotationsHowTo compact />;
  } else if (state.loading) {
    content = <LinesPlaceholder what="the runtime mode verdict" lines={8} />;
  } else if (state.error) {
    content = (
      <PanelError
        title="Could not load the runtime mode verdict"
        error={state.error}
        onRetry={state.retry}
      />
    );
  } else if (!state.evaluation) {
    content = <Typography>No result.</Typography>;
  } else {
    content = (
      <CardBody
        evaluation={state.evaluation}
        tabLink={tabLink}
        onRefresh={state.refresh}
        refreshing={state.refreshing}
      />
    );
  }

  return (
    // A plain wrapper: InfoCard takes no test id, the e2e suite scans the card.
    <div data-testid="runtime-mode-card">
      <InfoCard
        title="Runtime mode"
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
            >
              {state.refreshing ? 'Refreshing…' : 'Refresh'}
            </Button>
          ) : undefined
        }
      >
        {state.refreshError && (
          <PanelError
            title="Could not re-evaluate"
            error={state.refreshError}
            onRetry={state.refresh}
          />
        )}
        {content}
      </InfoCard>
    </div>
  );
}
