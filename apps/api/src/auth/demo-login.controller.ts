import { Body, Controller, Get, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AppConfig, DEMO_USERS, demoUnitName, ID_PATTERN, LocalUsers } from '@thads/application';
import { demoLoginEnabled } from './demo-login';
import { LocalTokens, TOKEN_SECONDS } from './local-tokens';
import { ApiProblems } from '../http/api-problems';

export class DemoLoginRequest {
  @ApiProperty({ example: 'chv-kg-pq-1' }) @Matches(ID_PATTERN) id!: string;
}

export class DemoUser {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() unitName!: string;
}

export class DemoUsers {
  @ApiProperty({ type: [DemoUser] }) users!: DemoUser[];
}

export class AuthOptions {
  @ApiProperty({ description: 'Local users log in with a password (off when an OIDC issuer is configured)' })
  local!: boolean;
  @ApiProperty({
    nullable: true,
    type: Object,
    description: '{ issuer } when tokens come from an OpenID Connect issuer',
  })
  oidc!: { issuer: string } | null;
  @ApiProperty({ description: 'The demo users may be picked without a password (development with demo data only)' })
  demo!: boolean;
}

export class LoginAnswer {
  @ApiProperty() token!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: string;
  @ApiProperty({ example: TOKEN_SECONDS }) expiresIn!: number;
}

/** How the console's login page offers to log in, and the demo login of development mode. */
@ApiTags('auth')
@Controller('api/auth')
export class DemoLoginController {
  constructor(
    private readonly config: AppConfig,
    private readonly users: LocalUsers,
    private readonly tokens: LocalTokens,
  ) {}

  @Get('options')
  @ApiOkResponse({ type: AuthOptions })
  @ApiOperation({ summary: 'Các cách đăng nhập: người dùng cục bộ, OIDC, người dùng mẫu (chế độ phát triển)' })
  options(): AuthOptions {
    const oidc = this.config.auth.oidc;
    return { local: !oidc, oidc: oidc ? { issuer: oidc.issuer } : null, demo: demoLoginEnabled(this.config) };
  }

  @Get('demo-users')
  @ApiOkResponse({ type: DemoUsers })
  @ApiProblems('auth.demo-login-off')
  @ApiOperation({ summary: 'Người dùng mẫu để chọn khi đăng nhập (chỉ chế độ phát triển với dữ liệu mẫu)' })
  async demoUsers(): Promise<DemoUsers> {
    this.requireDemo();
    const users: DemoUser[] = [];
    for (const demo of DEMO_USERS) {
      const user = await this.users.find(demo.id);
      if (user) users.push({ ...user, unitName: demoUnitName(user.unitId) });
    }
    return { users };
  }

  @Post('demo-login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginAnswer })
  @ApiProblems('validation', 'auth.demo-login-off', 'auth.demo-user-not-found')
  @ApiOperation({
    summary: 'Đăng nhập bằng người dùng mẫu, không cần mật khẩu (chỉ chế độ phát triển với dữ liệu mẫu)',
  })
  async demoLogin(@Body() body: DemoLoginRequest): Promise<LoginAnswer> {
    this.requireDemo();
    // Only the demo's own people: a real user's account is never opened without its password.
    const user = DEMO_USERS.some((u) => u.id === body.id) ? await this.users.find(body.id) : undefined;
    if (!user)
      throw new NotFoundException({ code: 'auth.demo-user-not-found', message: `${body.id} is not a demo user` });
    return { token: await this.tokens.issue(user), tokenType: 'Bearer', expiresIn: TOKEN_SECONDS };
  }

  private requireDemo(): void {
    if (!demoLoginEnabled(this.config)) {
      throw new NotFoundException({
        code: 'auth.demo-login-off',
        message:
          'the demo login exists only in development mode with demo data (THADS_DEMO, THADS_DEV_ACTOR, not NODE_ENV=production)',
      });
    }
  }
}
