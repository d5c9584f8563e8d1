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
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { runtimeModeApiRef } from '../../api';
import { CATEGORY_LABELS, labelOf } from '../common/labels';
import { SeverityLabel } from '../common/SeverityLabel';

/**
 * How levels and scores are computed, and every rule that can raise a
 * concern: a score nobody can explain is worth nothing to a board.
 */
export function RulesPanel() {
  const api = useApi(runtimeModeApiRef);
  const { value, loading, error } = useAsync(() => api.getRules(), [api]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <div data-testid="runtime-mode-rules">
      <Typography variant="subtitle2">
        How levels and scores are computed (rules {value.ruleSetVersion})
      </Typography>
      <ul style={{ marginTop: 0 }}>
        {value.scoring.map(line => (
          <li key={line}>
            <Typography variant="body2">{line}</Typography>
          </li>
        ))}
      </ul>
      <Accordion>
        <AccordionSummary expandIcon={<ExpandMoreIcon />}>
          <Typography variant="subtitle2">
            The {value.rules.length} rule{value.rules.length === 1 ? '' : 's'}{' '}
            that can raise a concern
          </Typography>
        </AccordionSummary>
        <AccordionDetails>
          <Table size="small" aria-label="Rules">
            <TableHead>
              <TableRow>
                <TableCell>Rule</TableCell>
                <TableCell>Category</TableCell>
                <TableCell>At most</TableCell>
                <TableCell>What it checks</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.rules.map(rule => (
                <TableRow key={rule.id}>
                  <TableCell>
                    <code>{rule.id}</code>
                  </TableCell>
                  <TableCell>
                    {labelOf(CATEGORY_LABELS, rule.category)}
                  </TableCell>
                  <TableCell>
                    <SeverityLabel severity={rule.severity} />
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2">
                      <strong>{rule.title}.</strong> {rule.description}
                    </Typography>
                    {rule.docsUrl && (
                      <Link
                        to={rule.docsUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                      >
                        Documentation
                      </Link>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </AccordionDetails>
      </Accordion>
    </div>
  );
}
