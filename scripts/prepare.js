// Brings a fresh clone to a runnable state using nothing but Node and npm: installs the locked
// dependencies when they are missing or older than the lockfile, and builds the SDK.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function ensureDependencies() {
  const marker = 'node_modules/.package-lock.json';
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync('package-lock.json').mtimeMs;
  if (!stale) return;
  console.log('Installing dependencies from package-lock.json (npm ci)…');
  execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

export function build() {
  console.log('Building the SDK (rollup)…');
  execFileSync(npm, ['run', '--silent', 'build'], { stdio: 'inherit' });
}
