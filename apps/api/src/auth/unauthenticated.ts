import { HttpException } from '@nestjs/common';

export type AuthProblem = 'auth.token-missing' | 'auth.token-invalid' | 'auth.token-expired' | 'auth.bad-credentials';

/** 401: no identity, or one that cannot be trusted. The problem filter keeps the code. */
export class Unauthenticated extends HttpException {
  constructor(
    readonly code: AuthProblem,
    detail: string,
  ) {
    super({ message: detail, code }, 401);
  }
}
