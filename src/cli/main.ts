// `npx quiz-proctor …`: the package's command (dist/cli.js), for Node 20, not the page.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
