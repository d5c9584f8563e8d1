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

import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  type DefaultEntityFilters,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  MODE_LABELS,
  MODE_VALUES,
  type ModeValue,
  UPGRADE_LEVEL_LABELS,
  UPGRADE_LEVELS,
  type UpgradeLevel,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { useEffect, useMemo, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { labelOf } from '../common/labels';
import { RuntimeModeFilter, selectionFromQuery } from './RuntimeModeFilter';
import { useVerdictLoader } from './useVerdictLoader';

/**
 * The catalog entity-list filters with the Runtime Mode filter, for
 * `useEntityList<RuntimeModeEntityFilters>()`.
 *
 * @public
 */
export type RuntimeModeEntityFilters = DefaultEntityFilters & {
  runtimeMode?: RuntimeModeFilter;
};

// The catalog's filters sit on the page background, where the theme's grey
// label colour falls just short of 4.5:1 (axe, light theme): the labels take
// the primary text colour.
const useStyles = makeStyles(theme => ({
  label: { color: theme.palette.text.primary },
}));

function MultiPicker<T extends string>(props: {
  label: string;
  disabled: boolean;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  value: T[];
  onChange: (value: T[]) => void;
}) {
  const { label, options, labels, value, onChange } = props;
  const classes = useStyles();
  return (
    <Autocomplete<T, true>
      multiple
      disabled={props.disabled}
      size="small"
      options={[...options]}
      value={value}
      getOptionLabel={option => labelOf(labels, option)}
      onChange={(_event, next) => onChange(next)}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={label}
          InputLabelProps={{
            ...params.InputLabelProps,
            className: classes.label,
          }}
        />
      )}
    />
  );
}

/**
 * Filters the catalog's entity list by runtime mode and upgrade level (does it break at the planned upgrade?).
 * Put it among the filters of `CatalogIndexPage` (legacy system); the new
 * frontend system adds it as `catalog-filter:runtime-mode/runtime-mode`.
 * Choosing a value loads the verdicts of the entities the list fetched (one
 * request per 500) and keeps only the matching ones. It filters in the
 * browser, so it needs the list without pagination; with pagination on it
 * is shown disabled, saying so.
 *
 * @public
 */
export function RuntimeModeCatalogPicker() {
  const { updateFilters, backendEntities, queryParameters, paginationMode } =
    useEntityList<RuntimeModeEntityFilters>();
  // With pagination the list holds one page, and every filter change sends
  // it back to the first page: a browser-side filter cannot page correctly.
  const paginated = paginationMode !== undefined && paginationMode !== 'none';
  const loader = useVerdictLoader();
  const initial = useMemo(
    () => selectionFromQuery(queryParameters.runtimeMode),
    // Read once: afterwards the picker owns the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const [modes, setModes] = useState<ModeValue[]>(initial.modes);
  const [upgradeLevels, setUpgradeLevels] = useState<UpgradeLevel[]>(
    initial.upgradeLevels,
  );
  const active = !paginated && (modes.length > 0 || upgradeLevels.length > 0);
  const applied = useRef(false);

  const refs = useMemo(
    () =>
      backendEntities
        .filter(e => e.kind.toLocaleLowerCase('en-US') === 'component')
        .map(e => stringifyEntityRef(e)),
    [backendEntities],
  );
  const refsKey = refs.join('\n');
  const verdicts = useAsync(
    async () => (active ? loader.loadMany(refs) : undefined),
    // refsKey stands for refs: a new array with the same refs is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [active, refsKey, loader],
  );

  useEffect(() => {
    if (active && verdicts.value) {
      applied.current = true;
      updateFilters({
        runtimeMode: new RuntimeModeFilter(
          { modes, upgradeLevels },
          verdicts.value,
        ),
      });
    } else if (!active && applied.current) {
      applied.current = false;
      updateFilters({ runtimeMode: undefined });
    }
  }, [active, modes, upgradeLevels, verdicts.value, updateFilters]);

  return (
    <Box pb={1} pt={1} data-testid="runtime-mode-catalog-picker">
      <Typography variant="button" component="label">
        Runtime Mode
      </Typography>
      <Box pt={1}>
        <MultiPicker
          label="Runtime mode"
          disabled={paginated}
          options={MODE_VALUES}
          labels={MODE_LABELS}
          value={modes}
          onChange={setModes}
        />
      </Box>
      <Box pt={1}>
        <MultiPicker
          label="Upgrade"
          disabled={paginated}
          options={UPGRADE_LEVELS}
          labels={UPGRADE_LEVEL_LABELS}
          value={upgradeLevels}
          onChange={setUpgradeLevels}
        />
      </Box>
      {paginated && (
        <Typography variant="caption" color="textSecondary" component="p">
          Filtering by runtime mode needs the catalog list without pagination
          (page:catalog config pagination: false).
        </Typography>
      )}
      {verdicts.error && (
        <Typography variant="caption" color="error" role="alert">
          Runtime Mode verdicts could not be loaded: {verdicts.error.message}
        </Typography>
      )}
    </Box>
  );
}
