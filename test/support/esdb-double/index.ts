import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, ServerUnaryCall, sendUnaryData, status } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler } from './append';
import { AppendFaults, batchAppendHandler } from './batch-append';
import { EventLog } from './event-log';
import { readHandler } from './read';
import { Subscriptions } from './subscriptions';

export interface EsdbDoubleOptions {
  /** Advertise BatchAppend through ServerFeatures, so the client appends through it (default true). */
  batchAppend?: boolean;
  /** Send `caught_up` to subscriptions, as servers from 23.10 do (default true). */
  caughtUp?: boolean;
  /** Start with a few `$` system events in $all, as a fresh server has (default true). */
  systemEvents?: boolean;
}

export interface EsdbDouble {
  /** `esdb://127.0.0.1:PORT?tls=false`: a single node, so the client does no gossip. */
  readonly connectionString: string;
  readonly log: EventLog;
  /** End every live subscription with UNAVAILABLE; returns how many there were. */
  dropSubscriptions(): number;
  /** The next `count` BatchAppend writes fail with UNAVAILABLE, before they are stored or (afterWrite) after. */
  failAppends(count: number, options?: { afterWrite?: boolean }): void;
  /** The next `count` BatchAppend writes are received and never stored nor answered. */
  leaveAppendsUnanswered(count: number): void;
  /** Subscriptions open now (a dropped one no longer counts). */
  activeSubscriptions(): number;
  /** Append a `$`-typed event, as the server's own bookkeeping does (stats, metadata, users). */
  appendSystemEvent(type?: string): void;
  stop(): Promise<void>;
}

const method = (serviceName: string, methodName: string) =>
  new SupportedMethod().setServiceName(serviceName).setMethodName(methodName);

/** What the client asks first; BatchAppend is used only when listed here. */
const serverFeatures =
  (batchAppend: boolean) =>
  (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => {
    const streams = 'event_store.client.streams.streams';
    const methods = [
      method(streams, 'read'),
      method(streams, 'append'),
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
    ];
    if (batchAppend) methods.push(method(streams, 'batchappend'));
    callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('23.10.0-thads-double'));
  };

const notServed = (name: string) => (_call: unknown, callback: sendUnaryData<never>) =>
  callback({ code: status.UNIMPLEMENTED, details: `the test double does not serve ${name}` });

const json = (value: unknown) => new Uint8Array(Buffer.from(JSON.stringify(value)));

/**
 * An in-process EventStoreDB speaking the v1 gRPC protocol through the client's own service
 * definitions (docs/architecture.md §9), so the adapter is tested through the real client.
 */
export const startEsdbDouble = async (options: EsdbDoubleOptions = {}): Promise<EsdbDouble> => {
  const log = new EventLog();
  const subscriptions = new Subscriptions(log, { caughtUp: options.caughtUp ?? true });
  const appendSystemEvent = (type = '$statsCollected') =>
    void log.append('$stats-thads-double', 'any', [
      { id: randomUUID(), type, contentType: 'application/json', data: json({}), customMetadata: new Uint8Array() },
    ]);
  if (options.systemEvents ?? true) ['$UserCreated', '$ProjectionsInitialized'].forEach(appendSystemEvent);

  const faults: AppendFaults = { count: 0, afterWrite: false, unanswered: 0 };
  const server = new Server();
  server.addService(StreamsService, {
    read: readHandler(log, subscriptions),
    append: appendHandler(log),
    batchAppend: batchAppendHandler(log, faults),
    delete: notServed('Delete'),
    tombstone: notServed('Tombstone'),
  });
  server.addService(ServerFeaturesService, { getSupportedMethods: serverFeatures(options.batchAppend ?? true) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );

  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    dropSubscriptions: () => subscriptions.drop(),
    failAppends: (count, options = {}) => Object.assign(faults, { count, afterWrite: options.afterWrite ?? false }),
    leaveAppendsUnanswered: (count) => {
      faults.unanswered = count;
    },
    activeSubscriptions: () => subscriptions.count,
    appendSystemEvent,
    stop: async () => {
      subscriptions.drop();
      server.forceShutdown();
    },
  };
};
