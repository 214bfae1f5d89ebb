export * from './batch-writer';
export * from './config';
export {
  ConfigurationRejected,
  environmentProblems,
  assertValidEnvironment,
  ENVIRONMENT_SCHEMA,
  TOOLING_VARIABLES,
} from './environment-schema';
export type { ConfigVariable } from './environment-schema';
export * from './canonical-json';
export * from './case-fold';
export * from './case-write-path';
export * from './clock';
export * from './envelope';
export * from './errors';
export * from './hash-chain';
export * from './ids';
export * from './prepare-write';
export * from './unit-registry';
export * from './reorganise-units';
export * from './requests/create-case-request';
export * from './requests/step-descriptions';
export * from './requests/step-field-words';
export * from './requests/step-fields';
export * from './requests/step-request';
export * from './requests/to-command';
export * from './requests/unit-request';
export * from './requests/validate';
export * from './requests/validators';
export * from './problems';
export * from './problem-catalogue';
export * from './import/import-line';
export * from './import/import-runner';
export * from './demo/demo-scenario';
export * from './demo/demo-units';
export * from './demo/demo-users';
export * from './history/case-history';
export * from './history/history-query';
export * from './history/late-recording';
export * from './history/history-csv';
export * from './history/history-html';
export * from './history/anchor-line';
export * from './history/history-rows';
export * from './history/describe-event';
export * from './history/vietnamese-format';
export * from './integrity/chain-verifier';
export * from './integrity/verify-log';
export * from './integrity/verify-ranges';
export * from './integrity/anchors';
export * from './lifecycle/lifecycle-mermaid';
export * from './access/rights';
export * from './access/auth-settings';
export * from './access/forbidden';
export * from './access/unit-scope';
export * from './access/registry-unit-scope';
export * from './access/access-policy';
export * from './calendar-files';
export * from './access/local-users';
export * from './access/users-audit';
export * from './access/user-administration';
export * from './access/password-hash';
export * from './deadlines/deadline-labels';
export * from './deadlines/deadline-csv';
