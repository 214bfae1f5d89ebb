// The store's port: what a reader of the log needs (the contract, its events and options), without
// any adapter. Projections import only this entry (scripts/check-deps.js), so a read model cannot
// come to depend on SQLite, PostgreSQL or EventStoreDB.
export * from './event-store';
// The file rule both embedded databases follow (0700 directory, 0600 file; docs/security.md).
export { preparePrivateFile } from './sqlite/private-file';
