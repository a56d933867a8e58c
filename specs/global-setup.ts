import type { FullConfig } from "@playwright/test";
import { request } from "@playwright/test";
import { loadConfig } from "../helpers/config";
import { failFastAsync } from "../helpers/fail-fast";
import { newRunId, writeRunInfo } from "../helpers/run-info";
import { login } from "../helpers/session";
import { REFERENCE_ADMIN, startReference } from "../reference";

/**
 * Once per run, before any test: picks the target (WORKSPACE_URL, or the embedded reference started
 * here), logs in once, and hands the session to the workers.
 */
export default function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  return failFastAsync(setUp);
}

async function setUp(): Promise<() => Promise<void>> {
  const config = loadConfig();
  const list = (name: string) =>
    (process.env[name] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const reference = config.url
    ? undefined
    : await startReference({
        faults: list("WORKSPACE_REFERENCE_FAULTS"),
        variants: list("WORKSPACE_REFERENCE_VARIANTS"),
        rateLimit: config.rateLimit,
      });
  const url = config.url ?? (reference?.url as string);
  const user = config.user ?? REFERENCE_ADMIN.user;
  const password = config.password ?? REFERENCE_ADMIN.password;
  const api = await request.newContext({ ignoreHTTPSErrors: config.ignoreHttpsErrors });
  try {
    const session = await login(api, url, user, password, config.timeoutMs);
    const runId = newRunId();
    writeRunInfo({
      url,
      embedded: !config.url,
      token: session.token,
      runId,
      namePrefix: `wc-${runId}`,
      rateLimit: config.rateLimit,
    });
  } catch (error) {
    await reference?.close();
    throw error;
  } finally {
    await api.dispose();
  }
  return async () => {
    await reference?.close();
  };
}
