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

import { useTheme } from '@material-ui/core/styles';
import type { ReadinessLevel } from '@runtime-mode/backstage-plugin-runtime-mode-common';
import { levelColor } from './LevelChip';

/** Chart colours from the Backstage theme, so charts follow light and dark mode. */
export function useChartTheme() {
  const theme = useTheme();
  return {
    text: theme.palette.text.secondary,
    grid: theme.palette.divider,
    line: theme.palette.primary.main,
    background: theme.palette.background.paper,
    tooltip: {
      backgroundColor: theme.palette.background.paper,
      border: `1px solid ${theme.palette.divider}`,
      color: theme.palette.text.primary,
    },
    level: (level: ReadinessLevel) => levelColor(theme, level),
    font: theme.typography.fontFamily,
  };
}
