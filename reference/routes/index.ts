import { MODULE_ROUTES } from "../modules";
import { authenticationRoutes } from "./authentication";
import { fileWriteRoutes } from "./file-writes";
import { filesRoutes } from "./files";
import { filesSettingsRoutes } from "./files-settings";
import { groupRoutes } from "./groups";
import { mailExportRoutes } from "./mail-export";
import { peopleRoutes } from "./people";
import { peopleWriteRoutes } from "./people-writes";
import type { Route } from "./route";
import { settingsRoutes } from "./settings";

/** Every operation the reference serves, relative to api/2.0/. */
export const ROUTES: Route[] = [
  ...authenticationRoutes,
  ...peopleWriteRoutes,
  ...peopleRoutes,
  ...groupRoutes,
  ...filesRoutes,
  ...fileWriteRoutes,
  ...mailExportRoutes,
  ...filesSettingsRoutes,
  ...settingsRoutes,
  ...MODULE_ROUTES,
];
