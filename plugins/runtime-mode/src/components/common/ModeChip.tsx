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

import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import DnsIcon from '@material-ui/icons/Dns';
import LayersIcon from '@material-ui/icons/Layers';
import DesktopWindowsIcon from '@material-ui/icons/DesktopWindows';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import {
  MODE_DESCRIPTIONS,
  MODE_LABELS,
  type ModeValue,
  type ModeVerdict,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { labelOf } from './labels';

const MODE_ICONS: Record<ModeValue, JSX.Element> = {
  'bare-metal-container': <DnsIcon />,
  'virtualized-container': <LayersIcon />,
  'container-virtualization': <DesktopWindowsIcon />,
  unknown: <HelpOutlineIcon />,
};

/** Where mode evidence comes from, in words. */
export const SOURCE_WORDS: Record<string, string> = {
  manifest: 'manifest',
  cluster: 'cluster config',
  annotation: 'annotation',
  none: 'nothing',
};

function evidenceLocation(e: ModeVerdict['evidence'][number]): string {
  if (e.file) return e.line ? `${e.file}:${e.line}` : e.file;
  if (e.annotation) return `annotation ${e.annotation}`;
  if (e.cluster) return `cluster ${e.cluster}`;
  return e.source;
}

/** Says where the verdict came from, for the chip's tooltip. */
function ModeEvidence(props: { verdict: ModeVerdict }) {
  const { verdict } = props;
  return (
    <div>
      <Typography variant="body2">
        <strong>{labelOf(MODE_LABELS, verdict.value)}</strong>:{' '}
        {labelOf(MODE_DESCRIPTIONS, verdict.value)}
      </Typography>
      <Typography variant="caption" component="p">
        Decided by: {SOURCE_WORDS[verdict.source] ?? verdict.source}, confidence{' '}
        {verdict.confidence}
      </Typography>
      {verdict.conflict && (
        <Typography variant="caption" component="p">
          Conflict: the evidence points at more than one mode
          {verdict.declared
            ? ` or contradicts the declared mode (${labelOf(
                MODE_LABELS,
                verdict.declared,
              )})`
            : ''}
          .
        </Typography>
      )}
      {verdict.evidence.length === 0 ? (
        <Typography variant="caption" component="p">
          No evidence: add manifests, a cluster or the runtime-mode.dev/mode
          annotation.
        </Typography>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {verdict.evidence.slice(0, 6).map(e => (
            <li key={`${e.source}:${evidenceLocation(e)}:${e.reason}`}>
              <Typography variant="caption">
                {evidenceLocation(e)}: {e.reason}
              </Typography>
            </li>
          ))}
          {verdict.evidence.length > 6 && (
            <li>
              <Typography variant="caption">
                and {verdict.evidence.length - 6} more (see the Runtime tab)
              </Typography>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/**
 * The runtime mode as a labelled chip: icon plus words, evidence on hover.
 * With only a mode value (portfolio rows) the tooltip explains the mode.
 */
export function ModeChip(props: {
  mode: ModeValue;
  verdict?: ModeVerdict;
  conflict?: boolean;
  size?: 'small' | 'medium';
}) {
  const { mode, verdict, size = 'small' } = props;
  const conflict = props.conflict ?? verdict?.conflict ?? false;
  const label = `${labelOf(MODE_LABELS, mode)}${conflict ? ' (conflict)' : ''}`;
  return (
    <Tooltip
      arrow
      title={
        verdict ? (
          <ModeEvidence verdict={verdict} />
        ) : (
          labelOf(MODE_DESCRIPTIONS, mode)
        )
      }
    >
      <Chip
        size={size}
        variant={mode === 'unknown' ? 'outlined' : 'default'}
        icon={
          conflict ? (
            <ErrorOutlineIcon />
          ) : (
            MODE_ICONS[mode] ?? MODE_ICONS.unknown
          )
        }
        label={label}
        data-testid="runtime-mode-chip"
      />
    </Tooltip>
  );
}
