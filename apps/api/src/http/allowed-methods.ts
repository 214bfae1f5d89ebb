import type { Request } from 'express';

interface RouteLayer {
  route?: { methods: Record<string, boolean | undefined> };
  match(path: string): unknown;
}

/**
 * The methods the app's router serves at the request's path, HEAD with GET (Express answers it),
 * empty when no route has that path. Nest answers a request no route took with 404; with this
 * the problem filter tells "no such path" (404) from "not with this method" (405 with Allow,
 * RFC 9110 §15.5.6).
 */
export const allowedMethods = (request: Request): string[] => {
  const stack = (request.app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || !layer.match(request.path)) continue;
    for (const [method, served] of Object.entries(layer.route.methods))
      if (served && method !== '_all') methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
};
