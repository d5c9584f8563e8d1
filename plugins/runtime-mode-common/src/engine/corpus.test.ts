/* eslint-disable no-restricted-imports */
import fs from 'node:fs';
import path from 'node:path';
import { evaluate } from './evaluate';

// The shared corpus of real manifests by others; absent in a fresh clone.
// RUNTIME_MODE_CORPUS_DIR points at it from a clone that lives elsewhere.
const corpusDir =
  process.env.RUNTIME_MODE_CORPUS_DIR ??
  path.resolve(__dirname, '../../../../../shared/corpus');
const hasCorpus = fs.existsSync(path.join(corpusDir, 'INDEX.tsv'));
const describeIfCorpus = hasCorpus ? describe : describe.skip;
if (!hasCorpus) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the corpus tests: ${corpusDir} not found`);
}

// Targets at which every deprecated or removed API of the corpus is at least deprecated.
const TARGETS = {
  k8s: '1.34',
  kubevirt: '1.6.0',
  cdi: '1.60.0',
  'cluster-api': '1.11.0',
  'vsphere-tkgs': '3.3.0',
};

interface IndexRow {
  path: string;
  apiVersionsTopLevel: string[];
  deprecated: string[];
}

function readIndex(): IndexRow[] {
  const [header, ...lines] = fs
    .readFileSync(path.join(corpusDir, 'INDEX.tsv'), 'utf8')
    .trim()
    .split('\n');
  const columns = header.split('\t');
  const col = (name: string) => columns.indexOf(name);
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map(s => s.trim())
      .filter(Boolean);
  return lines.map(line => {
    const cells = line.split('\t');
    return {
      path: cells[col('path')],
      apiVersionsTopLevel: list(cells[col('apiVersions_top_level')]),
      deprecated: [
        ...list(cells[col('deprecated_k8s_apiVersions')]),
        ...list(cells[col('deprecated_ecosystem_apiVersions')]),
      ],
    };
  });
}

function evaluateFile(relative: string) {
  return evaluate({
    manifests: [
      {
        path: relative,
        content: fs.readFileSync(path.join(corpusDir, relative), 'utf8'),
      },
    ],
    options: { targets: TARGETS },
  });
}

describeIfCorpus('the engine on the shared corpus', () => {
  const rows = hasCorpus ? readIndex() : [];

  it('indexes the corpus', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it('reports every deprecated or removed apiVersion listed in INDEX.tsv', () => {
    const missing: string[] = [];
    for (const row of rows.filter(r => r.deprecated.length > 0)) {
      const result = evaluateFile(row.path);
      for (const apiVersion of row.deprecated) {
        const reported = result.findings.some(
          f =>
            f.apiVersion === apiVersion &&
            f.category === 'api-compatibility' &&
            f.severity !== 'info',
        );
        if (!reported) missing.push(`${row.path}: ${apiVersion}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reports nothing for apiVersions that only appear in comments or strings', () => {
    const falsePositives: string[] = [];
    for (const row of rows) {
      const result = evaluateFile(row.path);
      // Objects must come from real documents: an object's apiVersion is one of the
      // file's top-level (or List/Template item) apiVersions, never one only seen in text.
      const text = fs.readFileSync(path.join(corpusDir, row.path), 'utf8');
      for (const f of result.findings) {
        if (f.category !== 'api-compatibility' || !f.apiVersion) continue;
        const asKey = new RegExp(
          `^\\s*-?\\s*"?apiVersion"?\\s*:\\s*["']?${f.apiVersion.replace(
            /[./]/g,
            '\\$&',
          )}["']?\\s*,?\\s*$`,
          'm',
        );
        if (!asKey.test(text))
          falsePositives.push(`${row.path}: ${f.apiVersion}`);
      }
    }
    expect(falsePositives).toEqual([]);
  });

  it('reads every file without crashing, and no deprecated finding without an INDEX entry', () => {
    const unexpected: string[] = [];
    for (const row of rows) {
      const result = evaluateFile(row.path);
      expect(result.schemaVersion).toBe(1);
      for (const f of result.findings) {
        if (
          (f.id === 'api-removed' || f.id === 'api-deprecated') &&
          !row.deprecated.includes(f.apiVersion!)
        ) {
          unexpected.push(`${row.path}: ${f.apiVersion} ${f.kind}`);
        }
      }
    }
    // kubevirt.io/v1 VirtualMachineInstancePreset is deprecated by kind, which INDEX (by apiVersion) does not list.
    expect(
      unexpected.filter(
        u => !u.endsWith('kubevirt.io/v1 VirtualMachineInstancePreset'),
      ),
    ).toEqual([]);
  });

  it('reads the policy/v1beta1 PodDisruptionBudget of the cockroachdb example as removed at 1.25', () => {
    const result = evaluateFile(
      'kubernetes-examples/_archived__cockroachdb__cockroachdb-statefulset.yaml',
    );
    expect(
      result.findings.find(f => f.kind === 'PodDisruptionBudget'),
    ).toMatchObject({
      id: 'api-removed',
      severity: 'critical',
      removedIn: 'v1.25.0',
    });
  });
});
