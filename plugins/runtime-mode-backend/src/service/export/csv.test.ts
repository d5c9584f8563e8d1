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

import { parse } from 'csv-parse/sync';
import { portfolioRow } from '../../testUtils/rows';
import { rowsToCsv } from './csv';
import { runtimeTabUrl } from './runtimeTabUrl';

describe('rowsToCsv', () => {
  const rows = [
    {
      ...portfolioRow('cart-service', {
        title: 'Cart Service',
        mode: 'bare-metal-container',
        upgradeLevel: 'broken-now',
        brokenNow: 2,
        level: 'blocked',
        critical: 2,
        topBlocker: {
          ruleId: 'api-removed',
          message:
            'Ingress "cart" uses networking.k8s.io/v1beta1, no longer served',
          file: 'manifests/cart-service/ingress.yaml',
          line: 1,
        },
      }),
      runtimeTabUrl:
        'https://portal.example/catalog/default/component/cart-service/runtime',
    },
    {
      ...portfolioRow('ledger', {
        mode: 'virtualized-container',
        targetMode: 'container-virtualization',
        migrationLevel: 'blocked',
        checksPassing: 3,
        checksTotal: 5,
        suggestedMode: 'container-virtualization',
      }),
    },
    portfolioRow('pending', {
      upgradeLevel: undefined,
      migrationLevel: undefined,
    }),
  ];
  const [header, ...records] = parse(rowsToCsv(rows)) as string[][];
  const column = (record: string[], name: string) =>
    record[header.indexOf(name)];

  it("keeps v1's columns first, in their order", () => {
    expect(header.slice(0, 19)).toEqual([
      'entityRef',
      'name',
      'namespace',
      'title',
      'owner',
      'system',
      'domain',
      'lifecycle',
      'mode',
      'modeConflict',
      'targetMode',
      'level',
      'score',
      'critical',
      'warning',
      'info',
      'categories',
      'status',
      'evaluatedAt',
    ]);
    expect(column(records[0], 'modeConflict')).toBe('false');
  });

  it('carries the top blocker text and where it is, and the link to the Runtime tab', () => {
    expect(column(records[0], 'topBlockerRule')).toBe('api-removed');
    expect(column(records[0], 'topBlocker')).toBe(
      'Ingress "cart" uses networking.k8s.io/v1beta1, no longer served',
    );
    expect(column(records[0], 'topBlockerLocation')).toBe(
      'manifests/cart-service/ingress.yaml:1',
    );
    expect(column(records[0], 'runtimeTabUrl')).toBe(
      'https://portal.example/catalog/default/component/cart-service/runtime',
    );
    expect(column(records[1], 'topBlocker')).toBe('');
  });

  it('speaks the shared vocabulary in its label columns, and leaves unanswered questions empty', () => {
    expect(column(records[0], 'modeLabel')).toBe('Bare-metal containers');
    expect(column(records[0], 'upgradeLevelLabel')).toBe('Broken now');
    expect(column(records[0], 'migrationLevelLabel')).toBe('No move planned');
    expect(column(records[0], 'levelLabel')).toBe('Blocked');
    expect(column(records[1], 'modeLabel')).toBe('Containers on VMs');
    expect(column(records[1], 'targetModeLabel')).toBe('KubeVirt VMs');
    expect(column(records[1], 'suggestedModeLabel')).toBe('KubeVirt VMs');
    expect(column(records[1], 'migrationLevelLabel')).toBe('Blocked');
    expect(column(records[1], 'checksPassing')).toBe('3');
    expect(column(records[2], 'upgradeLevelLabel')).toBe('');
    expect(column(records[2], 'migrationLevelLabel')).toBe('');
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    const [, evil] = parse(
      rowsToCsv([portfolioRow('evil', { title: '=HYPERLINK("x")' })]),
    ) as string[][];
    expect(evil[3]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('runtimeTabUrl', () => {
  it('links to the Runtime tab below the catalog entity page, or nowhere without a base URL', () => {
    expect(
      runtimeTabUrl('https://portal.example/', {
        namespace: 'Payments',
        name: 'cart service',
      }),
    ).toBe(
      'https://portal.example/catalog/payments/component/cart%20service/runtime',
    );
    expect(runtimeTabUrl(undefined, { namespace: 'default', name: 'a' })).toBe(
      undefined,
    );
  });
});
