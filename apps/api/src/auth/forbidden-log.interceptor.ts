import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { Forbidden } from '@thads/application';
import { refusalLog } from './refusal-log';

/** The write path refuses a step after folding the case: log it like the guard's refusals. */
@Injectable()
export class ForbiddenLogInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof Forbidden && context.getType() === 'http')
          refusalLog.forbidden(context.switchToHttp().getRequest<Request>(), error);
        return throwError(() => error);
      }),
    );
  }
}
