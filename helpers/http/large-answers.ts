import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Exchange } from "./client";

/** An answer this large is no ordinary API answer. */
const LARGE_ANSWER_CHARS = 1024 * 1024;

// V8 collects the megabytes such answers leave behind lazily: two workers (and the ones Playwright starts
// after each failure) grew past 1 GB against a deployment answering 7 MB bodies (issue 16). Exposing
// `gc` costs nothing until it is called, and it is called only after such a check.
setFlagsFromString("--expose-gc");
export const collectGarbage = runInNewContext("gc") as () => void;

/** Whether a check read an answer large enough to collect its garbage at once (once it is unreachable). */
export function hasLargeAnswer(exchanges: Exchange[]): boolean {
  return exchanges.some((exchange) => (exchange.response?.body.length ?? 0) > LARGE_ANSWER_CHARS);
}
