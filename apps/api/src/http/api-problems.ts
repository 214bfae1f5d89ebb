import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ProblemCode, PROBLEMS } from '@thads/application';
import { ProblemSchema } from './problem-schema';

/** A problem code, or `code@status` for a code answered with more than one status (unit.not-found@422). */
export type ProblemRef = ProblemCode | `${ProblemCode}@${number}`;

const parse = (ref: ProblemRef): { code: ProblemCode; status: number } => {
  const [code, status] = ref.split('@') as [ProblemCode, string | undefined];
  const statuses: ReadonlyArray<number> = PROBLEMS[code].status;
  const chosen = status === undefined ? statuses[0] : Number(status);
  if (!statuses.includes(chosen))
    throw new Error(`problem ${code} is never answered with ${chosen} (libs/application/src/problem-catalogue.ts)`);
  return { code, status: chosen };
};

/** The problem responses of `refs` by status, each with one example per code (its code and title). */
export const problemResponses = (refs: ReadonlyArray<ProblemRef>): Map<number, ResponseObject> => {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const { code, status } of refs.map(parse))
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])]);
  return new Map(
    [...byStatus].sort(([a], [b]) => a - b).map(([status, codes]) => [status, problemResponse(status, codes)]),
  );
};

const problemResponse = (status: number, codes: ReadonlyArray<ProblemCode>): ResponseObject => ({
  description: codes.map((code) => `\`${code}\`: ${PROBLEMS[code].title}`).join('; '),
  content: {
    'application/problem+json': {
      schema: { $ref: getSchemaPath(ProblemSchema) },
      examples: Object.fromEntries(
        codes.map((code) => [
          code,
          {
            summary: PROBLEMS[code].title,
            value: {
              type: `urn:thads:problem:${code}`,
              title: PROBLEMS[code].title,
              status,
              code,
              detail: '…',
              instance: '/api/…',
              requestId: '…',
            },
          },
        ]),
      ),
    },
  },
});

/**
 * The 4xx (and 503) problems an operation answers besides those every route shares, by code:
 * `@ApiProblems('validation', 'case.not-found', 'case.step-not-allowed')`. Who may call it
 * (401/403) and how its body is read (400 request.malformed-json, 413, 415) are added to every
 * operation from the route rules and the body parser (openapi.ts), so they are not listed here.
 * One @ApiProblems per operation.
 */
export const ApiProblems = (...refs: ProblemRef[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(ProblemSchema),
    ...[...problemResponses(refs)].map(([status, response]) => ApiResponse({ status, ...response })),
  );
