// What the delivery bench (run.js) and the capture bench (capture-run.js) share: statistics, table
// printing, and the CPU-profile summary mapped back to the TypeScript sources.
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createApp } from '../demo/server/app.js';

export const sorted = (values) => Float64Array.from(values).sort();
/** The q-quantile of already sorted values (nearest rank). */
export const quantile = (ordered, q) =>
  ordered.length === 0
    ? NaN
    : ordered[Math.min(ordered.length - 1, Math.max(0, Math.ceil(q * ordered.length) - 1))];
export const median = (values) => quantile(sorted(values), 0.5);
export const sum = (values) => values.reduce((a, b) => a + b, 0);

/** A figure for a table, with fewer decimals as it grows; strings pass through. */
export function fmt(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '∞';
  const abs = Math.abs(value);
  const d = abs >= 1000 ? 0 : abs >= 100 ? Math.min(digits, 0) : abs >= 10 ? Math.min(digits, 1) : digits;
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(headers, rows) {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => String(row[i]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
      .join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** `file:line` in the sources for a 0-based position in the bundle, through its source map. */
export function locatorFor(sourceMap) {
  const map = new TraceMap(sourceMap);
  return (line, column) => {
    const found = originalPositionFor(map, { line: line + 1, column });
    if (found.source === null) return undefined;
    const file = found.source.replace(/^(\.\.\/)+/, '').replace(/^.*?\b(src|bench|node_modules)\//, '$1/');
    return `${file}:${found.line}`;
  };
}

/**
 * Where a CPU profile's busy time goes: self time by function, and inclusive time by function of
 * ours (src/), for frames of `bundleName`, located through `locate`.
 */
export function summarizeProfile(profile, locate, { bundleName, top = 12, skip = ['(idle)'] }) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (node) => {
    const frame = node.callFrame;
    const where = frame.url.endsWith(bundleName) ? locate(frame.lineNumber, frame.columnNumber) : undefined;
    return `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
  };
  const self = new Map();
  const inclusive = new Map();
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = byId.get(profile.samples[i]);
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (skip.includes(node.callFrame.functionName)) continue;
    busy += dt;
    self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const name = nameOf(byId.get(id));
      if (!name.includes(' src/') || seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    }
  }
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / busy }));
  return { busyMs: busy / 1000, self: rank(self), inclusive: rank(inclusive) };
}

/**
 * The Canvas emulator behind a front handler that serves the bench page and its bundle on the same
 * origin (as Canvas serves its quiz page), cross-origin isolated so performance.now() steps by 5 µs
 * instead of 100 µs. `onApiRequest(req, res, path)` sees every other request before the emulator.
 */
export async function startBenchServer({ bundleDir, bundleName, title, head = '', onApiRequest }) {
  const app = await createApp({ dbFile: ':memory:', faults: true });
  await app.ready();
  const page = `<!doctype html><meta charset="utf-8"><title>${title}</title>${head}
<script type="module" src="/__bench/${bundleName}"></script>`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/__bench/') {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      res.end(page);
      return;
    }
    if (path.startsWith(`/__bench/${bundleName}`)) {
      readFile(join(bundleDir, path.slice('/__bench/'.length))).then(
        (body) => {
          res.writeHead(200, {
            'Content-Type': 'text/javascript; charset=utf-8',
            'Cache-Control': 'no-store',
          });
          res.end(body);
        },
        () => {
          res.writeHead(404);
          res.end();
        },
      );
      return;
    }
    onApiRequest?.(req, res, path);
    app.routing(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.close();
  };
  return { origin, close };
}
