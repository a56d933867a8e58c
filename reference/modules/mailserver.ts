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
  writes: [
    // CreateMailbox and UpdateMailbox store the sender name (MailServerApi.Mailbox.cs:55-64, 131-135;
    // ServerMailboxEngine.cs:198-211 refuses no local part, domain or user); the remove is an operation (113-117).
    {
      method: "POST",
      path: "mailserver/mailboxes/add",
      creates: "mailboxes",
      from: { name: "name" },
      required: {
        params: ["local_part", "domain_id", "user_id"],
        source: "module/ASC.Mail/ASC.Mail/Core/Engine/ServerMailboxEngine.cs:198-211",
      },
    },
    {
      method: "PUT",
      path: "mailserver/mailboxes/update",
      params: { mailbox_id: "mailboxes" },
      updates: "mailbox_id",
      from: { name: "name" },
    },
    // AddMailboxAlias answers the alias's address (MailServerApi.Mailbox.cs:149-153).
    {
      method: "PUT",
      path: "mailserver/mailboxes/alias/add",
      params: { mailbox_id: "mailboxes" },
      updates: "mailbox_id",
      required: {
        params: ["alias_name"],
        source: "module/ASC.Mail/ASC.Mail/Core/Engine/ServerMailboxEngine.cs:452-453",
      },
    },
    // RemoveMailboxAlias answers the mailbox id (MailServerApi.Mailbox.cs:167-171).
    {
      method: "PUT",
      path: "mailserver/mailboxes/alias/remove",
      params: { mailbox_id: "mailboxes" },
      updates: "mailbox_id",
      answer: "id",
      required: {
        params: ["address_id"],
        source: "module/ASC.Mail/ASC.Mail/Core/Engine/ServerMailboxEngine.cs:556-557",
      },
    },
    { method: "DELETE", path: "mailserver/mailboxes/remove/{id}", ids: { id: "mailboxes" }, deletes: "id" },
    // CreateMailGroup refuses no name, domain or addresses (ServerMailgroupEngine.cs:88-101);
    // AddMailGroupAddress answers the group (MailServerApi.MailGroup.cs:62-66); RemoveMailGroup the id (114-118).
    {
      method: "POST",
      path: "mailserver/groupaddress/add",
      creates: "groups",
      required: {
        params: ["name", "domain_id", "address_ids"],
        source: "module/ASC.Mail/ASC.Mail/Core/Engine/ServerMailgroupEngine.cs:88-101",
      },
    },
    {
      method: "PUT",
      path: "mailserver/groupaddress/address/add",
      params: { mailgroup_id: "groups" },
      updates: "mailgroup_id",
      required: {
        params: ["address_id"],
        source: "module/ASC.Mail/ASC.Mail/Core/Engine/ServerMailgroupEngine.cs:205-206",
      },
    },
    // RemoveMailGroupAddress takes a member off the group and answers the address id (MailServerApi.MailGroup.cs:80-84).
    {
      method: "DELETE",
      path: "mailserver/groupaddress/addresses/remove",
      params: { mailgroup_id: "groups" },
      updates: "mailgroup_id",
      answer: { param: "address_id" },
    },
    {
      method: "DELETE",
      path: "mailserver/groupaddress/remove/{id}",
      ids: { id: "groups" },
      deletes: "id",
      answer: "id",
    },
  ],
};

export default data;
