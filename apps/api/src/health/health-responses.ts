import { ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';

// The answers of /api/health as described in OpenAPI (docs/api.md).

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
}

/** One terminus indicator: `up` or `down`, and what it measured. */
@ApiSchema({ name: 'HealthIndicator' })
export class HealthIndicator {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiPropertyOptional({ description: 'Why it is down' }) message?: string;
  @ApiPropertyOptional({ description: "eventStore: the log's head position" }) head?: number;
  @ApiPropertyOptional({ description: 'readStore: sqlite or postgres' }) kind?: string;
  @ApiPropertyOptional({ description: 'projector: the position every read model has reached' }) position?: number;
  @ApiPropertyOptional({ description: 'projector: events appended but not yet projected' }) behind?: number;
  @ApiPropertyOptional({
    description: 'projector: how long the oldest event not yet projected has waited (ms); 0 when caught up',
  })
  waitingMs?: number;
  @ApiPropertyOptional({ description: 'projector: past this wait it is `down`' }) limitMs?: number;
  @ApiPropertyOptional({ description: 'projector: whether this process holds the lease and projects' })
  projectingHere?: boolean;
}

const indicators = (description: string) =>
  ({ type: 'object', additionalProperties: { $ref: getSchemaPath(HealthIndicator) }, description }) as const;

class ProjectorHealth {
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'Events appended but not yet projected' }) lag!: number;
  @ApiProperty({ description: 'How long the oldest event not yet projected has waited (ms); 0 when caught up' })
  waitingMs!: number;
  @ApiProperty() projectingHere!: boolean;
}

export class HealthDetailsResponse {
  @ApiProperty({
    enum: ['ok', 'error'],
    description: '`error` when an indicator is down (a store out of reach, the projector too far behind)',
  })
  status!: string;
  @ApiProperty(indicators('The indicators that are up (terminus)')) info!: Record<string, HealthIndicator>;
  @ApiProperty(indicators('The indicators that are down (terminus)')) error!: Record<string, HealthIndicator>;
  @ApiProperty(indicators('Every indicator (terminus)')) details!: Record<string, HealthIndicator>;
  @ApiProperty({ example: 'all' }) role!: string;
  @ApiProperty({ example: 'sqlite' }) eventStore!: string;
  @ApiProperty({ example: 'sqlite' }) readStore!: string;
  @ApiProperty({ description: "The log's head position" }) head!: number;
  @ApiProperty({ type: ProjectorHealth }) projector!: ProjectorHealth;
}
