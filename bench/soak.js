// The delivery soak: minutes of random faults, offline stretches, reloads, closed and reopened tabs
// while events flow, in real Chromium tabs (CPU-throttled if asked) against the Canvas emulator, and
// then a count at the server. Every event a tab recorded must be there; copies of an ambiguous send
// are allowed, and must be exact (same data, same client_timestamp).
//
//   node bench/soak.js [--seconds 120] [--cpu 6] [--tabs 2] [--seed 1]
//
// Needs `npm run build` first (it loads the page bundle, as a quiz page does). Exits 1 on any loss.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { createApp } from '../demo/server/app.js';
import { CHROMIUM_ARGS, findChrome } from '../test/support/find-chrome.mjs';
import { throttle } from '../test/support/cpu-throttle.mjs';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '120' },
    cpu: { type: 'string', default: '1' },
    tabs: { type: 'string', default: '2' },
    seed: { type: 'string', default: String(Date.now() % 100000) },
  },
});
const seconds = Number(args.seconds);
const cpuRate = Number(args.cpu);
const tabCount = Number(args.tabs);
if (!(seconds > 0) || !(cpuRate >= 1) || !(tabCount >= 1)) {
  console.error('usage: node bench/soak.js [--seconds N > 0] [--cpu RATE >= 1] [--tabs N >= 1] [--seed N]');
  process.exit(2);
}

// A small seeded generator, so a failing run can be replayed with its --seed.
let state = Number(args.seed) >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const bundle = await readFile(new URL('../dist/quiz-proctor.iife.min.js', import.meta.url)).catch(() => {
  console.error('dist/quiz-proctor.iife.min.js is missing: run `npm run build` first.');
  process.exit(2);
});
const PAGE = `<!doctype html><meta charset="utf-8"><title>soak</title>
<script src="/soak/quiz-proctor.js"></script>
<script src="/soak/page.js"></script>`;
// The page's side: one proctor configured from the URL; `soak.record(from, count)` records events
// {i} synchronously and returns.
const PAGE_JS = `
const config = JSON.parse(new URLSearchParams(location.search).get('config'));
const proctor = QuizProctor.createProctor(config);
proctor.on('error', (error) => console.log('quiz-proctor error', error.code, error.message));
window.soak = {
  started: proctor.start().then(() => true, (error) => String(error)),
  record(from, count) {
    for (let i = from; i < from + count; i += 1) proctor.record('soak_event', { i });
    return true;
  },
  flush: () => proctor.flush().then(() => 'ok', (error) => error.code || String(error)),
};`;

const app = await createApp({ dbFile: ':memory:', faults: true });
await app.ready();
const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const send = (type, body) => {
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  if (path === '/soak/') return send('text/html', PAGE);
  if (path === '/soak/page.js') return send('text/javascript', PAGE_JS);
  if (path === '/soak/quiz-proctor.js') return send('text/javascript', bundle);
  if (path === '/soak/elsewhere') return send('text/html', '<!doctype html><p>another page');
  return app.routing(req, res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

async function api(method, path, { token, json } = {}) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return text === '' ? undefined : JSON.parse(text.replace(/^while\(1\);/, ''));
}

const fixture = await api('POST', '/__control/fixtures', { json: { timeLimitMinutes: null } });
const started = await api(
  'POST',
  `/api/v1/courses/${fixture.courseId}/quizzes/${fixture.quizId}/submissions`,
  {
    token: fixture.student.token,
    json: { access_code: 'letmein' },
  },
);
const qs = started.quiz_submissions[0];
const eventsPath = `/submissions/${qs.id}/events`;
const config = {
  courseId: fixture.courseId,
  quizId: fixture.quizId,
  auth: { type: 'bearer', token: fixture.student.token },
  submission: { id: qs.id, attempt: qs.attempt, validationToken: qs.validation_token },
  flushIntervalMs: 1000,
  retryBaseDelayMs: 200,
  retryMaxDelayMs: 4000,
  retryAfterMaxMs: 5000,
  capture: { captureSecondTab: false },
};
const pageUrl = `${origin}/soak/?config=${encodeURIComponent(JSON.stringify(config))}`;

const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: CHROMIUM_ARGS,
});
const tally = { recorded: 0, bursts: 0, faults: 0, offline: 0, reloads: 0, closes: 0, navigations: 0 };
let nextI = 0;
const recorded = [];
// What happened, in order, to explain a loss.
const journal = [];
const note = (line) => journal.push(`${String(Date.now() % 1e6).padStart(6)} ${line}`);

async function openTab() {
  const page = await throttle(await browser.newPage(), cpuRate);
  // The SDK's runtime errors (storage trouble above all) go into the journal too.
  page.on('console', (message) => {
    if (message.text().startsWith('quiz-proctor error') && !/network_failed|http_error/.test(message.text()))
      note(`${message.text()} (tab ${tabs.indexOf(page)})`);
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.evaluate(() => window.soak.started);
  return page;
}
const tabs = [];
for (let i = 0; i < tabCount; i += 1) tabs.push(await openTab());

/** Records a burst in a tab; only what the page confirmed recording counts. */
// Which burst each event came from and what followed it, to say where copies come from.
const burstOf = new Map();
const followedBy = new Map();
let burstId = 0;
async function burst(page) {
  burstId += 1;
  const count = 1 + Math.floor(random() * 20);
  const from = nextI;
  nextI += count;
  const ok = await page.evaluate((f, c) => window.soak.record(f, c), from, count).catch(() => false);
  note(`burst ${from}..${from + count - 1} in tab ${tabs.indexOf(page)}${ok ? '' : ' (not confirmed)'}`);
  if (ok) {
    for (let i = from; i < from + count; i += 1) {
      recorded.push(i);
      burstOf.set(i, burstId);
    }
    tally.recorded += count;
    tally.bursts += 1;
  }
  return ok;
}

const FAULTS = [
  () => ({ action: 'status', status: 503, times: 1 + Math.floor(random() * 3) }),
  () => ({ action: 'reset', times: 1 + Math.floor(random() * 2) }),
  () => ({ action: 'reset', afterHandler: true }),
  () => ({ action: 'status', status: 429, headers: { 'Retry-After': String(1 + Math.floor(random() * 3)) } }),
  () => ({ preset: 'rate-limit' }),
  () => ({ action: 'timeout', delayMs: 1000 + Math.floor(random() * 2000) }),
  () => ({ action: 'delay', delayMs: 200 + Math.floor(random() * 800) }),
];

const deadline = Date.now() + seconds * 1000;
while (Date.now() < deadline) {
  const roll = random();
  const index = Math.floor(random() * tabs.length);
  const page = tabs[index];
  if (roll < 0.55) {
    await burst(page);
  } else if (roll < 0.7) {
    const fault = pick(FAULTS)();
    note(`fault ${JSON.stringify(fault)}`);
    await api('POST', '/__control/faults', { json: { path: eventsPath, method: 'POST', ...fault } });
    tally.faults += 1;
  } else if (roll < 0.78) {
    // An offline stretch for every tab, as when the wifi drops.
    for (const tab of tabs) await tab.setOfflineMode(true).catch(() => undefined);
    note('offline');
    await burst(page);
    followedBy.set(burstId, 'offline');
    await sleep(500 + random() * 2500);
    for (const tab of tabs) await tab.setOfflineMode(false).catch(() => undefined);
    note('online');
    tally.offline += 1;
  } else {
    // The tab's last moments: a burst, then 0 to 50 ms later it reloads, closes or navigates away.
    const exit = pick(['reload', 'close', 'navigate']);
    await burst(page);
    const delayMs = pick([0, 5, 50]);
    await sleep(delayMs);
    note(`${exit} tab ${index} ${delayMs} ms after`);
    followedBy.set(burstId, 'exit');
    if (exit === 'reload') {
      await page.reload({ waitUntil: 'load' }).catch(() => undefined);
      await page.evaluate(() => window.soak.started).catch(() => undefined);
      tally.reloads += 1;
    } else {
      if (exit === 'close') await page.close({ runBeforeUnload: true });
      else await page.goto(`${origin}/soak/elsewhere`).then(() => page.close());
      tabs[index] = await openTab();
      tally[exit === 'close' ? 'closes' : 'navigations'] += 1;
    }
  }
  await sleep(random() * 150);
}

// Calm: no faults, online, and every tab flushes until the server has everything.
await api('DELETE', '/__control/faults');
for (const tab of tabs) await tab.setOfflineMode(false).catch(() => undefined);
const dataOf = (event) =>
  typeof event.event_data === 'string' ? JSON.parse(event.event_data) : event.event_data;
const stored = () => app.canvas.store.events.allFor(qs.id).filter((e) => e.event_type === 'soak_event');
const settleDeadline = Date.now() + 60_000;
let events = stored();
while (Date.now() < settleDeadline) {
  for (const tab of tabs) await tab.evaluate(() => window.soak.flush()).catch(() => undefined);
  events = stored();
  const present = new Set(events.map((e) => dataOf(e).i));
  if (recorded.every((i) => present.has(i))) break;
  await sleep(500);
}

const copies = new Map();
for (const event of events) {
  const data = dataOf(event);
  copies.set(data.i, [...(copies.get(data.i) ?? []), JSON.stringify([data, event.client_timestamp])]);
}
const lost = recorded.filter((i) => !copies.has(i));
const copiedBy = {};
for (const [i, c] of copies) {
  if (c.length < 2) continue;
  const cause = followedBy.get(burstOf.get(i)) ?? 'other';
  copiedBy[cause] = (copiedBy[cause] ?? 0) + 1;
}
const inexact = [...copies].filter(([, c]) => new Set(c).size > 1);
const duplicated = [...copies.values()].filter((c) => c.length > 1).length;
const requests = (await api('GET', `/__control/requests?path=${encodeURIComponent(eventsPath)}`)).requests;
const posts = requests.filter((r) => r.method === 'POST');

console.log(
  `soak: ${seconds} s, CPU ×${cpuRate}, ${tabCount} tabs, seed ${args.seed}: ` +
    `${tally.bursts} bursts, ${tally.faults} faults, ${tally.offline} offline stretches, ` +
    `${tally.reloads} reloads, ${tally.closes} closes, ${tally.navigations} navigations; ` +
    `${posts.length} POSTs (${posts.filter((r) => r.status === 204).length} answered 204)`,
);
console.log(
  `soak: ${tally.recorded} events recorded, ${copies.size} distinct at the server, ${lost.length} lost, ` +
    `${duplicated} with copies (${inexact.length} not exact; by what followed their burst: ${JSON.stringify(copiedBy)})`,
);
if (lost.length > 0) {
  console.log(`soak: lost ${JSON.stringify(lost.slice(0, 50))}`);
  console.log(journal.join('\n'));
  console.log(JSON.stringify(posts.map((r) => [r.time % 1e6, r.status, r.durationMs, r.bodySize])));
}
if (inexact.length > 0) console.log(`soak: inexact copies ${JSON.stringify(inexact.slice(0, 5))}`);
const ok = lost.length === 0 && inexact.length === 0;
console.log(ok ? 'soak: PASS' : 'soak: FAIL');
await browser.close();
server.closeAllConnections();
server.close();
await app.close();
process.exitCode = ok ? 0 : 1;
