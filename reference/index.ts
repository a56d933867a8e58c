import { createInstance } from "./instance";
import { type ReferenceOptions, resolveOptions } from "./options";
import { close, createReferenceServer, listen } from "./server";
import { ADMIN_PASSWORD } from "./store/seed";

export { FAULTS } from "./faults";
export type { ReferenceOptions } from "./options";
export { VARIANTS } from "./variants";

export interface RunningReference {
  /** Portal root including the prefix, ending with "/", e.g. http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The seeded admin; signing in with the email admin@reference.test works too. */
export const REFERENCE_ADMIN: { user: string; password: string } = {
  user: "administrator",
  password: ADMIN_PASSWORD,
};

/** Starts a reference deployment with its own freshly seeded store. */
export async function startReference(options?: ReferenceOptions): Promise<RunningReference> {
  const resolved = resolveOptions(options);
  const server = createReferenceServer(createInstance(resolved));
  const port = await listen(server, resolved.port, resolved.host);
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  return { url: `http://${host}:${port}${resolved.prefix}/`, port, close: () => close(server) };
}
