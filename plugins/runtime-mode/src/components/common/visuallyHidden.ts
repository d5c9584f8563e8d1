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

/**
 * Styles that hide text on screen and keep it for screen readers. Block
 * display keeps the words apart from their neighbours in an accessible name
 * computed from content ("1 component", not "1component").
 */
export const visuallyHidden = {
  display: 'block',
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** A visible focus ring for custom controls (ButtonBase has none of its own). */
export function focusRing(color: string) {
  return {
    '&:focus-visible, &.Mui-focusVisible': {
      outline: `3px solid ${color}`,
      outlineOffset: 2,
    },
  };
}
