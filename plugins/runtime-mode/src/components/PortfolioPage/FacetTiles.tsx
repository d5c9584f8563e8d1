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

import ButtonBase from '@material-ui/core/ButtonBase';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { focusRing, visuallyHidden } from '../common/visuallyHidden';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(88px, 1fr))',
    gap: theme.spacing(1),
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    justifyContent: 'flex-start',
    padding: theme.spacing(0.75, 1.25),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    textAlign: 'left',
    '&:hover': { backgroundColor: theme.palette.action.hover },
    ...focusRing(theme.palette.primary.main),
  },
  selected: {
    borderColor: theme.palette.primary.main,
    boxShadow: `inset 0 0 0 1px ${theme.palette.primary.main}`,
    backgroundColor: theme.palette.action.selected,
  },
  // The icon beside the number leaves the label the tile's whole width.
  count: {
    display: 'flex',
    alignItems: 'center',
    gap: 6,
    '& svg': { fontSize: 20 },
  },
  hidden: visuallyHidden,
}));

/** One value of a facet: how many components have it, in words. */
export interface Tile {
  value: string;
  count: number;
  /** The value's words ("Broken now", "KubeVirt VMs"). */
  label: string;
  /** Words between the count and the label, for the accessible name ("on"). */
  preposition?: string;
  icon?: JSX.Element;
  /** The icon's colour. */
  color?: string;
}

function share(count: number, total: number): string {
  return total > 0 ? `${Math.round((count / total) * 100)}%` : '0%';
}

/**
 * A facet as numbers with words. A tile toggles its value as a filter; the
 * counts come from the server's facets, so a facet does not shrink when a
 * value in it is picked. Each tile's name reads as a sentence ("1
 * component on Unknown") and starts with what it shows.
 */
export function FacetTiles(props: {
  title: string;
  tiles: Tile[];
  total: number;
  selected: readonly string[];
  onToggle: (value: string) => void;
  testId: string;
}) {
  const classes = useStyles();
  return (
    <div data-testid={props.testId}>
      <div className={classes.row} role="group" aria-label={props.title}>
        {props.tiles.map(tile => {
          const selected = props.selected.includes(tile.value);
          return (
            <ButtonBase
              key={tile.value}
              className={`${classes.tile} ${selected ? classes.selected : ''}`}
              onClick={() => props.onToggle(tile.value)}
              aria-pressed={selected}
              data-value={tile.value}
            >
              <span className={classes.count}>
                {tile.icon && (
                  <span style={{ color: tile.color, display: 'inline-flex' }}>
                    {tile.icon}
                  </span>
                )}
                <Typography variant="h5" component="span">
                  {tile.count}
                </Typography>
              </span>
              <span className={classes.hidden}>
                {tile.count === 1 ? ' component ' : ' components '}
                {tile.preposition ? `${tile.preposition} ` : ''}
              </span>
              <Typography variant="body2" component="span" display="block">
                {tile.label}
              </Typography>
              <Typography
                variant="caption"
                color="textSecondary"
                display="block"
              >
                {share(tile.count, props.total)} of {props.total}
              </Typography>
            </ButtonBase>
          );
        })}
      </div>
    </div>
  );
}
