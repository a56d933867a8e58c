import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts, then reviewed: seeds, and lists answering their collection.
// Ids are integers (route constraints [0-9]+) but an operation's, a Guid; distinct ranges keep a
// message id from naming a filter. A conversation is named by its first message's id, so the
// conversation routes read the messages.
const data: ModuleData = {
  module: "mail",
  collections: {
    messages: {
      schema: "mail/mail-message-data.json",
      firstId: 1001,
      seeds: [
        {
          subject: "Quarterly report draft",
          from: "Anna Ivanova <anna@mail.example.com>",
          to: "team@mail.example.com",
          folder: 1,
        },
        {
          subject: "Re: Office move",
          from: "Oleg Petrov <oleg@mail.example.com>",
          to: "anna@mail.example.com",
          folder: 1,
        },
        { subject: "Invoice 2024-031", from: "billing@example.org", to: "anna@mail.example.com", folder: 2 },
      ],
    },
    // MailAccountData carries its id as mailboxId.
    accounts: {
      schema: "mail/mail-account-data.json",
      idMember: "mailboxId",
      firstId: 51,
      seeds: [
        { email: "anna@mail.example.com", name: "Anna Ivanova", isDefault: true },
        { email: "support@mail.example.com", name: "Support", isDefault: false },
      ],
    },
    filters: {
      schema: "mail/mail-sieve-filter-data.json",
      firstId: 71,
      seeds: [{ name: "Invoices to Billing" }, { name: "Newsletters" }],
    },
    tags: {
      schema: "mail/mail-tag-data.json",
      firstId: 81,
      seeds: [{ name: "Urgent" }, { name: "Customers" }, { name: "Read later" }],
    },
    userFolders: {
      schema: "mail/mail-user-folder-data.json",
      firstId: 91,
      seeds: [{ name: "Projects" }, { name: "Receipts" }],
    },
    operations: {
      schema: "mail/mail-operation-status.json",
      seeds: [{ operation: "ApplyFilter", completed: false, percents: 40 }],
      count: 1,
    },
  },
  values: {
    subject: ["Design review", "Meeting notes", "Release checklist"],
    name: ["Anna Ivanova", "Oleg Petrov", "Maria Garcia"],
    email: ["anna@mail.example.com", "oleg@mail.example.com"],
    from: ["Anna Ivanova <anna@mail.example.com>"],
    to: ["oleg@mail.example.com"],
    address: ["anna@mail.example.com"],
    style: ["1", "5", "12"],
    // Plain DateTime members (common/date-time.json), which the engine does not synthesize.
    time_modified: ["2024-03-15T09:30:00.0000000Z"],
    begin_date: ["2024-01-01T00:00:00.0000000Z"],
    dateCreated: ["2023-11-20T14:05:00.0000000Z"],
    fromDate: ["2024-07-01T00:00:00.0000000Z"],
    toDate: ["2024-07-14T00:00:00.0000000Z"],
  },
  routes: [
    { path: "mail/accounts", schema: "mail/mail-account-data-list.json", list: "accounts" },
    { path: "mail/accounts/single", schema: "mail/mail-box-data.json" },
    { path: "mail/accounts/setups", schema: "mail/mail-box-data.json" },
    { path: "mail/alert", schema: "mail/mail-alert-data-list.json" },
    { path: "mail/emails/search", schema: "primitives/string-list.json" },
    { path: "mail/contacts", schema: "mail/mail-contact-data-list.json" },
    { path: "mail/contacts/bycontactinfo", schema: "mail/mail-contact-data-list.json" },
    { path: "mail/crm/linked/entities", schema: "mail/crm-contact-data-list.json" },
    { path: "mail/conversations", schema: "mail/mail-message-data-list.json", list: "messages" },
    {
      path: "mail/conversation/{id}",
      schema: "mail/mail-message-data-list.json",
      ids: { id: "messages" },
      list: "messages",
      constraints: { id: "[0-9]+" },
    },
    {
      path: "mail/conversation/{id}/{direction}",
      schema: "primitives/long.json",
      ids: { id: "messages" },
      constraints: { id: "[0-9]+", direction: "(next|prev)" },
    },
    { path: "mail/conversations/link/crm/status", schema: "mail/mail-crm-status.json" },
    { path: "mail/filters", schema: "mail/mail-sieve-filter-data-list.json", list: "filters" },
    { path: "mail/filters/{id}/apply", schema: "mail/mail-operation-status.json", ids: { id: "filters" } },
    { path: "mail/folders", schema: "mail/mail-folder-data-list.json" },
    { path: "mail/userfolders", schema: "mail/mail-user-folder-data-list.json", list: "userFolders" },
    { path: "mail/helpcenter", schema: "primitives/string.json" },
    { path: "mail/display_images/addresses", schema: "primitives/string-list.json" },
    { path: "mail/messages", schema: "mail/mail-message-data-list.json", list: "messages" },
    {
      path: "mail/messages/{id}",
      schema: "mail/mail-message-data.json",
      ids: { id: "messages" },
      record: "id",
      constraints: { id: "[0-9]+" },
    },
    {
      path: "mail/messages/{id}/{direction}",
      schema: "primitives/long.json",
      ids: { id: "messages" },
      constraints: { id: "[0-9]+", direction: "(next|prev)" },
    },
    { path: "mail/messages/template", schema: "mail/mail-message-data.json" },
    { path: "mail/settings", schema: "mail/mail-common-settings.json" },
    { path: "mail/settings/conversationsEnabled", schema: "primitives/bool.json" },
    { path: "mail/settings/alwaysDisplayImages", schema: "primitives/bool.json" },
    { path: "mail/settings/cacheMessagesEnabled", schema: "primitives/bool.json" },
    { path: "mail/settings/goNextAfterMoveEnabled", schema: "primitives/bool.json" },
    { path: "mail/settings/replaceMessageBody", schema: "primitives/bool.json" },
    {
      path: "mail/signature/{mailbox_id}",
      schema: "mail/mail-signature-data.json",
      ids: { mailbox_id: "accounts" },
      record: "mailbox_id",
      constraints: { mailbox_id: "[0-9]+" },
    },
    { path: "mail/tags", schema: "mail/mail-tag-data-list.json", list: "tags" },
    { path: "mail/operations", schema: "mail/mail-operation-status-list.json", list: "operations" },
    {
      path: "mail/operations/{operationId}",
      schema: "mail/mail-operation-status.json",
      ids: { operationId: "operations" },
      record: "operationId",
    },
  ],
};

export default data;
