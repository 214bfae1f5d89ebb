import { Injectable } from '@nestjs/common';
import { ProjectorService } from '../infrastructure/projector.service';
import { ReadQueries } from '../infrastructure/read-queries';
import { DeadlineFilter, UnitDeadlineItem } from './deadline-queries';

/** Boards kept: a few inspectors paging at once. */
const ENTRIES = 4;
/** Larger lists are not kept (about 1 kB an item): memory stays bounded whatever the scope. */
const MAX_ITEMS = 100_000;

/**
 * The board's pages, its CSV and its chart ask for the same evaluation again and again, and each
 * evaluation reads and evaluates every case in scope, seconds for a province (README,
 * Measurements behind the design). The evaluated list of one unit, day and enforcer is kept, keyed by
 * the position the read models had reached, so that nothing newer is ever hidden: a projected
 * event changes the key. Status and rule filters apply to the kept list.
 */
@Injectable()
export class DeadlineBoardCache {
  private readonly kept = new Map<string, Promise<UnitDeadlineItem[]>>();

  constructor(
    private readonly queries: ReadQueries,
    private readonly projector: ProjectorService,
  ) {}

  async list(filter: DeadlineFilter): Promise<UnitDeadlineItem[]> {
    const { unitId, asOf, enforcerId } = filter;
    const key = JSON.stringify([unitId, asOf, enforcerId ?? null, (await this.projector.position()).toString()]);
    let items = this.kept.get(key);
    if (!items) {
      const evaluated = this.queries.deadlines.list({ unitId, asOf, enforcerId });
      items = evaluated;
      this.kept.set(key, evaluated);
      while (this.kept.size > ENTRIES) this.kept.delete(this.kept.keys().next().value!);
      evaluated.then(
        (all) => {
          if (all.length > MAX_ITEMS) this.kept.delete(key);
        },
        () => this.kept.delete(key),
      );
    }
    return (await items).filter(
      (d) => (!filter.statuses || filter.statuses.includes(d.status)) && (!filter.rule || d.rule === filter.rule),
    );
  }
}
