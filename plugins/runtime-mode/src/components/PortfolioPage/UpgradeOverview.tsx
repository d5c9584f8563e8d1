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
import { useTheme } from '@material-ui/core/styles';
import {
  UPGRADE_LEVEL_LABELS,
  componentLabel,
  type PortfolioSummary,
  type UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { UPGRADE_ICONS, upgradeColor } from '../common/LevelChip';
import { FacetTiles } from './FacetTiles';
import { facetCounts, facetTotal } from './facets';

/** Worst first: what needs work comes first. */
export const UPGRADE_ORDER: UpgradeLevel[] = [
  'broken-now',
  'breaks-at-upgrade',
  'deprecated',
  'clean',
  'unknown',
];

/** "Kubernetes 1.34, KubeVirt 1.6.0". */
export function plannedTargetWords(
  targets: Array<{ component: string; version: string }>,
): string {
  return targets
    .map(t => `${componentLabel(t.component)} ${t.version}`)
    .join(', ');
}

/**
 * "Does the estate break at the planned upgrade?": the planned targets,
 * how many break at them and how many are already broken today, and a tile
 * per upgrade level that filters the page.
 */
export function UpgradeOverview(props: {
  summary: PortfolioSummary;
  selected: readonly UpgradeLevel[];
  onToggle: (level: UpgradeLevel) => void;
}) {
  const theme = useTheme();
  const { summary } = props;
  const counts = facetCounts(summary, 'upgradeLevel');
  const targets = summary.kpis.plannedTargets;
  const breaking = counts?.['breaks-at-upgrade'] ?? 0;
  const broken = counts?.['broken-now'] ?? 0;
  return (
    <div data-testid="runtime-mode-upgrade-overview">
      <Typography variant="body2" data-testid="runtime-mode-planned-targets">
        <strong>Planned targets:</strong>{' '}
        {targets && targets.length > 0
          ? plannedTargetWords(targets)
          : 'none reported (set runtimeMode.apiPolicy.targets)'}
      </Typography>
      {counts ? (
        <>
          <Typography
            variant="h6"
            component="p"
            gutterBottom
            data-testid="runtime-mode-upgrade-headline"
          >
            At the planned upgrade: {breaking}{' '}
            {breaking === 1 ? 'breaks' : 'break'}, {broken} already broken
          </Typography>
          <FacetTiles
            title="Components by upgrade readiness"
            testId="runtime-mode-upgrade-tiles"
            total={facetTotal(counts, UPGRADE_ORDER)}
            selected={props.selected}
            onToggle={value => props.onToggle(value as UpgradeLevel)}
            tiles={UPGRADE_ORDER.map(level => ({
              value: level,
              count: counts[level] ?? 0,
              label: UPGRADE_LEVEL_LABELS[level],
              icon: UPGRADE_ICONS[level],
              color: upgradeColor(theme, level),
            }))}
          />
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          This backend does not answer the upgrade question yet; upgrade it to
          see who breaks at the planned upgrade.
        </Typography>
      )}
    </div>
  );
}
