/**
 * Allure 3's single-file report (plugin-awesome 3.18.0, `generateStaticFiles`) always embeds Google
 * Analytics: a gtag.js script from googletagmanager.com and its config call. Opening a conformance
 * report must send nothing anywhere (it names the deployment and carries its responses), so the block
 * is removed and a Content-Security-Policy lets the page load only what it carries inline (data:).
 */
const ANALYTICS =
  /<script async src="https:\/\/www\.googletagmanager\.com\/gtag\/js[^"]*"><\/script>\s*<script>[\s\S]*?gtag\('config'[\s\S]*?<\/script>/;

/** No request may leave the page: scripts, styles, images and fonts are inline or data: URLs. */
export const REPORT_CSP =
  "default-src 'none'; script-src 'unsafe-inline' data: blob:; style-src 'unsafe-inline' data: blob:; img-src data: blob:; font-src data:; connect-src data: blob:; media-src data: blob:; frame-src data: blob:";

export class AllureTemplateChanged extends Error {
  override name = "AllureTemplateChanged";
}

/** The report's HTML without its analytics and with the CSP; fails if the template no longer matches. */
export function offlineReport(html: string): string {
  const stripped = html.replace(ANALYTICS, "");
  if (/googletagmanager|gtag\(/.test(stripped))
    throw new AllureTemplateChanged(
      "The Allure report still loads analytics after stripping them: its template changed (helpers/reporters/allure-html.ts).",
    );
  const charset = '<meta charset="utf-8">';
  if (!stripped.includes(charset))
    throw new AllureTemplateChanged(`The Allure report has no ${charset} to add its CSP after.`);
  return stripped.replace(
    charset,
    `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
  );
}
