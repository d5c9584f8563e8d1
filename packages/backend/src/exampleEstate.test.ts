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

import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  EntityLike,
  CompleteEvaluationResult,
  ManifestFile,
  RUNTIME_MODE_ANNOTATIONS,
  RUNTIME_MODES,
  evaluate,
  parseManifestsAnnotation,
  readRuntimeModeConfig,
} from '@runtime-mode/backstage-plugin-runtime-mode-common';

// The example estate the portal starts on must stay consistent with the
// config, and must show what the product is for: every mode, the traps,
// and a component nobody has described.
const repoRoot = path.resolve(__dirname, '../../..');
const examples = path.join(repoRoot, 'examples');

const appConfig = parse(
  fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
);
const config = readRuntimeModeConfig(appConfig.runtimeMode);

const components: EntityLike[] = parseAllDocuments(
  fs.readFileSync(path.join(examples, 'components.yaml'), 'utf8'),
)
  .map(doc => doc.toJS())
  .filter(entity => entity?.kind === 'Component');

function readSource(target: string): ManifestFile[] {
  const glob = target.endsWith('*.yaml');
  const location = path.join(examples, glob ? path.dirname(target) : target);
  const files = fs.statSync(location).isDirectory()
    ? fs.readdirSync(location).map(f => path.join(location, f))
    : [location];
  return files
    .filter(f => !glob || f.endsWith('.yaml'))
    .map(f => ({
      path: path.relative(examples, f),
      content: fs.readFileSync(f, 'utf8'),
    }));
}

function manifestsOf(entity: EntityLike): ManifestFile[] {
  const value =
    entity.metadata.annotations?.[RUNTIME_MODE_ANNOTATIONS.manifests];
  if (!value) return [];
  return parseManifestsAnnotation(value).flatMap(source =>
    readSource(source.target),
  );
}

const results = new Map<string, CompleteEvaluationResult>(
  components.map(entity => [
    entity.metadata.name,
    // A fixed clock: the estate's waivers have real expiry dates.
    evaluate({
      entity,
      manifests: manifestsOf(entity),
      config,
      options: { now: new Date('2026-12-01T00:00:00Z') },
    }),
  ]),
);

describe('the example estate', () => {
  it('has at least 9 components, with one that has no evidence at all', () => {
    expect(components.length).toBeGreaterThanOrEqual(9);
    const bare = components.filter(
      c =>
        !Object.keys(c.metadata.annotations ?? {}).some(a =>
          a.startsWith('runtime-mode.dev/'),
        ),
    );
    expect(bare.map(c => c.metadata.name)).toEqual(['legacy-crm']);
    expect(results.get('legacy-crm')!.mode.value).toBe('unknown');
    expect(results.get('legacy-crm')!.readiness.level).toBe('unknown');
  });

  it('names only clusters that the config defines, and manifests that exist', () => {
    const clusters = new Set(config.clusters.map(c => c.name));
    for (const entity of components) {
      const named =
        entity.metadata.annotations?.[RUNTIME_MODE_ANNOTATIONS.clusters];
      for (const name of named?.split(',').map(s => s.trim()) ?? []) {
        expect(clusters).toContain(name);
      }
    }
    const described = components.filter(
      c => c.metadata.annotations?.[RUNTIME_MODE_ANNOTATIONS.manifests],
    );
    expect(described.length).toBeGreaterThan(0);
    for (const entity of described) {
      expect(manifestsOf(entity).length).toBeGreaterThan(0);
    }
  });

  it('spreads over the three runtime modes', () => {
    const modes = [...results.values()].map(r => r.mode.value);
    for (const mode of RUNTIME_MODES) {
      expect(modes.filter(m => m === mode).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('decides the mode from the manifests before the declaration', () => {
    const conflicted = results.get('inventory-sync')!;
    expect(conflicted.mode.value).toBe('container-virtualization');
    expect(conflicted.mode.declared).toBe('bare-metal-container');
    expect(conflicted.mode.conflict).toBe(true);
  });

  it('carries deprecated and removed APIs for the configured targets', () => {
    const apis = (name: string) =>
      results
        .get(name)!
        .findings.filter(f => f.category === 'api-compatibility')
        .map(f => `${f.severity} ${f.apiVersion} ${f.kind}`);
    expect(apis('cart-service')).toEqual(
      expect.arrayContaining([
        'critical networking.k8s.io/v1beta1 Ingress',
        'critical batch/v1beta1 CronJob',
      ]),
    );
    expect(apis('search-indexer')).toContain(
      'critical policy/v1beta1 PodDisruptionBudget',
    );
    expect(apis('vm-billing-legacy')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^warning kubevirt\.io\/v1alpha3 VirtualMachine$/,
        ),
        'critical cdi.kubevirt.io/v1alpha1 DataVolume',
      ]),
    );
    expect(apis('checkout-api')).toEqual([]);
  });

  it('shows a waiver in force and an expired one that counts again', () => {
    const waived = results
      .get('ledger-service')!
      .findings.filter(f => f.waived);
    expect(waived.map(f => f.id)).toContain('operations-probes-missing');
    expect(waived.every(f => f.waiver && !f.waiver.expired)).toBe(true);

    const expired = results
      .get('vm-billing-legacy')!
      .findings.find(f => f.id === 'monitoring-service-monitor-missing');
    expect(expired?.waived).toBe(false);
    expect(expired?.waiver?.expired).toBe(true);
  });

  it('answers the two questions apart: a suggestion is not a plan, and staying is not a migration', () => {
    const billing = results.get('vm-billing-legacy')!;
    expect(billing.migration).toBeNull();
    expect(billing.suggestion?.mode).toBe('virtualized-container');
    expect(
      billing.findings.filter(f => f.id.startsWith('transition-')),
    ).toEqual([]);
    const cart = results.get('cart-service')!;
    expect(cart.migration).toBeNull();
    expect(cart.readiness.targetMode).toBeNull();
    expect(cart.upgrade).toMatchObject({
      level: 'broken-now',
      versions: [{ component: 'k8s', current: '1.31', planned: '1.34' }],
    });
    expect(results.get('ledger-service')!.migration).toMatchObject({
      targetMode: 'container-virtualization',
      targetSource: 'annotation',
    });
  });

  it('has a component already broken and one that breaks only at the planned upgrade', () => {
    const byLevel = (level: string) =>
      [...results]
        .filter(([, result]) => result.upgrade.level === level)
        .map(([name]) => name);
    expect(byLevel('broken-now')).toContain('cart-service');
    expect(byLevel('breaks-at-upgrade')).toContain('tenant-controller');
    expect(results.get('tenant-controller')!.upgrade.versions).toEqual([
      { component: 'k8s', current: '1.31', planned: '1.34' },
    ]);
  });

  it('breaks differently at Kubernetes 1.31 and 1.34: an API its cluster serves today is gone by 1.34', () => {
    // What the blast radius counts as newly breaking at a version.
    const newlyBreakingAt = (version: string) =>
      components
        .filter(entity =>
          evaluate({
            entity,
            manifests: manifestsOf(entity),
            config,
            options: {
              targets: { k8s: version },
              now: new Date('2026-12-01T00:00:00Z'),
            },
          }).findings.some(
            f =>
              f.id === 'api-removed' &&
              f.component === 'k8s' &&
              f.timing === 'at-upgrade' &&
              !f.waived,
          ),
        )
        .map(entity => entity.metadata.name);
    expect(newlyBreakingAt('1.31')).not.toContain('tenant-controller');
    expect(newlyBreakingAt('1.34')).toContain('tenant-controller');
    expect(newlyBreakingAt('1.34')).not.toEqual(newlyBreakingAt('1.31'));
  });

  it('has a VM that cannot live-migrate and one that can', () => {
    const blockers = (name: string) =>
      results
        .get(name)!
        .findings.filter(
          f => f.category === 'live-migration' && f.severity !== 'info',
        );
    expect(blockers('vm-billing-legacy').length).toBeGreaterThan(0);
    expect(blockers('vnf-router')).toEqual([]);
  });
});
