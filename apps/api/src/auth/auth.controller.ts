import { Body, Controller, ForbiddenException, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessPolicy, AppConfig, describeRights } from '@thads/application';
import { LocalTokens, TOKEN_SECONDS } from './local-tokens';
import { LocalUsers } from '@thads/application';
import { LoginRateLimiter, RateLimited } from './login-rate-limiter';
import { LoginRequest } from './login-request';
import { principalOf } from './principal';
import { refusalLog } from './refusal-log';
import { Unauthenticated } from './unauthenticated';
import { ApiProblems } from '../http/api-problems';
import { LoginResponse, MeResponse } from './auth-responses';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly config: AppConfig,
    private readonly users: LocalUsers,
    private readonly tokens: LocalTokens,
    private readonly limiter: LoginRateLimiter,
    private readonly access: AccessPolicy,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập người dùng cục bộ: { id, password } → { token } (JWT, 15 phút)' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems('validation', 'auth.bad-credentials', 'auth.local-login-disabled', 'auth.rate-limited')
  async login(@Body() body: LoginRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    if (this.config.auth.oidc)
      throw new ForbiddenException({
        code: 'auth.local-login-disabled',
        message: `log in at ${this.config.auth.oidc.issuer}`,
      });
    const address = request.ip ?? 'unknown';
    try {
      this.limiter.hit(body.id, address);
    } catch (error) {
      if (error instanceof RateLimited) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      refusalLog.unauthenticated(request, 'auth.rate-limited', `login attempts for ${body.id}`);
      throw error;
    }
    const user = await this.users.verify(body.id, body.password);
    if (!user) {
      this.limiter.failed(body.id, address);
      refusalLog.unauthenticated(request, 'auth.bad-credentials', `login as ${body.id}`);
      throw new Unauthenticated('auth.bad-credentials', 'wrong id or password');
    }
    this.limiter.succeeded(body.id, address);
    return { token: await this.tokens.issue(user), tokenType: 'Bearer', expiresIn: TOKEN_SECONDS };
  }

  @Get('me')
  @ApiOperation({ summary: 'Tôi là ai và được làm gì (vai trò, đơn vị, phạm vi, căn cứ pháp lý)' })
  @ApiOkResponse({ type: MeResponse })
  async me(@Req() request: Request) {
    const { actor, name, via } = principalOf(request);
    return {
      id: actor.id,
      name,
      role: actor.role,
      unitId: actor.unitId,
      authenticatedBy: via,
      national: await this.access.isNational(actor),
      ...describeRights(actor.role),
    };
  }
}
