// Route patterns of the client app: `/symbols/:symbol` style, matched on whole path segments.

export interface RouteMatch<N extends string = string> {
  name: N;
  params: Record<string, string>;
}

export interface RouteDefinition<N extends string = string> {
  name: N;
  pattern: string;
}

export function matchRoute<N extends string>(routes: readonly RouteDefinition<N>[], pathname: string): RouteMatch<N> | null {
  const segments = split(pathname);
  for (const route of routes) {
    const pattern = split(route.pattern);
    if (pattern.length !== segments.length) {
      continue;
    }

    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < pattern.length && matched; i++) {
      const expected = pattern[i] ?? '';
      const actual = segments[i] ?? '';
      if (expected.startsWith(':')) {
        params[expected.slice(1)] = safeDecode(actual);
      } else {
        matched = expected === actual;
      }
    }

    if (matched) {
      return { name: route.name, params };
    }
  }

  return null;
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
