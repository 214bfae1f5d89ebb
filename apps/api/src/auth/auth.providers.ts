import { Injectable, Logger, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import {
  AccessPolicy,
  AppConfig,
  Clock,
  RegistryUnitScope,
  UnitRegistry,
  UserAdministration,
  UsersAudit,
} from '@thads/application';
import { UnitQueries } from '@thads/projections';
import { ReadDatabase } from '../infrastructure/read-database';
import { AuthController } from './auth.controller';
import { DemoLoginController } from './demo-login.controller';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { ForbiddenLogInterceptor } from './forbidden-log.interceptor';
import { LocalTokens } from './local-tokens';
import { LocalUsers } from '@thads/application';
import { LoginRateLimiter } from './login-rate-limiter';
import { OidcTokens } from './oidc-tokens';
import { loadOrCreateSigningKey } from './signing-key';
import { UsersController } from '../users/users.controller';

/** Says so loudly when requests may name their own actor. */
@Injectable()
class DevActorWarning implements OnApplicationBootstrap {
  constructor(private readonly config: AppConfig) {}
  onApplicationBootstrap() {
    if (this.config.devActor)
      new Logger('Auth').warn(
        'THADS_DEV_ACTOR is on: X-Actor-* headers are believed without a token (development only; set THADS_DEV_ACTOR=0 or NODE_ENV=production)',
      );
  }
}

export const AUTH_CONTROLLERS = [AuthController, UsersController, DemoLoginController];

/** Authentication, the access policy and the global guard (issue 7), wired into AppModule. */
export const AUTH_PROVIDERS: Provider[] = [
  {
    provide: AccessPolicy,
    useFactory: (units: UnitRegistry) => new AccessPolicy(new RegistryUnitScope(units)),
    inject: [UnitRegistry],
  },
  { provide: LocalUsers, useFactory: (read: ReadDatabase) => new LocalUsers(read.store), inject: [ReadDatabase] },
  {
    provide: UserAdministration,
    useFactory: (read: ReadDatabase, users: LocalUsers, access: AccessPolicy, registry: UnitRegistry) =>
      new UserAdministration(users, new UsersAudit(read.store), access, {
        // Strongly consistent, as the access scope is: a unit registered a moment ago may get users.
        exists: async (unitId) => (await registry.find(unitId)) !== undefined,
        subtree: (unitId) => new UnitQueries(read.store).subtree(unitId),
      }),
    inject: [ReadDatabase, LocalUsers, AccessPolicy, UnitRegistry],
  },
  {
    provide: LocalTokens,
    useFactory: (config: AppConfig, clock: Clock) => new LocalTokens(loadOrCreateSigningKey(config.dataDir), clock),
    inject: [AppConfig, Clock],
  },
  { provide: LoginRateLimiter, useFactory: (clock: Clock) => new LoginRateLimiter(clock), inject: [Clock] },
  {
    provide: Authenticator,
    useFactory: (config: AppConfig, local: LocalTokens, users: LocalUsers, clock: Clock) =>
      new Authenticator(config, local, users, config.auth.oidc && new OidcTokens(config.auth.oidc, clock)),
    inject: [AppConfig, LocalTokens, LocalUsers, Clock],
  },
  { provide: APP_GUARD, useClass: AuthGuard },
  { provide: APP_INTERCEPTOR, useClass: ForbiddenLogInterceptor },
  DevActorWarning,
];
