import type { Route } from "../routes/route";

export type RouteMatch =
  | { kind: "found"; route: Route; values: Map<string, string[]> }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "none" };

function matchPath(
  pattern: string[],
  segments: string[],
  constraints: Record<string, RegExp> = {},
): Map<string, string[]> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const values = new Map<string, string[]>();
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] ?? "";
    if (part.startsWith("{")) {
      const name = part.slice(1, -1).toLowerCase();
      if (segment === "" || constraints[name]?.test(segment) === false) return undefined;
      values.set(name, [segment]);
    } else if (part.toLowerCase() !== segment.toLowerCase()) {
      return undefined;
    }
  }
  return values;
}

/**
 * Literal segments match case-insensitively; literal routes win over parameterised ones, and of
 * two routes parameterised at the same place, the one with more literal segments wins
 * (`project/milestone/{id}/task` over `project/milestone/{year}/{month}`).
 */
export class Router {
  private readonly routes: { route: Route; pattern: string[] }[];

  constructor(routes: Route[]) {
    const literals = (pattern: string[]) => pattern.filter((part) => !part.startsWith("{")).length;
    const firstParameter = (pattern: string[]) => {
      const index = pattern.findIndex((part) => part.startsWith("{"));
      return index < 0 ? pattern.length : index;
    };
    this.routes = routes
      .map((route) => ({ route, pattern: route.path.split("/") }))
      .sort(
        (a, b) =>
          firstParameter(b.pattern) - firstParameter(a.pattern) || literals(b.pattern) - literals(a.pattern),
      );
  }

  match(method: string, segments: string[]): RouteMatch {
    const allowed = new Set<string>();
    for (const { route, pattern } of this.routes) {
      const values = matchPath(pattern, segments, route.constraints);
      if (!values) continue;
      if (route.method === method) return { kind: "found", route, values };
      allowed.add(route.method);
    }
    return allowed.size > 0 ? { kind: "wrong-method", allowed: [...allowed] } : { kind: "none" };
  }
}
