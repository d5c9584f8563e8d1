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

/** UTC date and minute: unambiguous for teams in several time zones. */
export function formatDateTime(iso?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDate(iso?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().slice(0, 10);
}

/**
 * Time left until a date, in words ("in 4 months", "2 months ago").
 * Returns undefined when the date is missing or malformed.
 */
export function timeUntil(
  iso: string | undefined,
  now: Date,
): string | undefined {
  if (!iso) return undefined;
  const target = new Date(iso);
  if (Number.isNaN(target.getTime())) return undefined;
  const days = Math.round((target.getTime() - now.getTime()) / 86_400_000);
  const abs = Math.abs(days);
  let amount: string;
  if (abs < 45) amount = `${abs} day${abs === 1 ? '' : 's'}`;
  else if (abs < 545) amount = `${Math.round(abs / 30)} months`;
  else amount = `${(abs / 365).toFixed(1)} years`;
  if (days === 0) return 'today';
  return days > 0 ? `in ${amount}` : `${amount} ago`;
}
