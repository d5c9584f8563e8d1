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

import { makeStyles } from '@material-ui/core/styles';
import { CopyTextButton } from '@backstage/core-components';

const useStyles = makeStyles(theme => ({
  root: {
    position: 'relative',
    margin: theme.spacing(1, 0),
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  // Plain text in the theme's own colours: syntax colours on a code
  // background fall below the contrast people need to read them.
  code: {
    margin: 0,
    padding: theme.spacing(1.5, 6, 1.5, 1.5),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    color: theme.palette.text.primary,
  },
  copy: { position: 'absolute', top: theme.spacing(0.5), right: 0 },
}));

/** YAML to paste into catalog-info.yaml, with a copy button. */
export function YamlSnippet(props: { text: string; copyLabel: string }) {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <pre className={classes.code}>{props.text}</pre>
      <div className={classes.copy}>
        <CopyTextButton text={props.text} aria-label={props.copyLabel} />
      </div>
    </div>
  );
}
