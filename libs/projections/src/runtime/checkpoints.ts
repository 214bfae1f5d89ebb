import type Database from 'better-sqlite3';

/** One row per projection (and one for the case fold): how far it has applied the log. */
export class Checkpoints {
  private readonly get;
  private readonly put;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL)`);
    this.get = db.prepare<[string], { version: number; position: number }>('SELECT version, position FROM projection_checkpoints WHERE name = ?');
    this.put = db.prepare(`INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`);
  }

  read(name: string): { version: number; position: bigint } | undefined {
    const row = this.get.get(name);
    return row && { version: row.version, position: BigInt(row.position) };
  }

  write(name: string, version: number, position: bigint): void {
    this.put.run(name, version, Number(position), new Date().toISOString());
  }

  all(): Array<{ name: string; version: number; position: number; updated_at: string }> {
    return this.db.prepare('SELECT * FROM projection_checkpoints ORDER BY name').all() as never;
  }
}
