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
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import type {
  BlastRadiusItem,
  PortfolioFilter,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';
import { ModeChip } from '../common/ModeChip';
import { SeverityLabel } from '../common/SeverityLabel';
import { formatDate } from '../common/format';
import { KUBERNETES_VERSIONS } from '../common/versions';
import { shortRef } from './Heatmap';

const useStyles = makeStyles(theme => ({
  picker: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(2),
  },
  findings: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  code: { fontFamily: 'monospace', fontSize: '0.85em' },
  version: {
    color: theme.palette.text.primary,
    fontWeight: theme.typography.fontWeightMedium as number,
    textTransform: 'none',
    padding: theme.spacing(0.5, 1.5),
    // The theme's selected toggle is grey on grey and reads as disabled;
    // the picked version must look picked (the sentence below names it too).
    '&.Mui-selected, &.Mui-selected:hover': {
      backgroundColor: theme.palette.primary.main,
      color: theme.palette.primary.contrastText,
    },
  },
}));

/** The newest releases get one-click buttons; older ones sit in a menu. */
const QUICK_VERSIONS = KUBERNETES_VERSIONS.slice(0, 8);
const OLDER_VERSIONS = KUBERNETES_VERSIONS.slice(8);

function FindingLines(props: { item: BlastRadiusItem }) {
  const classes = useStyles();
  const rank = (severity: string) => (severity === 'critical' ? 0 : 1);
  const sorted = [...props.item.findings].sort(
    (a, b) => rank(a.severity) - rank(b.severity),
  );
  return (
    <ul className={classes.findings}>
      {sorted.map((f, index) => (
        <li
          key={`${f.file ?? ''}:${f.line ?? ''}:${f.apiVersion}:${
            f.kind
          }:${index}`}
        >
          <SeverityLabel severity={f.severity} />{' '}
          <span className={classes.code}>
            {f.apiVersion} {f.kind}
            {f.name ? ` ${f.name}` : ''}
          </span>
          <Typography variant="body2">
            {f.severity === 'critical'
              ? `Removed in ${f.removedIn ?? '?'}`
              : `Deprecated in ${f.deprecatedIn ?? '?'}${
                  f.removedIn ? `, removed in ${f.removedIn}` : ''
                }`}
            {f.replacement ? `; use ${f.replacement}` : ''}
            {f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : ''}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Who breaks if the clusters move to Kubernetes 1.x?": one click on a
 * version lists the components with removed (breaking) or deprecated APIs.
 */
export function BlastRadiusPanel(props: { filter: PortfolioFilter }) {
  const classes = useStyles();
  const api = useApi(runtimeModeApiRef);
  const [version, setVersion] = useState<string>();
  const filterKey = JSON.stringify(props.filter);

  const { value, loading, error } = useAsync(async () => {
    if (!version) return undefined;
    return api.getBlastRadius({
      component: 'k8s',
      version,
      filter: props.filter,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, version, filterKey]);

  return (
    <div data-testid="runtime-mode-blast-radius">
      <div className={classes.picker}>
        <Typography variant="body2">Upgrade clusters to Kubernetes</Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={version ?? null}
          onChange={(_e, v: string | null) => setVersion(v ?? undefined)}
          aria-label="Target Kubernetes version"
        >
          {QUICK_VERSIONS.map(v => (
            <ToggleButton
              key={v}
              value={v}
              aria-label={`Kubernetes ${v}`}
              className={classes.version}
            >
              {v}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField
          select
          size="small"
          variant="outlined"
          id="blast-radius-older"
          label="Older"
          value={version && OLDER_VERSIONS.includes(version) ? version : ''}
          onChange={e => setVersion(e.target.value || undefined)}
          style={{ minWidth: 100 }}
        >
          <MenuItem value="">—</MenuItem>
          {OLDER_VERSIONS.map(v => (
            <MenuItem key={v} value={v}>
              {v}
            </MenuItem>
          ))}
        </TextField>
      </div>
      {!version && (
        <Typography variant="body2" color="textSecondary">
          Pick a version to see which components break (APIs removed at that
          version) and which only use deprecated APIs.
        </Typography>
      )}
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !loading && (
        <>
          <Typography
            variant="body1"
            gutterBottom
            data-testid="blast-radius-summary"
          >
            At Kubernetes {value.version}:{' '}
            <strong>
              {value.breaking} of {value.examined} component
              {value.examined === 1 ? '' : 's'} break
            </strong>{' '}
            (removed APIs), {value.deprecatedOnly} more use deprecated APIs.
          </Typography>
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            gutterBottom
          >
            API knowledge base as of {formatDate(value.knowledgeBaseAsOf)}.
            Components without manifests are not counted as safe: filter by the
            unknown mode to find them.
          </Typography>
          {value.items.length > 0 && (
            <Table size="small" aria-label="Components affected by the upgrade">
              <TableHead>
                <TableRow>
                  <TableCell>Component</TableCell>
                  <TableCell>Owner</TableCell>
                  <TableCell>Mode</TableCell>
                  <TableCell>Why</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[...value.items]
                  .sort(
                    (a, b) =>
                      Number(b.findings.some(f => f.severity === 'critical')) -
                        Number(
                          a.findings.some(f => f.severity === 'critical'),
                        ) || a.name.localeCompare(b.name),
                  )
                  .map(item => (
                    <TableRow key={item.entityRef}>
                      <TableCell>
                        <EntityRefLink
                          entityRef={item.entityRef}
                          defaultKind="component"
                        />
                        <Typography variant="caption" component="p">
                          {item.findings.some(f => f.severity === 'critical')
                            ? 'Breaks'
                            : 'Deprecated only'}
                        </Typography>
                      </TableCell>
                      <TableCell>
                        {item.owner ? shortRef(item.owner) : '—'}
                      </TableCell>
                      <TableCell>
                        <ModeChip mode={item.mode} />
                      </TableCell>
                      <TableCell>
                        <FindingLines item={item} />
                      </TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </div>
  );
}
