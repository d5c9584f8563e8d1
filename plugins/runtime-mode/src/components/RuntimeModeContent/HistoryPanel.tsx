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
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HistoryEntry } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { runtimeModeApiRef } from '../../api';
import { useChartTheme } from '../common/chartTheme';
import { LEVEL_LABELS, MODE_LABELS, labelOf } from '../common/labels';
import { formatDate, formatDateTime } from '../common/format';

/** Only the changes in level or mode, newest first, said in words. */
function changes(items: HistoryEntry[]): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (!last || last.level !== item.level || last.mode !== item.mode) {
      out.push(item);
    }
  }
  return out.reverse();
}

/** Level and score over time, from the stored history. */
export function HistoryPanel(props: { entity: Entity }) {
  const api = useApi(runtimeModeApiRef);
  const chart = useChartTheme();
  const ref = getCompoundEntityRef(props.entity);
  const { value, loading, error } = useAsync(
    () => api.getHistory(ref),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, ref.namespace, ref.kind, ref.name],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
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
    score: item.score,
    level: labelOf(LEVEL_LABELS, item.level),
    critical: item.critical,
    warning: item.warning,
  }));
  return (
    <div data-testid="runtime-mode-history">
      {items.length > 1 && (
        <ResponsiveContainer width="100%" height={200}>
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
          >
            <CartesianGrid stroke={chart.grid} strokeDasharray="3 3" />
            <XAxis dataKey="date" stroke={chart.text} tick={{ fontSize: 12 }} />
            <YAxis
              domain={[0, 100]}
              stroke={chart.text}
              tick={{ fontSize: 12 }}
            />
            <Tooltip
              contentStyle={chart.tooltip}
              formatter={(score, _name, entry) => [
                `${score ?? 'unknown'} (${entry.payload.level})`,
                'Score',
              ]}
            />
            <Line
              type="stepAfter"
              dataKey="score"
              name="Score"
              stroke={chart.line}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
      <Typography variant="subtitle2">Changes</Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {changes(items).map(item => (
          <li key={item.evaluatedAt}>
            <Typography variant="body2">
              {formatDateTime(item.evaluatedAt)}:{' '}
              {labelOf(LEVEL_LABELS, item.level)}, score{' '}
              {item.score ?? 'unknown'}, {item.critical} critical,{' '}
              {item.warning} warnings, on {labelOf(MODE_LABELS, item.mode)}{' '}
              (rules {item.ruleSetVersion})
            </Typography>
          </li>
        ))}
      </ul>
    </div>
  );
}
