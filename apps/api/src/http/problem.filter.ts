import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Problem, problemOf } from '@thads/application';
import { isStoreUnavailable } from '@thads/event-store';

const RETRY_AFTER_SECONDS = 2;

/** A request the pipe refused: 400 `validation` with one line per failed constraint. */
export class ValidationProblem extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
  }
}

/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable `code`; bad input is
 * 4xx and never a stack trace. A store out of reach or busy is a 503 with Retry-After; only an
 * unexpected fault is a 500. Both are logged here with their stack.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(error);
    if (problem.status >= 500) this.logger.error(`${request.method} ${request.url}: ${(error as Error)?.stack ?? String(error)}`);
    if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type('application/problem+json').json({
      type: `urn:thads:problem:${problem.code}`,
      title: problem.title,
      status: problem.status,
      code: problem.code,
      detail: problem.detail,
      instance: request.originalUrl,
      ...problem.extra,
    });
  }

  private toProblem(error: unknown): Problem {
    if (error instanceof ValidationProblem) return { status: 400, code: 'validation', title: 'Dữ liệu không hợp lệ', detail: error.message, extra: { errors: error.errors } };
    const known = problemOf(error);
    if (known) return known;
    if (error instanceof HttpException) return this.fromHttp(error);
    if (isStoreUnavailable(error)) {
      return {
        status: 503, code: 'store.unavailable', title: 'Kho dữ liệu tạm thời không truy cập được',
        detail: 'the store cannot be reached or is busy; repeat the request shortly, with the same Idempotency-Key for a command',
      };
    }
    if (isBodyParserError(error)) {
      const status = error.status ?? 400;
      return { status, code: status === 413 ? 'request.too-large' : 'validation', title: 'Yêu cầu không hợp lệ', detail: error.message };
    }
    return { status: 500, code: 'internal', title: 'Lỗi hệ thống', detail: 'An unexpected error occurred; it has been logged.' };
  }

  private fromHttp(error: HttpException) {
    const status = error.getStatus();
    const body = error.getResponse() as { message?: string | string[]; code?: string } | string;
    const message = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : body.message ?? error.message;
    const code = typeof body === 'object' && body.code ? body.code
      : status === 404 ? 'not-found' : status === 400 ? 'validation' : status === 413 ? 'request.too-large' : status === 403 ? 'forbidden' : status === 401 ? 'unauthorized' : `http.${status}`;
    return { status, code, title: HTTP_TITLES[status] ?? error.name, detail: message };
  }
}

/** Titles in the users' language for the answers Nest and the body parser raise as HttpException. */
const HTTP_TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ', 401: 'Chưa đăng nhập', 403: 'Không có quyền', 404: 'Không tìm thấy',
  409: 'Xung đột với dữ liệu đã ghi', 413: 'Nội dung yêu cầu quá lớn', 415: 'Kiểu nội dung không được hỗ trợ', 422: 'Không thể thực hiện yêu cầu', 429: 'Quá nhiều yêu cầu',
};

const isBodyParserError = (e: unknown): e is { status?: number; message: string; type: string } =>
  typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' && typeof (e as { status?: unknown }).status === 'number';
