// Times RemitService.answer in a plain Node process. Jest runs tests inside a vm sandbox whose
// global object is intercepted, which slows MiniSearch's hot loops several-fold; timing there would
// measure Jest, not the bot. TypeScript is compiled on the fly with the same swc settings as Jest.
//
// Usage: node time-queries.js <questions.json> <rounds>   -> prints {"meanMs": ..., "queries": ...}
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const root = path.resolve(__dirname, '../../../..');
const { KnowledgeBase } = require(path.join(root, 'src/features/remit/domain/knowledge-base.ts'));
const { RemitService } = require(path.join(root, 'src/features/remit/remit-service.ts'));

const questions = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const rounds = Number(process.argv[3] ?? 20);
const service = new RemitService(KnowledgeBase.loadFromDirectory());

for (let i = 0; i < 3; i += 1) for (const q of questions) service.answer(q); // let the JIT settle
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i += 1) for (const q of questions) service.answer(q);
const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ meanMs: elapsedMs / (rounds * questions.length), queries: rounds * questions.length }));
