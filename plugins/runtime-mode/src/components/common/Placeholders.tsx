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

import type { ReactNode } from 'react';
import Skeleton from '@material-ui/lab/Skeleton';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))',
    gap: theme.spacing(1),
  },
  row: { display: 'flex', gap: theme.spacing(2), padding: theme.spacing(1, 0) },
}));

/** Announces the wait once, while the placeholders take the content's shape. */
function Loading(props: { what: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div aria-busy="true" data-testid="runtime-mode-loading">
      <span className={classes.hidden} role="status">
        Loading {props.what}…
      </span>
      <div aria-hidden>{props.children}</div>
    </div>
  );
}

/** Lines of text, e.g. a verdict. */
export function LinesPlaceholder(props: { what: string; lines?: number }) {
  const lines = props.lines ?? 4;
  return (
    <Loading what={props.what}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton
          key={i}
          variant="text"
          width={i === lines - 1 ? '60%' : '100%'}
        />
      ))}
    </Loading>
  );
}

/** A row of KPI tiles. */
export function TilesPlaceholder(props: { what: string; tiles?: number }) {
  const classes = useStyles();
  return (
    <Loading what={props.what}>
      <div className={classes.tiles}>
        {Array.from({ length: props.tiles ?? 4 }, (_, i) => (
          <Skeleton key={i} variant="rect" height={88} />
        ))}
      </div>
    </Loading>
  );
}

/** Table rows with a few columns each. */
export function TablePlaceholder(props: {
  what: string;
  rows?: number;
  columns?: number;
}) {
  const classes = useStyles();
  const columns = props.columns ?? 5;
  return (
    <Loading what={props.what}>
      {Array.from({ length: props.rows ?? 5 }, (_, r) => (
        <div key={r} className={classes.row}>
          {Array.from({ length: columns }, (__, c) => (
            <Skeleton
              key={c}
              variant="text"
              width={`${c === 0 ? 30 : 70 / (columns - 1)}%`}
            />
          ))}
        </div>
      ))}
    </Loading>
  );
}
