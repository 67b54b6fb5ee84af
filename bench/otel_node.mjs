// What observability costs a Node call: sequential calls and 64 in flight
// against an in-process sandbox, each setting in its own process (a global
// OpenTelemetry provider is set once per process):
//
// - none:     @opentelemetry/api installed, no provider set (the usual case)
// - traced:   tracer and meter providers set (spans to a processor that drops
//             them, metrics to a reader nobody reads)
// - debug:    NODE_DEBUG=tikapi (lines to stderr, sent to /dev/null)
// - channel:  a diagnostics_channel subscriber of tikapi:request:finish
//
//   node bench/otel_node.mjs [calls]     (after npm run build)
//
// Prints one JSON line per setting: calls per second, median of 5 rounds.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SETTINGS = ['none', 'traced', 'debug', 'channel'];
const calls = Number(process.argv[2] || 2000);

if (process.argv[3]) {
  const setting = process.argv[3];
  if (setting === 'traced') {
    const { trace, metrics } = await import('@opentelemetry/api');
    const { BasicTracerProvider } = await import('@opentelemetry/sdk-trace-base');
    const { MeterProvider, PeriodicExportingMetricReader, InMemoryMetricExporter, AggregationTemporality } =
      await import('@opentelemetry/sdk-metrics');
    const drop = { onStart() {}, onEnd() {}, forceFlush: async () => {}, shutdown: async () => {} };
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [drop] }));
    const reader = new PeriodicExportingMetricReader({
      exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE),
      exportIntervalMillis: 3_600_000,
    });
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  }
  if (setting === 'channel') {
    const dc = await import('node:diagnostics_channel');
    dc.subscribe('tikapi:request:finish', () => {});
  }
  const { default: TikAPI } = await import('tikapi');
  const { startSandbox } = await import('tikapi/testing');
  const sandbox = await startSandbox();
  const api = TikAPI('DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s').set({
    $sandbox: true,
    $options: { sandboxBase: sandbox.url },
  });
  for (let i = 0; i < 50; i++) await api.public.check({ username: 'lilyachty' });
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const seq = [];
  const conc = [];
  for (let r = 0; r < 5; r++) {
    let t = performance.now();
    for (let i = 0; i < calls; i++) await api.public.check({ username: 'lilyachty' });
    seq.push(calls / ((performance.now() - t) / 1000));
    t = performance.now();
    let next = 0;
    const lane = async () => {
      while (next++ < calls) await api.public.check({ username: 'lilyachty' });
    };
    await Promise.all(Array.from({ length: 64 }, lane));
    conc.push(calls / ((performance.now() - t) / 1000));
  }
  await sandbox.close();
  console.log(JSON.stringify({ setting, seq_calls_per_s: Math.round(median(seq)), conc64_calls_per_s: Math.round(median(conc)) }));
} else {
  for (const setting of SETTINGS) {
    const env = { ...process.env };
    if (setting === 'debug') env.NODE_DEBUG = 'tikapi';
    const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(calls), setting], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (out.status !== 0) throw new Error(`${setting}: exit ${out.status}`);
    console.log(out.stdout.trim());
  }
}
