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
    { path: "mail/accounts", list: "accounts" },
    { path: "mail/accounts/single" },
    { path: "mail/accounts/setups" },
    { path: "mail/alert" },
    { path: "mail/emails/search" },
    { path: "mail/contacts" },
    { path: "mail/contacts/bycontactinfo" },
    { path: "mail/crm/linked/entities" },
    { path: "mail/conversations", list: "messages" },
    {
      path: "mail/conversation/{id}",
      ids: { id: "messages" },
      list: "messages",
      constraints: { id: "[0-9]+" },
    },
    {
      path: "mail/conversation/{id}/{direction}",
      ids: { id: "messages" },
      constraints: { id: "[0-9]+", direction: "(next|prev)" },
    },
    { path: "mail/conversations/link/crm/status" },
    { path: "mail/filters", list: "filters" },
    { path: "mail/filters/{id}/apply", ids: { id: "filters" } },
    // The default folders (Inbox, Sent, ...): there for every mailbox owner.
    {
      path: "mail/folders",
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Mail/MailApi.Folders.cs:46-58" },
    },
    { path: "mail/userfolders", list: "userFolders" },
    { path: "mail/helpcenter" },
    { path: "mail/display_images/addresses" },
    { path: "mail/messages", list: "messages" },
    {
      path: "mail/messages/{id}",
      ids: { id: "messages" },
      record: "id",
      constraints: { id: "[0-9]+" },
    },
    {
      path: "mail/messages/{id}/{direction}",
      ids: { id: "messages" },
      constraints: { id: "[0-9]+", direction: "(next|prev)" },
    },
    { path: "mail/messages/template" },
    { path: "mail/settings" },
    { path: "mail/settings/conversationsEnabled" },
    { path: "mail/settings/alwaysDisplayImages" },
    { path: "mail/settings/cacheMessagesEnabled" },
    { path: "mail/settings/goNextAfterMoveEnabled" },
    { path: "mail/settings/replaceMessageBody" },
    {
      path: "mail/signature/{mailbox_id}",
      ids: { mailbox_id: "accounts" },
      record: "mailbox_id",
      constraints: { mailbox_id: "[0-9]+" },
    },
    { path: "mail/tags", list: "tags" },
    { path: "mail/operations", list: "operations" },
    {
      path: "mail/operations/{operationId}",
      ids: { operationId: "operations" },
      record: "operationId",
    },
  ],
};

export default data;
