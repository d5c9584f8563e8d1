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
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  MODE_LABELS,
  READINESS_LEVEL_LABELS,
  type HistoryEntry,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';
import { useChartTheme } from '../common/chartTheme';
import { labelOf, plural } from '../common/labels';
import { formatDate, formatDateTime } from '../common/format';
import { PanelError } from '../common/PanelError';
import { LinesPlaceholder } from '../common/Placeholders';

/** Only the changes in level, mode or counts, newest first, said in words. */
function changes(items: HistoryEntry[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (
      !last ||
      last.level !== item.level ||
      last.mode !== item.mode ||
      last.critical !== item.critical ||
      last.warning !== item.warning
    ) {
      out.push(item);
    }
  }
  return out.reverse();
}

/**
 * Open critical concerns and warnings over time, from the stored history:
 * counts, which cannot be misread as a percentage of readiness.
 */
export function HistoryPanel(props: { entity: Entity }) {
  const api = useApi(runtimeModeApiRef);
  const chart = useChartTheme();
  const ref = getCompoundEntityRef(props.entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getHistory(ref),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref.namespace, ref.kind, ref.name],
  );
  if (loading) return <LinesPlaceholder what="the history" lines={4} />;
  if (error) {
    return (
      <PanelError
        title="Could not load the history"
        error={error}
        onRetry={retry}
      />
    );
  }
  const items = [...(value?.items ?? [])].sort((a, b) =>
    a.evaluatedAt.localeCompare(b.evaluatedAt),
  );
  if (items.length === 0) {
    return (
      <Typography variant="body2">
        No history yet: a row is kept each time the result changes.
      </Typography>
    );
  }
  const data = items.map(item => ({
    date: formatDate(item.evaluatedAt),
    Critical: item.critical,
    Warnings: item.warning,
  }));
  return (
    <div data-testid="runtime-mode-history">
      {items.length > 1 && (
        <div
          role="img"
          aria-label={`Open critical concerns and warnings from ${
            data[0].date
          } to ${data[data.length - 1].date}; the changes are listed below`}
        >
          <ResponsiveContainer width="100%" height={200}>
            <LineChart
              data={data}
              margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
            >
              <CartesianGrid stroke={chart.grid} strokeDasharray="3 3" />
              <XAxis
                dataKey="date"
                stroke={chart.text}
                tick={{ fontSize: 12 }}
              />
              <YAxis
                allowDecimals={false}
                stroke={chart.text}
                tick={{ fontSize: 12 }}
              />
              <Tooltip contentStyle={chart.tooltip} />
              <Legend wrapperStyle={{ color: chart.text, fontSize: 12 }} />
              <Line
                type="stepAfter"
                dataKey="Critical"
                stroke={chart.level('blocked')}
                strokeWidth={2}
                isAnimationActive={false}
              />
              <Line
                type="stepAfter"
                dataKey="Warnings"
                stroke={chart.level('ready-with-warnings')}
                strokeDasharray="6 3"
                strokeWidth={2}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <Typography variant="subtitle2" component="h3">
        Changes
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {changes(items).map(item => (
          <li key={item.evaluatedAt}>
            <Typography variant="body2">
              {formatDateTime(item.evaluatedAt)}: {item.critical} critical,{' '}
              {plural(item.warning, 'warning')} (all concerns:{' '}
              {labelOf(READINESS_LEVEL_LABELS, item.level)}), on{' '}
              {labelOf(MODE_LABELS, item.mode)} (rules {item.ruleSetVersion})
            </Typography>
          </li>
        ))}
      </ul>
    </div>
  );
}
