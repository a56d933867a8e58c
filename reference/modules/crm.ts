import type { BuiltIn, GenericWrite, ModuleData } from "../generic/module-data";

/** Made when someone first opens the CRM (ProductEntryPoint.ConfigurePortal, called by Default.aspx.cs:51). */
const crmOpened = (lines: string): BuiltIn => ({
  madeBy: "crm-opened",
  source: `web/studio/ASC.Web.Studio/Products/CRM/Configuration/ProductEntryPoint.cs:${lines}`,
});
/** The server's own catalogue: on every portal. */
const catalogue = (source: string): BuiltIn => ({ madeBy: "install", source });

/**
 * A create (POST `base`) and the update of one of its records (PUT `base/{id}`), setting the same
 * members; `created` is what the create alone sets (a new case is open).
 */
const createAndUpdate = (
  base: string,
  id: string,
  collection: string,
  write: Pick<GenericWrite, "from" | "required">,
  created?: Pick<GenericWrite, "set">,
): GenericWrite[] => [
  { method: "POST", path: base, creates: collection, ...write, ...created },
  { method: "PUT", path: `${base}/{${id}}`, ids: { [id]: collection }, updates: id, ...write },
];

const contactSeeds = [
  { companyName: "Northwind Traders", displayName: "Northwind Traders", industry: "Wholesale" },
  { companyName: "Baltic Logistics", displayName: "Baltic Logistics", industry: "Transport" },
  { companyName: "Green Leaf Cafe", displayName: "Green Leaf Cafe", industry: "Catering" },
];

/**
 * The CRM's routes take their ids as integers only (`case/{caseid:[0-9]+}`, CRMApi.Cases.cs:507;
 * `opportunity/{opportunityid:[0-9]+}`, CRMApi.Deals.cs:468): so do the reference's, so that
 * `DELETE crm/case/tag` is the tag's delete, not a case's.
 */
const integerIds = (writes: GenericWrite[]): GenericWrite[] =>
  writes.map((write) => {
    const ids = [...write.path.matchAll(/\{(\w*id)\}/gi)].map((match) => match[1]);
    const constraints = Object.fromEntries(ids.map((id) => [id, integer]));
    return ids.length ? { ...write, constraints: { ...constraints, ...write.constraints } } : write;
  });

/** A record's close and reopen (PUT `one/close`, `one/reopen`): each sets its state, whatever was sent. */
const closeAndReopen = (one: string, id: string, collection: string): GenericWrite[] =>
  (["close", "reopen"] as const).map((action) => ({
    method: "PUT",
    path: `${one}/${action}`,
    ids: { [id]: collection },
    updates: id,
    set: { isClosed: action === "close" },
  }));

/** Constraints of the CRM's write routes (module/ASC.Api/ASC.Api.CRM/, v12.7.1). */
const integer = "[0-9]+";
const tagged = "(contact|opportunity|case)";
const withFields = "(contact|person|company|opportunity|case)";
/** Members a write stores, by the parameter that gives each: a create and its update store the same. */
// A person's displayName holds its first name: the run's marker, which parity leaves out of lists.
const personMembers = {
  firstName: "firstName",
  lastName: "lastName",
  displayName: "firstName",
  about: "about",
  shareType: "shareType",
};
const companyMembers = {
  companyName: "companyName",
  displayName: "companyName",
  about: "about",
  shareType: "shareType",
};
const infoMembers = { data: "data", isPrimary: "isPrimary" };
const addressMembers = { category: "address[category]", isPrimary: "address[isPrimary]" };
const fieldMembers = { label: "label", fieldType: "fieldType", mask: "mask" };

/**
 * Writes on contacts, their information, tags, custom fields and contact statuses and types, as the
 * server's methods store them (module/ASC.Api/ASC.Api.CRM/, v12.7.1, cited per write).
 */
export const contactWrites: GenericWrite[] = [
  // CreatePerson and CreateCompany store names, about and shareType (CRMApi.Contacts.cs:734-742,
  // 984-989); UpdatePerson and UpdateCompany replace them (909-918, 1161-1167); DeleteContact
  // answers the contact removed (1556-1567).
  {
    method: "POST",
    path: "crm/contact/person",
    creates: "contacts",
    from: personMembers,
  },
  {
    method: "POST",
    path: "crm/contact/company",
    creates: "contacts",
    from: companyMembers,
  },
  {
    method: "PUT",
    path: "crm/contact/person/{personid}",
    ids: { personid: "contacts" },
    updates: "personid",
    from: personMembers,
    required: {
      params: ["firstName", "lastName"],
      source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Contacts.cs:908",
    },
    constraints: { personid: integer },
  },
  {
    method: "PUT",
    path: "crm/contact/company/{companyid}",
    ids: { companyid: "contacts" },
    updates: "companyid",
    from: companyMembers,
    constraints: { companyid: integer },
  },
  {
    method: "DELETE",
    path: "crm/contact/{contactid}",
    ids: { contactid: "contacts" },
    deletes: "contactid",
    constraints: { contactid: integer },
  },
  // DeleteBatchContacts (a PUT) answers the contacts it removed (Contacts.cs:1584-1592).
  {
    method: "PUT",
    path: "crm/contact",
    schema: "crm/contact-base-wrapper-list.json",
    ids: { contactids: "contacts" },
    deletes: "contactids",
    answer: "records",
  },
  // MergeContacts merges the first contact into the second, which it answers, and deletes the first
  // (CRMApi.Contacts.cs:856-874; web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/ContactDao.cs:1759).
  // Here the first is removed and answered: a contact either way, the content is not compared.
  {
    method: "PUT",
    path: "crm/contact/merge",
    ids: { fromcontactid: "contacts", tocontactid: "contacts" },
    deletes: "fromcontactid",
  },
  // Access: SetAccessToContact and its batch answer the contacts (Contacts.cs:1407-1420, 1464-1477).
  ...(
    [
      ["crm/contact/{contactid}/access", "record"],
      ["crm/contact/access", "records"],
    ] as const
  ).map(
    ([path, answer]): GenericWrite => ({
      method: "PUT",
      path,
      ids: { contactid: "contacts" },
      updates: "contactid",
      from: { isShared: "isShared" },
      answer,
      constraints: path.includes("{contactid}") ? { contactid: integer } : {},
    }),
  ),
  // Status of a contact, of a company and its persons, of a person and its company (Contacts.cs:1209-1330).
  ...(
    [
      ["crm/contact/{contactid}/status", "contactid"],
      ["crm/contact/company/{companyid}/status", "companyid"],
      ["crm/contact/person/{personid}/status", "personid"],
    ] as const
  ).map(
    ([path, contact]): GenericWrite => ({
      method: "PUT",
      path,
      ids: { [contact]: "contacts", contactStatusid: "contactStatuses" },
      updates: contact,
      constraints: { [contact]: integer },
    }),
  ),
  // A person joins and leaves a company; both answer the person (Contacts.cs:654-666, 684-697).
  ...(["POST", "DELETE"] as const).map(
    (method): GenericWrite => ({
      method,
      path: "crm/contact/company/{companyid}/person",
      ids: { companyid: "contacts", personid: "contacts" },
      updates: "personid",
      constraints: { companyid: integer },
    }),
  ),
  // Links to a project (any project id here) and to an opportunity (Contacts.cs:114-130, 153-177,
  // 194-212, 230-275): each answers the contact, the contacts or the opportunity.
  {
    method: "POST",
    path: "crm/contact/{contactid}/project/{projectid}",
    ids: { contactid: "contacts" },
    updates: "contactid",
    constraints: { contactid: integer, projectid: integer },
  },
  {
    method: "POST",
    path: "crm/contact/project/{projectid}",
    ids: { contactid: "contacts" },
    updates: "contactid",
    answer: "records",
    constraints: { projectid: integer },
  },
  {
    method: "DELETE",
    path: "crm/contact/{contactid}/project/{projectid}",
    schema: "crm/contact-base-wrapper.json",
    ids: { contactid: "contacts" },
    updates: "contactid",
    constraints: { contactid: integer, projectid: integer },
  },
  ...(["POST", "DELETE"] as const).map(
    (method): GenericWrite => ({
      method,
      path: "crm/contact/{contactid}/opportunity/{opportunityid}",
      ids: { contactid: "contacts", opportunityid: "opportunities" },
      updates: "opportunityid",
      constraints: { contactid: integer, opportunityid: integer },
    }),
  ),
  // CreateCompany (quick) stores each name given and answers the companies (Contacts.cs:1046-1070).
  {
    method: "POST",
    path: "crm/contact/company/quick",
    creates: "contacts",
    from: { companyName: "companyName", displayName: "companyName" },
    answer: "records",
  },
  // CreatePerson (quick) stores each first and last name given and answers the persons (Contacts.cs:1099-1125).
  {
    method: "POST",
    path: "crm/contact/person/quick",
    creates: "contacts",
    from: { firstName: "data[0][key]", lastName: "data[0][value]", displayName: "data[0][key]" },
    answer: "records",
  },
  // An address is an information item: CreateContactInfoAddress and UpdateContactInfoAddress store
  // its category and isPrimary (ContactInfo.cs:207-245, 385-414); the address itself is serialized.
  {
    method: "POST",
    path: "crm/contact/{contactid}/addressdata",
    ids: { contactid: "contacts" },
    parent: "contactid",
    creates: "contactInfos",
    from: addressMembers,
    constraints: { contactid: integer },
  },
  {
    method: "PUT",
    path: "crm/contact/{contactid}/addressdata/{id}",
    ids: { contactid: "contacts", id: "contactInfos" },
    updates: "id",
    from: addressMembers,
    constraints: { contactid: integer, id: integer },
  },
  // ChangeContactPhoto refuses a request without a file (Contacts.cs:800-802), stores the photo under
  // the contact and answers its URL (813); the contact's photos are then the uploaded one's sizes.
  {
    method: "PUT",
    path: "crm/contact/{contactid}/changephoto",
    ids: { contactid: "contacts" },
    updates: "contactid",
    fromUpload: {},
    set: {
      smallFotoUrl: "https://portal.example.com/storage/crm/photos/contact_32_32.png",
      mediumFotoUrl: "https://portal.example.com/storage/crm/photos/contact_82_82.png",
    },
    answer: { member: "mediumFotoUrl" },
    constraints: { contactid: integer },
  },
  // DeleteContactAvatar answers the default photo's URL (Contacts.cs:1707-1740).
  {
    method: "DELETE",
    path: "crm/contact/{contactid}/avatar",
    ids: { contactid: "contacts" },
    updates: "contactid",
    answer: { member: "smallFotoUrl" },
    constraints: { contactid: integer },
  },
  // Information items: CreateContactInfo stores data and isPrimary under the contact
  // (CRMApi.ContactInfo.cs:145-188), UpdateContactInfo replaces the data (323-362), DeleteContactInfo
  // answers the item removed (518-541).
  {
    method: "POST",
    path: "crm/contact/{contactid}/data",
    ids: { contactid: "contacts" },
    parent: "contactid",
    creates: "contactInfos",
    from: infoMembers,
    required: { params: ["data"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.ContactInfo.cs:147" },
    constraints: { contactid: integer },
  },
  {
    method: "PUT",
    path: "crm/contact/{contactid}/data/{id}",
    ids: { contactid: "contacts", id: "contactInfos" },
    updates: "id",
    from: infoMembers,
    required: { params: ["data"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.ContactInfo.cs:325" },
    constraints: { contactid: integer, id: integer },
  },
  {
    method: "DELETE",
    path: "crm/contact/{contactid}/data/{id}",
    ids: { contactid: "contacts", id: "contactInfos" },
    deletes: "id",
    constraints: { contactid: integer, id: integer },
  },
  // Contact statuses and types: created, replaced and deleted by CRMApi.ListItem.cs:584-882.
  ...(
    [
      [
        "status",
        "contactStatuses",
        "contactStatusid",
        { title: "title", description: "description", color: "color", sortOrder: "sortOrder" },
      ],
      ["type", "contactTypes", "contactTypeid", { title: "title", sortOrder: "sortOrder" }],
    ] as const
  ).flatMap(([kind, collection, deleted, members]): GenericWrite[] => [
    { method: "POST", path: `crm/contact/${kind}`, creates: collection, from: members },
    {
      method: "PUT",
      path: `crm/contact/${kind}/{id}`,
      ids: { id: collection },
      updates: "id",
      from: members,
      required: { params: ["title"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.ListItem.cs:622" },
      constraints: { id: integer },
    },
    {
      method: "DELETE",
      path: `crm/contact/${kind}/{${deleted}}`,
      ids: { [deleted]: collection },
      deletes: deleted,
      constraints: { [deleted]: integer },
    },
  ]),
  // Reordering sets the sort order of the statuses or types named, found by title (ListItem.cs:694-701, 853-860).
  ...(["status", "type"] as const).map(
    (kind): GenericWrite => ({
      method: "PUT",
      path: `crm/contact/${kind}/reorder`,
      matched: {
        titles: { collection: kind === "status" ? "contactStatuses" : "contactTypes", member: "title" },
      },
      updates: "titles",
      answer: "records",
    }),
  ),
  {
    method: "PUT",
    path: "crm/contact/status/{id}/color",
    ids: { id: "contactStatuses" },
    updates: "id",
    from: { color: "color" },
    constraints: { id: integer },
  },
  // Custom fields: CreateCustomFieldValue, UpdateCustomFieldValue, DeleteCustomField
  // (CRMApi.CustomFields.cs:197-292); a value set on an entity answers the field with it (88-96).
  {
    method: "POST",
    path: "crm/{entityType}/customfield",
    creates: "customFields",
    from: fieldMembers,
    constraints: { entityType: withFields },
  },
  {
    method: "PUT",
    path: "crm/{entityType}/customfield/{id}",
    ids: { id: "customFields" },
    updates: "id",
    from: fieldMembers,
    constraints: { entityType: withFields, id: integer },
  },
  {
    method: "DELETE",
    path: "crm/{entityType}/customfield/{fieldid}",
    ids: { fieldid: "customFields" },
    deletes: "fieldid",
    constraints: { entityType: withFields, fieldid: integer },
  },
  {
    method: "POST",
    path: "crm/{entityType}/{entityid}/customfield/{fieldid}",
    schema: "crm/custom-field-base-wrapper.json",
    ids: { entityid: "contacts", fieldid: "customFields" },
    updates: "fieldid",
    from: { fieldValue: "fieldValue", entityId: "entityid" },
    constraints: { entityType: withFields, entityid: integer, fieldid: integer },
  },
  {
    method: "PUT",
    path: "crm/{entityType}/customfield/reorder",
    ids: { fieldids: "customFields" },
    updates: "fieldids",
    answer: "records",
    constraints: { entityType: withFields },
  },
  // Tags are named; each write answers the tag's name (CRMApi.Tag.cs:118-126, 360-371, 485-495, 517-530).
  {
    method: "POST",
    path: "crm/{entityType}/tag",
    creates: "tags",
    idFrom: "tagName",
    from: { title: "tagName" },
    answer: "id",
    required: { params: ["tagName"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Tag.cs:120" },
    constraints: { entityType: tagged },
  },
  {
    method: "DELETE",
    path: "crm/{entityType}/tag",
    ids: { tagName: "tags" },
    deletes: "tagName",
    answer: "id",
    constraints: { entityType: tagged },
  },
  // Tagging entities changes no tag's definition: each answers the tag, as the server does.
  ...(
    [
      ["POST", "crm/{entityType}/{entityid}/tag", { entityType: tagged, entityid: integer }],
      ["DELETE", "crm/{entityType}/{entityid}/tag", { entityType: tagged, entityid: integer }],
      [
        "POST",
        "crm/{entityType}/{entityid}/tag/group",
        { entityType: "(company|person)", entityid: integer },
      ],
      [
        "DELETE",
        "crm/{entityType}/{entityid}/tag/group",
        { entityType: "(company|person)", entityid: integer },
      ],
      ["POST", "crm/{entityType}/taglist", { entityType: tagged }],
      ["POST", "crm/contact/filter/taglist", {}],
      ["POST", "crm/opportunity/filter/taglist", {}],
      ["POST", "crm/case/filter/taglist", {}],
    ] as const
  ).map(
    ([method, path, constraints]): GenericWrite => ({
      method,
      path,
      ids: { tagName: "tags" },
      updates: "tagName",
      answer: "id",
      constraints,
    }),
  ),
];

// Drafted by scripts/draft-module.ts, then reviewed: seeds, lists answering their collection, and `ids`
// only where the server answers an unknown id with 404 (ItemNotFoundException in CRMApi.*.cs).
/** What an invoice line's create and update set: every column, its invoice and item too (CRMApi.Invoices.cs:954-965, 1022-1030). */
const invoiceLine = {
  description: "description",
  quantity: "quantity",
  price: "price",
  invoiceID: "invoiceId",
  invoiceItemID: "invoiceItemId",
};

const data: ModuleData = {
  module: "crm",
  // Integer ids (route constraints [0-9]+) in distinct ranges, so a contact id names no case or task.
  collections: {
    contacts: {
      // ContactWrapper is a company or a person; the first branch (a company) is rendered.
      schema: "crm/contact-wrapper.json",
      firstId: 1001,
      seeds: contactSeeds,
    },
    // A case's and an opportunity's members (crm_entity_contact): contacts, the seeded ones under every
    // case and opportunity, those a run links under its own.
    caseMembers: { schema: "crm/contact-wrapper.json", firstId: 1001, seeds: contactSeeds },
    opportunityMembers: { schema: "crm/contact-wrapper.json", firstId: 1001, seeds: contactSeeds },
    cases: {
      schema: "crm/cases-wrapper.json",
      firstId: 2001,
      seeds: [
        { title: "Delivery delayed" },
        { title: "Invoice dispute" },
        { title: "Warranty claim", isClosed: true },
      ],
    },
    opportunities: {
      schema: "crm/opportunity-wrapper.json",
      firstId: 3001,
      seeds: [
        { title: "Annual support contract", description: "Renewal for 2025.", bidValue: 12000 },
        { title: "Fleet tracking pilot", bidValue: 4500 },
        { title: "Office catering", bidValue: 800 },
      ],
    },
    tasks: {
      schema: "crm/task-wrapper.json",
      firstId: 4001,
      seeds: [
        { title: "Call about the renewal", description: "Ask about the number of seats." },
        { title: "Send the price list" },
        { title: "Prepare the demo" },
      ],
    },
    invoices: {
      schema: "crm/invoice-wrapper.json",
      firstId: 5001,
      seeds: [
        { number: "INV-000001", description: "Support, first quarter" },
        { number: "INV-000002", description: "Pilot installation" },
        { number: "INV-000003", description: "Catering, March" },
      ],
    },
    invoiceItems: {
      schema: "crm/invoice-item-wrapper.json",
      firstId: 6001,
      seeds: [
        { title: "Support hour", stockKeepingUnit: "SUP-1H", price: 60 },
        { title: "GPS tracker", stockKeepingUnit: "GPS-T2", price: 95 },
        { title: "Lunch box", stockKeepingUnit: "CAT-LB", price: 12.5 },
      ],
    },
    currencyRates: {
      schema: "crm/currency-rate-wrapper.json",
      firstId: 7001,
      seeds: [
        { fromCurrency: "EUR", toCurrency: "USD", rate: 1.08 },
        { fromCurrency: "USD", toCurrency: "EUR", rate: 0.93 },
        { fromCurrency: "EUR", toCurrency: "GBP", rate: 0.85 },
      ],
    },
    contactStatuses: {
      schema: "crm/contact-status-wrapper.json",
      firstId: 8001,
      seeds: [{ title: "Cold" }, { title: "Warm" }, { title: "Hot" }],
      fresh: { records: 3, ...crmOpened("224-226") },
    },
    contactTypes: {
      schema: "crm/contact-type-wrapper.json",
      firstId: 8101,
      seeds: [{ title: "Client" }, { title: "Supplier" }, { title: "Partner" }],
      // The fourth, Competitor, is left out: three are enough to read.
      fresh: { records: 3, ...crmOpened("228-231") },
    },
    opportunityStages: {
      schema: "crm/deal-milestone-wrapper.json",
      firstId: 8201,
      seeds: [
        { title: "Initial contact", successProbability: 10 },
        { title: "Proposal", successProbability: 50 },
        { title: "Won", successProbability: 100 },
      ],
      fresh: { records: 3, ...crmOpened("143-220") },
    },
    taskCategories: {
      schema: "crm/task-category-wrapper.json",
      firstId: 8301,
      seeds: [{ title: "Call" }, { title: "Email" }, { title: "Meeting" }],
      fresh: { records: 3, ...crmOpened("128-139") },
    },
    // A contact's information items (phones, emails, ...), listed under every contact.
    contactInfos: {
      schema: "crm/contact-info-wrapper.json",
      firstId: 8401,
      seeds: [
        { data: "info@northwind.example", isPrimary: true },
        { data: "+1 415 555 0100", isPrimary: true },
      ],
    },
    // Custom field definitions (a portal-wide list per entity type; none on a fresh portal).
    customFields: {
      schema: "crm/custom-field-wrapper.json",
      firstId: 8501,
      seeds: [{ label: "Account number" }, { label: "Region" }],
    },
    // Tags are named: a tag's id is its title (DELETE crm/{entityType}/tag?tagName=).
    tags: {
      schema: "crm/tag-wrapper.json",
      idMember: "title",
      seeds: [{ title: "Lead" }, { title: "Customer" }, { title: "Supplier" }, { title: "Staff" }],
      fresh: { records: 4, ...crmOpened("239-242") },
    },
    // VoIP ids are Twilio SIDs (route constraint \w+), not Guids.
    voipPhones: {
      schema: "crm/voip-phone.json",
      seeds: [
        { id: "PN3f1c2a9b0d4e5f60718293a4b5c6d7e8", number: "+14155550100", alias: "Sales" },
        { id: "PN9a8b7c6d5e4f30211203f4e5d6c7b8a9", number: "+14155550101", alias: "Support" },
      ],
    },
    // History categories (ListType.HistoryCategory), events and invoice taxes: lists the run's writes change.
    historyCategories: {
      schema: "crm/history-category-wrapper.json",
      firstId: 8401,
      seeds: [{ title: "Note" }, { title: "Email" }, { title: "Call" }],
      fresh: { records: 3, ...crmOpened("234-237") },
    },
    historyEvents: {
      schema: "crm/relationship-event-wrapper.json",
      firstId: 9001,
      seeds: [
        { content: "Called the customer; they asked for a new offer." },
        { content: "Sent the invoice by email." },
      ],
    },
    invoiceTaxes: {
      schema: "crm/invoice-tax-wrapper.json",
      firstId: 9101,
      seeds: [
        { name: "VAT", rate: 20 },
        { name: "Reduced VAT", rate: 10 },
      ],
    },
    // Files attached to CRM records (FileWrapper), listed under the record they were attached to.
    crmFiles: {
      schema: "files/file-wrapper.json",
      firstId: 9201,
      seeds: [{ title: "Offer.docx" }, { title: "Price list.xlsx" }, { title: "Contract.pdf" }],
    },
    invoiceLines: {
      schema: "crm/invoice-line-wrapper.json",
      firstId: 9301,
      seeds: [{ description: "Support hour", quantity: 10, price: 60 }],
    },
    voipCalls: {
      schema: "crm/voip-call-wrapper.json",
      seeds: [
        { id: "CA0b1c2d3e4f5061728394a5b6c7d8e9f0", from: "+14155550123", to: "+14155550100" },
        { id: "CA1c2d3e4f5061728394a5b6c7d8e9f0a1", from: "+14155550101", to: "+14155550187" },
      ],
    },
  },
  values: {
    title: ["Follow-up call", "Quarterly review", "Price negotiation", "Contract renewal"],
    description: ["Agreed with the customer on Monday.", "See the attached offer."],
    about: ["Long-standing customer since 2019."],
    content: ["Called the customer; they asked for a new offer.", "Sent the invoice by email."],
    firstName: ["Anna", "Jonas", "Maria"],
    lastName: ["Berzina", "Koch", "Rossi"],
    industry: ["Wholesale", "Transport", "Catering"],
    // Contact information items (ContactInfoWrapper) and currencies (CurrencyInfoWrapper).
    data: ["info@northwind.example", "+1 415 555 0100", "https://northwind.example"],
    categoryName: ["Work", "Home", "Mobile"],
    abbreviation: ["EUR", "USD", "GBP"],
    symbol: ["€", "$", "£"],
    cultureName: ["de-DE", "en-US", "en-GB"],
    color: ["#6bbd72", "#ffb45e", "#e96a5e"],
    entityType: ["contact", "opportunity", "case"],
    phoneNumber: ["+14155550142", "+14155550187"],
    redirectToNumber: ["+14155550199"],
  },
  routes: [
    {
      path: "crm/case/{caseid}",
      ids: { caseid: "cases" },
      record: "caseid",
      constraints: { caseid: "[0-9]+" },
    },
    { path: "crm/case/filter", list: "cases" },
    // Any case id: the server lists the members without checking the case (CRMApi.Cases.cs:594-597).
    {
      path: "crm/case/{caseid}/contact",
      list: "caseMembers",
      of: "caseid",
      constraints: { caseid: "[0-9]+" },
    },
    {
      path: "crm/contact/data/{infoType}/category",
      builtIn: catalogue("module/ASC.Api/ASC.Api.CRM/CRMApi.ContactInfo.cs:53-57"),
    },
    {
      path: "crm/contact/data/infoType",
      builtIn: catalogue("module/ASC.Api/ASC.Api.CRM/CRMApi.ContactInfo.cs:68-72"),
    },
    {
      path: "crm/contact/{contactid}/data",
      ids: { contactid: "contacts" },
      list: "contactInfos",
      of: "contactid",
      constraints: { contactid: "[0-9]+" },
    },
    {
      path: "crm/contact/{contactid}/data/{id}",
      ids: { contactid: "contacts" },
      constraints: { contactid: "[0-9]+", id: "[0-9]+" },
    },
    {
      path: "crm/contact/{contactid}/data/{infoType}",
      ids: { contactid: "contacts" },
      constraints: { contactid: "[0-9]+" },
    },
    {
      path: "crm/contact/{contactid}",
      ids: { contactid: "contacts" },
      record: "contactid",
      constraints: { contactid: "[0-9]+" },
    },
    {
      path: "crm/contact/project/{projectid}",
      list: "contacts",
      constraints: { projectid: "[0-9]+" },
    },
    { path: "crm/contact/filter", list: "contacts" },
    {
      path: "crm/contact/company/{companyid}/person",
      ids: { companyid: "contacts" },
      constraints: { companyid: "[0-9]+" },
    },
    {
      path: "crm/contact/{contactid}/access",
      ids: { contactid: "contacts" },
      constraints: { contactid: "[0-9]+" },
    },
    { path: "crm/contact/bycontactinfo", list: "contacts" },
    { path: "crm/currency/rates", list: "currencyRates" },
    {
      path: "crm/currency/rates/{id}",
      ids: { id: "currencyRates" },
      record: "id",
      constraints: { id: "[0-9]+" },
    },
    { path: "crm/currency/rates/{fromCurrency}/{toCurrency}" },
    {
      path: "crm/{entityType}/customfield/definitions",
      list: "customFields",
      constraints: { entityType: "(contact|person|company|opportunity|case)" },
    },
    {
      path: "crm/{entityType}/{entityid}/customfield",
      constraints: { entityType: "(contact|person|company|opportunity|case)", entityid: "[0-9]+" },
    },
    {
      path: "crm/opportunity/{opportunityid}",
      ids: { opportunityid: "opportunities" },
      record: "opportunityid",
      constraints: { opportunityid: "[0-9]+" },
    },
    { path: "crm/opportunity/filter", list: "opportunities" },
    {
      path: "crm/opportunity/{opportunityid}/contact",
      ids: { opportunityid: "opportunities" },
      list: "opportunityMembers",
      of: "opportunityid",
      constraints: { opportunityid: "[0-9]+" },
    },
    {
      path: "crm/opportunity/bycontact/{contactid}",
      list: "opportunities",
      constraints: { contactid: "[0-9]+" },
    },
    {
      path: "crm/invoice/{invoiceid}",
      ids: { invoiceid: "invoices" },
      record: "invoiceid",
      constraints: { invoiceid: "[0-9]+" },
    },
    {
      path: "crm/invoice/jsondata/{invoiceid}",
      ids: { invoiceid: "invoices" },
      constraints: { invoiceid: "[0-9]+" },
    },
    { path: "crm/invoice/filter", list: "invoices" },
    {
      path: "crm/{entityType}/invoicelist/{entityid}",
      list: "invoices",
      constraints: { entityType: "(contact|person|company|opportunity)", entityid: "[0-9]+" },
    },
    {
      path: "crm/invoice/{invoiceid}/pdf",
      ids: { invoiceid: "invoices" },
      constraints: { invoiceid: "[0-9]+" },
    },
    { path: "crm/invoice/bynumber/exist" },
    // The number a run asks for comes from invoice/filter; the answer does not depend on it here.
    { path: "crm/invoice/bynumber" },
    { path: "crm/invoiceitem/filter", list: "invoiceItems" },
    {
      path: "crm/invoiceitem/{invoiceitemid}",
      ids: { invoiceitemid: "invoiceItems" },
      record: "invoiceitemid",
      constraints: { invoiceitemid: "[0-9]+" },
    },
    { path: "crm/invoice/tax", list: "invoiceTaxes" },
    {
      path: "crm/contact/status/{contactStatusid}",
      ids: { contactStatusid: "contactStatuses" },
      record: "contactStatusid",
      constraints: { contactStatusid: "[0-9]+" },
    },
    {
      path: "crm/contact/type/{contactTypeid}",
      ids: { contactTypeid: "contactTypes" },
      record: "contactTypeid",
      constraints: { contactTypeid: "[0-9]+" },
    },
    {
      path: "crm/opportunity/stage/{stageid}",
      ids: { stageid: "opportunityStages" },
      record: "stageid",
      constraints: { stageid: "[0-9]+" },
    },
    {
      path: "crm/task/category/{categoryid}",
      ids: { categoryid: "taskCategories" },
      record: "categoryid",
      constraints: { categoryid: "[0-9]+" },
    },
    { path: "crm/history/category", list: "historyCategories" },
    { path: "crm/task/category", list: "taskCategories" },
    { path: "crm/contact/status", list: "contactStatuses" },
    { path: "crm/contact/type", list: "contactTypes" },
    {
      path: "crm/opportunity/stage",
      list: "opportunityStages",
    },
    { path: "crm/history/filter", list: "historyEvents" },
    { path: "crm/files/root" },
    {
      path: "crm/{entityType}/{entityid}/files",
      list: "crmFiles",
      of: "entityid",
      constraints: { entityType: "(contact|opportunity|case)", entityid: "[0-9]+" },
    },
    { path: "crm/report/files" },
    { path: "crm/report/status" },
    { path: "crm/report/terminate" },
    // Only contact ids are checked here (the YAML asks for a contact's tags); the server checks each kind.
    {
      path: "crm/{entityType}/tag/{entityid}",
      ids: { entityid: "contacts" },
      constraints: { entityType: "(contact|opportunity|case)", entityid: "[0-9]+" },
    },
    {
      path: "crm/contact/{contactid}/tag",
      ids: { contactid: "contacts" },
      constraints: { contactid: "[0-9]+" },
    },
    {
      path: "crm/{entityType}/tag",
      constraints: { entityType: "(contact|opportunity|case)" },
      // The four contact tags made when the CRM is first opened, and those added since (any kind here).
      list: "tags",
    },
    {
      path: "crm/task/{taskid}",
      ids: { taskid: "tasks" },
      record: "taskid",
      constraints: { taskid: "[0-9]+" },
    },
    { path: "crm/task/filter", list: "tasks" },
    // The currencies are the install's data (build/sql/onlyoffice.data.sql:157-230), read by CurrencyProvider.
    { path: "crm/settings/currency", builtIn: catalogue("module/ASC.Api/ASC.Api.CRM/CRMApi.Utils.cs:49-53") },
    { path: "crm/settings/currency/convert" },
    {
      path: "crm/settings/currency/summarytable",
      builtIn: catalogue("module/ASC.Api/ASC.Api.CRM/CRMApi.Utils.cs:87-100"),
    },
    { path: "crm/settings/organisation/logo" },
    { path: "crm/voip/numbers/available" },
    { path: "crm/voip/numbers/unlinked", list: "voipPhones" },
    { path: "crm/voip/numbers/existing", list: "voipPhones" },
    {
      path: "crm/voip/numbers/{numberId}",
      ids: { numberId: "voipPhones" },
      record: "numberId",
      constraints: { numberId: "\\w+" },
    },
    { path: "crm/voip/numbers/current" },
    { path: "crm/voip/token" },
    { path: "crm/voip/numbers/settings" },
    { path: "crm/voip/uploads" },
    {
      path: "crm/voip/numbers/{numberId}/oper",
      ids: { numberId: "voipPhones" },
      constraints: { numberId: "\\w+" },
    },
    { path: "crm/voip/call", list: "voipCalls" },
    { path: "crm/voip/call/missed", list: "voipCalls" },
    {
      path: "crm/voip/call/{callId}",
      ids: { callId: "voipCalls" },
      record: "callId",
      constraints: { callId: "\\w+" },
    },
  ],
  // Writes: cases, opportunities, tasks, invoices, currencies, history, files, voip, reports.
  writes: integerIds([
    // Cases: CreateCases refuses an empty title (CRMApi.Cases.cs:129), UpdateCases too (205) and sets
    // title and access (209-217); close and reopen set the state (53-91); DeleteCase answers the case (507-520).
    {
      method: "POST",
      path: "crm/case",
      creates: "cases",
      from: { title: "title", isPrivate: "isPrivate" },
      set: { isClosed: false },
      required: { params: ["title"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs:129" },
    },
    {
      method: "PUT",
      path: "crm/case/{caseid}",
      ids: { caseid: "cases" },
      updates: "caseid",
      from: { title: "title", isPrivate: "isPrivate" },
      required: { params: ["title"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs:205" },
    },
    ...closeAndReopen("crm/case/{caseid}", "caseid", "cases"),
    {
      method: "PUT",
      path: "crm/case/{caseid}/access",
      ids: { caseid: "cases" },
      updates: "caseid",
      from: { isPrivate: "isPrivate" },
    },
    { method: "DELETE", path: "crm/case/{caseid}", ids: { caseid: "cases" }, deletes: "caseid" },
    // Members: AddMemberToCases and AddMemberToDeal link an existing contact and answer it; the
    // removes unlink it (a contact not linked: nothing changes) and answer it (CRMApi.Cases.cs:614-668,
    // CRMApi.Deals.cs:721-770); both answer 404 for a missing case, opportunity or contact.
    {
      method: "POST",
      path: "crm/case/{caseid}/contact",
      ids: { caseid: "cases" },
      parent: "caseid",
      creates: "caseMembers",
      link: "caseMembers",
      idFrom: "contactid",
      constraints: { caseid: "[0-9]+" },
    },
    {
      method: "DELETE",
      path: "crm/case/{caseid}/contact/{contactid}",
      ids: { caseid: "cases", contactid: "contacts" },
      parent: "caseid",
      deletes: "contactid",
      link: "caseMembers",
      constraints: { caseid: "[0-9]+", contactid: "[0-9]+" },
    },
    ...(["POST", "DELETE"] as const).map(
      (method): GenericWrite => ({
        method,
        path: "crm/opportunity/{opportunityid}/contact/{contactid}",
        ids: { opportunityid: "opportunities", contactid: "contacts" },
        parent: "opportunityid",
        ...(method === "POST"
          ? { creates: "opportunityMembers", idFrom: "contactid" }
          : { deletes: "contactid" }),
        link: "opportunityMembers",
        constraints: { opportunityid: "[0-9]+", contactid: "[0-9]+" },
      }),
    ),
    // Cases by ids: DeleteBatchCases, a PUT, answers the cases removed (CRMApi.Cases.cs:536-549);
    // SetAccessToBatchCases those it changed (319-339). Batches refuse nothing: the binder makes an
    // absent list an empty one (module/ASC.Api/ASC.Api/Utils/Binder.cs:96-106), so their `ids == null` never holds.
    {
      method: "PUT",
      path: "crm/case",
      batch: { param: "casesids", collection: "cases" },
      deletes: "casesids",
    },
    {
      method: "PUT",
      path: "crm/case/access",
      batch: { param: "casesid", collection: "cases" },
      updates: "casesid",
      from: { isPrivate: "isPrivate" },
    },
    // Opportunities: CreateDeal and UpdateDeal set every column from the request (CRMApi.Deals.cs:529-541,
    // 632-642), refusing an empty title (CRMSecutiry.cs:683); the stage by id (77-95), access (113-123).
    ...createAndUpdate("crm/opportunity", "opportunityid", "opportunities", {
      from: { title: "title", description: "description", bidValue: "bidValue", isPrivate: "isPrivate" },
      required: {
        params: ["title", "responsibleid", "stageid", "bidCurrencyAbbr"],
        source: "web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs:683-685",
      },
    }),
    {
      method: "PUT",
      path: "crm/opportunity/{opportunityid}/stage/{id}",
      ids: { opportunityid: "opportunities", id: "opportunityStages" },
      updates: "opportunityid",
      required: { params: ["stageid"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Deals.cs:80" },
    },
    {
      method: "PUT",
      path: "crm/opportunity/{opportunityid}/access",
      ids: { opportunityid: "opportunities" },
      updates: "opportunityid",
      from: { isPrivate: "isPrivate" },
    },
    {
      method: "DELETE",
      path: "crm/opportunity/{opportunityid}",
      ids: { opportunityid: "opportunities" },
      deletes: "opportunityid",
    },
    // Batches by filter: the records whose title the search text (filterValue) names
    // (CRMApi.Cases.cs:567-578, 359-384; CRMApi.Deals.cs:311-336, 185-224); here the whole title.
    ...(
      [
        ["crm/case/filter", "cases"],
        ["crm/opportunity/filter", "opportunities"],
      ] as const
    ).flatMap(([path, collection]): GenericWrite[] => {
      const batch = { param: "filterValue", collection, match: "title" };
      return [
        { method: "DELETE", path, batch, deletes: "filterValue" },
        {
          method: "PUT",
          path: `${path}/access`,
          batch,
          updates: "filterValue",
          from: { isPrivate: "isPrivate" },
        },
      ];
    }),
    // Opportunities by ids: DeleteBatchDeals, a PUT (CRMApi.Deals.cs:279-289); SetAccessToBatchDeal (240-264).
    {
      method: "PUT",
      path: "crm/opportunity",
      batch: { param: "opportunityids", collection: "opportunities" },
      deletes: "opportunityids",
    },
    {
      method: "PUT",
      path: "crm/opportunity/access",
      batch: { param: "opportunityid", collection: "opportunities" },
      updates: "opportunityid",
      from: { isPrivate: "isPrivate" },
    },
    // Reorders set each named item's sort order to its position (DealMilestoneDao.cs:106-117,
    // ListItemDao.cs:524-535); the categories are named by title (CRMApi.ListItem.cs:347-360, 520-533).
    {
      method: "PUT",
      path: "crm/opportunity/stage/reorder",
      batch: { param: "ids", collection: "opportunityStages", order: "sortOrder" },
      updates: "ids",
    },
    ...(
      [
        ["crm/task/category/reorder", "taskCategories"],
        ["crm/history/category/reorder", "historyCategories"],
      ] as const
    ).map(
      ([path, collection]): GenericWrite => ({
        method: "PUT",
        path,
        batch: { param: "titles", collection, match: "title", order: "sortOrder" },
        updates: "titles",
      }),
    ),
    // Opportunity stages: create and update refuse an empty title (CRMApi.ListItem.cs:60, 106) and set
    // title, color, description, probability and type (62-69, 111-119); the color alone (141-156).
    ...createAndUpdate("crm/opportunity/stage", "id", "opportunityStages", {
      from: {
        title: "title",
        description: "description",
        color: "color",
        successProbability: "successProbability",
        stageType: "stageType",
      },
      required: { params: ["title"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.ListItem.cs:60" },
    }),
    {
      method: "PUT",
      path: "crm/opportunity/stage/{id}/color",
      ids: { id: "opportunityStages" },
      updates: "id",
      from: { color: "color" },
    },
    { method: "DELETE", path: "crm/opportunity/stage/{id}", ids: { id: "opportunityStages" }, deletes: "id" },
    // Tasks: TaskDao.cs:787-789 refuses an empty title, no deadline or no category; CreateTask and
    // UpdateTask set title and description (CRMApi.Tasks.cs:309-321, 514-526); close and reopen the state.
    ...createAndUpdate(
      "crm/task",
      "taskid",
      "tasks",
      {
        from: { title: "title", description: "description" },
        required: {
          params: ["title", "deadline", "categoryid"],
          source: "web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/TaskDao.cs:787-789",
        },
      },
      { set: { isClosed: false } },
    ),
    ...closeAndReopen("crm/task/{taskid}", "taskid", "tasks"),
    { method: "DELETE", path: "crm/task/{taskid}", ids: { taskid: "tasks" }, deletes: "taskid" },
    // Task and history categories: title, description and sort order (CRMApi.ListItem.cs:411-428,
    // 446-470, 237-256, 273-296; the history category's title refused empty, 242, 278); the icon alone.
    ...(
      [
        ["crm/task/category", "{id}", "taskCategories", "{categoryid}"],
        ["crm/history/category", "{id}", "historyCategories", "{id}"],
      ] as const
    ).flatMap(([base, one, collection, removed]): GenericWrite[] => {
      const from = { title: "title", description: "description", sortOrder: "sortOrder" };
      const id = one.slice(1, -1);
      const deleted = removed.slice(1, -1);
      return [
        { method: "POST", path: base, creates: collection, from },
        { method: "PUT", path: `${base}/${one}`, ids: { [id]: collection }, updates: id, from },
        { method: "PUT", path: `${base}/${one}/icon`, ids: { [id]: collection }, updates: id },
        { method: "DELETE", path: `${base}/${removed}`, ids: { [deleted]: collection }, deletes: deleted },
      ];
    }),
    // History events: AddHistoryTo stores the content (CRMApi.RelationshipEvent.cs:325-400; empty refused,
    // CRMSecutiry.cs:669); DeleteHistory answers the event (171-185).
    {
      method: "POST",
      path: "crm/history",
      creates: "historyEvents",
      from: { content: "content" },
      required: {
        params: ["content"],
        source: "web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs:669",
      },
    },
    { method: "DELETE", path: "crm/history/{id}", ids: { id: "historyEvents" }, deletes: "id" },
    // Files: CreateTextFile saves <title>.txt and attaches it (CRMApi.RelationshipEvent.cs:203-230);
    // AttachFiles records a history event (461-500); DeleteCRMFile answers the file (564-595).
    {
      method: "POST",
      path: "crm/{entityType}/{entityid}/files/text",
      ids: { entityid: "cases" },
      parent: "entityid",
      creates: "crmFiles",
      required: {
        params: ["title", "content"],
        source: "module/ASC.Api/ASC.Api.CRM/CRMApi.RelationshipEvent.cs:206-207",
      },
      constraints: { entityType: "(contact|opportunity|case)", entityid: "[0-9]+" },
    },
    {
      method: "POST",
      path: "crm/{entityType}/{entityid}/files",
      ids: { entityid: "cases" },
      creates: "historyEvents",
      required: { params: ["fileids"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.RelationshipEvent.cs:464" },
      constraints: { entityType: "(contact|opportunity|case)", entityid: "[0-9]+" },
    },
    // UploadFileInCRM saves the posted file in the CRM folder, attached to nothing (CRMApi.RelationshipEvent.cs:258-297).
    {
      method: "POST",
      path: "crm/{entityType}/{entityid}/files/upload",
      creates: "crmFiles",
      fromUpload: { name: "title", size: "pureContentLength" },
      constraints: { entityType: "(contact|opportunity|case)", entityid: "[0-9]+" },
    },
    { method: "DELETE", path: "crm/files/{fileid}", ids: { fileid: "crmFiles" }, deletes: "fileid" },
    // Currency rates: both currencies and the rate (CRMApi.CurrencyRates.cs:110-127, 142-170, 297-307).
    ...createAndUpdate("crm/currency/rates", "id", "currencyRates", {
      from: { fromCurrency: "fromCurrency", toCurrency: "toCurrency", rate: "rate" },
      required: {
        params: ["fromCurrency", "toCurrency"],
        source: "module/ASC.Api/ASC.Api.CRM/CRMApi.CurrencyRates.cs:297-300",
      },
    }),
    { method: "DELETE", path: "crm/currency/rates/{id}", ids: { id: "currencyRates" }, deletes: "id" },
    // AddCurrencyRates sets the rate of a pair that exists (CRMApi.CurrencyRates.cs:237-246): the one
    // the first item's id names here, answered as a list.
    {
      method: "POST",
      path: "crm/currency/addrates",
      params: { "rates[0][id]": "currencyRates" },
      updates: "rates[0][id]",
      from: { rate: "rates[0][rate]" },
    },
    // Invoices: CreateInvoice and UpdateInvoice set every column (CRMApi.Invoices.cs:478-494, 647-660),
    // InvoiceDao.cs:471-478 refusing one without number, dates, contact, currency or terms; a line of an
    // item (941-980); DeleteInvoice answers the invoice (368-380), DeleteInvoiceLine the id (1055-1074).
    {
      method: "POST",
      path: "crm/invoice",
      creates: "invoices",
      from: { number: "number", terms: "terms", description: "description" },
      required: {
        params: ["number", "issueDate", "dueDate", "contactId", "currency", "terms"],
        source: "web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/InvoiceDao.cs:471-478",
      },
    },
    {
      method: "PUT",
      path: "crm/invoice/{id}",
      ids: { id: "invoices" },
      updates: "id",
      from: { terms: "terms", description: "description" },
      required: {
        params: ["issueDate", "dueDate", "contactId", "currency", "terms"],
        source: "web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs:741-746",
      },
    },
    {
      method: "DELETE",
      path: "crm/invoice/{invoiceid}",
      ids: { invoiceid: "invoices" },
      deletes: "invoiceid",
    },
    // DeleteBatchInvoices answers the invoices removed (CRMApi.Invoices.cs:390-399).
    {
      method: "DELETE",
      path: "crm/invoice",
      batch: { param: "invoiceids", collection: "invoices" },
      deletes: "invoiceids",
    },
    {
      method: "POST",
      path: "crm/invoiceline",
      creates: "invoiceLines",
      from: invoiceLine,
      required: {
        params: ["invoiceId", "invoiceItemId"],
        source: "web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs:717",
      },
    },
    // UpdateInvoiceLine sets every column, its invoice and item too (CRMApi.Invoices.cs:1002-1043).
    {
      method: "PUT",
      path: "crm/invoiceline/{id}",
      ids: { id: "invoiceLines" },
      updates: "id",
      from: invoiceLine,
      required: { params: ["invoiceId"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Invoices.cs:1015" },
    },
    // The status of invoices by ids (CRMApi.Invoices.cs:257-356): the answer pairs the invoices with the
    // items whose stock moved; the status is an object no `from` sets, so nothing is kept.
    {
      method: "PUT",
      path: "crm/invoice/status/{status}",
      params: { invoiceids: "invoices" },
      skipsUnknown: true,
      acts: true,
      required: { params: ["invoiceids"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Invoices.cs:263" },
      constraints: { status: "[\\w\\d-]+" },
    },
    {
      method: "DELETE",
      path: "crm/invoiceline/{id}",
      ids: { id: "invoiceLines" },
      deletes: "id",
      answer: { member: "id" },
    },
    // Invoice taxes: name (refused empty), description, rate (CRMApi.Invoices.cs:1288-1313, 1327-1356).
    ...createAndUpdate("crm/invoice/tax", "id", "invoiceTaxes", {
      from: { name: "name", description: "description", rate: "rate" },
      required: { params: ["name"], source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Invoices.cs:1299" },
    }),
    { method: "DELETE", path: "crm/invoice/tax/{id}", ids: { id: "invoiceTaxes" }, deletes: "id" },
    // Invoice items: title (refused empty), description, price, sku (CRMApi.Invoices.cs:1117-1151, 1170-1205).
    ...createAndUpdate("crm/invoiceitem", "id", "invoiceItems", {
      from: { title: "title", description: "description", price: "price", stockKeepingUnit: "sku" },
      required: {
        params: ["title", "price"],
        source: "module/ASC.Api/ASC.Api.CRM/CRMApi.Invoices.cs:1133",
      },
    }),
    { method: "DELETE", path: "crm/invoiceitem/{id}", ids: { id: "invoiceItems" }, deletes: "id" },
    // DeleteBatchItems answers the items removed (CRMApi.Invoices.cs:1245-1262).
    {
      method: "DELETE",
      path: "crm/invoiceitem",
      batch: { param: "ids", collection: "invoiceItems" },
      deletes: "ids",
    },
    ...contactWrites,
  ]),
  settings: [
    // Global.TenantSettings.InvoiceSetting, as InvoiceSetting.DefaultSettings has it until saved
    // (web/studio/ASC.Web.Studio/Products/CRM/Classes/CRMSettings.cs:104-119; InvoiceDao.cs:449-452).
    {
      read: "crm/invoice/settings",
      value: {
        autogenerated: true,
        prefix: "INV-",
        number: "0000001",
        terms: "",
        companyName: "",
        companyLogoID: 0,
        companyAddress: "",
      },
      writes: [
        // SaveTermsSettings (CRMApi.Invoices.cs:1440-1453); UpdateOrganisationSettingsCompanyName
        // answers the name (CRMApi.Utils.cs:209-225).
        { method: "PUT", path: "crm/invoice/settings/terms", from: { terms: "terms" } },
        {
          method: "PUT",
          path: "crm/settings/organisation/base",
          from: { companyName: "companyName" },
          answer: { member: "companyName" },
        },
      ],
    },
    // GetInvoiceSample: InvoiceWrapper.GetSample with the next number and the default currency
    // (CRMApi.Invoices.cs:72-88; Wrappers/InvoiceWrapper.cs:190-213), which UpdateCRMCurrency sets and
    // answers (CRMApi.Utils.cs:377-393). The currency's other members stay as they were here.
    {
      read: "crm/invoice/sample",
      value: {
        invoiceLines: [
          {
            invoiceID: 0,
            invoiceItemID: 0,
            invoiceTax1ID: 0,
            invoiceTax2ID: 0,
            sortOrder: 0,
            description: "",
            quantity: 1,
            price: 0,
            discount: 0,
            id: 0,
          },
        ],
        status: { title: "Draft", id: 1 },
        number: "INV-0000001",
        issueDate: "2024-03-01T09:00:00.0000000Z",
        templateType: 0,
        contact: null,
        consignee: null,
        entity: null,
        dueDate: "2024-03-31T09:00:00.0000000Z",
        language: "",
        currency: {
          title: "US Dollar",
          symbol: "$",
          abbreviation: "USD",
          cultureName: "en-US",
          isConvertable: true,
          isBasic: true,
        },
        exchangeRate: 1,
        purchaseOrderNumber: "",
        terms: "",
        description: "",
        fileID: -1,
        createOn: "2024-03-01T09:00:00.0000000Z",
        createBy: null,
        cost: 0,
        canEdit: true,
        canDelete: true,
        id: 0,
      },
      writes: [
        {
          method: "PUT",
          path: "crm/settings/currency",
          from: { "currency.abbreviation": "currency" },
          answer: { member: "currency" },
        },
      ],
    },
  ],
};

export default data;
