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
      schema: "mail/server-domain-group-data-list.json",
      list: "groups",
    },
    { path: "mailserver/mailboxes/get", schema: "mail/server-mailbox-data-list.json", list: "mailboxes" },
    { path: "mailserver/mailboxes/alias/exists", schema: "primitives/bool.json" },
    { path: "mailserver/mailboxes/alias/valid", schema: "primitives/bool.json" },
    { path: "mailserver/server", schema: "mail/server-data.json" },
    { path: "mailserver/serverinfo/get", schema: "mail/server-full-data.json" },
    { path: "mailserver/freedns/get", schema: "mail/server-domain-dns-data.json" },
    { path: "mailserver/domains/get", schema: "mail/server-domain-data-list.json", list: "domains" },
    { path: "mailserver/domains/common", schema: "mail/server-domain-data.json" },
    { path: "mailserver/domains/dns/get", schema: "mail/server-domain-dns-data.json" },
    { path: "mailserver/domains/exists", schema: "primitives/bool.json" },
    { path: "mailserver/domains/ownership/check", schema: "primitives/bool.json" },
  ],
};

export default data;
