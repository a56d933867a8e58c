/**
 * Lanes of the run's budget: source addresses, each with its own window of the budget. Only on the
 * embedded reference, which the suite started itself on loopback: the documented limit is "500
 * requests per 10-second period from the same IP address with one account" (basic concepts), and on
 * Linux every 127.0.0.x is a loopback address a client may send from, so each lane is a client of its
 * own to the reference's limiter (keyed by IP and account, as documented). Against a WORKSPACE_URL
 * deployment the run has exactly one lane, with no local address: the system's choice, as always.
 */

/**
 * Lanes on the embedded reference. A lane's budget sustains 40 requests per second at the documented
 * limit (80% of 500 per 10 s); the run sends 400-700 per second unpaced on a 2-core machine, so 20
 * lanes (800 per second, 8,000 in any 10 s) keep pacing from binding even at the fastest.
 */
export const EMBEDDED_LANES = 20;

/**
 * The rate-limit checks' own source on the embedded reference: no lane sends from it, and it is not
 * 127.0.0.1, where a request bound to no address comes from (global setup's login and fingerprint,
 * the second account's login): nothing but the burst counts towards its window, however the
 * deployment keys its limit.
 */
export const BURST_ADDRESS = "127.0.0.100";

/**
 * Whether the run has lanes: on the embedded reference, where every 127.0.0.x is loopback. That is
 * Linux; elsewhere (macOS) only 127.0.0.1 is, by default, so the run keeps one lane there too.
 */
export function hasLanes(embedded: boolean, platform: NodeJS.Platform = process.platform): boolean {
  return embedded && platform === "linux";
}

/** The source addresses of the run's lanes: 127.0.0.2 and up with lanes, else one with none. */
export function laneAddresses(lanes: boolean): (string | undefined)[] {
  if (!lanes) return [undefined];
  return Array.from({ length: EMBEDDED_LANES }, (_, i) => `127.0.0.${i + 2}`);
}
