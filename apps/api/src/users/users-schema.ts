import { ApiProperty } from '@nestjs/swagger';
import { PERSON_ROLES, USER_ACTIONS } from '@thads/application';

/** An account as the administration page shows it: never a password or its hash. */
export class UserAccountSchema {
  @ApiProperty({ example: 'chv-07' }) id!: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) name!: string;
  @ApiProperty({ enum: PERSON_ROLES }) role!: string;
  @ApiProperty({ example: 'kg-pq' }) unitId!: string;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null }) disabledAt!: string | null;
  @ApiProperty({ example: '2026-11-22T03:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
}

export class UserListSchema {
  @ApiProperty({ example: 'kg' }) unitId!: string;
  @ApiProperty({ type: [UserAccountSchema] }) items!: UserAccountSchema[];
}

/** Who acted on an account (the administrator). */
export class AccountActorSchema {
  @ApiProperty({ example: 'admin-kg' }) id!: string;
  @ApiProperty({ example: 'admin' }) role!: string;
  @ApiProperty({ example: 'kg' }) unitId!: string;
}

export class UserAuditEntrySchema {
  @ApiProperty({ example: '2026-11-22T03:00:00.000Z' }) at!: string;
  @ApiProperty({ type: AccountActorSchema }) actor!: AccountActorSchema;
  @ApiProperty({ enum: USER_ACTIONS }) action!: string;
  @ApiProperty({ example: 'chv-07' }) userId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { from: {}, to: {} } },
    example: { role: { from: 'enforcer', to: 'head' } },
    description: 'Each changed field, before and after; never a password',
  })
  changes!: Record<string, { from: unknown; to: unknown }>;
}

export class UserAuditSchema {
  @ApiProperty({ example: 'chv-07' }) userId!: string;
  @ApiProperty({ type: [UserAuditEntrySchema] }) items!: UserAuditEntrySchema[];
}
