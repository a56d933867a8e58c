import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts, then reviewed: seeds, and lists answering their collection.
// Every argument is in the query, so no route names a record by path.
const data: ModuleData = {
  module: "mailserver",
  collections: {
    domains: {
      schema: "mail/server-domain-data.json",
      firstId: 11,
      seeds: [
        { name: "mail.example.com", isSharedDomain: false },
        { name: "example.org", isSharedDomain: false },
        { name: "shared.example.net", isSharedDomain: true },
      ],
    },
    mailboxes: {
      schema: "mail/server-mailbox-data.json",
      firstId: 21,
      seeds: [{ name: "Anna Ivanova" }, { name: "Oleg Petrov" }, { name: "Support" }],
    },
    groups: { schema: "mail/server-domain-group-data.json", firstId: 31 },
  },
  values: {
    email: ["info@mail.example.com", "sales@mail.example.com", "support@example.org"],
    name: ["mail.example.com", "Anna Ivanova"],
    hostname: ["mx1.mail.example.com"],
  },
  routes: [
    {
      path: "mailserver/groupaddress/get",
      list: "groups",
    },
    { path: "mailserver/mailboxes/get", list: "mailboxes" },
    { path: "mailserver/mailboxes/alias/exists" },
    { path: "mailserver/mailboxes/alias/valid" },
    { path: "mailserver/server" },
    { path: "mailserver/serverinfo/get" },
    { path: "mailserver/freedns/get" },
    { path: "mailserver/domains/get", list: "domains" },
    { path: "mailserver/domains/common" },
    { path: "mailserver/domains/dns/get" },
    { path: "mailserver/domains/exists" },
    { path: "mailserver/domains/ownership/check" },
  ],
};

export default data;
