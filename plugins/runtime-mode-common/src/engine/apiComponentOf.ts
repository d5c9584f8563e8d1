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
import { componentOfApiVersion } from './apiGroups';

/**
 * The knowledge-base component whose releases an object's apiVersion follows
 * (`k8s`, `kubevirt`, `cdi`, ...), or undefined for APIs the knowledge base
 * does not cover. Lets a client tell "served at the target" from "not
 * judged". Give the kind: `infrastructure.cluster.x-k8s.io` belongs to many
 * Cluster API providers, told apart by kind (VSphereCluster → CAPV); without
 * it such an object is not attributed.
 * @public
 */
export function apiComponentOf(
  apiVersion: string,
  kind?: string,
): string | undefined {
  return componentOfApiVersion(apiVersion, getKnowledgeIndex(), kind);
}
