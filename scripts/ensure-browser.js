// Finds the browser an engine's tests run in, or, as root on Debian with none installed, installs
// Debian's package for it with apt (QP_NO_APT=1 forbids that). One entry per engine.
import { spawnSync } from 'node:child_process';
import { findChrome } from '../test/support/find-chrome.mjs';
import { findFirefox } from '../test/support/find-firefox.mjs';

const BROWSERS = {
  chromium: { name: 'Chromium', find: findChrome, envVar: 'CHROME_PATH', aptPackage: 'chromium' },
  firefox: { name: 'Firefox', find: findFirefox, envVar: 'FIREFOX_PATH', aptPackage: 'firefox-esr' },
};

/** The path of the browser for `engine` (`chromium` or `firefox`), or undefined after saying why. */
export function ensureBrowser(engine) {
  const { name, find, envVar, aptPackage } = BROWSERS[engine];
  const found = find();
  if (found) return found;
  if (process.env[envVar]) {
    console.error(`${envVar} is set to ${process.env[envVar]}, which does not exist.`);
    return undefined;
  }
  const mayInstall =
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    process.env.QP_NO_APT !== '1' &&
    spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (mayInstall) {
    console.log(
      `No ${name} found: installing Debian's ${aptPackage} with apt-get (set QP_NO_APT=1 to forbid)…`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', aptPackage], { stdio: 'inherit', env });
    const installed = find();
    if (installed) return installed;
  }
  console.error(
    `No ${name} found for the browser tests.\n` +
      `Point ${envVar} at one, e.g. \`${envVar}=/path/to/browser npm test\`` +
      (process.getuid?.() === 0
        ? ''
        : `, or run as root on Debian to let this script \`apt-get install ${aptPackage}\``) +
      '.',
  );
  return undefined;
}
