import {
  REFERENCE_ADMIN,
  type ReferenceOptions,
  type RunningReference,
  startReference,
} from "../../../reference";
import { USER_PASSWORD } from "../../../reference/store/seed";

export { SEED } from "../../../reference/store/seed";
export { USER_PASSWORD };

/** Starts a reference; the caller closes it (typically in an `after` hook). */
export async function reference(options?: ReferenceOptions): Promise<Api> {
  return new Api(await startReference(options));
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

export const ADMIN_BASIC = basic(REFERENCE_ADMIN.user, REFERENCE_ADMIN.password);

export interface Envelope {
  status: number | string;
  statusCode: number;
  count?: number;
  startIndex?: number;
  total?: number;
  response?: unknown;
  error?: { message: string; hresult: number; data: unknown };
}

/** Fetch against one running reference; paths are relative to api/2.0/. */
export class Api {
  constructor(readonly running: RunningReference) {}

  close(): Promise<void> {
    return this.running.close();
  }

  url(path: string): string {
    return `${this.running.url}api/2.0/${path}`;
  }

  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(this.url(path), init);
  }

  /** As the admin (Basic), JSON suffix; returns status and parsed envelope. */
  async json(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: Envelope; headers: Headers }> {
    const response = await this.fetch(path, {
      ...init,
      headers: { Authorization: ADMIN_BASIC, ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Envelope) : ({} as Envelope),
      headers: response.headers,
    };
  }

  async login(
    userName: string = REFERENCE_ADMIN.user,
    password: string = REFERENCE_ADMIN.password,
  ): Promise<string> {
    const response = await this.fetch("authentication.json", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ userName, password }),
    });
    const body = (await response.json()) as { response: { token: string } };
    return body.response.token;
  }
}

/** A POST/PUT with a JSON body. */
export function jsonBody(method: string, body: unknown): RequestInit {
  return { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}
