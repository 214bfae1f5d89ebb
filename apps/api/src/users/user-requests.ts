import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ID_PATTERN, MIN_PASSWORD_LENGTH, PERSON_ROLES, PersonRole } from '@thads/application';

// A name has a letter in it; a password is long enough for the login limits (docs/security.md)
// and bounded so that hashing it stays cheap.
const NAME = /\S/;

export class CreateUserRequest {
  @ApiProperty({ example: 'chv-07' }) @Matches(ID_PATTERN) id!: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) @IsString() @Matches(NAME) @MaxLength(200) name!: string;
  @ApiProperty({ enum: PERSON_ROLES, description: "A person's role; never `system`" })
  @IsIn(PERSON_ROLES)
  role!: PersonRole;
  @ApiProperty({ example: 'kg-pq' }) @Matches(ID_PATTERN) unitId!: string;
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description: 'The initial password; never returned' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;
}

export class ChangeUserRequest {
  @ApiPropertyOptional({ example: 'Nguyễn Thị Lan' })
  @IsOptional()
  @IsString()
  @Matches(NAME)
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ enum: PERSON_ROLES }) @IsOptional() @IsIn(PERSON_ROLES) role?: PersonRole;
  @ApiPropertyOptional({ example: 'kg-ab' }) @IsOptional() @Matches(ID_PATTERN) unitId?: string;
}

export class ResetPasswordRequest {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;
}
