// `npm run openapi`: the web console's API client from the API's own OpenAPI description.
// Builds the app on a throwaway data directory (demo off, nothing listening), writes the
// description to apps/web/src/api/openapi.json and its TypeScript types (openapi-typescript) to
// apps/web/src/api/schema.d.ts. Both are committed; test/e2e/openapi-client.e2e-spec.ts fails
// when they are stale.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { generateClientFiles, CLIENT_FILES } from './openapi-files';

generateClientFiles()
  .then((files) => {
    writeFileSync(CLIENT_FILES.json, files.json);
    writeFileSync(CLIENT_FILES.types, files.types);
    console.log(`wrote ${CLIENT_FILES.json} and ${CLIENT_FILES.types}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
