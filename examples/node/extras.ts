// What this package adds to the official SDK, typed: auto-pagination, item
// iteration, cancellation with an AbortSignal, streamed saveVideo with
// progress, options and the error discriminant.
// Compile it with tsc (Node 22.6+ can also run it directly with --experimental-strip-types):
//   npx tsc -p bindings-node/tsconfig.json --noEmit false --outDir /tmp/tikapi-extras
//   TIKAPI_SANDBOX_URL=http://127.0.0.1:8710 node /tmp/tikapi-extras/examples/node/extras.js
import TikAPI, { NetworkError, ResponseError, ValidationError, type Response } from 'tikapi';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const api = TikAPI('DemoAPIKeyTokenSeHYGXDfd4SFD320Sc39Asd0Sc39Asd4s');
api.set({ $sandbox: true, $options: { timeout: 10_000, retries: 2 } });

const secUid = 'MS4wLjABAAAAsHntXC3s0AvxcecggxsoVa4eAiT8OVafVZ4OQXxy-9htpnUi0sOYSr0kGGD1Loud';

async function main(): Promise<void> {
  // Every page, then every item, with limits.
  let pages = 0;
  for await (const page of api.public.posts.pages({ secUid }, { maxPages: 10 })) {
    pages++;
    console.log(`page ${pages}: ${page.json.itemList.length} posts`);
  }
  let first: string | undefined;
  let count = 0;
  for await (const item of api.public.posts.items({ secUid })) {
    first ??= item.id as string;
    count++;
  }
  console.log(`${count} posts in all`);

  // A call cancelled by an AbortSignal.
  const controller = new AbortController();
  // (The local sandbox's `slow` fault holds the answer for a minute.)
  const slow = api.public.check({
    username: 'lilyachty',
    signal: controller.signal,
    $options: { headers: { 'X-Sandbox-Fault': 'slow=60000' } },
  });
  setTimeout(() => controller.abort(), 100);
  await slow.then(
    () => console.log('finished before the abort'),
    (err: unknown) => console.log(`cancelled: ${(err as Error).name}`),
  );

  // A streamed, atomic download with progress.
  const video: Response = await api.public.video({ id: first! });
  const dir = mkdtempSync(join(tmpdir(), 'tikapi-example-'));
  try {
    const link: string = video.json.itemInfo.itemStruct.video.downloadAddr;
    const bytes = await video.saveVideo(link, join(dir, 'video.mp4'), {
      progress: (written, total) => process.stdout.write(`\r${written} / ${total ?? '?'} bytes`),
    });
    console.log(`\nsaved ${bytes} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Telling errors apart.
  try {
    await api.public.check({ username: 'doesnotexist' });
  } catch (err) {
    if (err instanceof ValidationError) console.log(`bad ${err.field}: ${err.message}`);
    else if (err instanceof NetworkError) console.log(`network (${err.code}): ${err.message}`);
    else if (err instanceof ResponseError) console.log(`API error ${err.statusCode}: ${err.message} (TikTok code ${err.tiktokCode})`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
