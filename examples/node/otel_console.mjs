// OpenTelemetry sees every request the SDK sends: a walk of three pages under
// an app span prints three CLIENT spans (GET, with the HTTP client semantic
// conventions' attributes and `tikapi.endpoint`) to the console. Nothing
// here is set up for `tikapi`: it picks up the app's global tracer provider,
// context manager and propagator, as HTTP instrumentations do. Run it against
// the local sandbox with
//   TIKAPI_SANDBOX_URL=http://127.0.0.1:8710 node examples/node/otel_console.mjs
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import TikAPI from 'tikapi';

// The app's OpenTelemetry set-up (what @opentelemetry/sdk-node does for you).
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())] });
trace.setGlobalTracerProvider(provider);

const api = TikAPI('DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s');
api.set({ $sandbox: true });

const secUid = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';
await trace.getTracer('app').startActiveSpan('walk three pages', async (span) => {
  let posts = 0;
  for await (const page of api.public.posts.pages({ secUid }, { maxPages: 3 })) posts += page.json.itemList.length;
  span.end();
  console.log(`${posts} posts in 3 pages, each request a span of trace ${span.spanContext().traceId}`);
});
await provider.shutdown();
