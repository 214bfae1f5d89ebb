// `npm run openapi`: the web console's API client from the API's own OpenAPI description.
// Builds the app on a throwaway data directory (demo off, nothing listening), writes the
// description to apps/web/src/api/openapi.json and its TypeScript types (openapi-typescript) to
// apps/web/src/api/schema.d.ts. Both are committed. With --check it writes nothing and fails
// when they differ from what it would write (test/e2e/openapi-client.e2e-spec.ts runs that).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generateClientFiles, CLIENT_FILES } from './openapi-files';

const check = process.argv.includes('--check');

generateClientFiles()
  .then((files) => {
    const wanted: Array<[string, string]> = [
      [CLIENT_FILES.json, files.json],
      [CLIENT_FILES.types, files.types],
    ];
    if (check) {
      const stale = wanted
        .filter(([file, text]) => readFileSync(file, 'utf8') !== text)
        .map(([file]) => relative(process.cwd(), file));
      if (stale.length) {
        console.error(`stale: ${stale.join(', ')}; regenerate with \`npm run openapi\` and commit them`);
        process.exit(1);
      }
      console.log('the web console API client is up to date');
      return;
    }
    for (const [file, text] of wanted) writeFileSync(file, text);
    console.log(`wrote ${wanted.map(([file]) => relative(process.cwd(), file)).join(' and ')}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
