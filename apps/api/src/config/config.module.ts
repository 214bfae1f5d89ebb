import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig, assertValidEnvironment } from '@thads/application';

/**
 * @nestjs/config's `validate` hook: the schema of libs/application/src/environment-schema.ts,
 * which the CLI applies too. An unknown THADS_* variable or a malformed value throws
 * ConfigurationRejected naming each one, before Nest builds anything (main.ts prints it).
 */
export const validateEnvironment = (env: Record<string, unknown>): Record<string, unknown> => {
  assertValidEnvironment(env);
  return env;
};

/**
 * The typed AppConfig every provider injects. `npm start` reads it from the process environment
 * through ConfigModule (no .env file: docs/architecture.md §9); the tests hand over an AppConfig
 * they built with AppConfig.fromEnv, which has been through the same schema.
 */
@Global()
@Module({})
export class AppConfigModule {
  static async forRoot(given?: AppConfig): Promise<DynamicModule> {
    const nestConfig = await ConfigModule.forRoot({
      ignoreEnvFile: true,
      cache: true,
      validate: validateEnvironment,
      // A config built by the caller has been validated; the test runner's own environment is not the app's.
      validatePredefined: given === undefined,
    });
    return {
      module: AppConfigModule,
      imports: [nestConfig],
      providers: [{ provide: AppConfig, useFactory: () => given ?? AppConfig.fromEnv(process.env) }],
      exports: [AppConfig],
    };
  }
}
