import { RequestBudget, runBudget } from "../helpers/http/budget";
import { WorkspaceClient } from "../helpers/http/client";
import { HttpTransport } from "../helpers/http/http";
import { Redactor } from "../helpers/http/redaction";
import { login } from "../helpers/http/session";
import { ConfigError, loadConfig } from "../helpers/run/config";
import { failFastAsync } from "../helpers/run/fail-fast";
import {
  findLeftovers,
  type Leftover,
  leftoverSources,
  RECORD_PREFIX,
  removeLeftovers,
} from "../helpers/run/leftovers";

/**
 * `npm run sweep [-- --prefix wc-<run>] [--yes]`: lists the records earlier runs left on the
 * deployment in WORKSPACE_URL (every kind the contract creates, named wc-...: leftoverSources), and deletes them only with
 * --yes and WORKSPACE_ALLOW_WRITES=true.
 */
async function sweep(args: string[]): Promise<number> {
  const yes = args.includes("--yes");
  const prefixAt = args.indexOf("--prefix");
  const prefix = prefixAt >= 0 ? (args[prefixAt + 1] ?? "") : RECORD_PREFIX;
  if (!prefix.startsWith(RECORD_PREFIX)) {
    throw new ConfigError(
      `--prefix must start with "${RECORD_PREFIX}" (got "${prefix}"): the sweep touches nothing else.`,
    );
  }
  const config = loadConfig();
  if (!config.url || !config.user || !config.password) {
    throw new ConfigError(
      "npm run sweep needs WORKSPACE_URL, WORKSPACE_USER and WORKSPACE_PASSWORD: the deployment to clean up (the embedded reference leaves nothing behind).",
    );
  }
  if (yes && !config.allowWrites) {
    throw new ConfigError(
      `--yes deletes records from ${config.url}: set WORKSPACE_ALLOW_WRITES=true as well.`,
    );
  }
  const http = new HttpTransport({ ignoreHttpsErrors: config.ignoreHttpsErrors });
  try {
    const session = await login(http, config.url, config.user, config.password, config.timeoutMs);
    const redactor = new Redactor();
    redactor.add(session.token);
    redactor.add(config.password, config.user);
    const client = new WorkspaceClient(http, {
      baseUrl: config.url,
      token: session.token,
      timeoutMs: config.timeoutMs,
      allowWrites: yes && config.allowWrites,
      budget: new RequestBudget(runBudget(config.rateLimit.limit), config.rateLimit.windowSeconds * 1000),
      redactor,
    });
    const writing = yes && config.allowWrites;
    const leftovers = await findLeftovers(client, prefix, { listsWithEffects: writing });
    const unlisted = leftoverSources().sources.filter((source) => source.list.effects);
    if (!writing && unlisted.length)
      console.log(
        `Not listed without --yes and WORKSPACE_ALLOW_WRITES=true (their list writes): ${unlisted
          .map((source) => `${source.kind} (GET ${source.list.path}: ${source.list.effects})`)
          .join("; ")}`,
      );
    if (!leftovers.length) {
      console.log(`Nothing to sweep: no record on ${config.url} is named ${prefix}...`);
      return 0;
    }
    console.log(`${leftovers.length} records on ${config.url} are named ${prefix}...:`);
    for (const leftover of leftovers) console.log(`  ${label(leftover)}`);
    if (!yes) {
      console.log(
        "\nNothing deleted. To delete them: WORKSPACE_ALLOW_WRITES=true npm run sweep -- " +
          `${prefix === RECORD_PREFIX ? "" : `--prefix ${prefix} `}--yes`,
      );
      return 0;
    }
    const { removed, failed } = await removeLeftovers(client, leftovers);
    for (const leftover of removed) console.log(`removed ${label(leftover)}`);
    for (const { leftover, why } of failed) console.log(`could not remove ${label(leftover)}: ${why}`);
    console.log(`Swept ${removed.length} of ${leftovers.length} records.`);
    return failed.length ? 1 : 0;
  } finally {
    http.close();
  }
}

function label(leftover: Leftover): string {
  return `${leftover.kind} ${leftover.name} (${leftover.remove.map((r) => `${r.method} ${r.path}`).join(", then ")})`;
}

failFastAsync(() => sweep(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
