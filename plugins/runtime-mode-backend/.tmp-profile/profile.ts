import knexFactory from 'knex';
import { evaluate } from '@internal/plugin-runtime-mode-common';
import { DatabaseEvaluationStore } from '../src/database/DatabaseEvaluationStore';
import { buildPortfolioSummary } from '../src/service/portfolio';
import { portfolioQuerySchema } from '../src/service/schemas';

async function main() {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: '/tmp/rm-profile.sqlite' },
    useNullAsDefault: true,
  });
  await DatabaseEvaluationStore.migrateUp(knex);
  const store = DatabaseEvaluationStore.fromClient(knex);
  if (!(await knex('runtime_mode_evaluations').count({ c: '*' }))[0].c) {
    const result = evaluate({
      manifests: [
        {
          path: 'a.yaml',
          content:
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n',
        },
      ],
      options: { targets: { k8s: '1.34' } },
    });
    for (let b = 0; b < 50; b++) {
      const results = [];
      for (let i = 0; i < 200; i++) {
        const n = b * 200 + i;
        results.push({
          summary: {
            entityRef: `component:default/svc-${n}`,
            namespace: 'default',
            name: `svc-${n}`,
            owner: `group:default/team-${n % 40}`,
            system: `system:default/s-${n % 120}`,
          },
          result,
          inputHash: 'x',
          evaluatedAt: new Date(),
        });
      }
      await store.writeBatch({ results, stale: [], sources: [] });
    }
  }
  const q = portfolioQuerySchema.parse({});
  for (let round = 0; round < 5; round++) {
    let t = performance.now();
    const rows = await store.listRows();
    const t1 = performance.now() - t;
    t = performance.now();
    const since = new Date(Date.now() - 30 * 86400000);
    const hist = await store.listHistorySince(since);
    const t2 = performance.now() - t;
    t = performance.now();
    const refs = new Set(rows.map(r => r.entityRef));
    const visible = rows.filter(r => refs.has(r.entityRef));
    const s = buildPortfolioSummary(visible, hist, q, since);
    const t3 = performance.now() - t;
    t = performance.now();
    const json = JSON.stringify(s);
    const t4 = performance.now() - t;
    console.log(
      `rows ${rows.length} ${t1.toFixed(1)}ms, history ${
        hist.length
      } ${t2.toFixed(1)}ms, summary ${t3.toFixed(1)}ms, json ${
        json.length
      } ${t4.toFixed(1)}ms`,
    );
  }
  await knex.destroy();
}
main();
