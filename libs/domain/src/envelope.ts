import { LocalDate } from './local-date';

/** Who may act is decided at the edge; the roles come from the law (docs/domain.md §1 glossary). */
export const ROLES = ['enforcer', 'head', 'auditor', 'inspector', 'statistician', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role;
  unitId: string;
}

/** docs/architecture.md §4: the metadata every stored event carries. */
export interface EventMetadata {
  schemaVersion: number;
  on: LocalDate;
  recordedAt: string;
  actor: Actor;
  commandId: string;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
  /** sha-256 of the canonical command an idempotency key came with, to tell a reused key apart. */
  requestHash?: string;
  prevHash: string;
  hash: string;
}
