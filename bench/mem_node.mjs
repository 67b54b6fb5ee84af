// Memory per call in flight, and the RSS of an idle client, for one Node implementation.
// usage: node bench/mem_node.mjs IMPL PACKAGE_DIR URL COUNT
//   IMPL   official | ours
//   COUNT  how many calls (promises) to hold in flight at once; one count per
//          process, so each starts from the same idle client
// Every call asks the sandbox to trickle its answer out over a few seconds
// (`X-Sandbox-Fault: slow=MS`), so all are in flight together; RSS is read
// halfway through, when none has finished (the output says how many had).
import path from 'node:path';
import { createRequire } from 'node:module';

const [impl, pkgDir, URL_, countText] = process.argv.slice(2);
const COUNT = Number(countText);
const KEY = 'DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s';
const HOLD_MS = Number(process.env.BENCH_HOLD_MS || 6000); // each answer takes this long
const rssKb = () => Math.round(process.memoryUsage().rss / 1024);
const emit = (bench, fields) => console.log(JSON.stringify({ lang: 'node', impl, bench, ...fields }));

const importKb = rssKb();
const require = createRequire(path.join(path.resolve(pkgDir), 'noop.js'));
const mod = await import(require.resolve('tikapi'));
const TikAPI = mod.default?.default ?? mod.default;
const api = TikAPI(KEY);
api.set({ $options: { base: URL_ } });
await api.public.check({ username: 'lilyachty' });
const idleKb = rssKb();
emit('memory.idle_client', { runtime_kb: importKb, idle_client_kb: idleKb });

// The official SDK shares $options between instances: this one is made last.
const slow = TikAPI(KEY);
slow.set({ $options: { base: URL_, headers: { 'X-Sandbox-Fault': `slow=${HOLD_MS}` } } });
let finished = 0;
const calls = Array.from({ length: COUNT }, () =>
  slow.public.check({ username: 'lilyachty' }).then(() => {
    finished++;
  }),
);
await new Promise((resolve) => setTimeout(resolve, HOLD_MS / 2));
const peak = rssKb();
const before = finished;
await Promise.all(calls);
emit('memory.in_flight', {
  in_flight: COUNT,
  finished_before_reading: before,
  rss_kb: peak,
  per_call_kb: Math.round(((peak - idleKb) / COUNT) * 100) / 100,
});
