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

import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type {
  ConcernCategory,
  Finding,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { ALL_CATEGORIES, CATEGORY_LABELS, labelOf } from '../common/labels';
import { SeverityLabel, compareFindings } from '../common/SeverityLabel';
import { DocsLink, EvidenceLink } from '../common/EvidenceLink';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, padding: 0, listStyle: 'none', width: '100%' },
  item: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  waived: { opacity: 0.75 },
  meta: { color: theme.palette.text.secondary },
  code: { fontFamily: 'monospace', fontSize: '0.85em' },
}));

function location(f: Finding): string | undefined {
  if (!f.file) return undefined;
  return f.line ? `${f.file}:${f.line}` : f.file;
}

/** When an unservable API bites, for the two questions: today or at the upgrade. */
const TIMING_WORDS: Record<string, string> = {
  now: 'broken now',
  'at-upgrade': 'breaks at the planned upgrade',
};

function WaiverLine(props: { finding: Finding }) {
  const { waiver } = props.finding;
  if (!waiver) return null;
  return (
    <Typography variant="body2" data-testid="runtime-mode-waiver">
      {waiver.expired ? (
        <>
          <strong>Waiver expired</strong> on {waiver.until}: this concern counts
          again. Reason given: {waiver.reason}
        </>
      ) : (
        <>
          <strong>Waived until {waiver.until}</strong>: {waiver.reason}
        </>
      )}
    </Typography>
  );
}

function FindingItem(props: {
  finding: Finding;
  ruleTitles?: Record<string, string>;
}) {
  const classes = useStyles();
  const f = props.finding;
  const object = [f.apiVersion, f.kind, f.name].filter(Boolean).join(' ');
  const timing = f.timing && TIMING_WORDS[f.timing];
  return (
    <li
      className={`${classes.item} ${f.waived ? classes.waived : ''}`}
      data-testid="runtime-mode-finding"
    >
      <SeverityLabel severity={f.severity} waived={f.waived} />
      {timing && (
        <Typography variant="body2" component="span">
          {' '}
          · <strong>{timing}</strong>
        </Typography>
      )}{' '}
      <Typography variant="caption" className={classes.meta}>
        rule {f.id}
      </Typography>
      <Typography variant="body2">{f.message}</Typography>
      {(f.file || object) && (
        <Typography variant="body2" className={classes.meta}>
          Evidence: {f.file && <EvidenceLink file={f.file} line={f.line} />}
          {f.file && object ? ' — ' : ''}
          {object && <span className={classes.code}>{object}</span>}
        </Typography>
      )}
      {f.remediation && (
        <Typography variant="body2">
          <strong>What to do:</strong> {f.remediation}
        </Typography>
      )}
      <WaiverLine finding={f} />
      {f.docsUrl && (
        <DocsLink url={f.docsUrl} about={props.ruleTitles?.[f.id]} />
      )}
    </li>
  );
}

function countWords(findings: Finding[]): string {
  const open = findings.filter(f => !f.waived);
  const parts: string[] = [];
  const critical = open.filter(f => f.severity === 'critical').length;
  const warning = open.filter(f => f.severity === 'warning').length;
  const info = open.filter(f => f.severity === 'info').length;
  const waived = findings.length - open.length;
  if (critical) parts.push(`${critical} critical`);
  if (warning) parts.push(`${warning} warning${warning === 1 ? '' : 's'}`);
  if (info) parts.push(`${info} info`);
  if (waived) parts.push(`${waived} waived`);
  return parts.join(', ');
}

/**
 * Concerns grouped by category, most severe category first; categories with
 * open critical or warning concerns start expanded.
 */
export function ConcernList(props: {
  findings: Finding[];
  /** Start with every category closed (for secondary lists such as what-if). */
  collapsed?: boolean;
  /** Rule titles by id, for docs links that say what they document. */
  ruleTitles?: Record<string, string>;
}) {
  const classes = useStyles();
  const groups = new Map<ConcernCategory, Finding[]>();
  for (const finding of [...props.findings].sort(compareFindings)) {
    const list = groups.get(finding.category) ?? [];
    list.push(finding);
    groups.set(finding.category, list);
  }
  if (groups.size === 0) {
    return (
      <Typography variant="body2">
        No concerns: every rule passed for the manifests read.
      </Typography>
    );
  }
  const ordered = [...groups.entries()].sort(
    ([a, fa], [b, fb]) =>
      compareFindings(fa[0], fb[0]) ||
      ALL_CATEGORIES.indexOf(a) - ALL_CATEGORIES.indexOf(b),
  );
  return (
    <div>
      {ordered.map(([category, findings]) => {
        const urgent = findings.some(f => !f.waived && f.severity !== 'info');
        return (
          <Accordion
            key={category}
            defaultExpanded={urgent && !props.collapsed}
          >
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Typography variant="subtitle1">
                {labelOf(CATEGORY_LABELS, category)}{' '}
                <Typography
                  component="span"
                  variant="body2"
                  color="textSecondary"
                >
                  ({countWords(findings)})
                </Typography>
              </Typography>
            </AccordionSummary>
            <AccordionDetails>
              <ul className={classes.list}>
                {findings.map((f, index) => (
                  <FindingItem
                    key={`${f.id}:${location(f) ?? ''}:${
                      f.name ?? ''
                    }:${index}`}
                    finding={f}
                    ruleTitles={props.ruleTitles}
                  />
                ))}
              </ul>
            </AccordionDetails>
          </Accordion>
        );
      })}
    </div>
  );
}
