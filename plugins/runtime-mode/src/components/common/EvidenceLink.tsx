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

import { useCallback, useMemo } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useApiHolder } from '@backstage/core-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import {
  getEntitySourceLocation,
  useAsyncEntity,
} from '@backstage/plugin-catalog-react';
import { fileLine, sourceUrlOf } from './sourceLinks';

const useStyles = makeStyles({
  code: { fontFamily: 'monospace', fontSize: '0.85em' },
});

/** A path that may wrap after its slashes, never inside a name. */
function Wrappable(props: { text: string }) {
  const parts = props.text.split('/');
  return (
    <>
      {parts.map((part, index) => (
        // eslint-disable-next-line react/no-array-index-key
        <span key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

/**
 * Turns a manifest file and line into the address of that line in source
 * control, from the current entity's source location and the app's SCM
 * integrations; undefined where there is no such address.
 */
export function useSourceUrl(): (
  file: string,
  line?: number,
) => string | undefined {
  const { entity } = useAsyncEntity();
  const scm = useApiHolder().get(scmIntegrationsApiRef);
  const base = useMemo(
    () =>
      entity && scm
        ? getEntitySourceLocation(entity, scm)?.locationTargetUrl
        : undefined,
    [entity, scm],
  );
  return useCallback(
    (file: string, line?: number) => sourceUrlOf({ file, line, base, scm }),
    [base, scm],
  );
}

/**
 * `file:line` of a piece of evidence, as a link to that line in source
 * control when the entity's source location allows one, else as text.
 */
export function EvidenceLink(props: {
  file: string;
  line?: number;
  /** Show the file name only (the card); the link still opens the full path. */
  short?: boolean;
}) {
  const classes = useStyles();
  const { file, line, short } = props;
  const url = useSourceUrl()(file, line);
  const shown = short
    ? file
        .replace(/[?#].*$/, '')
        .split('/')
        .pop()
    : file;
  const text = fileLine(shown || file, line);
  if (!url) {
    return (
      <span className={classes.code} data-testid="runtime-mode-evidence">
        <Wrappable text={text} />
      </span>
    );
  }
  return (
    <Link
      to={url}
      target="_blank"
      rel="noopener noreferrer"
      underline="always"
      className={classes.code}
      data-testid="runtime-mode-evidence"
    >
      <Wrappable text={text} />
    </Link>
  );
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * A documentation link that says what it documents ("Docs: API removed at
 * the target (kubernetes.io)"), never a bare "Documentation".
 */
export function DocsLink(props: { url: string; about?: string }) {
  const host = hostOf(props.url);
  let text = `Docs on ${host ?? 'the web'}`;
  if (props.about) text = `Docs: ${props.about}${host ? ` (${host})` : ''}`;
  return (
    <Link
      to={props.url}
      target="_blank"
      rel="noopener noreferrer"
      underline="always"
    >
      {text}
    </Link>
  );
}
