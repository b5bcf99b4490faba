/** A small JSON client for the Strapi routes the demo calls. */
export type Answer = { status: number; body: unknown };

export async function request(
  method: string,
  url: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

/** The answer's body when the status is 2xx; otherwise an error naming what was tried. */
export async function expectOk(what: string, answer: Promise<Answer>): Promise<unknown> {
  const { status, body } = await answer;
  if (status < 200 || status >= 300) {
    throw new Error(`${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 2000)}`);
  }
  return body;
}
