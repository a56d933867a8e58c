import { ModuleRecords } from "../generic/records";
import { badRequest } from "../http/errors";
import { MODULES } from "../modules";
import { storeUpload } from "./file-writes";
import { myFolder, requireFolder } from "./files";
import { authenticated, type Route } from "./route";

const MAIL = MODULES.find((data) => data.module === "mail");
const mailRecords = MAIL && new ModuleRecords(MAIL);

/**
 * ExportAttachmentToDocuments (module/ASC.Api/ASC.Api.Mail/MailApi.Attachments.cs:72-84): the mail
 * attachment saved as a new file in the folder `id_folder`, else My documents, under its name, answered as the file's id; -1 for an
 * attachment the user does not have (module/ASC.Mail/ASC.Mail/Core/Engine/DocumentsEngine.cs:83-106).
 * A route of its own: the file it makes is the files module's, which the generic writes do not keep.
 */
export const mailExportRoutes: Route[] = [
  authenticated("PUT", "mail/messages/attachment/export", (request) => {
    const text = request.params.text("id_attachment") ?? "0";
    if (!/^-?[0-9]+$/.test(text)) throw badRequest();
    if (Number(text) < 1) throw badRequest("Invalid attachment id");
    const entry = mailRecords?.entry("attachments", text, request.store);
    if (!entry) return { outcome: "updated", response: -1 };
    const seed = entry.index === undefined ? undefined : MAIL?.collections.attachments?.seeds?.[entry.index];
    const fileName = String(entry.members.fileName ?? seed?.fileName ?? "attachment");
    const size = typeof entry.members.size === "number" ? entry.members.size : 0;
    const upload = {
      field: "file",
      fileName,
      contentType: "application/octet-stream",
      content: Buffer.alloc(size),
    };
    const folder = request.params.text("id_folder") ? requireFolder(request, "id_folder") : myFolder(request);
    const file = storeUpload(request, folder.id, fileName, upload) as { id: number };
    return { outcome: "updated", response: file.id };
  }),
];
