// Add one walk per profile to the BullMQ queue, wait until every walk is
// over, write the collected items to a JSONL file and print items/s.
//
//   REDIS_URL=redis://127.0.0.1:6379/0 node run.mjs --profiles 200
//
// The profiles are <prefix>0000, <prefix>0001, ... No API key here: only the
// workers hold it.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUE, REDIS_URL, RETRIES, jobId } from './worker.mjs';

const { values } = parseArgs({
  options: {
    profiles: { type: 'string', default: '200' },
    prefix: { type: 'string', default: 'creator' },
    out: { type: 'string', default: 'results.jsonl' },
    timeout: { type: 'string', default: '3600' },
  },
});
const count = Number(values.profiles);
const usernames = Array.from({ length: count }, (_, i) => `${values.prefix}${String(i).padStart(4, '0')}`);
const run = randomUUID().replaceAll('-', '').slice(0, 12);
const doneKey = `scaleout:${run}:done`;
const itemsKey = `scaleout:${run}:items`;

const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue(QUEUE, { connection });
const start = performance.now();
await queue.addBulk(
  usernames.map((username) => ({
    name: 'walk',
    data: { run, username, resume: null, step: 0 },
    opts: { jobId: jobId(run, username, 0), ...RETRIES },
  })),
);
console.log(`run ${run}: ${usernames.length} walks added`);

let last = -1;
for (;;) {
  const done = await connection.scard(doneKey);
  if (done >= usernames.length) break;
  if ((performance.now() - start) / 1000 > Number(values.timeout)) {
    console.error(`run ${run}: timed out with ${done}/${usernames.length} walks over`);
    process.exit(1);
  }
  if (done !== last && done % 20 === 0) {
    console.log(`run ${run}: ${done}/${usernames.length} walks over, ${await connection.llen(itemsKey)} items`);
    last = done;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const elapsed = (performance.now() - start) / 1000;

// Every line was stored once, by the script that moved its walk on.
const out = createWriteStream(values.out);
const length = await connection.llen(itemsKey);
let total = 0;
for (let first = 0; first < length; first += 10_000) {
  const chunk = await connection.lrange(itemsKey, first, first + 9_999);
  for (const text of chunk) out.write(`${text}\n`);
  total += chunk.length;
}
await new Promise((resolve) => out.end(resolve));
console.log(
  `run ${run}: ${total} items from ${usernames.length} profiles in ${elapsed.toFixed(1)} s: ` +
    `${(total / elapsed).toFixed(1)} items/s -> ${values.out}`,
);
await queue.close();
connection.disconnect();
