import type { ModuleData } from "../generic/module-data";

// Drafted by scripts/draft-module.ts, then reviewed. The hand-written settings routes
// (reference/routes/settings.ts: settings/version/build) stay there; none of these paths equals one.
const DOCUMENTS = "e67be73d-f9ae-4ce1-8fec-1880cb518cb4";

const data: ModuleData = {
  module: "settings",
  collections: {
    customNavigationItems: {
      schema: "settings/custom-navigation-item.json",
      seeds: [
        { label: "Help center", url: "https://help.example.com/", showInMenu: true, showOnHomePage: true },
        { label: "Intranet", url: "https://intranet.example.com/", showInMenu: true, showOnHomePage: false },
        { label: "Company blog", url: "https://blog.example.com/", showInMenu: false, showOnHomePage: true },
      ],
    },
  },
  values: {
    // The products' Guids (WebItemManager): Documents, Projects, CRM, Community, People, Mail.
    webItemId: [
      DOCUMENTS,
      "1e044602-43b5-4d79-82f3-fd6208a11960",
      "6743007c-6f95-4d20-8c88-a8601ce5e76d",
      "ea942538-e68e-4907-9394-035336ee0ba8",
      "f4d98afd-d336-4332-8778-3c6945c81ea0",
      "2a923037-8b2d-487b-9a22-5ac0918acf3f",
    ],
    // GET settings: TimeZoneInfo.ToSerializedString(), a culture name, trusted mail domains.
    timezone: [
      "UTC;0;(UTC) Coordinated Universal Time;Coordinated Universal Time;Coordinated Universal Time;;",
    ],
    culture: ["en-US", "de-DE"],
    trustedDomain: ["example.com", "example.org"],
    // LDAP settings as an OpenLDAP directory; GetLdapSettings clears the password (LdapSettingsApi.cs).
    server: ["ldap.example.com"],
    portNumber: [389],
    userDN: ["ou=people,dc=example,dc=com"],
    userFilter: ["(uid=*)"],
    loginAttribute: ["uid"],
    groupDN: ["ou=groups,dc=example,dc=com"],
    groupFilter: ["(objectClass=groupOfNames)"],
    groupNameAttribute: ["cn"],
    userAttribute: ["distinguishedName"],
    groupAttribute: ["member"],
    firstNameAttribute: ["givenName"],
    secondNameAttribute: ["sn"],
    mailAttribute: ["mail"],
    titleAttribute: ["title"],
    mobilePhoneAttribute: ["mobile"],
    locationAttribute: ["street"],
    login: ["cn=admin,dc=example,dc=com"],
    password: [null],
    passwordBytes: [null],
    // Dictionaries keyed by LdapSettings.MappingFields and AccessRight names (the schema's propertyNames).
    ldapMapping: [{ firstNameAttribute: "givenName", secondNameAttribute: "sn", mailAttribute: "mail" }],
    accessRights: [{}],
    // LdapCertificateConfirmRequest: plain DateTimes (common/date-time.json).
    validFrom: ["2025-01-15T09:00:00"],
    validUntil: ["2027-01-15T09:00:00"],
    // SMTP: ToSmtpSettings(settings, hidePassword: true) answers an empty password (SmtpSettingsApi.cs).
    host: ["smtp.example.com"],
    port: [587, 25],
    senderAddress: ["portal@example.com"],
    senderDisplayName: ["ONLYOFFICE Workspace"],
    credentialsUserName: ["portal@example.com"],
    credentialsUserPassword: [""],
    // GET settings/quota: bytes and users of a 100 GB, 100-user portal.
    storageSize: [107_374_182_400],
    maxFileSize: [104_857_600],
    usedSize: [2_147_483_648],
    availableSize: [105_226_698_752],
    maxUsersCount: [100],
    usersCount: [12],
    availableUsersCount: [88],
    userStorageSize: [1_073_741_824],
    userUsedSize: [52_428_800],
    userAvailableSize: [1_021_313_024],
    maxVisitors: [200],
    visitorsCount: [3],
    // Storages, space usage, visits, IP restrictions.
    title: ["Amazon S3", "Rackspace Cloud Storage", "Selectel Cloud Storage"],
    name: ["My documents", "Common documents", "Trash"],
    size: ["1.2 MB", "340 KB", "15.8 MB"],
    displayDate: ["1/8/2024", "1/9/2024"],
    ip: ["192.0.2.0/24", "198.51.100.17"],
  },
  routes: [
    { path: "settings/ldap" },
    { path: "settings/ldap/cron", schema: "settings/ldap-cron-or-null.json" },
    { path: "settings/ldap/sync" },
    { path: "settings/ldap/sync/test" },
    { path: "settings/ldap/status", schema: "settings/ldap-operation-status-or-null.json" },
    { path: "settings/ldap/default" },
    { path: "settings" },
    { path: "settings/quota" },
    { path: "settings/recalculatequota" },
    { path: "settings/checkrecalculatequota" },
    { path: "settings/recalculateuserquota" },
    { path: "settings/checkrecalculateuserquota" },
    // Catalogues of the server's (its modules, storages, regions) and a chart with a point per day.
    {
      path: "settings/security",
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Settings/SettingsApi.cs:444" },
    },
    { path: "settings/security/{id}" },
    { path: "settings/security/administrator/{productid}" },
    { path: "settings/security/administrator" },
    { path: "settings/logo" },
    { path: "settings/tfaapp" },
    { path: "settings/telegramisconnected" },
    {
      path: "settings/customnavigation/getall",
      list: "customNavigationItems",
    },
    { path: "settings/customnavigation/getsample" },
    {
      path: "settings/customnavigation/get/{id}",
      ids: { id: "customNavigationItems" },
      record: "id",
    },
    {
      path: "settings/statistics/spaceusage/{id}",
    },
    {
      path: "settings/statistics/visit",
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Settings/SettingsApi.cs:2029" },
    },
    {
      path: "settings/storage",
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Settings/SettingsApi.cs:2086" },
    },
    { path: "settings/storage/progress" },
    {
      path: "settings/storage/cdn",
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Settings/SettingsApi.cs:2207" },
    },
    {
      path: "settings/storage/backup",
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Settings/SettingsApi.cs:2294" },
    },
    {
      path: "settings/storage/s3/regions",
      builtIn: { madeBy: "install", source: "module/ASC.Api/ASC.Api.Settings/SettingsApi.cs:2340" },
    },
    { path: "settings/socket" },
    { path: "settings/smtp" },
    { path: "settings/smtp/test" },
    { path: "settings/smtp/test/status", schema: "settings/smtp-operation-status-or-null.json" },
    { path: "settings/ssov2" },
    { path: "settings/ssov2/default" },
    { path: "settings/ssov2/constants" },
  ],
  writes: [
    {
      method: "POST",
      path: "settings/customnavigation/create",
      creates: "customNavigationItems",
      from: {
        label: "item[label]",
        url: "item[url]",
        showInMenu: "item[showInMenu]",
        showOnHomePage: "item[showOnHomePage]",
      },
      required: {
        params: ["item[label]", "item[url]"],
        source: "module/ASC.Api/ASC.Api.Settings/SettingsApi.cs:1851-1861",
      },
    },
    {
      method: "DELETE",
      path: "settings/customnavigation/delete/{id}",
      ids: { id: "customNavigationItems" },
      deletes: "id",
      answer: "nothing",
    },
  ],
  settings: [
    // The account's subscription to the periodic tips: no operation reads it (StudioPeriodicNotify.cs:950-959).
    {
      value: { subscribed: true },
      writes: [
        {
          method: "PUT",
          path: "settings/tips/change/subscription",
          toggles: "subscribed",
          answer: { member: "subscribed" },
        },
      ],
    },
    // A portal that allows two address ranges (IPRestriction rows: common/ASC.IPSecurity/IPRestriction.cs).
    {
      read: "settings/iprestrictions",
      value: [
        { id: 1, tenantId: 1, ip: "198.51.100.0/24", forAdmin: false },
        { id: 2, tenantId: 1, ip: "203.0.113.17", forAdmin: true },
      ],
      writes: [
        {
          method: "PUT",
          path: "settings/iprestrictions",
          items: { param: "ips", from: { ip: "ip", forAdmin: "forAdmin" }, numbered: "id" },
          answer: "sent",
        },
      ],
    },
    // PasswordSettings.GetDefault, with the regular expressions of a portal of printable ASCII
    // (web/core/ASC.Web.Core/Utility/PasswordSettings.cs:135-186).
    {
      read: "settings/security/password",
      value: {
        limitMaxLength: 120,
        limitMinLength: 8,
        maxLength: 120,
        minLength: 8,
        allowedCharactersRegexStr: "[\\x21-\\x7E]",
        upperCase: false,
        upperCaseRegexStr: "(?=.*[A-Z])",
        digits: false,
        digitsRegexStr: "(?=.*\\d)",
        specSymbols: false,
        specSymbolsRegexStr: "(?=.*[\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E])",
      },
      writes: [
        {
          method: "PUT",
          path: "settings/security/password",
          from: {
            maxLength: "maxLength",
            minLength: "minLength",
            upperCase: "upperCase",
            digits: "digits",
            specSymbols: "specSymbols",
          },
          replaces: true,
        },
      ],
    },
  ],
};

export default data;
