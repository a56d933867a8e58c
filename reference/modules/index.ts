import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ModuleData } from "../generic/module-data";
import { genericRoutes } from "../generic/routes";
import type { Route } from "../routes/route";

/**
 * Every module served from data: each `<module>.ts` beside this file exports its ModuleData as
 * `default`. Found by scanning the folder, so adding a module touches no shared file.
 */
function loadModules(): ModuleData[] {
  return readdirSync(__dirname)
    .filter((file) => /^[a-z][a-z0-9-]*\.ts$/.test(file) && file !== "index.ts")
    .sort()
    .map((file) => {
      const data = (require(join(__dirname, file)) as { default?: ModuleData }).default;
      if (data?.module !== file.slice(0, -3)) {
        throw new Error(
          `reference/modules/${file}: must export default ModuleData with module "${file.slice(0, -3)}"`,
        );
      }
      return data;
    });
}

export const MODULES: ModuleData[] = loadModules();

export const MODULE_ROUTES: Route[] = MODULES.flatMap(genericRoutes);
