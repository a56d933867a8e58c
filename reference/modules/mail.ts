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
        { email: "anna@mail.example.com", name: "Anna Ivanova", isDefault: true, eMailInFolder: "" },
        { email: "support@mail.example.com", name: "Support", isDefault: false, eMailInFolder: "" },
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
    contacts: {
      schema: "mail/mail-contact-data.json",
      firstId: 111,
      seeds: [{ name: "Anna Ivanova" }, { name: "Oleg Petrov" }, { name: "Billing" }],
    },
    // Trusted image addresses are plain strings: each is its own id.
    imageAddresses: {
      schema: "primitives/string.json",
      seeds: [{ id: "news@example.org" }, { id: "team@mail.example.com" }, { id: "billing@example.org" }],
    },
    // The user's MailCommonSettings, one record: the server's defaults (MailCommonSettings.cs:51-58).
    settings: {
      schema: "mail/mail-common-settings.json",
      count: 1,
      fresh: {
        madeBy: "install",
        records: 1,
        source: "module/ASC.Mail/ASC.Mail/Data/Contracts/MailCommonSettings.cs:49-58",
      },
      seeds: [
        {
          enableConversations: true,
          alwaysDisplayImages: false,
          cacheUnreadMessages: false,
          enableGoNextAfterMove: false,
          replaceMessageBody: false,
        },
      ],
    },
    // The accounts' signatures and autoreplies, by mailbox id: none set, as a new mailbox has.
    signatures: {
      schema: "mail/mail-signature-data.json",
      idMember: "mailboxId",
      count: 2,
      seeds: [51, 52].map((mailboxId) => ({ mailboxId, html: "", isActive: false })),
    },
    autoreplies: {
      schema: "mail/mail-autoreply-data.json",
      idMember: "mailboxId",
      count: 2,
      seeds: [51, 52].map((mailboxId) => ({
        mailboxId,
        turnOn: false,
        onlyContacts: false,
        turnOnToDate: false,
        subject: "",
        html: "",
      })),
    },
    attachments: {
      schema: "mail/mail-attachment-data.json",
      idMember: "fileId",
      firstId: 301,
      seeds: [{ fileName: "report.pdf" }, { fileName: "invoice.pdf" }, { fileName: "photo.jpg" }],
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
    { path: "mail/contacts", list: "contacts" },
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
    { path: "mail/display_images/addresses", list: "imageAddresses" },
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
    { path: "mail/settings", singleton: "settings" },
    { path: "mail/settings/conversationsEnabled" },
    { path: "mail/settings/alwaysDisplayImages" },
    { path: "mail/settings/cacheMessagesEnabled" },
    { path: "mail/settings/goNextAfterMoveEnabled" },
    { path: "mail/settings/replaceMessageBody" },
    {
      path: "mail/signature/{mailbox_id}",
      ids: { mailbox_id: "signatures" },
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
  writes: [
    // CreateTag stores name and style (MailApi.Tags.cs:59-72); UpdateTag replaces them (90-106);
    // DeleteTag answers the id (129-137).
    {
      method: "POST",
      path: "mail/tags",
      creates: "tags",
      from: { name: "name", style: "style" },
      required: { params: ["name"], source: "module/ASC.Api/ASC.Api.Mail/MailApi.Tags.cs:64-67" },
    },
    {
      method: "PUT",
      path: "mail/tags/{id}",
      ids: { id: "tags" },
      updates: "id",
      from: { name: "name", style: "style" },
      required: { params: ["name"], source: "module/ASC.Api/ASC.Api.Mail/MailApi.Tags.cs:99-100" },
    },
    { method: "DELETE", path: "mail/tags/{id}", ids: { id: "tags" }, deletes: "id", answer: "id" },
    // SetTag, UnsetTag and their conversation forms refuse no messages and answer the tag id
    // (MailApi.Tags.cs:152-181, MailApi.Conversations.cs:408-437).
    ...["mail/tags/{id}/set", "mail/tags/{id}/unset"].map((path) => ({
      method: "PUT" as const,
      path,
      ids: { id: "tags" },
      params: { messages: "messages" },
      updates: "id",
      answer: "id" as const,
    })),
    ...["mail/conversations/tag/{tag_id}/set", "mail/conversations/tag/{tag_id}/unset"].map((path) => ({
      method: "PUT" as const,
      path,
      ids: { tag_id: "tags" },
      params: { messages: "messages" },
      updates: "tag_id",
      answer: "id" as const,
    })),
    // A filter is bound from `filter[...]` keys (ApiArgumentBuilder.cs:257-290); CreateFilter answers it with
    // its id, UpdateFilter as sent, DeleteFilter the id (MailApi.Filters.cs:58-97); GetValidFilter refuses
    // no folders (FilterEngine.cs:127-128); CheckFilter answers the messages it matches (114-127).
    {
      method: "POST",
      path: "mail/filters",
      creates: "filters",
      from: { name: "filter[name]" },
      required: {
        params: ["filter[options][applyTo][folders]"],
        source: "module/ASC.Mail/ASC.Mail/Core/Engine/FilterEngine.cs:127-128",
      },
    },
    {
      method: "PUT",
      path: "mail/filters",
      params: { "filter[id]": "filters" },
      updates: "filter[id]",
      from: { name: "filter[name]" },
      required: {
        params: ["filter[options][applyTo][folders]"],
        source: "module/ASC.Mail/ASC.Mail/Core/Engine/FilterEngine.cs:127-128",
      },
    },
    { method: "DELETE", path: "mail/filters/{id}", ids: { id: "filters" }, deletes: "id", answer: "id" },
    { method: "POST", path: "mail/filters/check", lists: "messages" },
    // CreateUserFolder and UpdateUserFolder store the name (MailApi.Folders.cs:130-182); the delete is an operation (210-219).
    {
      method: "POST",
      path: "mail/userfolders",
      creates: "userFolders",
      from: { name: "name" },
      required: { params: ["name"], source: "module/ASC.Api/ASC.Api.Mail/MailApi.Folders.cs:148-150" },
    },
    {
      method: "PUT",
      path: "mail/userfolders/{id}",
      ids: { id: "userFolders" },
      updates: "id",
      from: { name: "name" },
    },
    { method: "DELETE", path: "mail/userfolders/{id}", ids: { id: "userFolders" }, deletes: "id" },
    // CreateContact and UpdateContact store name and description (MailApi.Contacts.cs:139-199), the
    // update naming the contact by its id parameter; RemoveContacts answers the ids (163-170).
    {
      method: "POST",
      path: "mail/contact/add",
      creates: "contacts",
      from: { name: "name", description: "description" },
      required: { params: ["emails"], source: "module/ASC.Api/ASC.Api.Mail/MailApi.Contacts.cs:141-142" },
    },
    {
      method: "PUT",
      path: "mail/contact/update",
      params: { id: "contacts" },
      updates: "id",
      from: { name: "name", description: "description" },
      required: { params: ["emails"], source: "module/ASC.Api/ASC.Api.Mail/MailApi.Contacts.cs:192-193" },
    },
    {
      method: "PUT",
      path: "mail/contacts/remove",
      params: { ids: "contacts" },
      deletes: "ids",
      answer: "id",
      skipsUnknown: true,
    },
    // The trusted image address is its own id, answered as sent (MailApi.Images.cs:53-75).
    { method: "POST", path: "mail/display_images/address", creates: "imageAddresses", idFrom: "address" },
    {
      method: "DELETE",
      path: "mail/display_images/address",
      params: { address: "imageAddresses" },
      deletes: "address",
      answer: "id",
    },
    // SaveMessage and SaveTemplate save a new message for id 0 and answer it (MailApi.Messages.cs:686-718, 768-779).
    ...["mail/drafts/save", "mail/templates/save"].map((path) => ({
      method: "PUT" as const,
      path,
      creates: "messages",
      from: { subject: "subject", from: "from" },
      required: { params: ["from"], source: "module/ASC.Api/ASC.Api.Mail/MailApi.Messages.cs:702-703" },
    })),
    // Statuses, moves and restores of messages and conversations answer the ids (MailApi.Messages.cs:
    // 372-467, MailApi.Conversations.cs:269-393); the removes take the messages away for good
    // (MessageEngine.cs:871-893), ids naming nothing skipped (887).
    ...[
      "mail/messages/mark",
      "mail/messages/move",
      "mail/messages/restore",
      "mail/conversations/mark",
      "mail/conversations/move",
      "mail/conversations/restore",
    ].map((path) => ({
      method: "PUT" as const,
      path,
      params: { ids: "messages" },
      updates: "ids",
      answer: "id" as const,
      skipsUnknown: true as const,
    })),
    ...["mail/messages/remove", "mail/conversations/remove"].map((path) => ({
      method: "PUT" as const,
      path,
      params: { ids: "messages" },
      deletes: "ids",
      answer: "id" as const,
      skipsUnknown: true as const,
    })),
    // The CRM marks of a message's conversation are void (MailApi.Conversations.cs:482-514).
    ...["mail/conversations/crm/mark", "mail/conversations/crm/unmark"].map((path) => ({
      method: "PUT" as const,
      path,
      params: { id_message: "messages" },
      updates: "id_message",
      answer: "nothing" as const,
    })),
    // An attachment added to a draft, from an iCalendar or a document, is answered; its delete
    // answers the message id (MailApi.Attachments.cs:119-141, MailApi.Messages.cs:346-357, 860-870).
    {
      method: "POST",
      path: "mail/messages/calendarbody/add",
      params: { id_message: "messages" },
      creates: "attachments",
      required: {
        params: ["ical_body"],
        source: "module/ASC.Api/ASC.Api.Mail/MailApi.Attachments.cs:121-122",
      },
    },
    // AddAttachment: the posted file attached to the draft under the name sent (MailApi.Attachments.cs:99-106).
    {
      method: "POST",
      path: "mail/messages/attachment/add",
      params: { id_message: "messages" },
      creates: "attachments",
      from: { fileName: "name", contentType: "content_type" },
      fromUpload: { size: "size" },
    },
    {
      method: "POST",
      path: "mail/messages/{id}/document",
      ids: { id: "messages" },
      creates: "attachments",
      constraints: { id: "[0-9]+" },
    },
    {
      method: "DELETE",
      path: "mail/messages/{messageid}/attachments/{attachmentid}",
      ids: { messageid: "messages", attachmentid: "attachments" },
      deletes: "attachmentid",
      answer: { param: "messageid" },
      constraints: { messageid: "[0-9]+", attachmentid: "[0-9]+" },
    },
    // DownloadAllAttachments answers an operation's status (MailApi.Attachments.cs:158-163).
    {
      method: "PUT",
      path: "mail/messages/attachment/downloadall/{messageId}",
      ids: { messageId: "messages" },
      updates: "messageId",
      constraints: { messageId: "[0-9]+" },
    },
    // SetDefaultAccount answers the email (MailApi.Accounts.cs:546-576); the user's DefaultEmail is no
    // member of any answer here, so nothing is kept. SetAccountEMailInFolder is void (632-638).
    {
      method: "PUT",
      path: "mail/accounts/default",
      singleton: "settings",
      answer: { param: "email" },
      required: { params: ["email"], source: "module/ASC.Api/ASC.Api.Mail/MailApi.Accounts.cs:546-547" },
    },
    {
      method: "PUT",
      path: "mail/accounts/emailinfolder",
      params: { mailbox_id: "accounts" },
      updates: "mailbox_id",
      from: { eMailInFolder: "email_in_folder" },
      answer: "nothing",
    },
    // UpdateUserActivity is void (MailApi.Accounts.cs:650).
    { method: "PUT", path: "mail/accounts/updateuseractivity", singleton: "settings", answer: "nothing" },
    // The settings flags are void (MailApi.Settings.cs:64-190).
    ...(
      [
        ["conversationsEnabled", "enableConversations"],
        ["alwaysDisplayImages", "alwaysDisplayImages"],
        ["cacheMessagesEnabled", "cacheUnreadMessages"],
        ["goNextAfterMoveEnabled", "enableGoNextAfterMove"],
        ["replaceMessageBody", "replaceMessageBody"],
      ] as const
    ).map(([route, member]) => ({
      method: "PUT" as const,
      path: `mail/settings/${route}`,
      singleton: "settings",
      from: { [member]: "enabled" },
      answer: "nothing" as const,
    })),
    // UpdateSignature and UpdateAutoreply answer what they saved for the mailbox (MailApi.Signature.cs:64-73,
    // MailApi.Autoreply.cs:45-54).
    {
      method: "POST",
      path: "mail/signature/update/{mailbox_id}",
      ids: { mailbox_id: "signatures" },
      updates: "mailbox_id",
      from: { html: "html", isActive: "is_active" },
      constraints: { mailbox_id: "[0-9]+" },
    },
    {
      method: "POST",
      path: "mail/autoreply/update/{mailboxId}",
      ids: { mailboxId: "autoreplies" },
      updates: "mailboxId",
      from: {
        turnOn: "turnOn",
        onlyContacts: "onlyContacts",
        turnOnToDate: "turnOnToDate",
        subject: "subject",
        html: "html",
      },
      constraints: { mailboxId: "[0-9]+" },
    },
  ],
};

export default data;
