// Parses every ```mermaid block of the Markdown files given (or of docs/ and README.md) with
// Mermaid's own parser, offline, and names the file, line and parser error of each broken one.
// A diagram that does not parse shows on GitHub as raw text instead of a picture.
// Usage: node .ci/diagram-lint/check.mjs [file.md ...]   (from the repository's top folder)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });

const files = process.argv.length > 2 ? process.argv.slice(2)
  : [...readdirSync('docs').filter(f => f.endsWith('.md')).sort().map(f => join('docs', f)), 'README.md'];

let blocks = 0;
let broken = 0;
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```mermaid') continue;
    const start = i + 1;
    const body = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    blocks++;
    try {
      await mermaid.parse(body.join('\n'));
    } catch (e) {
      broken++;
      console.log(`${file}:${start}: this Mermaid diagram does not parse:\n  ${String(e.message ?? e).split('\n').join('\n  ')}`);
    }
  }
}
console.log(`${blocks} Mermaid diagrams in ${files.length} files, ${broken} broken`);
process.exit(broken === 0 ? 0 : 1);
