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
    { path: "settings/ldap", schema: "settings/ldap-settings.json" },
    { path: "settings/ldap/cron", schema: "settings/ldap-cron-or-null.json" },
    { path: "settings/ldap/sync", schema: "settings/ldap-operation-status.json" },
    { path: "settings/ldap/sync/test", schema: "settings/ldap-operation-status.json" },
    { path: "settings/ldap/status", schema: "settings/ldap-operation-status-or-null.json" },
    { path: "settings/ldap/default", schema: "settings/ldap-settings.json" },
    { path: "settings", schema: "settings/settings-wrapper.json" },
    { path: "settings/quota", schema: "settings/quota-wrapper.json" },
    { path: "settings/recalculatequota", schema: "primitives/void.json" },
    { path: "settings/checkrecalculatequota", schema: "primitives/bool.json" },
    { path: "settings/recalculateuserquota", schema: "primitives/void.json" },
    { path: "settings/checkrecalculateuserquota", schema: "primitives/bool.json" },
    { path: "settings/security", schema: "settings/security-wrapper-list.json" },
    { path: "settings/security/{id}", schema: "primitives/bool.json" },
    { path: "settings/security/password", schema: "settings/password-settings.json" },
    { path: "settings/security/administrator/{productid}", schema: "people/employee-wraper-list.json" },
    { path: "settings/security/administrator", schema: "settings/is-product-administrator.json" },
    { path: "settings/logo", schema: "primitives/string.json" },
    { path: "settings/iprestrictions", schema: "settings/ip-restriction-list.json" },
    { path: "settings/tfaapp", schema: "settings/tfa-settings-wrapper.json" },
    { path: "settings/telegramisconnected", schema: "primitives/int.json" },
    {
      path: "settings/customnavigation/getall",
      schema: "settings/custom-navigation-item-list.json",
      list: "customNavigationItems",
    },
    { path: "settings/customnavigation/getsample", schema: "settings/custom-navigation-item.json" },
    {
      path: "settings/customnavigation/get/{id}",
      schema: "settings/custom-navigation-item.json",
      ids: { id: "customNavigationItems" },
      record: "id",
    },
    {
      path: "settings/statistics/spaceusage/{id}",
      schema: "settings/usage-space-stat-item-wrapper-list.json",
    },
    { path: "settings/statistics/visit", schema: "settings/chart-point-wrapper-list.json" },
    { path: "settings/storage", schema: "settings/storage-wrapper-list.json" },
    { path: "settings/storage/progress", schema: "primitives/double.json" },
    { path: "settings/storage/cdn", schema: "settings/storage-wrapper-list.json" },
    { path: "settings/storage/backup", schema: "settings/storage-wrapper-list.json" },
    { path: "settings/storage/s3/regions", schema: "settings/get-amazon-s3-regions.json" },
    { path: "settings/socket", schema: "settings/get-socket-settings.json" },
    { path: "settings/smtp", schema: "settings/smtp-settings-wrapper.json" },
    { path: "settings/smtp/test", schema: "settings/smtp-operation-status.json" },
    { path: "settings/smtp/test/status", schema: "settings/smtp-operation-status-or-null.json" },
    { path: "settings/ssov2", schema: "settings/sso-settings-v2.json" },
    { path: "settings/ssov2/default", schema: "settings/sso-settings-v2.json" },
    { path: "settings/ssov2/constants", schema: "settings/get-sso-settings-v2-constants.json" },
  ],
};

export default data;
