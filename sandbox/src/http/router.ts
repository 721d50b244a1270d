import type { Reply } from '../wire.js';

export interface RequestContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The route's pattern, e.g. `POST /crm/v3/objects/{objectType}/search`. */
  route: string;
}

export type Handler = (ctx: RequestContext) => Reply;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
}

/** Path patterns with `{param}` segments; the first registered match wins, so literals go first. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, segments: split(pattern), handler });
    return this;
  }

  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = route.segments[i]!;
        const part = parts[i]!;
        if (seg.startsWith('{')) params[seg.slice(1, -1)] = safeDecode(part);
        else ok = seg === part;
      }
      if (ok) return { route, params };
    }
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
