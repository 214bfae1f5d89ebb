#!/usr/bin/env node
// The dependency rule of docs/architecture.md §2, checked on every test run:
//   libs/domain imports only xstate (and itself); no lib imports an app; event-store knows no
//   read model; projections reach the store only through its port. Prints each violation.
const { readdirSync, readFileSync, statSync } = require('fs');
const { join, relative } = require('path');

const root = join(__dirname, '..');
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
});
const imports = (file) => [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);

const rules = [
  {
    dir: 'libs/domain',
    allowed: (spec) => spec === 'xstate' || spec.startsWith('.'),
    why: 'libs/domain may import only xstate',
    bannedText: [/process\.env/, /new Date\(\)/, /Date\.now\(\)/, /Math\.random\(/],
  },
  { dir: 'libs/event-store', allowed: (spec) => !/^@thads\/(application|projections)$/.test(spec) && !spec.includes('apps/'), why: 'the event store knows no read model nor the application' },
  { dir: 'libs/projections', allowed: (spec) => spec !== '@thads/application' && !spec.includes('apps/'), why: 'projections depend on the domain and the store port only' },
  { dir: 'libs/application', allowed: (spec) => spec !== '@thads/projections' && !spec.includes('apps/'), why: 'the write path knows no read model' },
];

const violations = [];
for (const rule of rules) {
  for (const file of files(join(root, rule.dir))) {
    const rel = relative(root, file);
    for (const spec of imports(file)) {
      if (rule.dir === 'libs/domain' && spec.startsWith('.') && !join(file, '..', spec).startsWith(join(root, 'libs/domain'))) {
        violations.push(`${rel}: imports ${spec} outside libs/domain`);
      } else if (!rule.allowed(spec)) violations.push(`${rel}: imports ${spec} (${rule.why})`);
    }
    if (rule.bannedText && !rel.endsWith('.spec.ts')) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of rule.bannedText) if (pattern.test(text)) violations.push(`${rel}: uses ${pattern} (the domain reads no clock, env or randomness)`);
    }
  }
}
if (violations.length) {
  console.error(`Dependency rule broken (docs/architecture.md §2):\n  ${violations.join('\n  ')}`);
  process.exit(1);
}
console.log(`dependency rule: ok (${rules.map((r) => r.dir).join(', ')})`);
