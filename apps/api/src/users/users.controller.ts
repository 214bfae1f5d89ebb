import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AppConfig, Clock, ID_PATTERN, UserAdministration, UserNotFound } from '@thads/application';
import { principalOf } from '../auth/principal';
import { QueryParams } from '../http/query-params';
import { ChangeUserRequest, CreateUserRequest, ResetPasswordRequest } from './user-requests';
import { UserAccountSchema, UserAuditSchema, UserListSchema } from './users-schema';

const PROBLEMS =
  "Problems: 400 `validation`, 401, 403 `forbidden` (no `users.manage`, a unit outside the administrator's scope, or one's own role, unit or account), 404 `user.not-found`";

const userIdOf = (userId: string): string => {
  if (!ID_PATTERN.test(userId)) throw new UserNotFound(userId.slice(0, 100));
  return userId;
};
import { ApiProblems } from '../http/api-problems';

/**
 * The local accounts (embedded mode) for the /quan-tri page; with an identity provider
 * (THADS_OIDC_ISSUER) accounts live there and these routes refuse, as local login does.
 */
@ApiTags('users')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly admin: UserAdministration,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiProblems('validation', 'unit.not-found')
  @ApiOperation({
    summary: 'Danh sách tài khoản của một đơn vị (gồm cấp dưới)',
    description: `\`unitId\` defaults to the administrator's own unit. ${PROBLEMS}, 404 \`unit.not-found\`.`,
  })
  @ApiQuery({ name: 'unitId', required: false })
  @ApiOkResponse({ type: UserListSchema })
  async list(@Query() query: Record<string, unknown>, @Req() request: Request) {
    this.localOnly();
    const q = new QueryParams(query);
    const unitId = q.id('unitId', false);
    q.done();
    const actor = principalOf(request).actor;
    return { unitId: unitId ?? actor.unitId, items: await this.admin.list(actor, unitId ?? actor.unitId) };
  }

  @Post()
  @ApiProblems('validation', 'user.already-exists', 'unit.not-found@422')
  @ApiOperation({
    summary: 'Tạo tài khoản (mã, họ tên, vai trò, đơn vị, mật khẩu ban đầu)',
    description: `The password is never returned. ${PROBLEMS}, 409 \`user.already-exists\`, 422 \`unit.not-found\`.`,
  })
  @ApiCreatedResponse({ type: UserAccountSchema })
  create(@Body() body: CreateUserRequest, @Req() request: Request) {
    this.localOnly();
    return this.admin.create(principalOf(request).actor, body, this.clock.now());
  }

  @Patch(':userId')
  @ApiProblems('validation', 'user.not-found', 'unit.not-found@422')
  @ApiOperation({
    summary: 'Đổi họ tên, vai trò hoặc đơn vị của tài khoản',
    description: `Tokens already issued stop working at once for a new role or unit. Nobody changes their own role or unit. ${PROBLEMS}, 422 \`unit.not-found\`.`,
  })
  @ApiOkResponse({ type: UserAccountSchema })
  change(@Param('userId') userId: string, @Body() body: ChangeUserRequest, @Req() request: Request) {
    this.localOnly();
    return this.admin.change(principalOf(request).actor, userIdOf(userId), body, this.clock.now());
  }

  @Post(':userId/password')
  @ApiProblems('validation', 'user.not-found')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Đặt lại mật khẩu',
    description: `Every token issued before the reset stops working. ${PROBLEMS}.`,
  })
  @ApiBody({ type: ResetPasswordRequest })
  @ApiOkResponse({ type: UserAccountSchema })
  resetPassword(@Param('userId') userId: string, @Body() body: ResetPasswordRequest, @Req() request: Request) {
    this.localOnly();
    return this.admin.resetPassword(principalOf(request).actor, userIdOf(userId), body.password, this.clock.now());
  }

  @Post(':userId/disable')
  @ApiProblems('user.not-found')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Khóa tài khoản: không đăng nhập được, mọi token ngừng hiệu lực ngay',
    description: `Nobody disables their own account. ${PROBLEMS}.`,
  })
  @ApiOkResponse({ type: UserAccountSchema })
  disable(@Param('userId') userId: string, @Req() request: Request) {
    this.localOnly();
    return this.admin.setDisabled(principalOf(request).actor, userIdOf(userId), true, this.clock.now());
  }

  @Post(':userId/enable')
  @ApiProblems('user.not-found')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mở khóa tài khoản (token cũ vẫn không dùng được)', description: `${PROBLEMS}.` })
  @ApiOkResponse({ type: UserAccountSchema })
  enable(@Param('userId') userId: string, @Req() request: Request) {
    this.localOnly();
    return this.admin.setDisabled(principalOf(request).actor, userIdOf(userId), false, this.clock.now());
  }

  @Get(':userId/audit')
  @ApiProblems('user.not-found')
  @ApiOperation({
    summary: 'Nhật ký quản trị của một tài khoản: ai đã làm gì, khi nào',
    description: `From the users_audit table (never a password). ${PROBLEMS}.`,
  })
  @ApiOkResponse({ type: UserAuditSchema })
  async audit(@Param('userId') userId: string, @Req() request: Request) {
    this.localOnly();
    return { userId, items: await this.admin.auditOf(principalOf(request).actor, userIdOf(userId)) };
  }

  private localOnly(): void {
    if (this.config.auth.oidc)
      throw new ForbiddenException({
        code: 'auth.local-login-disabled',
        message: `accounts are managed at ${this.config.auth.oidc.issuer}`,
      });
  }
}
