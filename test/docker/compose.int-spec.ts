import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AppConfig, CONFIG_VARIABLES } from '@thads/application';

/** No Docker engine runs here: the compose file is checked against what the app actually reads. */
const compose = parse(readFileSync(join(__dirname, '../../docker/compose.yml'), 'utf8'), { merge: true });
const services = compose.services as Record<
  string,
  { image: string; healthcheck?: { test: unknown }; environment?: Record<string, string> }
>;

/** The values an operator gives the `${NAME:?…}` variables compose requires, as `docker compose` would substitute them. */
const OPERATOR_VALUES: Record<string, string> = {
  THADS_PG_PASSWORD: 'a-long-secret',
  THADS_OIDC_ISSUER: 'https://id.thads.example/realms/thads',
};
const substituted = (env: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      String(value).replace(/\$\{([A-Z_]+):\?[^}]*\}/g, (_, name: string) => OPERATOR_VALUES[name] ?? ''),
    ]),
  );

describe('docker/compose.yml', () => {
  it('has a three-node KurrentDB cluster, PostgreSQL, two API replicas and a projector', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api1',
      'api2',
      'kurrentdb1',
      'kurrentdb2',
      'kurrentdb3',
      'postgres',
      'projector',
    ]);
    for (const n of [1, 2, 3]) expect(services[`kurrentdb${n}`].environment?.KURRENTDB_CLUSTER_SIZE).toBe('3');
  });

  it('pins every image to an exact version', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, service.image]).toEqual([name, expect.stringMatching(/:\d+\.\d+(\.\d+)?(-[a-z0-9]+)?$/)]);
    }
  });

  it('gives every service a health check', () => {
    for (const [name, service] of Object.entries(services))
      expect([name, Array.isArray(service.healthcheck?.test)]).toEqual([name, true]);
  });

  it('configures the app only with variables it reads, with values it accepts', () => {
    for (const name of ['api1', 'api2', 'projector']) {
      const env = substituted(services[name].environment!);
      for (const key of Object.keys(env)) expect(CONFIG_VARIABLES).toContain(key);
      const config = AppConfig.fromEnv(env);
      expect(config.eventStoreKind).toBe('eventstoredb');
      // The read models in the postgres service, which every replica and the projector share.
      expect(config.readStore).toMatch(/^postgres:\/\/thads:.+@postgres:5432\/thads\?schema=thads_read$/);
      expect(config.devActor).toBe(false);
    }
    expect(AppConfig.fromEnv(substituted(services.api1.environment!)).role).toBe('api');
    expect(AppConfig.fromEnv(substituted(services.api2.environment!)).role).toBe('api');
    expect(AppConfig.fromEnv(substituted(services.projector.environment!)).role).toBe('projector');
  });
});
