#!/usr/bin/env node
// The slowest test files and tests of a jest run, from its `--json --outputFile` report, so that a
// CI log shows where the suite's time goes (and which tests near their bound under load).
//   node scripts/slowest-tests.js jest-results.json [count]
const { readFileSync } = require('fs');
const { relative } = require('path');

const [file, countArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/slowest-tests.js jest-results.json [count]');
  process.exit(2);
}
const count = Number(countArg ?? 15);
const results = JSON.parse(readFileSync(file, 'utf8'));
const root = process.cwd();
const seconds = (ms) => `${(ms / 1000).toFixed(1).padStart(7)} s`;

const files = results.testResults.map((r) => ({
  name: relative(root, r.name),
  ms: r.endTime - r.startTime,
  status: r.status,
  tests: r.assertionResults.length,
}));
const tests = results.testResults.flatMap((r) =>
  r.assertionResults.map((a) => ({
    name: `${relative(root, r.name)} › ${a.fullName}`,
    ms: a.duration ?? 0,
    status: a.status,
  })),
);
const top = (rows) => [...rows].sort((a, b) => b.ms - a.ms).slice(0, count);
const total = files.reduce((n, f) => n + f.ms, 0);
const wall = Math.max(...results.testResults.map((r) => r.endTime)) - results.startTime;

console.log(
  `\nSlowest ${count} test files (of ${files.length}; ${seconds(total).trim()} in all, ${seconds(wall).trim()} from start to last end):`,
);
for (const f of top(files))
  console.log(`${seconds(f.ms)}  ${f.status === 'passed' ? '' : `[${f.status}] `}${f.name} (${f.tests} tests)`);
console.log(`\nSlowest ${count} tests (of ${tests.length}):`);
for (const t of top(tests)) console.log(`${seconds(t.ms)}  ${t.status === 'passed' ? '' : `[${t.status}] `}${t.name}`);
console.log(
  `\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} pending; ${results.numFailedTestSuites} failed files`,
);
