import { ApiProperty } from '@nestjs/swagger';

// The answers of /api/health as described in OpenAPI (docs/api.md).

export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
}

class ProjectorHealth {
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'Events appended but not yet projected' }) lag!: number;
  @ApiProperty() projectingHere!: boolean;
}

export class HealthDetailsResponse {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty({ example: 'all' }) role!: string;
  @ApiProperty({ example: 'sqlite' }) eventStore!: string;
  @ApiProperty({ example: 'sqlite' }) readStore!: string;
  @ApiProperty({ description: "The log's head position" }) head!: number;
  @ApiProperty({ type: ProjectorHealth }) projector!: ProjectorHealth;
}
