// Where the page IIFE's bytes go: each byte of the minified file is laid to the source its source
// map names (a dependency by package, our code by src/ folder), then each group is gzipped on its
// own. Groups compress worse alone than together, so the last column shares out the whole file's
// gzip size in proportion: an estimate that sums to the real total. `npm run size:report [file]`
// after `npm run build`; `--files N` groups by source file instead and prints the N largest.
import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const filesAt = args.indexOf('--files');
const topFiles = filesAt >= 0 ? Number(args.splice(filesAt, 2)[1] ?? 30) : 0;
if (filesAt >= 0 && !(topFiles > 0)) throw new Error('--files takes a positive count, e.g. --files 30');
const file = args[0] ?? 'dist/quiz-proctor.iife.min.js';
const code = readFileSync(file, 'utf8');
const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));

/** The group a source belongs to: a package of node_modules, a folder of src/, or what is left. */
function groupOf(source) {
  if (source === null) return '(unmapped: the lazy loader, wrappers, rollup glue)';
  if (topFiles) return source.replace(/^.*?(node_modules\/|src\/)/, '$1');
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = source.slice(modules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const src = /(?:^|\/)src\/(.*)$/.exec(source);
  if (!src) return source;
  const parts = src[1].split('/');
  return parts.length > 1 ? `src/${parts[0]}/` : `src/${parts[0]}`;
}

// Offsets of each generated line's start, to turn (line, column) into an offset in the file.
const lineStarts = [0];
for (let i = 0; i < code.length; i += 1) if (code[i] === '\n') lineStarts.push(i + 1);

const marks = [];
eachMapping(map, (mapping) => {
  marks.push({
    at: lineStarts[mapping.generatedLine - 1] + mapping.generatedColumn,
    // A mapped segment runs to the next mapping on its line; lines no mapping starts on (the lazy
    // loader's banner) are rollup's own.
    lineEnd: lineStarts[mapping.generatedLine] ?? code.length,
    group: groupOf(mapping.source),
  });
});
marks.sort((a, b) => a.at - b.at);

const text = new Map();
const add = (group, from, to) => {
  if (to > from) text.set(group, (text.get(group) ?? '') + code.slice(from, to));
};
// terser maps every token it keeps from a source, so the last mapping of a line ends with its token:
// what follows it there came from no source (terser minifies the loader's footer onto the last line).
const TOKEN = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|[\w$]+|\S/y;
const tokenEnd = (at) => {
  TOKEN.lastIndex = at;
  return TOKEN.test(code) ? TOKEN.lastIndex : at;
};
let covered = 0;
marks.forEach((mark, i) => {
  add(groupOf(null), covered, mark.at);
  const next = marks[i + 1]?.at ?? code.length;
  covered = next < mark.lineEnd ? next : Math.min(mark.lineEnd, tokenEnd(mark.at));
  add(mark.group, mark.at, covered);
});
add(groupOf(null), covered, code.length);

const totalGzip = gzipSync(code, { level: 9 }).length;
const rows = [...text].map(([group, part]) => ({
  group,
  bytes: Buffer.byteLength(part),
  gzipAlone: gzipSync(part, { level: 9 }).length,
}));
const sumAlone = rows.reduce((sum, row) => sum + row.gzipAlone, 0);
rows.sort((a, b) => b.gzipAlone - a.gzipAlone);

const kB = (bytes) => (bytes / 1000).toFixed(2);
const head = ['group', 'minified kB', 'gzip alone kB', '≈ share of gzip kB'];
const body = rows.map((row) => [
  row.group,
  kB(row.bytes),
  kB(row.gzipAlone),
  kB((totalGzip * row.gzipAlone) / sumAlone),
]);
const widths = head.map((name, i) => Math.max(name.length, ...body.map((row) => row[i].length)));
const line = (cells) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
console.log(`${file}: ${kB(Buffer.byteLength(code))} kB minified, ${kB(totalGzip)} kB gzip (level 9)`);
console.log(line(head));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of topFiles ? body.slice(0, topFiles) : body) console.log(line(row));
