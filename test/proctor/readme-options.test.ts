import { expect } from '@esm-bundle/chai';
import { normalizeOptions } from '../../src/proctor/normalize-options.js';

/** The README's options table: each row's option names and their defaults, in order. */
async function readmeOptions(): Promise<Map<string, string>> {
  const readme = await (await fetch('/README.md')).text();
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| option | default |'));
  expect(header, 'the options table').to.be.greaterThan(-1);
  const defaults = new Map<string, string>();
  // A table ends at its first line that is not a row: a blank line splits it in two.
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [names = '', values = ''] = line.split('|').slice(1, 3);
    const options = [...names.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const given = [...values.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    options.forEach((option, i) => defaults.set(option, given[i] ?? values.trim()));
  }
  return defaults;
}

describe('the README options table', () => {
  it('gives the default the code uses for every option with a value default', async () => {
    const table = await readmeOptions();
    const resolved = normalizeOptions({ courseId: 1, quizId: 2 }) as unknown as Record<string, unknown>;
    const valued = Object.entries(resolved).filter(
      ([, value]) => typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value),
    );
    expect(valued.length).to.be.greaterThan(8);
    for (const [option, value] of valued) {
      expect(table.has(option), `${option} is in the table`).to.equal(true);
      expect(JSON.parse(table.get(option)!), option).to.deep.equal(value);
    }
  });
});
