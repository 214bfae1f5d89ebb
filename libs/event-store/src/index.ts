export * from './event-store';
export * from './sqlite/sqlite-event-store';
export * from './sqlite/append-thread';
export * from './open-event-store';
export * from './sqlite/open-database';
export * from './postgres/postgres-event-store';
export * from './sqlite/schema';
export * from './eventstoredb/eventstoredb-event-store';
