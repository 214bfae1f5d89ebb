// Resolves the @thads/* aliases of tsconfig.json inside the compiled dist/ tree at run time,
// so the built app needs no bundler and no extra dependency.
const Module = require('module');
const path = require('path');
const root = path.join(__dirname, '..', 'dist', 'libs');
const aliases = {
  domain: 'domain',
  'event-store': 'event-store',
  projections: 'projections',
  application: 'application',
};
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  // `@thads/x` is the package's main entry; `@thads/x/name` a named one (scripts/check-deps.js).
  const m = /^@thads\/([a-z-]+)(?:\/(.+))?$/.exec(request);
  if (m && aliases[m[1]]) request = path.join(root, aliases[m[1]], 'src', m[2] ?? 'index.js');
  return resolve.call(this, request, ...rest);
};
