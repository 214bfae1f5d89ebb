import { EventEmitter } from 'node:events';
import { Client, ClientConfig } from 'pg';

/**
 * One LISTEN connection per store, outside the pool (a LISTEN needs its session for as long as it
 * listens). It only shortens latency for writers in other processes; subscriptions poll anyway,
 * so a failed or dropped listener is dropped quietly and re-opened by the next subscription.
 */
export class NotifyListener {
  private client?: Client;
  private connecting?: Promise<void>;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly wakeups: EventEmitter,
  ) {}

  /** Resolves once listening, or once the attempt failed (polling then carries on alone). */
  ensure(): Promise<void> {
    if (this.client) return Promise.resolve();
    if (this.connecting) return this.connecting;
    // Bounded, because the subscription waits for this before its first read.
    const client = new Client({ ...this.config, connectionTimeoutMillis: this.config.connectionTimeoutMillis ?? 5000 });
    client.on('error', () => this.drop(client));
    client.on('notification', () => this.wakeups.emit('append'));
    this.connecting = client
      .connect()
      .then(() => client.query(`LISTEN "${this.channel}"`))
      .then(() => {
        this.client = client;
      })
      .catch(() => this.drop(client))
      .finally(() => {
        this.connecting = undefined;
      });
    return this.connecting;
  }

  async close(): Promise<void> {
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private drop(client: Client): void {
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
  }
}
