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

import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Lazy-loaded extensions and MUI pages can take more than the default second
// to appear on a busy two-core CI machine; waiting longer never hides a bug
// (a missing element still fails, only later).
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one. The
// charts then render at zero size, and tests assert on the text beside them.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;
