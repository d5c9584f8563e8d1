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

import { getKnowledgeIndex } from '../knowledgeBase/knowledgeIndex';
import { apiFactsTable } from './apiFacts';

const index = getKnowledgeIndex();

function apiFactsOf(
  apiVersion: string,
  kind: string,
  targets: Record<string, string>,
  knowledgeIndex: ReturnType<typeof getKnowledgeIndex>,
) {
  return apiFactsTable(targets, knowledgeIndex).of(apiVersion, kind);
}

describe('apiFactsTable', () => {
  it('looks an apiVersion and kind up once per knowledge index and targets', () => {
    const targets = { k8s: '1.34' };
    const facts = apiFactsOf(
      'policy/v1beta1',
      'PodDisruptionBudget',
      targets,
      index,
    );
    expect(
      apiFactsOf('policy/v1beta1', 'PodDisruptionBudget', targets, index),
    ).toBe(facts);
    expect(
      apiFactsOf(
        'policy/v1beta1',
        'PodDisruptionBudget',
        { k8s: '1.34' },
        index,
      ),
    ).not.toBe(facts);
    expect(
      apiFactsOf('policy/v1beta1', 'PodSecurityPolicy', targets, index),
    ).not.toBe(facts);
  });

  it('gives each row the successor served at the targets', () => {
    const facts = apiFactsOf(
      'policy/v1beta1',
      'PodDisruptionBudget',
      { k8s: '1.34' },
      index,
    );
    expect(facts.component).toBe('k8s');
    expect(facts.replacements).toHaveLength(facts.rows.length);
    expect(facts.replacements[0]?.apiVersion).toBe('policy/v1');
  });

  it('knows the component of an apiVersion without rows', () => {
    expect(apiFactsOf('apps/v1', 'Deployment', {}, index)).toMatchObject({
      rows: [],
      component: 'k8s',
      alpha: false,
    });
  });
});
