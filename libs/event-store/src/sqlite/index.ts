// The embedded store alone, for worker threads (rebuild, verify) that must not load the other
// adapters' clients (pg, the EventStoreDB gRPC client) at start.
export * from './sqlite-event-store';
export * from './raw-log-reader';
