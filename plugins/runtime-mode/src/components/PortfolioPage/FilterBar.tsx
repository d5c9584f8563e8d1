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

import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import {
  MIGRATION_LEVEL_KEYS,
  MIGRATION_LEVEL_LABELS,
  MODE_LABELS,
  READINESS_LEVEL_LABELS,
  UPGRADE_LEVEL_LABELS,
  type MigrationLevelKey,
  type ReadinessLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import type { PortfolioQuery } from '../../api';
import {
  ALL_CATEGORIES,
  ALL_MODE_VALUES,
  CATEGORY_LABELS,
  labelOf,
} from '../common/labels';
import { hasFilters, type ListFilter } from './portfolioQuery';
import { shortRef } from './Heatmap';
import { UPGRADE_ORDER } from './UpgradeOverview';

const useStyles = makeStyles(theme => ({
  // On paper, as the cards are: the field labels keep their contrast.
  root: {
    backgroundColor: theme.palette.background.paper,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(1.5, 2, 0.5),
    marginBottom: theme.spacing(2),
  },
  bar: {
    display: 'flex',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
    alignItems: 'center',
    marginBottom: theme.spacing(1),
  },
  select: { minWidth: 200, maxWidth: 320 },
  chips: {
    display: 'flex',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
    marginBottom: theme.spacing(1),
  },
}));

const CHIP_WORDS: Partial<Record<ListFilter, string>> = {
  owner: 'Owner',
  system: 'System',
  domain: 'Domain',
  lifecycle: 'Lifecycle',
};

function MultiSelect<T extends string>(props: {
  label: string;
  testId: string;
  values: T[];
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (values: T[]) => void;
}) {
  const classes = useStyles();
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      id={props.testId}
      label={props.label}
      className={classes.select}
      value={props.values}
      SelectProps={{
        multiple: true,
        renderValue: selected =>
          (selected as T[]).map(v => props.labels[v] ?? v).join(', '),
      }}
      inputProps={{ 'data-testid': props.testId }}
      onChange={e => props.onChange(e.target.value as unknown as T[])}
    >
      {props.options.map(option => (
        <MenuItem key={option} value={option}>
          {props.labels[option]}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The migration facet as one list: its levels, or "No move planned". */
export function migrationSelection(query: PortfolioQuery): MigrationLevelKey[] {
  if (query.migration === 'none') return ['none'];
  return query.migrationLevel ?? [];
}

/**
 * The query patch for a new migration selection: "No move planned" and the
 * levels of a planned move exclude each other, the latest pick wins.
 */
export function migrationPatch(
  previous: readonly MigrationLevelKey[],
  next: MigrationLevelKey[],
): Partial<PortfolioQuery> {
  if (next.includes('none') && !previous.includes('none')) {
    return { migration: 'none', migrationLevel: [] };
  }
  return {
    migration: undefined,
    migrationLevel: next.filter((v): v is ReadinessLevel => v !== 'none'),
  };
}

/** Filters of the table (and of the tiles, heatmap and blast radius above it). */
export function FilterBar(props: {
  query: PortfolioQuery;
  onChange: (patch: Partial<PortfolioQuery>) => void;
  onClear: () => void;
}) {
  const classes = useStyles();
  const { query, onChange } = props;
  const [text, setText] = useState(query.q ?? '');

  useEffect(() => setText(query.q ?? ''), [query.q]);
  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    if ((query.q ?? '') === text) return undefined;
    const timer = setTimeout(() => onChange({ q: text || undefined }), 300);
    return () => clearTimeout(timer);
  }, [text, query.q, onChange]);

  const refChips = (
    ['owner', 'system', 'domain', 'lifecycle'] as const
  ).flatMap(key =>
    (query[key] ?? []).map(value => (
      <Chip
        key={`${key}:${value}`}
        label={`${CHIP_WORDS[key]}: ${shortRef(value)}`}
        onDelete={() =>
          onChange({ [key]: (query[key] ?? []).filter(v => v !== value) })
        }
      />
    )),
  );
  // Links from before the two questions may filter on all concerns.
  const levelChips = (query.level ?? []).map(value => (
    <Chip
      key={`level:${value}`}
      label={`All concerns: ${labelOf(READINESS_LEVEL_LABELS, value)}`}
      onDelete={() =>
        onChange({ level: (query.level ?? []).filter(v => v !== value) })
      }
    />
  ));
  const plannedChip =
    query.migration === 'planned' ? (
      <Chip
        key="migration:planned"
        label="Migration: a move is planned"
        onDelete={() => onChange({ migration: undefined })}
      />
    ) : null;
  const chips = [...refChips, ...levelChips, plannedChip].filter(Boolean);
  const migration = migrationSelection(query);

  return (
    <div className={classes.root}>
      <div className={classes.bar}>
        <TextField
          size="small"
          variant="outlined"
          id="portfolio-search"
          label="Search name or title"
          value={text}
          onChange={e => setText(e.target.value)}
          inputProps={{ 'data-testid': 'portfolio-search' }}
        />
        <MultiSelect
          label="Runs on"
          testId="filter-mode"
          values={query.mode ?? []}
          options={ALL_MODE_VALUES}
          labels={MODE_LABELS}
          onChange={mode => onChange({ mode })}
        />
        <MultiSelect
          label="Upgrade"
          testId="filter-upgrade"
          values={query.upgradeLevel ?? []}
          options={UPGRADE_ORDER}
          labels={UPGRADE_LEVEL_LABELS}
          onChange={upgradeLevel => onChange({ upgradeLevel })}
        />
        <MultiSelect
          label="Migration"
          testId="filter-migration"
          values={migration}
          options={MIGRATION_LEVEL_KEYS}
          labels={MIGRATION_LEVEL_LABELS}
          onChange={next => onChange(migrationPatch(migration, next))}
        />
        <MultiSelect
          label="Concern category"
          testId="filter-category"
          values={query.category ?? []}
          options={ALL_CATEGORIES}
          labels={CATEGORY_LABELS}
          onChange={category => onChange({ category })}
        />
        {hasFilters(query) && (
          <Button size="small" onClick={props.onClear}>
            Clear filters
          </Button>
        )}
      </div>
      {chips.length > 0 && <div className={classes.chips}>{chips}</div>}
    </div>
  );
}
