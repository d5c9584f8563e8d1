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

import type { Finding, ManifestObjectRef, Severity } from '../types';
import { RULES_BY_ID, type RuleId } from './ruleCatalog';

/**
 * Builds a finding of a catalogued rule; category, docs link and (unless the
 * finding gives a more specific one) remediation come from the catalog. The
 * message says what is wrong, the remediation what to do. An unknown id fails
 * to compile ({@link RuleId}); the run-time check catches ids that reach it
 * from untyped code.
 * @public
 */
export function makeFinding(
  id: RuleId,
  severity: Severity,
  message: string,
  extra: Partial<Omit<Finding, 'id' | 'severity' | 'message' | 'waived'>> = {},
): Finding {
  const rule = RULES_BY_ID.get(id);
  if (!rule) {
    throw new Error(`Unknown rule id "${id}"`);
  }
  const finding: Record<string, unknown> = {
    id,
    category: rule.category,
    severity,
    message,
    docsUrl: rule.docsUrl,
  };
  // The fields of `extra` in their order, as a spread would put them:
  // Object.assign copies them natively (fewer instructions than a loop over
  // the keys; a spread in the middle of a literal is a slow runtime copy),
  // and every finding of every evaluation is made here.
  Object.assign(finding, extra);
  finding.remediation = extra.remediation ?? rule.remediation;
  finding.waived = false;
  return finding as unknown as Finding;
}

/** The fields of a finding that point at the object it is about. @internal */
export function objectEvidence(object: ManifestObjectRef) {
  return {
    file: object.file,
    line: object.line,
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
  };
}

/** `Kind "name"`, as findings name objects. @internal */
export function objectLabel(object: ManifestObjectRef): string {
  return `${object.kind}${object.name ? ` "${object.name}"` : ''}`;
}
