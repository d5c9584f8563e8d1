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

import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  READINESS_LEVEL_LABELS as LEVEL_LABELS,
  type PortfolioSummary,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { useChartTheme } from '../common/chartTheme';
import { ALL_LEVELS } from '../common/labels';

/** The trend from the first day with results: days before carry only zeros. */
export function trendWithData(
  trend: PortfolioSummary['trend'],
): PortfolioSummary['trend'] {
  const first = trend.findIndex(point =>
    ALL_LEVELS.some(level => (point.byLevel[level] ?? 0) > 0),
  );
  return first < 0 ? [] : trend.slice(first);
}

/** A trend needs two days with results; before that there is nothing to show. */
export function hasTrend(trend: PortfolioSummary['trend']): boolean {
  return trendWithData(trend).length >= 2;
}

/** Daily counts per level of all open concerns, stacked: is the estate getting better? */
export function TrendChart(props: { trend: PortfolioSummary['trend'] }) {
  const chart = useChartTheme();
  const trend = trendWithData(props.trend);
  if (trend.length < 2) return null;
  const data = trend.map(point => ({
    date: point.date.slice(0, 10),
    ...Object.fromEntries(
      ALL_LEVELS.map(level => [LEVEL_LABELS[level], point.byLevel[level] ?? 0]),
    ),
  }));
  // Dashes tell the series apart without colour.
  const dashes = ['', '6 3', '2 2', '8 3 2 3'];
  return (
    <div
      data-testid="runtime-mode-trend"
      role="img"
      aria-label={`Components per level of all open concerns, per day, from ${
        data[0].date
      } to ${data[data.length - 1].date}`}
    >
      <ResponsiveContainer width="100%" height={220}>
        <AreaChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
        >
          <CartesianGrid stroke={chart.grid} strokeDasharray="3 3" />
          <XAxis dataKey="date" stroke={chart.text} tick={{ fontSize: 12 }} />
          <YAxis
            allowDecimals={false}
            stroke={chart.text}
            tick={{ fontSize: 12 }}
          />
          <Tooltip contentStyle={chart.tooltip} />
          <Legend wrapperStyle={{ color: chart.text, fontSize: 12 }} />
          {ALL_LEVELS.map((level, index) => (
            <Area
              key={level}
              type="monotone"
              stackId="levels"
              dataKey={LEVEL_LABELS[level]}
              stroke={chart.level(level)}
              strokeDasharray={dashes[index]}
              fill={chart.level(level)}
              fillOpacity={0.25}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
