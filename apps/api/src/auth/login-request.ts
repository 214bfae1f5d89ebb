import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ID_PATTERN } from '@thads/application';

export class LoginRequest {
  @ApiProperty({ example: 'chv-07' }) @Matches(ID_PATTERN) id!: string;
  // Bounded so that a megabyte "password" cannot make each attempt expensive.
  @ApiProperty({ example: 'a long passphrase' }) @IsString() @MinLength(1) @MaxLength(1024) password!: string;
}
