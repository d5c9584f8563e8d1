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

import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { performance } from 'node:perf_hooks';

/** What one tool measured on the estate; printed as one JSON line by its process. */
export interface SideResult {
  tool: string;
  components: number;
  /** Time to evaluate (or retrieve facts for) every component, in ms. */
  evaluateAllMs: number;
  /** The portfolio view: first request, then the median of the next ones, in ms. */
  portfolioColdMs: number;
  portfolioWarmMs: number;
  portfolioBytes: number;
  /** One component's result, median and p95 over several components, in ms. */
  oneEntityMedianMs: number;
  oneEntityP95Ms: number;
  /** Peak resident set size of the process (backend and client), in MiB. */
  peakRssMiB: number;
  /** Components the tool says use an API removed at the target, for the answer check. */
  removedApiComponents: number;
}

/** How much each side is asked. */
export interface Workload {
  portfolioViews: number;
  entityCalls: number;
}

export type TestBackend = Awaited<ReturnType<typeof startTestBackend>>;

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function p95(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

/** Sends a request to the test backend as a signed-in user; the body as text. */
export async function call(
  backend: TestBackend,
  method: 'GET' | 'POST',
  path: string,
  body?: JsonObject,
): Promise<string> {
  const res = await fetch(`http://localhost:${backend.server.port()}${path}`, {
    method,
    headers: {
      Authorization: mockCredentials.user.header(),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(
      `${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`,
    );
  }
  return text;
}

/** The portfolio view, `views` times: the first (cold) and the median of the rest. */
export async function measureViews(views: number, view: () => Promise<string>) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < views; i++) {
    const [text, ms] = await timed(view);
    bytes = text.length;
    times.push(ms);
  }
  return {
    portfolioColdMs: times[0],
    portfolioWarmMs: median(times.slice(1).length ? times.slice(1) : times),
    portfolioBytes: bytes,
  };
}

/** One component's result, for `calls` different components after 3 warm-up calls. */
export async function measureEntityCalls(
  entities: Entity[],
  calls: number,
  one: (name: string) => Promise<string>,
) {
  const times: number[] = [];
  for (let i = 0; i < calls + 3; i++) {
    const name = entities[(i * 7919) % entities.length].metadata.name;
    const [, ms] = await timed(() => one(name));
    if (i >= 3) times.push(ms);
  }
  return { oneEntityMedianMs: median(times), oneEntityP95Ms: p95(times) };
}

export function peakRssMiB() {
  // maxRSS is in KiB.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * The test backend's scheduler, which runs a task when it is triggered (and,
 * unless told otherwise, the tasks without initial delay at start-up). Its
 * `factory` is not in the package's published types.
 */
export function manualScheduler() {
  return mockServices.scheduler() as SchedulerService & {
    factory(options?: { skipTaskRunOnStartup?: boolean }): ServiceFactory;
  };
}

/**
 * The estate in an in-memory catalog whose lookups by ref are indexed, as
 * the real catalog's are: the test utility's builds a map of every entity on
 * each lookup, which would charge 10,000 entities to every one-component call.
 */
export function indexedCatalog(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const byRef = new Map(
    entities.map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
  );
  catalog.getEntityByRef = async ref =>
    byRef.get(
      (typeof ref === 'string'
        ? ref
        : stringifyEntityRef(ref)
      ).toLocaleLowerCase('en-US'),
    );
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}
