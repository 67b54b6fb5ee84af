// A BullMQ worker that collects every post of the profiles it is given:
// `public.check(username)`, then every post through `api.public.posts.items()`.
// A walk is cut into steps of a few pages; each job takes a resume token,
// walks its pages, stores progress after each page and adds the next step
// with the token it returns, so any worker on any machine carries a walk on,
// and a worker killed in the middle of one loses at most the page it was
// reading (its job stalls, BullMQ hands it to another worker, which continues
// from the stored token).
//
// Exactly once: a page's items and the new resume token are stored together
// by one Lua script in Redis (atomic, like MULTI/EXEC) that first checks the
// walk is still at the step the job started from. `run.mjs` writes
// results.jsonl from the list those scripts append to.
//
//   REDIS_URL=redis://127.0.0.1:6379/0 TIKAPI_API_KEY=... node worker.mjs
//
// The API key comes from this process's environment and never goes into a
// job, a result, Redis or the logs.
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import TikAPI from 'tikapi';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379/0';
export const QUEUE = 'scaleout';
const PAGES_PER_JOB = Number(process.env.PAGES_PER_TASK || 2);
// The key's budget, shared by every worker through Redis.
const RATE = Number(process.env.TIKAPI_RATE || 20);
const BURST = Number(process.env.TIKAPI_BURST || 1);
const MAX_IN_FLIGHT = Number(process.env.TIKAPI_MAX_IN_FLIGHT || 4);
// Jobs at once in this process.
const CONCURRENCY = Number(process.env.CONCURRENCY || 1);
// A job whose worker stopped renewing its lock for this long is handed to
// another worker (BullMQ's stalled-job check runs as often).
const LOCK_MS = Number(process.env.LOCK_MS || 30_000);

// KEYS: walk record (hash), items (list), done (set).
// ARGV: step the job started from, new resume token ('' at the end),
// username, then the page's items as JSON lines.
// Returns the new step, or -1 when the walk is no longer at that step.
const COMMIT = `
local step = tonumber(redis.call('HGET', KEYS[1], 'step') or '0')
if step ~= tonumber(ARGV[1]) or redis.call('HGET', KEYS[1], 'done') == '1' then
  return -1
end
local n = #ARGV - 3
if n > 0 then redis.call('RPUSH', KEYS[2], unpack(ARGV, 4)) end
redis.call('HSET', KEYS[1], 'step', step + 1, 'token', ARGV[2], 'handed', '0')
redis.call('HINCRBY', KEYS[1], 'items', n)
if ARGV[2] == '' then
  redis.call('HSET', KEYS[1], 'done', '1')
  redis.call('SADD', KEYS[3], ARGV[3])
end
return step + 1
`;

// KEYS: walk record. ARGV: step. Marks that the job for that step was added.
const HANDED = `
if redis.call('HGET', KEYS[1], 'step') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'handed', '1')
end
return 0
`;

// A job that failed (the service or Redis out of reach) runs again after a
// pause, and goes on from the stored token.
export const RETRIES = { attempts: 6, backoff: { type: 'exponential', delay: 1000 } };

export const keysOf = (run, username) => [
  `scaleout:${run}:walk:${username}`,
  `scaleout:${run}:items`,
  `scaleout:${run}:done`,
];

/** The job id of a walk's step: BullMQ adds a job of an id it holds once. */
export const jobId = (run, username, step) => `${run}.${username}.${step}`;

function client() {
  const api = TikAPI(process.env.TIKAPI_API_KEY);
  const $options = {
    rateLimit: { rate: RATE, burst: BURST, maxInFlight: MAX_IN_FLIGHT, redis: REDIS_URL, name: 'tikapi' },
  };
  api.set(process.env.TIKAPI_SANDBOX_URL ? { $sandbox: true, $options } : { $options });
  return api;
}

const line = (username, item) => JSON.stringify({ profile: username, id: item.id, createTime: item.createTime });

async function main() {
  if (!process.env.TIKAPI_API_KEY) throw new Error('set TIKAPI_API_KEY in the environment');
  const api = client();
  const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
  const store = new IORedis(REDIS_URL);
  store.defineCommand('commitPage', { numberOfKeys: 3, lua: COMMIT });
  store.defineCommand('handed', { numberOfKeys: 1, lua: HANDED });
  const queue = new Queue(QUEUE, { connection });

  /** Walk up to PAGES_PER_JOB pages from the job's step, store each, add the next step. */
  async function walk(job) {
    const { run, username } = job.data;
    const step0 = job.data.step;
    const walkKeys = keysOf(run, username);
    const record = await store.hgetall(walkKeys[0]);
    let step = Number(record.step || 0);
    let resume = job.data.resume ?? null;
    if (record.done === '1') return { username, resume: null, step, status: 'done' };
    // Cannot happen: a step is added after the one before it is stored.
    if (step < step0) return { username, resume, step, status: 'stale' };
    if (step > step0) {
      // The job died after adding its successor: that one carries on.
      if (record.handed === '1') return { username, resume: null, step, status: 'superseded' };
      console.log(`walk ${username}: taking over at step ${step}`);
    }
    // The stored token is the newest: it wins over the job's.
    if (step > 0) resume = JSON.parse(record.token);

    const save = async (batch, token) =>
      Number(await store.commitPage(...walkKeys, step, token ? JSON.stringify(token) : '', username, ...batch));

    let items;
    if (resume == null) {
      const profile = await api.public.check({ username });
      items = api.public.posts.items({ secUid: profile.json.userInfo.user.secUid });
    } else {
      items = api.public.posts.items({}, { resume });
    }
    let batch = [];
    let pageArgs = resume?.args ? JSON.stringify(resume.args) : null;
    let pages = 0;
    for await (const item of items) {
      batch.push(line(username, item));
      const token = items.resumeToken;
      if (token == null) break;
      const args = JSON.stringify(token.args);
      // A page is over when the token points at the next page (no item of it
      // taken), or when the item just taken came from a new page.
      if (token.skip === 0 || (pageArgs !== null && args !== pageArgs)) {
        const next = await save(batch, token);
        if (next < 0) return { username, resume: null, step, status: 'superseded' };
        step = next;
        batch = [];
        pages += 1;
        pageArgs = args;
        console.log(`walk ${username}: step ${step} stored`);
        if (pages >= PAGES_PER_JOB) {
          const data = { run, username, resume: token, step };
          await queue.add('walk', data, { jobId: jobId(run, username, step), ...RETRIES });
          await store.handed(walkKeys[0], step);
          return { username, resume: token, step, status: 'handed' };
        }
      } else if (pageArgs === null) {
        pageArgs = args;
      }
    }
    // The walk is over: the last page's items, and no token.
    if ((await save(batch, null)) < 0) return { username, resume: null, step, status: 'superseded' };
    console.log(`walk ${username}: done`);
    return { username, resume: null, step: step + 1, status: 'done' };
  }

  const worker = new Worker(QUEUE, walk, {
    connection,
    concurrency: CONCURRENCY,
    lockDuration: LOCK_MS,
    stalledInterval: LOCK_MS,
    // A job may be taken over several times before it is given up.
    maxStalledCount: 10,
  });
  worker.on('failed', (job, err) => console.error(`job ${job?.id} failed: ${err.message}`));
  worker.on('error', (err) => console.error(`worker error: ${err.message}`));
  console.log(`worker ${process.pid} ready (concurrency ${CONCURRENCY})`);
  const stop = async () => {
    await worker.close();
    await queue.close();
    store.disconnect();
    connection.disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
