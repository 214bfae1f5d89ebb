import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/**
 * The body of every error (RFC 9457 application/problem+json), as problem.filter.ts writes it:
 * `code` for programs, `title` in Vietnamese for people, `detail` for this occurrence. Some
 * codes carry more members, listed here as optional.
 */
@ApiSchema({
  name: 'Problem',
  description: 'application/problem+json (RFC 9457) with a stable `code`; other members may follow the code.',
})
export class ProblemSchema {
  @ApiProperty({ example: 'urn:thads:problem:case.not-found', description: 'urn:thads:problem:<code>' }) type!: string;
  @ApiProperty({ example: 'Không tìm thấy việc', description: 'Vietnamese; the same for every problem of this code' })
  title!: string;
  @ApiProperty({ example: 404 }) status!: number;
  @ApiProperty({ example: 'case.not-found', description: 'Stable: what programs branch on' }) code!: string;
  @ApiProperty({ example: 'case pq-2025-001 not found', description: 'What went wrong this time' }) detail!: string;
  @ApiProperty({ example: '/api/cases/pq-2025-001', description: 'The request path' }) instance!: string;
  @ApiProperty({
    example: '0b6f3c1e-4a1d-4c55-9e57-2f1f0a8d7c3b',
    description: 'The request id, also in the X-Request-Id header and in the log lines',
  })
  requestId!: string;
  @ApiPropertyOptional({ type: [String], description: '`validation`: one line per refused field' }) errors?: string[];
  @ApiPropertyOptional({ type: [String], description: '`case.step-not-allowed`: the steps the case allows now' })
  allowedSteps?: string[];
  @ApiPropertyOptional({ description: "`case.step-not-allowed`: why, in the lifecycle's words" }) reason?: string;
  @ApiPropertyOptional({ description: '`case.step-not-allowed`: the legal basis of the refusal' }) legalBasis?: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '`case.revision-conflict`: the revision the case is at',
  })
  currentRevision?: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '`case.revision-conflict`: the revision the request expected',
  })
  expectedRevision?: number | null;
  @ApiPropertyOptional({
    type: [String],
    description: '`request.method-not-allowed`: the methods served at this path (also in Allow)',
  })
  allow?: string[];
}
