// Lets a child process (a test's, a worker thread, a development script) run TypeScript sources directly: .ts files are compiled
// with swc (the same options as jest.config.js) and @thads/* resolve to libs/*/src.
const Module = require('module');
const path = require('path');
const { transformSync } = require('@swc/core');

const root = path.join(__dirname, '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@thads\/(domain|event-store|projections|application)(?:\/(.+))?$/.exec(request);
  return resolve.call(this, m ? path.join(root, 'libs', m[1], 'src', m[2] ?? 'index.ts') : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const source = require('fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
