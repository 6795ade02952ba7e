// How long the SQL lineage analysis takes per script of the hand-checked corpus
// (server/src/lineage/corpus): prints the median, p95 and slowest time over several rounds.
// A figure to watch, not a test: the corpus tests check what the analysis finds.
//
//   npx tsx bench/lineage.bench.ts
//
// Environment (optional): WEIR_BENCH_ROUNDS (5), how often the whole corpus is analysed.
import { analyzeLineage } from '../server/src/lineage/lineage-analyzer.js';
import { readCorpus } from '../server/src/lineage/lineage-corpus.js';

const rounds = Number(process.env.WEIR_BENCH_ROUNDS ?? 5);
const corpus = readCorpus();

const coldStart = performance.now();
analyzeLineage(corpus[0]!.sql); // the parser's first call builds its DFA caches
const coldMs = performance.now() - coldStart;

const times: number[] = [];
const slowest = new Map<string, number>();
for (let round = 0; round < rounds; round++) {
  for (const c of corpus) {
    const start = performance.now();
    analyzeLineage(c.sql);
    const ms = performance.now() - start;
    times.push(ms);
    slowest.set(c.name, Math.max(slowest.get(c.name) ?? 0, ms));
  }
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
const worst = [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 3);

console.log(`lineage analysis: ${corpus.length} scripts x ${rounds} rounds`);
console.log(`  first call (builds the parser's caches): ${coldMs.toFixed(1)} ms`);
console.log(`  per script: median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
console.log(`  slowest scripts: ${worst.map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(', ')}`);
