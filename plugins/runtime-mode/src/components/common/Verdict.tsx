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

import { useState, type ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import { Link } from '@backstage/core-components';
import {
  MODE_LABELS,
  RUNTIME_MODE_ANNOTATIONS,
  type EvaluationResult,
  type RuntimeModeId,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { ModeChip } from './ModeChip';
import { LevelChip, UpgradeChip } from './LevelChip';
import { SeverityLabel } from './SeverityLabel';
import { EvidenceLink } from './EvidenceLink';
import { MOVE_SOURCE_WORDS, labelOf } from './labels';
import {
  answersOf,
  checksWords,
  clustersOf,
  moveWords,
  nextStep,
  objectWords,
  topConcerns,
  byChange,
  versionWords,
  type Answers,
  type SuggestionAnswer,
} from './answers';

const useStyles = makeStyles(theme => ({
  answers: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1.5),
    margin: 0,
    [theme.breakpoints.down('xs')]: {
      gridTemplateColumns: 'minmax(0, 1fr)',
      rowGap: 0,
    },
  },
  term: {
    ...theme.typography.subtitle2,
    margin: 0,
    paddingTop: theme.spacing(0.25),
  },
  definition: {
    margin: 0,
    minWidth: 0,
    [theme.breakpoints.down('xs')]: { marginBottom: theme.spacing(0.75) },
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: theme.spacing(1),
    rowGap: theme.spacing(0.5),
  },
  // Long engine messages stay two lines on the card; the tab has them whole.
  clamp: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  concerns: { margin: 0, padding: 0, listStyle: 'none' },
  concern: { marginTop: theme.spacing(0.5) },
  top: { marginTop: theme.spacing(1.5) },
  code: { fontFamily: 'monospace', fontSize: '0.85em' },
}));

/** How much the verdict says: the card keeps to one screen, the tab says all. */
export type VerdictVariant = 'card' | 'tab';

function Answer(props: { term: string; testId: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <dt className={classes.term}>{props.term}</dt>
      <dd className={classes.definition} data-testid={props.testId}>
        {props.children}
      </dd>
    </>
  );
}

function RunsOn(props: { result: EvaluationResult }) {
  const classes = useStyles();
  const { mode } = props.result;
  const clusters = clustersOf(props.result);
  return (
    <div className={classes.line}>
      <ModeChip mode={mode.value} verdict={mode} />
      <Typography variant="body2" component="span">
        {mode.value === 'unknown'
          ? 'no manifest, cluster or annotation tells'
          : clusters.length > 0 &&
            `on ${
              clusters.length === 1 ? 'cluster' : 'clusters'
            } ${clusters.join(', ')}`}
      </Typography>
    </div>
  );
}

function Explanation(props: { lines: string[]; title: string }) {
  const classes = useStyles();
  if (props.lines.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2" component="p">
        {props.title}
      </Typography>
      <ul className={classes.list}>
        {props.lines.map(line => (
          <li key={line}>
            <Typography variant="body2">{line}</Typography>
          </li>
        ))}
      </ul>
    </>
  );
}

function UpgradeAnswer(props: {
  answers: Answers;
  result: EvaluationResult;
  variant: VerdictVariant;
}) {
  const classes = useStyles();
  const { upgrade } = props.answers;
  if (!upgrade) {
    return (
      <Typography variant="body2">
        Not answered by this result: rules {props.result.ruleSetVersion} judged
        every concern together. Refresh to judge the upgrade on its own.
      </Typography>
    );
  }
  const { checks, counts, versions } = upgrade;
  const tally = [
    counts.brokenNow && `${counts.brokenNow} broken now`,
    counts.breaksAtUpgrade && `${counts.breaksAtUpgrade} break at the upgrade`,
    counts.deprecated && `${counts.deprecated} deprecated`,
  ].filter(Boolean);
  return (
    <>
      <div className={classes.line}>
        <UpgradeChip level={upgrade.level} />
        <Typography variant="body2" component="span">
          {checks.total > 0
            ? `${checksWords(checks)} objects passing`
            : 'no object judged'}
          {props.variant === 'tab' && tally.length > 0
            ? ` (${tally.join(', ')})`
            : ''}
        </Typography>
      </div>
      {versions.length > 0 && (
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="runtime-mode-upgrade-versions"
        >
          {byChange(versions).map(versionWords).join(' · ')}
        </Typography>
      )}
    </>
  );
}

function Suggestion(props: {
  suggestion: SuggestionAnswer;
  variant: VerdictVariant;
  /** Where to try the suggested move; undefined when there is nowhere. */
  whatIfHref?: (mode: RuntimeModeId) => string | undefined;
  planned: boolean;
}) {
  const classes = useStyles();
  const { suggestion, variant } = props;
  const href = props.whatIfHref?.(suggestion.mode);
  const mode = labelOf(MODE_LABELS, suggestion.mode);
  return (
    <div data-testid="runtime-mode-suggestion">
      <Typography variant="body2">
        <strong>Suggestion:</strong> {mode} fits its requirements better
        {suggestion.fitScore === null
          ? ''
          : ` (fit ${suggestion.fitScore} / 100)`}
        .
      </Typography>
      {suggestion.reasons.length > 0 &&
        (variant === 'card' ? (
          <Typography
            variant="body2"
            color="textSecondary"
            className={classes.clamp}
          >
            {suggestion.reasons.join(' ')}
          </Typography>
        ) : (
          <ul className={classes.list}>
            {suggestion.reasons.map(reason => (
              <li key={reason}>
                <Typography variant="body2">{reason}</Typography>
              </li>
            ))}
          </ul>
        ))}
      {!props.planned && (
        <Typography variant="body2">
          Plan it with{' '}
          <code className={classes.code}>
            {RUNTIME_MODE_ANNOTATIONS.targetMode}: {suggestion.mode}
          </code>
          {href ? (
            <>
              {' '}
              ·{' '}
              <Link to={href} underline="always">
                Try it in the what-if
              </Link>
            </>
          ) : (
            '.'
          )}
        </Typography>
      )}
    </div>
  );
}

function MigrationAnswer(props: {
  answers: Answers;
  result: EvaluationResult;
  variant: VerdictVariant;
  whatIfHref?: (mode: RuntimeModeId) => string | undefined;
}) {
  const classes = useStyles();
  const { move, suggestion } = props.answers;
  const better =
    suggestion && suggestion.mode !== move?.targetMode ? suggestion : null;
  if (!move) {
    const stated = Object.keys(props.result.fit.requirements).length > 0;
    return (
      <>
        <Typography variant="body2">
          <strong>No move planned.</strong>
          {!better &&
            (stated
              ? ' Where it runs fits its stated requirements best.'
              : ' No requirements are stated, so no mode is suggested.')}
        </Typography>
        {better && (
          <Suggestion
            suggestion={better}
            variant={props.variant}
            whatIfHref={props.whatIfHref}
            planned={false}
          />
        )}
      </>
    );
  }
  return (
    <>
      <div className={classes.line}>
        <Typography variant="body2" component="span">
          <strong>{moveWords(move.targetMode)}</strong>
        </Typography>
        <LevelChip level={move.level} />
        {move.checks && (
          <Typography variant="body2" component="span">
            {checksWords(move.checks)} checks passing
          </Typography>
        )}
      </div>
      <Typography variant="body2" color="textSecondary">
        {MOVE_SOURCE_WORDS[move.source]}
      </Typography>
      {better && (
        <Suggestion
          suggestion={better}
          variant={props.variant}
          whatIfHref={props.whatIfHref}
          planned
        />
      )}
    </>
  );
}

function NextStep(props: {
  result: EvaluationResult;
  variant: VerdictVariant;
}) {
  const step = nextStep(props.result.findings);
  if (!step) return null;
  const { finding } = step;
  const object = objectWords(finding);
  return (
    <Typography variant="body2" data-testid="runtime-mode-next-step">
      {step.action}
      {object || finding.file ? ' (' : ''}
      {object}
      {object && finding.file ? ', ' : ''}
      {finding.file && (
        <EvidenceLink
          file={finding.file}
          line={finding.line}
          short={props.variant === 'card'}
        />
      )}
      {object || finding.file ? ')' : ''}
    </Typography>
  );
}

/** The worst three open concerns, each once, message and evidence only. */
function TopConcerns(props: { result: EvaluationResult }) {
  const classes = useStyles();
  const { shown, open } = topConcerns(props.result.findings);
  if (open === 0) {
    return (
      <Typography variant="body2">No critical or warning concerns.</Typography>
    );
  }
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Top concerns ({shown.length} of {open} open)
      </Typography>
      <ul className={classes.concerns} data-testid="runtime-mode-top-concerns">
        {shown.map(f => (
          <li
            key={`${f.id}:${f.file ?? ''}:${f.line ?? ''}:${f.name ?? ''}`}
            className={classes.concern}
          >
            <Typography variant="body2" className={classes.clamp}>
              <SeverityLabel severity={f.severity} />
              {f.file && (
                <>
                  {' '}
                  <EvidenceLink file={f.file} line={f.line} short />
                </>
              )}{' '}
              {f.message}
            </Typography>
          </li>
        ))}
      </ul>
    </>
  );
}

/** How the answers were reached, one line per step; a button away on the card. */
function Breakdown(props: { answers: Answers; variant: VerdictVariant }) {
  const { upgrade, move } = props.answers;
  const [open, setOpen] = useState(false);
  const body = (
    <div data-testid="runtime-mode-breakdown">
      {upgrade && (
        <Explanation
          title="How the upgrade was judged"
          lines={upgrade.explanation}
        />
      )}
      {move && (
        <Explanation
          title={`How the move to ${labelOf(
            MODE_LABELS,
            move.targetMode,
          )} was judged`}
          lines={move.explanation}
        />
      )}
    </div>
  );
  if (!upgrade?.explanation.length && !move?.explanation.length) return null;
  if (props.variant === 'tab') return body;
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls="runtime-mode-breakdown"
        endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
      >
        How it was judged
      </Button>
      <div id="runtime-mode-breakdown">
        <Collapse in={open}>{body}</Collapse>
      </div>
    </>
  );
}

/**
 * The verdict as two answers a newcomer reads without a legend: does it
 * break at the planned upgrade (every component), and can it move to the
 * mode chosen (only when a move is planned; the best fit is a suggestion).
 * Then the one next step and, on the card, the top three concerns.
 */
export function Verdict(props: {
  result: EvaluationResult;
  variant: VerdictVariant;
  whatIfHref?: (mode: RuntimeModeId) => string | undefined;
}) {
  const classes = useStyles();
  const { result, variant } = props;
  const answers = answersOf(result);
  return (
    <div data-testid="runtime-mode-verdict">
      <dl className={classes.answers}>
        <Answer term="Runs on" testId="runtime-mode-runs-on">
          <RunsOn result={result} />
        </Answer>
        <Answer term="Upgrade" testId="runtime-mode-upgrade">
          <UpgradeAnswer answers={answers} result={result} variant={variant} />
        </Answer>
        <Answer term="Migration" testId="runtime-mode-migration">
          <MigrationAnswer
            answers={answers}
            result={result}
            variant={variant}
            whatIfHref={props.whatIfHref}
          />
        </Answer>
        {answers.legacy && (
          <Answer term="All concerns" testId="runtime-mode-all-concerns">
            <LevelChip level={result.readiness.level} />
          </Answer>
        )}
        {nextStep(result.findings) && (
          <Answer term="Next step" testId="runtime-mode-next">
            <NextStep result={result} variant={variant} />
          </Answer>
        )}
      </dl>
      {variant === 'card' && (
        <div className={classes.top}>
          <TopConcerns result={result} />
        </div>
      )}
      <Breakdown answers={answers} variant={variant} />
    </div>
  );
}
