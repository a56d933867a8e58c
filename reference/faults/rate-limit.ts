/**
 * The rate limit (basic concepts): "up to 500 requests per 10-second period from the same IP address
 * with one account. If you exceed this limit, a 503 response for the subsequent requests will be
 * received. Check the Retry-After header to see how many seconds to wait." Hooked in rate-limit.ts.
 */
export const RATE_LIMIT_FAULTS = {
  "no-rate-limit": "Requests past the limit must get 503; this never throttles.",
  "rate-limit-429": "Requests past the limit must get 503; this answers 429 Too Many Requests.",
  "no-retry-after": "The 503 must carry Retry-After; this one has none.",
  "throttles-early":
    "The configured number of requests per window must succeed; this throttles at a tenth of it.",
  "block-outlasts-retry-after":
    "Waiting what Retry-After says must be enough; this keeps refusing for another window after it.",
  "rate-limit-keyed-on-ip":
    "The limit is per IP and account; this keys on the IP alone, so one throttled account throttles every other.",
} as const;
