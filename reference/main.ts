import { parseCli, USAGE, UsageError } from "./cli-args";
import { FAULTS, REFERENCE_ADMIN, startReference, VARIANTS } from "./index";
import { MODULE_SWITCHES } from "./module-switches";
import { EMPTY_PORTALS, type ReferenceOptions, resolveOptions } from "./options";
import { REFERENCE_PROFILES } from "./profiles";

/** CLI for `npm run reference`: start a reference deployment a person can explore with curl. */

const profileCatalogue = Object.fromEntries(
  Object.entries(REFERENCE_PROFILES).map(([name, p]) => [
    name,
    `${p.description}; --fault ${p.faults.join(",")}`,
  ]),
);

function catalogueLines(catalogue: Record<string, string>): string {
  return Object.entries(catalogue)
    .map(([name, description]) => `  ${name.padEnd(28)} ${description}`)
    .join("\n");
}

function banner(
  url: string,
  { profile, faults = [], variants = [], withoutModules = [], disabledModules = [], empty }: ReferenceOptions,
): string {
  const api = `${url}api/2.0`;
  return [
    `Reference ONLYOFFICE Workspace API listening on ${url}`,
    `  API root:  ${api}/`,
    `  Admin:     ${REFERENCE_ADMIN.user} (or admin@reference.test) / ${REFERENCE_ADMIN.password}`,
    `  Imitates:  ${profile ?? "nothing: the documented contract"}`,
    `  Portal:    ${empty ? `empty (${empty}): ${EMPTY_PORTALS[empty]}` : "seeded with people, groups, files and records"}`,
    `  Faults:    ${faults.length > 0 ? faults.join(", ") : "none"}`,
    `  Variants:  ${variants.length > 0 ? variants.join(", ") : "none"}`,
    ...(withoutModules.length ? [`  Without:   ${withoutModules.join(", ")} (HTML 404 page)`] : []),
    ...(disabledModules.length ? [`  Disabled:  ${disabledModules.join(", ")} (403 "Forbidden")`] : []),
    "",
    "Try:",
    `  curl -s -X POST ${api}/authentication.json -H 'Content-Type: application/json' \\`,
    `       -d '{"userName":"${REFERENCE_ADMIN.user}","password":"${REFERENCE_ADMIN.password}"}'`,
    `  curl -s ${api}/people/@self -H 'Authorization: <token from the first call>'`,
    "",
    "Ctrl-C stops the server.",
  ].join("\n");
}

async function main(): Promise<void> {
  const { list, help, options } = parseCli(process.argv.slice(2), process.env);
  if (help || list) console.log(`${USAGE}\n`);
  if (help) return;
  if (list) {
    console.log(`Faults (each breaks one documented rule):\n${catalogueLines(FAULTS)}\n`);
    console.log(`Variants (legitimate wire variations):\n${catalogueLines(VARIANTS)}`);
    console.log(`\nProfiles (real deployments to imitate):\n${catalogueLines(profileCatalogue)}`);
    console.log(
      `\nModules a deployment may lack (a module is the first segment under api/2.0/, e.g. crm; comma lists, or repeat the flag):\n${catalogueLines({ "--without-module M": MODULE_SWITCHES["--without-module"], "--disable-module M": MODULE_SWITCHES["--disable-module"] })}`,
    );
    return;
  }
  try {
    resolveOptions(options); // unknown faults, bad numbers: report them as usage errors
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const reference = await startReference(options);
  console.log(banner(reference.url, options));
  const stop = () => {
    reference.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  // Bad arguments (exit 2) and start-up failures such as a port in use (exit 1) get one line, no stack.
  console.error(`reference: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
