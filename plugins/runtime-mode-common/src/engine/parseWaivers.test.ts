import { parseManifestsAnnotation } from './parseManifestsAnnotation';
import { parseWaivers } from './parseWaivers';

const now = new Date('2026-06-01T12:00:00Z');

describe('parseWaivers', () => {
  it('reads a waiver and marks it expired after its day', () => {
    const { waivers, problems } = parseWaivers(
      {
        'runtime-mode.dev/waive.api-deprecated':
          'until=2026-06-01; reason=upgrade planned in Q3',
        'runtime-mode.dev/waive.operations-probes-missing':
          'until=2026-05-31; reason=batch-like',
      },
      now,
    );
    expect(problems).toEqual([]);
    expect(waivers).toEqual([
      {
        ruleId: 'api-deprecated',
        until: '2026-06-01',
        reason: 'upgrade planned in Q3',
        expired: false,
      },
      {
        ruleId: 'operations-probes-missing',
        until: '2026-05-31',
        reason: 'batch-like',
        expired: true,
      },
    ]);
  });

  it('rejects waivers without reason, date, or a known rule', () => {
    const { waivers, problems } = parseWaivers(
      {
        'runtime-mode.dev/waive.api-removed': 'until=2026-12-01',
        'runtime-mode.dev/waive.api-deprecated': 'reason=later',
        'runtime-mode.dev/waive.no-such-rule': 'until=2026-12-01; reason=x',
      },
      now,
    );
    expect(waivers).toEqual([]);
    expect(problems.map(p => p.message)).toEqual([
      expect.stringContaining('reason=... is missing'),
      expect.stringContaining('until=YYYY-MM-DD is missing'),
      expect.stringContaining('unknown rule "no-such-rule"'),
    ]);
  });
});

describe('parseManifestsAnnotation', () => {
  it('splits urls and paths', () => {
    expect(
      parseManifestsAnnotation(
        ' url:https://example.com/a.yaml, ./deploy/*.yaml ,,https://x.test/b.yaml ',
      ),
    ).toEqual([
      { type: 'url', target: 'https://example.com/a.yaml' },
      { type: 'path', target: 'deploy/*.yaml' },
      { type: 'url', target: 'https://x.test/b.yaml' },
    ]);
  });
});
