import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ruleFor, RouteRule } from './auth/route-rules';
import { problemResponses, ProblemRef } from './http/api-problems';
import { ProblemSchema } from './http/problem-schema';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

/** `/api/cases/{caseId}` as Express matched it (`/api/cases/:caseId`): the key of the route rules. */
export const expressPath = (openApiPath: string): string => openApiPath.replace(/\{([^}]+)\}/g, ':$1');

/**
 * The problems every operation shares, derived from what enforces them so they cannot drift:
 * the route rules (auth/route-rules.ts: a public route answers no 401/403, the others do) and
 * the body parser (http/json-body.ts: an operation with a body can answer 400, 413 and 415).
 */
const sharedProblems = (rule: RouteRule | undefined, hasBody: boolean): ProblemRef[] => [
  ...(rule?.kind === 'public' ? [] : (['auth.token-missing', 'auth.token-invalid', 'auth.token-expired'] as const)),
  ...(rule?.kind === 'public' || rule?.kind === 'authenticated' ? [] : (['forbidden'] as const)),
  ...(hasBody
    ? (['validation', 'request.malformed-json', 'request.too-large', 'request.unsupported-media-type'] as const)
    : []),
  // The guard and the handlers of every protected route read the stores.
  ...(rule?.kind === 'public' ? [] : (['store.unavailable'] as const)),
];

/** Adds problem responses to an operation, merging codes into a status it already declares. */
const addProblems = (operation: OperationObject, refs: ReadonlyArray<ProblemRef>): void => {
  for (const [status, response] of problemResponses(refs)) {
    const existing = operation.responses[status] as ResponseObject | undefined;
    if (!existing?.content?.['application/problem+json']) {
      operation.responses[status] = response;
      continue;
    }
    const media = existing.content['application/problem+json'];
    const added = Object.entries(response.content!['application/problem+json'].examples ?? {}).filter(
      ([code]) => !media.examples?.[code],
    );
    media.examples = { ...media.examples, ...Object.fromEntries(added) };
    existing.description = [
      existing.description,
      ...added.map(([code, example]) => `\`${code}\`: ${(example as { summary: string }).summary}`),
    ].join('; ');
  }
};

/**
 * The API's OpenAPI description, served at /api/docs (JSON at /api/docs-json) and the source of
 * typed clients (docs/api.md). Each operation's success schema and its own problems come from
 * the controllers' decorators; public routes are marked without the lock and the shared problems
 * are added here.
 */
export const openApiDocument = (app: INestApplication): OpenAPIObject => {
  const docs = new DocumentBuilder()
    .setTitle('thads — thi hành án dân sự')
    .setDescription(
      'Event-sourced case lifecycle engine for Vietnamese civil judgment enforcement. Errors are application/problem+json (schema `Problem`) with a stable `code` for programs and a Vietnamese `title` for people.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, docs, { extraModels: [ProblemSchema] });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const rule = ruleFor(method.toUpperCase(), expressPath(path));
      if (rule?.kind === 'public') operation.security = [];
      addProblems(operation, sharedProblems(rule, operation.requestBody !== undefined));
    }
  }
  return document;
};
