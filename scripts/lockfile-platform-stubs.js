#!/usr/bin/env node
// The npm registry reachable here serves only the platform binaries of this machine
// (linux-x64), so a lockfile written here lacks the entries of the other platforms' optional
// binaries (@swc/core-*, @unrs/resolver-binding-*), and `npm ci` then refuses the lockfile as
// "not in sync". This adds those entries with their os/cpu/libc, which npm ci reads to skip them
// on other platforms. Run it after any `npm install` that rewrites package-lock.json.
const { execFileSync } = require('child_process');
const { readFileSync, writeFileSync } = require('fs');
const { join } = require('path');

const file = join(__dirname, '..', 'package-lock.json');
let missing = '';
try {
  execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts'], { cwd: join(__dirname, '..'), stdio: 'pipe' });
} catch (error) {
  missing = String(error.stderr);
}
const lock = JSON.parse(readFileSync(file, 'utf8'));
let added = 0;
for (const [, name, version] of missing.matchAll(/Missing: (@?[^@\s]+)@(\S*) from lock file/g)) {
  const parent = Object.entries(lock.packages).find(([, p]) => p.optionalDependencies && p.optionalDependencies[name]);
  const exact = version || (parent && parent[1].optionalDependencies[name]);
  const tail = name
    .split('/')
    .pop()
    .replace(/^(core|resolver-binding)-/, '');
  const [os, cpu, abi] = tail.split('-');
  const entry = { version: exact, dev: parent ? parent[1].dev : undefined, optional: true };
  if (os === 'wasm32') entry.cpu = ['wasm32'];
  else {
    entry.os = [os];
    entry.cpu = [cpu];
    if (abi && /^gnu/.test(abi)) entry.libc = ['glibc'];
    if (abi && /^musl/.test(abi)) entry.libc = ['musl'];
  }
  lock.packages[`node_modules/${name}`] = entry;
  added++;
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: ${added} platform entries added`);
