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
  MIGRATION_LEVEL_KEYS,
  MIGRATION_LEVEL_LABELS,
  type MigrationLevelKey,
  type PortfolioSummary,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { LEVEL_ICONS, levelColor } from '../common/LevelChip';
import { plural } from '../common/labels';
import { FacetTiles } from './FacetTiles';
import { facetCounts, facetTotal } from './facets';

/**
 * "Can they move to the modes chosen?": how many components have a planned
 * move, and a tile per migration level (and "No move planned") that
 * filters the page.
 */
export function MigrationOverview(props: {
  summary: PortfolioSummary;
  selected: readonly MigrationLevelKey[];
  onToggle: (level: MigrationLevelKey) => void;
}) {
  const theme = useTheme();
  const counts = facetCounts(props.summary, 'migrationLevel');
  if (!counts) {
    return (
      <Typography variant="body2" color="textSecondary">
        This backend does not answer the migration question yet; upgrade it to
        see which planned moves are blocked.
      </Typography>
    );
  }
  const total = facetTotal(counts, MIGRATION_LEVEL_KEYS);
  const planned = total - (counts.none ?? 0);
  return (
    <div data-testid="runtime-mode-migration-overview">
      <Typography variant="body2">
        Moves planned with the target-mode annotation; a better fit elsewhere is
        only suggested.
      </Typography>
      <Typography
        variant="h6"
        component="p"
        gutterBottom
        data-testid="runtime-mode-migration-headline"
      >
        Planned moves: {planned} of {plural(total, 'component')}
      </Typography>
      <FacetTiles
        title="Components by migration readiness"
        testId="runtime-mode-migration-tiles"
        total={total}
        selected={props.selected}
        onToggle={value => props.onToggle(value as MigrationLevelKey)}
        tiles={MIGRATION_LEVEL_KEYS.map(level => ({
          value: level,
          count: counts[level] ?? 0,
          label: MIGRATION_LEVEL_LABELS[level],
          icon: LEVEL_ICONS[level],
          color: levelColor(theme, level),
        }))}
      />
    </div>
  );
}
