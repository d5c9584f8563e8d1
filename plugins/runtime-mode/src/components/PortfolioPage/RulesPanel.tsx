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
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { runtimeModeApiRef } from '../../api';
import { CATEGORY_LABELS, labelOf } from '../common/labels';
import { SeverityLabel } from '../common/SeverityLabel';
import { DocsLink } from '../common/EvidenceLink';
import { PanelError } from '../common/PanelError';
import { TablePlaceholder } from '../common/Placeholders';

/**
 * How the two questions are answered (levels, checks, score) and every rule
 * that can raise a concern, on a tab of its own: a verdict nobody can
 * explain is worth nothing to a board.
 */
export function RulesPanel() {
  const api = useApi(runtimeModeApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getRules(),
    [api],
  );
  if (loading) {
    return <TablePlaceholder what="the rules" rows={8} columns={4} />;
  }
  if (error) {
    return (
      <PanelError
        title="Could not load the rules"
        error={error}
        onRetry={retry}
      />
    );
  }
  if (!value) return null;
  return (
    <div data-testid="runtime-mode-rules">
      <Typography variant="h6" component="h2">
        How levels, checks and scores are computed (rules {value.ruleSetVersion}
        )
      </Typography>
      <ul style={{ marginTop: 0 }}>
        {value.scoring.map(line => (
          <li key={line}>
            <Typography variant="body2">{line}</Typography>
          </li>
        ))}
      </ul>
      <Typography variant="h6" component="h2">
        The {value.rules.length} rule{value.rules.length === 1 ? '' : 's'} that
        can raise a concern
      </Typography>
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
              <TableCell>{labelOf(CATEGORY_LABELS, rule.category)}</TableCell>
              <TableCell>
                <SeverityLabel severity={rule.severity} />
              </TableCell>
              <TableCell>
                <Typography variant="body2">
                  <strong>{rule.title}.</strong> {rule.description}
                </Typography>
                {rule.docsUrl && (
                  <DocsLink url={rule.docsUrl} about={rule.title} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
