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

import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  componentLabel,
  type BlastRadiusStatus,
  type ClusterUpgrade,
  type ClusterUpgradeStep,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';
import { ModeChip } from '../common/ModeChip';
import { formatDate } from '../common/format';
import { plural } from '../common/labels';
import { PanelError } from '../common/PanelError';
import { TablePlaceholder } from '../common/Placeholders';
import { focusRing } from '../common/visuallyHidden';

/** APIs named under a step: the rest are one click away, in the blast radius. */
const REASONS_SHOWN = 2;

const useStyles = makeStyles(theme => ({
  steps: { margin: 0, padding: 0, listStyle: 'none' },
  step: { marginBottom: theme.spacing(1) },
  stepButton: {
    textTransform: 'none',
    padding: 0,
    minWidth: 0,
    verticalAlign: 'baseline',
    fontWeight: theme.typography.fontWeightMedium as number,
    ...focusRing(theme.palette.primary.main),
  },
  code: { fontFamily: 'monospace', fontSize: '0.85em' },
  count: { whiteSpace: 'nowrap' },
}));

/** Under a step, what the step itself brings comes first: removals, then what is already broken, then deprecations. */
const REASON_ORDER: Record<BlastRadiusStatus, number> = {
  'newly-breaks': 0,
  'already-broken': 1,
  deprecated: 2,
};

/** What a step does to the cluster's components, in words. */
export function stepWords(step: ClusterUpgradeStep): string {
  const parts: string[] = [];
  if (step.breaking > 0) {
    parts.push(`${step.breaking} ${step.breaking === 1 ? 'breaks' : 'break'}`);
  }
  if (step.alreadyBroken > 0) {
    parts.push(`${step.alreadyBroken} already broken`);
  }
  if (step.degrading > 0) {
    parts.push(
      `${step.degrading} ${step.degrading === 1 ? 'degrades' : 'degrade'}`,
    );
  }
  return parts.length > 0 ? parts.join(' · ') : 'nothing breaks or degrades';
}

function versionsWords(cluster: ClusterUpgrade): string {
  if (cluster.versions.length === 0) return 'no version stated';
  return cluster.versions
    .map(v => `${componentLabel(v.component)} ${v.version}`)
    .join(' · ');
}

function Step(props: {
  cluster: string;
  step: ClusterUpgradeStep;
  onOpen: (choice: {
    cluster: string;
    component: string;
    version: string;
  }) => void;
}) {
  const classes = useStyles();
  const { step, cluster } = props;
  const name = `${componentLabel(step.component)} ${step.version}`;
  return (
    <li className={classes.step}>
      <Button
        size="small"
        color="primary"
        className={classes.stepButton}
        aria-label={`${name}${
          step.planned ? ' (planned)' : ''
        } on ${cluster}: ${stepWords(
          step,
        )}. Show these components in the blast radius`}
        onClick={() =>
          props.onOpen({
            cluster,
            component: step.component,
            version: step.version,
          })
        }
      >
        {name}
        {step.planned ? ' (planned)' : ''}
      </Button>
      <Typography variant="body2" component="span">
        : {stepWords(step)}
      </Typography>
      {[...step.apis]
        .sort((a, b) => REASON_ORDER[a.status] - REASON_ORDER[b.status])
        .slice(0, REASONS_SHOWN)
        .map(api => (
          <Typography
            key={`${api.status} ${api.apiVersion} ${api.kind}`}
            variant="caption"
            color="textSecondary"
            component="div"
          >
            <span className={classes.code}>
              {api.apiVersion} {api.kind}
            </span>{' '}
            {api.status === 'deprecated'
              ? `deprecated${
                  api.removedIn ? `, removed in ${api.removedIn}` : ''
                }`
              : `removed in ${api.removedIn}${
                  api.status === 'already-broken' ? ', already gone' : ''
                }`}
            {api.replacement ? ` → ${api.replacement}` : ''} (
            {plural(api.components, 'component')})
          </Typography>
        ))}
      {step.apis.length > REASONS_SHOWN && (
        <Typography variant="caption" color="textSecondary" component="div">
          and {plural(step.apis.length - REASONS_SHOWN, 'other API')}
        </Typography>
      )}
    </li>
  );
}

/**
 * The architecture board's cluster plan: each configured cluster, its mode
 * and versions, the components on it, and for each next version how many
 * break or degrade there and why, with a click through to the blast radius
 * of that cluster and version.
 */
export function ClustersPanel(props: {
  onOpenBlastRadius: (choice: {
    cluster: string;
    component: string;
    version: string;
  }) => void;
}) {
  const classes = useStyles();
  const api = useApi(runtimeModeApiRef);
  const state = useAsyncRetry(() => api.getClusterUpgrades(), [api]);

  if (state.loading && !state.value) {
    return <TablePlaceholder what="the clusters" rows={4} columns={5} />;
  }
  if (state.error) {
    return (
      <PanelError
        title="Could not load the clusters"
        error={state.error}
        onRetry={state.retry}
      />
    );
  }
  const value = state.value;
  if (!value) return null;
  if (value.clusters.length === 0) {
    return (
      <Typography variant="body1" data-testid="runtime-mode-clusters-empty">
        No cluster is configured. List the clusters components run on under
        runtimeMode.clusters in app-config.yaml, each with its mode and
        versions, and name them on components with the runtime-mode.dev/clusters
        annotation.
      </Typography>
    );
  }
  return (
    <div data-testid="runtime-mode-clusters">
      <Table
        size="small"
        aria-label="Clusters and what their next versions break"
      >
        <TableHead>
          <TableRow>
            <TableCell>Cluster</TableCell>
            <TableCell>Mode</TableCell>
            <TableCell>Runs today</TableCell>
            <TableCell>Components</TableCell>
            <TableCell>Next versions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.clusters.map(cluster => (
            <TableRow
              key={cluster.name}
              data-testid={`runtime-mode-cluster-${cluster.name}`}
            >
              <TableCell>
                <Typography variant="body2">
                  <strong>{cluster.name}</strong>
                </Typography>
                {cluster.platform && (
                  <Typography variant="caption" color="textSecondary">
                    {cluster.platform}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <ModeChip mode={cluster.mode} />
              </TableCell>
              <TableCell>{versionsWords(cluster)}</TableCell>
              <TableCell>
                <Typography variant="body2" className={classes.count}>
                  {plural(cluster.components, 'component')}
                </Typography>
                {cluster.withoutObjects > 0 && (
                  <Typography variant="caption" color="textSecondary">
                    {cluster.withoutObjects} without manifests: not judged
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {cluster.components === 0 ? (
                  <Typography variant="body2" color="textSecondary">
                    No evaluated component names this cluster.
                  </Typography>
                ) : null}
                {cluster.components > 0 && cluster.steps.length === 0 && (
                  <Typography variant="body2" color="textSecondary">
                    No next version known: the knowledge base goes up to
                    Kubernetes {value.newestKnownKubernetes}, and no other
                    target is ahead of this cluster.
                  </Typography>
                )}
                {cluster.components > 0 && cluster.steps.length > 0 && (
                  <ul className={classes.steps}>
                    {cluster.steps.map(step => (
                      <Step
                        key={`${step.component} ${step.version}`}
                        cluster={cluster.name}
                        step={step}
                        onOpen={props.onOpenBlastRadius}
                      />
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="textSecondary" component="p">
        Each next Kubernetes minor up to the planned target, then the planned
        KubeVirt, CDI, ... targets. A component breaks when the version removes
        an API it uses, is already broken when the cluster's version today no
        longer serves it, and degrades when it uses deprecated APIs only. API
        knowledge base as of {formatDate(value.knowledgeBaseAsOf)}. Only the
        components you may read are counted.
      </Typography>
    </div>
  );
}
