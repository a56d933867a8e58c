import type { ModuleData } from "../generic/module-data";
import { USER_SEEDS } from "../store/seed-records";

// The reads of portal the hand-written route (GET portal, reference/routes/settings.ts) does not
// serve. Users are the seeded ones, so an id GET people/@self returns names the same person here.
const data: ModuleData = {
  module: "portal",
  collections: {
    // A fresh portal: its admin (the first seed), as the install creates it.
    users: {
      schema: "people/user-info.json",
      seeds: USER_SEEDS,
      fresh: { records: 1, madeBy: "install", source: "build/sql/onlyoffice.data.sql:14" },
    },
  },
  values: {
    title: ["Portal Administrator", "Lead Developer", "Marketing Specialist"],
    location: ["Riga", "London"],
    cultureName: ["en-US", "de-DE"],
    notes: ["Works part-time.", "Joined in March."],
    name: ["Startup", "Business"],
  },
  routes: [
    {
      path: "portal/users/{userID}",
      ids: { userID: "users" },
      record: "userID",
    },
    { path: "portal/users/invite/{employeeType}" },
    { path: "portal/usedspace" },
    { path: "portal/userscount" },
    { path: "portal/tariff" },
    { path: "portal/quota" },
    { path: "portal/quota/right" },
    { path: "portal/getbackuphistory" },
    { path: "portal/search/state" },
  ],
  settings: [
    // The modules full-text search covers: its wrappers' tables (FilesWrapper.cs:68, MailWrapper.cs:106,
    // JabberWrapper.cs:34), on a portal where it covers Documents. A fresh portal has the same catalogue.
    {
      read: "portal/search",
      value: [
        { id: "files_file", title: "Documents", enabled: true },
        { id: "mail_mail", title: "Mail", enabled: false },
        { id: "jabber_archive", title: "Talk", enabled: false },
      ],
      writes: [
        {
          method: "POST",
          path: "portal/search",
          items: {
            param: "items",
            from: { id: "id", enabled: "enabled" },
            catalogue: { key: "id", absent: { enabled: false } },
          },
          answer: "nothing",
        },
      ],
    },
  ],
};

export default data;
