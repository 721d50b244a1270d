/** What a Salesforce route handler sees: the path's parameters, the query string, headers and parsed body. */
export interface SfRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export interface SfReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type SfHandler = (req: SfRequest) => SfReply;

/** `{param}` path patterns; the first registered match wins, so literal segments go first. */
export class SfRouter {
  private readonly routes: {
    method: string;
    segments: string[];
    pattern: string;
    handler: SfHandler;
  }[] = [];

  add(method: string, pattern: string, handler: SfHandler): this {
    this.routes.push({ method, pattern, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** The handler for a path, or which methods the path allows when none matches this one. */
  match(
    method: string,
    path: string,
  ):
    | { handler: SfHandler; params: Record<string, string>; pattern: string }
    | { allowed: string[] } {
    const parts = path.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const route of this.routes) {
      if (route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((seg, i) => {
        if (seg.startsWith('{')) {
          params[seg.slice(1, -1)] = decode(parts[i]!);
          return true;
        }
        return seg === parts[i];
      });
      if (!ok) continue;
      if (route.method === method)
        return { handler: route.handler, params, pattern: route.pattern };
      allowed.push(route.method);
    }
    return { allowed };
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
