import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts and reviewed: both answers are built from their (loose) schemas.
const data: ModuleData = {
  module: "feed",
  collections: {},
  routes: [
    { path: "feed/filter", schema: "feed/get-feed.json" },
    { path: "feed/newfeedscount", schema: "feed/get-fresh-news-count.json" },
  ],
};

export default data;
