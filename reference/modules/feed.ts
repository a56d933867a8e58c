import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts and reviewed: both answers are built from their (loose) schemas.
const data: ModuleData = {
  module: "feed",
  collections: {},
  routes: [{ path: "feed/filter" }, { path: "feed/newfeedscount" }],
};

export default data;
