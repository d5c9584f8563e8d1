import fc from 'fast-check';
import { evaluate } from './evaluate';
import { DEFAULT_MANIFEST_LIMITS } from './readRuntimeModeConfig';
import { readManifests } from './readManifests';

const read = (content: string, limits = DEFAULT_MANIFEST_LIMITS) =>
  readManifests([{ path: 'm.yaml', content }], limits);

describe('readManifests', () => {
  it('reads multi-document YAML with the line of each object', () => {
    const r = read(
      '# leading comment\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\n\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\n',
    );
    expect(r.objects.map(o => [o.kind, o.name, o.line])).toEqual([
      ['Service', 'a', 2],
      ['Deployment', 'b', 9],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('reads a file of whitespace alone, ASCII or Unicode, as no document', () => {
    for (const blank of [
      '',
      ' \n\t\r\n\v\f',
      '\u00a0\u3000\n',
      ' \u2028 \u2029',
    ]) {
      expect(read(blank)).toMatchObject({ objects: [], findings: [] });
    }
    // Whitespace then a scalar: a document that is no object.
    expect(read('\u3000\n  x\n').findings.map(f => f.id)).toEqual([
      'manifest-no-kind',
    ]);
    expect(read(' \n\u0001').findings).not.toEqual([]);
  });

  it('reads JSON, CRLF and a BOM', () => {
    expect(
      read('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}')
        .objects[0],
    ).toMatchObject({ kind: 'Pod', name: 'p', line: 1 });
    const crlf = read(
      '\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\n---\r\napiVersion: v1\r\nkind: Secret\r\n',
    );
    expect(crlf.objects.map(o => [o.kind, o.line])).toEqual([
      ['ConfigMap', 1],
      ['Secret', 6],
    ]);
  });

  it('expands List items, keeping the wrapper and each item line', () => {
    const r = read(
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: extensions/v1beta1\n  kind: Deployment\n  metadata:\n    name: old\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: new\n',
    );
    expect(r.objects.map(o => [o.apiVersion, o.kind, o.name, o.line])).toEqual([
      ['v1', 'List', undefined, 1],
      ['extensions/v1beta1', 'Deployment', 'old', 4],
      ['apps/v1', 'Deployment', 'new', 8],
    ]);
  });

  it('expands the objects of an OpenShift Template', () => {
    const r = read(
      'apiVersion: v1\nkind: Template\nobjects:\n- apiVersion: kubevirt.io/v1alpha3\n  kind: VirtualMachine\n  metadata:\n    name: ${NAME}\n',
    );
    expect(r.objects[1]).toMatchObject({
      apiVersion: 'kubevirt.io/v1alpha3',
      kind: 'VirtualMachine',
      line: 4,
    });
  });

  it('reports a broken document with its line and keeps the others', () => {
    const r = read(
      'apiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: [unclosed\n---\napiVersion: v1\nkind: C\n',
    );
    expect(r.objects.map(o => o.kind)).toEqual(['A', 'C']);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      id: 'manifest-parse-error',
      category: 'manifest',
      file: 'm.yaml',
    });
    expect(r.findings[0].line).toBeGreaterThanOrEqual(4);
  });

  it('recognises a Helm template, reports it as not rendered and still reads apiVersion/kind', () => {
    const r = read(
      'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\n',
    );
    expect(r.objects).toEqual([
      expect.objectContaining({
        apiVersion: 'extensions/v1beta1',
        kind: 'Deployment',
        rendered: false,
        line: 1,
      }),
    ]);
    expect(r.findings.map(f => [f.id, f.severity])).toEqual([
      ['manifest-template-not-rendered', 'info'],
    ]);
  });

  it('does not take template braces inside quoted strings for a template', () => {
    const r = read(
      "apiVersion: v1\nkind: ConfigMap\ndata:\n  name: '{{ local_hostname }}'\n",
    );
    expect(r.objects[0]).toMatchObject({ kind: 'ConfigMap', rendered: true });
    expect(r.findings).toEqual([]);
  });

  it('ignores documents without kind, with a reason', () => {
    const r = read('replicaCount: 1\nimage:\n  repository: nginx\n');
    expect(r.objects).toEqual([]);
    expect(r.findings[0]).toMatchObject({
      id: 'manifest-no-kind',
      severity: 'info',
      line: 1,
    });
  });

  it('does not take apiVersions in comments or strings for objects', () => {
    const r = read(
      '# apiVersion: extensions/v1beta1\n# kind: Deployment\napiVersion: v1\nkind: ConfigMap\ndata:\n  note: "apiVersion: policy/v1beta1"\n  manifest: |\n    apiVersion: batch/v1beta1\n    kind: CronJob\n',
    );
    expect(r.objects.map(o => o.apiVersion)).toEqual(['v1']);
  });

  it('does not take the last-applied-configuration annotation for an object', () => {
    const lastApplied = JSON.stringify({
      apiVersion: 'extensions/v1beta1',
      kind: 'Deployment',
      metadata: { name: 'old' },
    });
    const r = read(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '${lastApplied}'\n`,
    );
    expect(r.objects.map(o => `${o.apiVersion} ${o.kind} ${o.name}`)).toEqual([
      'apps/v1 Deployment web',
    ]);
  });

  it('stops an alias bomb at the alias limit', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const r = read(
      `apiVersion: v1\nkind: ConfigMap\n${bomb.map(l => `${l}`).join('\n')}\n`,
    );
    expect(r.objects).toEqual([]);
    expect(r.findings[0]).toMatchObject({ id: 'manifest-limit-exceeded' });
    expect(r.findings[0].message).toContain('maxAliasCount');
  });

  it('applies the size, document-count and depth limits with clear findings', () => {
    const limits = {
      maxFileBytes: 200,
      maxDocuments: 2,
      maxDepth: 5,
      maxAliasCount: 10,
    };
    expect(read('x'.repeat(201), limits).findings[0].message).toContain(
      'maxFileBytes',
    );
    const many = read(
      'kind: A\napiVersion: v1\n---\nkind: B\napiVersion: v1\n---\nkind: C\napiVersion: v1\n',
      limits,
    );
    expect(many.objects.map(o => o.kind)).toEqual(['A', 'B']);
    expect(many.findings[0].message).toContain('maxDocuments');
    const deep = read(
      'apiVersion: v1\nkind: A\na: {b: {c: {d: {e: {f: 1}}}}}\n',
      limits,
    );
    expect(deep.objects).toEqual([]);
    expect(deep.findings[0].message).toContain('maxDepth');
  });

  it('reports binary content instead of parsing it, wherever the NUL byte is', () => {
    const binary = [
      '\u0000\u0001PNG',
      // Valid YAML first, a NUL after: js-yaml refuses the whole text.
      'apiVersion: v1\nkind: ConfigMap\n---\n# \u0000\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\u0000}\n',
      // A Helm template (read without js-yaml) with a NUL byte.
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n\u0000\n',
    ];
    for (const text of binary) {
      const result = read(text);
      expect(result.objects).toEqual([]);
      expect(result.findings).toEqual([
        expect.objectContaining({ id: 'manifest-binary', file: 'm.yaml' }),
      ]);
    }
  });

  it('never throws and always gives located findings on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), text => {
        const r = read(text);
        for (const f of r.findings) {
          expect(f.category).toBe('manifest');
          expect(f.file).toBe('m.yaml');
        }
        for (const o of r.objects) expect(o.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on YAML-like fragments (indentation, anchors, braces, document markers)', () => {
    const token = fc.constantFrom(
      'apiVersion: v1\n',
      'kind: Pod\n',
      '---\n',
      '  ',
      '- ',
      '&a ',
      '*a ',
      '{{ ',
      '}}',
      '[',
      ']',
      '{',
      '}',
      ': ',
      '"',
      "'",
      '|\n',
      '#',
      '\r\n',
      '\n',
      'items:\n',
      'kind: List\n',
      'x',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), parts => {
        const r = read(parts.join(''));
        expect(Array.isArray(r.objects)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('handles pathological nesting without overflowing', () => {
    const r = read(
      `apiVersion: v1\nkind: A\nx: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
    );
    expect(r.objects).toEqual([]);
    expect(r.findings).toHaveLength(1);
  });

  it('bounds flow nesting before the full parser, however often it is read (no out-of-memory crash)', () => {
    // 1,000 nested brackets used to exhaust V8's regexp compiler inside the
    // full parser's recursion after a few reads in one process.
    const flow = `${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    for (let i = 0; i < 50; i++) {
      const r = read(flow);
      expect(r.objects).toEqual([]);
      expect(r.findings.map(f => f.id)).toEqual(['manifest-limit-exceeded']);
    }
  });
});

describe('readManifests fast path', () => {
  const snippets = [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n',
    '# comment\n\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {app: d}\nspec:\n  replicas: 2\n',
    'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n',
    'replicaCount: 1\n',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    apiVersion: batch/v1beta1\n    ---\n    kind: CronJob\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dup}\ndata: {a: 1}\ndata: {b: 2}\n',
    '{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "j"}}\n',
    'apiVersion: v1\nkind: [broken\n',
    'base: &b {x: 1}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchored\ndata:\n  <<: *b\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    {{- include "x" . | nindent 4 }}\n',
    'apiVersion: {{ .Values.apiVersion }}\nkind: Deployment\n',
    "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: '{{ local_hostname }}'\n  b: |\n    {{ toYaml . }}\n",
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  cmd: make && make install\n  glob: "*.yaml"\n',
    '{{- if .Values.enabled }}\napiVersion: v1\nkind: Service\n{{- end }}\n',
    '',
    '- just\n- a list\n',
    '# Will *not* fsync\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: "x *y z"\n  b: 1 # &c\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tpl\ndata:\n  template: |\n    host: {{ .host }}\n    {{- if .x }}\n    port: {{ .port }}\n  other: >-\n    {{ y }}\n',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: x # comment |\n  b: {{ .v }}\n',
    'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: a\n    spec:\n      containers:\n      - name: c\n  # between\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: b}\nmetadata: {}\n',
    'apiVersion: v1\nkind: List\nitems: []\n',
    'apiVersion: v1\nkind: List\nitems:\n-\n  apiVersion: v1\n  kind: Pod\n',
    '{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Pod"}]}\n',
    'apiVersion: v1\nkind: Template\nobjects:\n- apiVersion: kubevirt.io/v1alpha3\n  kind: VirtualMachine\n  metadata:\n    name: ${NAME}\n',
  ];
  const separators = ['---\n', '--- # next\n', '---\r\n', '\n---\n\n'];

  it('reads exactly what the full parser reads (objects, lines, findings)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...snippets),
            fc.constantFrom(...separators),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        parts => {
          const text = parts
            .map(([snippet, sep], i) => (i === 0 ? snippet : sep + snippet))
            .join('');
          const files = [{ path: 'p.yaml', content: text }];
          const auto = readManifests(files, DEFAULT_MANIFEST_LIMITS, {
            parser: 'auto',
          });
          const full = readManifests(files, DEFAULT_MANIFEST_LIMITS, {
            parser: 'full',
          });
          const shape = (r: typeof auto) => ({
            objects: r.objects.map(o => [
              o.line,
              o.apiVersion,
              o.kind,
              o.name,
              JSON.stringify(o.body),
            ]),
            findings: r.findings.map(f => [f.id, f.line]),
          });
          expect(shape(auto)).toEqual(shape(full));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('readManifests depth limit on the fast path', () => {
  const limits = {
    maxFileBytes: 1000,
    maxDocuments: 10,
    maxDepth: 4,
    maxAliasCount: 10,
  };
  it('finds deep block nesting and lets shallow documents through', () => {
    const deep = readManifests(
      [
        {
          path: 'd.yaml',
          content: 'apiVersion: v1\nkind: A\na:\n b:\n  c:\n   - - d: 1\n',
        },
      ],
      limits,
    );
    expect(deep.findings[0]?.message).toContain('maxDepth');
    const shallow = readManifests(
      [
        {
          path: 's.yaml',
          content: 'apiVersion: v1\nkind: A\na:\n b: [1, 2]\n',
        },
      ],
      limits,
    );
    expect(shallow.objects).toHaveLength(1);
  });
});

describe('readManifests limits stop reading when they are hit', () => {
  const limits = {
    maxFileBytes: 1024 * 1024,
    maxDocuments: 3,
    maxDepth: 10,
    maxAliasCount: 5,
  };
  const docs = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`,
    ).join('---\n');
  // A broken document past the limit: reading it would report it.
  const BROKEN_TAIL = '---\napiVersion: v1\nkind: [unclosed\n';

  it.each([
    ['plain YAML (fast path)', ''],
    ['YAML with anchors (full parser)', 'x: &a 1\ny: *a\n'],
  ])('reads no document past maxDocuments in %s', (_, anchored) => {
    const r = readManifests(
      [{ path: 'm.yaml', content: anchored + docs(5) + BROKEN_TAIL }],
      limits,
    );
    expect(r.objects.map(o => o.name)).toEqual(['c0', 'c1', 'c2']);
    expect(r.findings.map(f => f.id)).toEqual(['manifest-limit-exceeded']);
    expect(r.findings[0].message).toContain('maxDocuments');
  });

  it('reports a document nesting past maxDepth, and still reads the next one', () => {
    const deep = `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(
      5000,
    )}${']'.repeat(5000)}\n`;
    const r = readManifests(
      [{ path: 'm.yaml', content: `${deep}---\n${docs(1)}` }],
      limits,
    );
    expect(r.findings.map(f => [f.id, f.line])).toEqual([
      ['manifest-limit-exceeded', 1],
    ]);
    expect(r.findings[0].message).toContain('maxDepth');
    expect(r.objects.map(o => o.name)).toEqual(['c0']);
  });

  it('counts aliases before expanding them', () => {
    const aliases = Array.from(
      { length: 8 },
      (_, i) => `  k${i}: &a${i} v${i}\n  l${i}: *a${i}\n`,
    ).join('');
    const r = readManifests(
      [
        {
          path: 'm.yaml',
          content: `apiVersion: v1\nkind: ConfigMap\ndata:\n${aliases}`,
        },
      ],
      limits,
    );
    expect(r.objects).toEqual([]);
    expect(r.findings[0].message).toContain('maxAliasCount');
  });
});

describe('a List larger than a call takes arguments', () => {
  it('is read and evaluated item by item, without overflowing the stack', () => {
    const items = Array.from(
      { length: 130000 },
      (_, i) => `- {name: item${i}}`,
    ).join('\n');
    const result = evaluate({
      manifests: [
        {
          path: 'list.yaml',
          content: `apiVersion: v1\nkind: List\nitems:\n${items}\n`,
        },
      ],
      config: { limits: { ...DEFAULT_MANIFEST_LIMITS, maxFileBytes: 8 << 20 } },
    });
    expect(result.objects).toHaveLength(1);
    expect(
      result.findings.filter(f => f.id === 'manifest-no-kind'),
    ).toHaveLength(130000);
  });
});

describe('readManifests on a large single document', () => {
  const padding = Array.from(
    { length: 4000 },
    (_, i) => `  key${i}: "value ${i}"\n`,
  ).join('');

  it('knows it nests too deep without the full parser, anchors or not', () => {
    const r = readManifests(
      [
        {
          path: 'big.yaml',
          content: `# big\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n big\ndata:\n${padding}  deep: ${'['.repeat(
            200,
          )}${']'.repeat(200)}\n  again: *n\n`,
        },
      ],
      DEFAULT_MANIFEST_LIMITS,
    );
    expect(r.objects).toEqual([]);
    expect(r.findings.map(f => [f.id, f.line])).toEqual([
      ['manifest-limit-exceeded', 2],
    ]);
    expect(r.findings[0].message).toContain('maxDepth');
  });

  it('leaves other js-yaml objections to the full parser, which reads past an unknown tag', () => {
    const r = readManifests(
      [
        {
          path: 'big.yaml',
          content: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: &n big\ndata:\n${padding}  blob: !!binary aGVsbG8=\n  again: *n\n`,
        },
      ],
      DEFAULT_MANIFEST_LIMITS,
    );
    expect(r.objects.map(o => o.name)).toEqual(['big']);
  });
});

describe('readManifests on hostile input', () => {
  // The benchmark's shapes (scripts/hostileInputs.js), mixed and sized by fast-check.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HOSTILE_SHAPES } = require('../../scripts/hostileInputs') as {
    HOSTILE_SHAPES: Array<{
      name: string;
      path: string;
      header: string;
      unit: (i: number) => string;
      footer: string;
    }>;
  };
  const limits = {
    maxFileBytes: 512 * 1024,
    maxDocuments: 40,
    maxDepth: 20,
    maxAliasCount: 10,
  };
  const hostile = fc.record({
    path: fc.constantFrom(...HOSTILE_SHAPES.map(s => s.path)),
    segments: fc.array(
      fc.record({
        shape: fc.integer({ min: 0, max: HOSTILE_SHAPES.length - 1 }),
        repeat: fc.integer({ min: 1, max: 400 }),
        withHeader: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  });
  const text = (
    segments: Array<{ shape: number; repeat: number; withHeader: boolean }>,
  ) =>
    segments
      .map(({ shape, repeat, withHeader }) => {
        const s = HOSTILE_SHAPES[shape];
        const units = Array.from({ length: repeat }, (_, i) => s.unit(i));
        return `${withHeader ? s.header : ''}${units.join('')}${s.footer}`;
      })
      .join('');

  it('never throws and always says what it read: objects or located findings', () => {
    fc.assert(
      fc.property(hostile, ({ path, segments }) => {
        const content = text(segments);
        const lines = content.split('\n').length;
        const r = readManifests([{ path, content }], limits);
        expect(r.objects.length + r.findings.length).toBeGreaterThan(0);
        for (const f of r.findings) {
          expect(f.file).toBe(path);
          // A finding about the whole file (size, binary) may have no line.
          expect(f.line ?? 1).toBeGreaterThanOrEqual(1);
          expect(f.line ?? 1).toBeLessThanOrEqual(lines);
        }
        for (const o of r.objects) {
          expect(o.line).toBeGreaterThanOrEqual(1);
          expect(o.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives the whole engine a result with findings, never an exception', () => {
    fc.assert(
      fc.property(hostile, ({ path, segments }) => {
        const result = evaluate({
          manifests: [{ path, content: text(segments) }],
          config: { limits },
          options: { targets: { k8s: '1.34' } },
        });
        expect(result.findings.length).toBeGreaterThan(0);
        expect(result.schemaVersion).toBe(1);
      }),
      { numRuns: 60 },
    );
  });
});
