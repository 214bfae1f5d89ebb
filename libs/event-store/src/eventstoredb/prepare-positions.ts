import { Position } from '@eventstore/db-client';

/**
 * Our global position is ESDB's commit position alone (a bigint), but the client needs
 * {commit, prepare} to read or subscribe from a position. For everything written through gRPC the
 * two are equal (gRPC has no explicit transactions, so every event is its own implicit commit), so
 * prepare = commit is assumed; where the server has told us otherwise (old TCP-era transactions,
 * or an append result), the pair we saw is kept here and used instead. Bounded: oldest forgotten.
 */
export class PreparePositions {
  private readonly seen = new Map<bigint, bigint>();

  constructor(private readonly capacity = 10_000) {}

  remember(position: Position): bigint {
    if (position.prepare !== position.commit && !this.seen.has(position.commit)) {
      this.seen.set(position.commit, position.prepare);
      if (this.seen.size > this.capacity) this.seen.delete(this.seen.keys().next().value!);
    }
    return position.commit;
  }

  of(commit: bigint): Position {
    return { commit, prepare: this.seen.get(commit) ?? commit };
  }
}
