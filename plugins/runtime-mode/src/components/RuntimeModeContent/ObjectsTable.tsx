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

import Typography from '@material-ui/core/Typography';
import { Table, type TableColumn } from '@backstage/core-components';
import {
  apiComponentOf,
  componentLabel,
  type EvaluationResult,
  type Finding,
  type ManifestObjectRef,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { SeverityLabel } from '../common/SeverityLabel';
import { EvidenceLink } from '../common/EvidenceLink';
import { formatDate, timeUntil } from '../common/format';

/** Where a version an object is judged at comes from, in words. */
const TARGET_SOURCE_WORDS: Record<string, string> = {
  option: 'chosen',
  cluster: 'its cluster',
  config: 'planned',
};

/** An object of the manifests with the API-compatibility verdict on it. */
export interface ObjectRow {
  id: string;
  object: ManifestObjectRef;
  finding?: Finding;
}

/** Joins objects with their API findings by file and line (then by identity). */
export function objectRows(result: EvaluationResult): ObjectRow[] {
  const apiFindings = result.findings.filter(
    f => f.category === 'api-compatibility' && f.apiVersion,
  );
  return result.objects.map((object, index) => {
    const finding =
      apiFindings.find(
        f =>
          f.file === object.file &&
          f.line === object.line &&
          f.apiVersion === object.apiVersion,
      ) ??
      apiFindings.find(
        f =>
          f.apiVersion === object.apiVersion &&
          f.kind === object.kind &&
          (f.name ?? '') === (object.name ?? '') &&
          (!f.file || f.file === object.file),
      );
    return { id: `${object.file}:${object.line}:${index}`, object, finding };
  });
}

function status(row: ObjectRow, notJudged: readonly string[]): JSX.Element {
  const f = row.finding;
  if (!f) {
    // No finding is a pass only when the object was judged against a target.
    // The kind attributes shared groups (infrastructure.cluster.x-k8s.io) to a provider.
    const component = apiComponentOf(row.object.apiVersion, row.object.kind);
    if (!component) {
      return (
        <Typography variant="body2">
          Not judged: the knowledge base has no data on this API
        </Typography>
      );
    }
    if (notJudged.includes(component)) {
      return (
        <Typography variant="body2">
          Not judged: no target version for {componentLabel(component)}
        </Typography>
      );
    }
    return (
      <Typography variant="body2">Served at the planned version</Typography>
    );
  }
  return (
    <div>
      <SeverityLabel severity={f.severity} waived={f.waived} />
      {f.timing && (
        <Typography variant="body2">
          <strong>
            {f.timing === 'now'
              ? 'Broken now: a cluster it runs on no longer serves it'
              : 'Breaks at the planned upgrade'}
          </strong>
        </Typography>
      )}
      <Typography variant="body2">
        {f.removedIn ? `Removed in ${f.removedIn}` : ''}
        {f.removedIn && f.deprecatedIn ? ', ' : ''}
        {f.deprecatedIn ? `deprecated in ${f.deprecatedIn}` : ''}
        {!f.removedIn && !f.deprecatedIn ? f.message : ''}
      </Typography>
    </div>
  );
}

/** Every object read, with apiVersion status and the time left before removal. */
export function ObjectsTable(props: { result: EvaluationResult; now?: Date }) {
  const { result } = props;
  const now = props.now ?? new Date();
  const rows = objectRows(result);
  const columns: TableColumn<ObjectRow>[] = [
    {
      title: 'Object',
      field: 'object.name',
      render: row => (
        <>
          <Typography variant="body2">
            <strong>{row.object.kind}</strong> {row.object.name ?? '(unnamed)'}
          </Typography>
          <Typography variant="caption" color="textSecondary" component="p">
            <EvidenceLink file={row.object.file} line={row.object.line} />
          </Typography>
        </>
      ),
    },
    { title: 'apiVersion', field: 'object.apiVersion' },
    { title: 'API status', render: row => status(row, result.notJudged) },
    {
      title: 'Replacement',
      render: row => row.finding?.replacement ?? '—',
    },
    {
      title: 'Time left before removal',
      render: row => {
        const f = row.finding;
        if (!f?.removedIn) return '—';
        const when = timeUntil(f.removalDate, now);
        if (!f.removalDate || !when) {
          return (
            <Typography variant="body2">
              {componentLabel(f.component ?? 'k8s')} {f.removedIn} (date
              unknown)
            </Typography>
          );
        }
        const past = new Date(f.removalDate).getTime() <= now.getTime();
        return (
          <Typography variant="body2">
            {past ? 'Already removed' : 'Removed'} {when}
            <br />
            <Typography variant="caption" color="textSecondary">
              {componentLabel(f.component ?? 'k8s')} {f.removedIn}, released{' '}
              {formatDate(f.removalDate)}
            </Typography>
          </Typography>
        );
      },
    },
  ];

  return (
    <>
      <Typography variant="body2" gutterBottom>
        Judged against:{' '}
        {result.targets.length === 0
          ? 'no target version (nothing is judged; set one in config or on the cluster)'
          : result.targets
              .map(
                t =>
                  `${componentLabel(t.component)} ${t.version} (${
                    TARGET_SOURCE_WORDS[t.source] ?? t.source
                  })`,
              )
              .join(', ')}
        . API knowledge base as of {formatDate(result.knowledgeBaseAsOf)}.
      </Typography>
      {result.notJudged.length > 0 && (
        <Typography variant="body2" gutterBottom>
          <strong>Not judged:</strong> objects of{' '}
          {result.notJudged.map(componentLabel).join(', ')}, because no target
          version is known for {result.notJudged.length === 1 ? 'it' : 'them'}.
        </Typography>
      )}
      <Table<ObjectRow>
        title={`Objects in the manifests (${rows.length})`}
        options={{
          paging: rows.length > 10,
          pageSize: 10,
          search: rows.length > 10,
          padding: 'dense',
          // The sortable headers of this table nest focusable elements in a
          // button; a few objects read fine in file order.
          sorting: false,
        }}
        columns={columns}
        data={rows}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            No objects were read from the manifests.
          </Typography>
        }
      />
    </>
  );
}
