// JSON over fetch with the API's RFC 9457 problem details turned into errors that say what failed.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${status} ${detail}`);
    this.name = 'ApiError';
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { headers: { accept: 'application/json' } };
  if (signal) {
    init.signal = signal;
  }

  const response = await fetch(path, init);
  if (!response.ok) {
    throw new ApiError(response.status, path, await describeProblem(response));
  }

  return (await response.json()) as T;
}

async function describeProblem(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return problem.detail ?? problem.title ?? response.statusText;
  } catch {
    // Not JSON (a proxy's error page, say): the status text is all there is.
    return response.statusText;
  }
}

/** Builds a query string from the defined, non-empty values only. */
export function query(values: Record<string, string | number | null | undefined>): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') {
      parameters.set(key, String(value));
    }
  }

  const text = parameters.toString();
  return text ? `?${text}` : '';
}
