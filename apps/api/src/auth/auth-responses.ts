import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@thads/domain';

// The answers of /api/auth/login and /api/me as described in OpenAPI (docs/api.md).

export class LoginResponse {
  @ApiProperty({ description: 'JWT, sent as Authorization: Bearer <token>' }) token!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
}

class StepRight {
  @ApiProperty() step!: string;
  @ApiProperty({ description: 'Legal basis' }) basis!: string;
}

class OtherRight {
  @ApiProperty() right!: string;
  @ApiProperty() basis!: string;
}

export class MeResponse {
  @ApiProperty() id!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ['local-token', 'oidc-token', 'dev-headers'] }) authenticatedBy!: string;
  @ApiProperty({ description: 'Whether the user sees every unit' }) national!: boolean;
  @ApiProperty({ example: 'Chấp hành viên', description: "The role's title" }) title!: string;
  @ApiProperty() basis!: string;
  @ApiProperty({ type: [StepRight] }) steps!: StepRight[];
  @ApiProperty() mayCorrect!: string;
  @ApiProperty({ type: [OtherRight] }) rights!: OtherRight[];
  @ApiProperty() where!: string;
}
