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

import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { ResponseError } from '@backstage/errors';

/** The server's own words for a failed call, with its status; else the error's message. */
export function serverMessage(error: Error): string {
  if (error.name === 'ResponseError') {
    const response = error as ResponseError;
    const said = response.cause?.message || response.message;
    return `${said} (HTTP ${response.statusCode})`;
  }
  return error.message;
}

/**
 * A failed call, in the panel that made it: what could not be loaded, the
 * server's message and a Retry. The rest of the page stays usable.
 */
export function PanelError(props: {
  title: string;
  error: Error;
  onRetry?: () => void;
}) {
  const { title, error, onRetry } = props;
  return (
    <Alert
      severity="error"
      data-testid="runtime-mode-panel-error"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {serverMessage(error)}
    </Alert>
  );
}
