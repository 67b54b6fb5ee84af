// Network-condition benchmarks (TLS, latency) for one Node implementation.
// usage: node bench/net_node.mjs IMPL PACKAGE_DIR URL SCALE NET
//   IMPL   official | ours | fetch (raw fetch/undici, the same requests)
//   SCALE  1 for the full run (4 s per measurement); smaller for a smoke run
//   NET    a label for the conditions (e.g. "tls+20ms"), copied into the output
// Prints one JSON object per measurement: calls per second and the CPU time
// the whole process spent per call (user + system, all threads, from
// process.cpuUsage()), which is what a worker billed by CPU pays for.
// Over TLS every implementation verifies the sandbox's certificate chain:
// bench/net.sh trusts the sandbox's test CA through NODE_EXTRA_CA_CERTS
// (the official SDK, fetch) and SSL_CERT_FILE (ours).
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const [impl, pkgDir, URL_, scaleText, NET] = process.argv.slice(2);
const SECONDS = 4 * Number(scaleText);
const KEY = 'DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s';

let check;
if (impl === 'fetch') {
  const url = `${URL_}/public/check?username=lilyachty`;
  check = async () => {
    const r = await fetch(url, { headers: { 'X-API-KEY': KEY } });
    return r.json();
  };
} else {
  const require = createRequire(path.join(path.resolve(pkgDir), 'noop.js'));
  const mod = await import(require.resolve('tikapi'));
  const TikAPI = mod.default?.default ?? mod.default;
  const api = TikAPI(KEY);
  api.set({ $options: { base: URL_ } });
  check = async () => {
    const r = await api.public.check({ username: 'lilyachty' });
    return r.json;
  };
}

async function timed(mode, conc) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;
  const worker = async () => {
    let calls = 0;
    do {
      const j = await check();
      if (j?.userInfo?.user?.uniqueId !== 'lilyachty') throw new Error(`unexpected answer: ${JSON.stringify(j).slice(0, 200)}`);
      calls++;
    } while (performance.now() < deadline);
    return calls;
  };
  const counts = await Promise.all(Array.from({ length: conc }, worker));
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(c0);
  const calls = counts.reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify({
      lang: 'node',
      impl,
      bench: `net.${mode}`,
      net: NET,
      concurrency: conc,
      calls,
      per_sec: Math.round((calls / wall) * 10) / 10,
      cpu_ms_per_call: Math.round(((used.user + used.system) / 1000 / calls) * 1000) / 1000,
    }),
  );
}

await check(); // warm: the first connection
await timed('sequential', 1);
for (const conc of [8, 64]) {
  await Promise.all(Array.from({ length: conc }, check)); // warm the pool
  await timed('promises', conc);
}
