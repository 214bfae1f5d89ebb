import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const BODY_LIMIT_BYTES = 256 * 1024;
/** The deepest request the API defines is 4 levels (targets.periods.N.cases); 32 leaves room. */
export const MAX_JSON_DEPTH = 32;
/**
 * Members and elements in all: the largest request the API defines (a case received, with its
 * parties and judgment) has about 25. A wide body of unknown keys under the size limit kept
 * class-validator busy and answered megabytes of errors (README, Measurements behind the design);
 * it stops here first.
 */
export const MAX_JSON_MEMBERS = 1000;

const problem = (status: number, code: string, message: string) => new HttpException({ code, message }, status);

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The one JSON body parser. It reads at most BODY_LIMIT_BYTES (413 past it), then scans the
 * text once for nesting depth (400 past MAX_JSON_DEPTH) before JSON.parse, so that neither the
 * parser nor class-transformer's recursion ever sees a `[[[[…]]]]` body, which held the event
 * loop and answered 500. Wrong content types on a write are 415; text that
 * is not JSON is 400 `request.malformed-json`, told apart from a JSON body that breaks a rule.
 */
export const jsonBody =
  (limit = BODY_LIMIT_BYTES, maxDepth = MAX_JSON_DEPTH) =>
  (request: Request, response: Response, next: NextFunction): void => {
    if (!hasBody(request)) return next();
    const type = (request.headers['content-type'] ?? '').toLowerCase();
    if (!isJson(type)) {
      // GET and the like never read a body: leave it unread, as Express does.
      if (!METHODS_WITH_BODY.has(request.method)) return next();
      return next(problem(415, 'request.unsupported-media-type', 'the body must be application/json (UTF-8)'));
    }
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/.exec(type)?.[1];
    if (charset && charset !== 'utf-8' && charset !== 'utf8')
      return next(problem(415, 'request.unsupported-media-type', `charset ${charset} is not supported: send UTF-8`));
    const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity')
      return next(problem(415, 'request.unsupported-media-type', `content-encoding ${encoding} is not supported`));
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) return refuse(request, next, tooLarge(limit));
    readLimited(request, limit, (error, raw) => {
      if (error) return next(error);
      // Bytes that are not UTF-8 would be stored for good as U+FFFD: refused, not repaired.
      let text: string;
      try {
        text = UTF8.decode(raw!);
      } catch {
        return next(problem(400, 'request.malformed-json', 'the body is not valid UTF-8'));
      }
      const shape = jsonShape(text, maxDepth, MAX_JSON_MEMBERS);
      if (shape) return next(problem(400, 'validation', shape));
      let forbidden: string | undefined;
      try {
        // `__proto__` and its kin are no field of any request: class-transformer drops them silently,
        // so forbidNonWhitelisted never sees them. Refused here, by name, at any depth.
        request.body = JSON.parse(text, (key, value: unknown) => {
          if (PROTOTYPE_KEYS.has(key)) forbidden ??= key;
          return value;
        });
      } catch (e) {
        return next(problem(400, 'request.malformed-json', `the body is not valid JSON: ${(e as Error).message}`));
      }
      if (forbidden) return next(problem(400, 'validation', `property ${forbidden} should not exist`));
      next();
    });
  };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const tooLarge = (limit: number) => problem(413, 'request.too-large', `the body is larger than ${limit} bytes`);

const isJson = (type: string) => /^application\/([\w.-]+\+)?json\s*(;|$)/.test(type);

/** As body-parser's type-is: a body is announced by a length or a chunked transfer. */
const hasBody = (request: Request) =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/** Answer without reading the rest, and close the connection so the client stops sending. */
const refuse = (request: Request, next: NextFunction, error: HttpException) => {
  request.unpipe?.();
  request.resume();
  next(error);
};

const readLimited = (
  request: Request,
  limit: number,
  done: (error: HttpException | Error | undefined, raw?: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (error?: HttpException | Error, raw?: Buffer) => {
    if (finished) return;
    finished = true;
    request.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
    if (error) request.resume();
    done(error, raw);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) return finish(tooLarge(limit));
    chunks.push(chunk);
  };
  const onEnd = () => finish(undefined, Buffer.concat(chunks, size));
  const onError = (error: Error) => finish(problem(400, 'validation', `the body could not be read: ${error.message}`));
  const onAborted = () => finish(problem(400, 'validation', 'the client aborted the request'));
  request.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
};

/**
 * One linear pass over the text: the nesting depth and the number of members outside strings,
 * and a top level that is an object (every request body of the API is one). Returns the
 * problem, or undefined.
 */
export const jsonShape = (text: string, maxDepth: number, maxMembers = MAX_JSON_MEMBERS): string | undefined => {
  let depth = 0;
  let separators = 0;
  let inString = false;
  let first = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (first && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      if (c !== 0x7b) return 'the body must be a JSON object';
      first = false;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return `the body is nested deeper than ${maxDepth} levels`;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && ++separators >= maxMembers)
      return `the body has more than ${maxMembers} fields and elements`;
  }
  return first ? 'the body is empty: send a JSON object' : undefined;
};
