import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts, then reviewed: scalar and free-form answers, no records.
const data: ModuleData = {
  module: "migration",
  collections: {},
  values: {
    // GetMigrations lists the migrator names (ASC.Migration's MigratorMetaAttribute).
    items: ["GoogleWorkspace", "Nextcloud", "OwnCloud"],
  },
  routes: [
    { path: "migration/tmp" },
    {
      path: "migration/list",
      // The migrations the server offers: a catalogue.
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Migration/MigrationApi.cs:93-98" },
    },
    { path: "migration/status" },
    // MigratorsInfo describes the named migrators and stores nothing (MigrationApi.cs:113-131).
    { method: "POST", path: "migration/migratorsInfo" },
  ],
};

export default data;
