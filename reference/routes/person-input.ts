import { badRequest, missingArgument } from "../http/errors";
import type { Params } from "../http/params";
import type { Store, User } from "../store/model";
import { findUserByEmail } from "../store/queries";
import { parseApiDate } from "../wire/api-date";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The person fields `POST people` and `PUT people/{userid}` accept; absent keys are undefined. */
export type PersonFields = Partial<
  Pick<
    User,
    "firstName" | "lastName" | "email" | "title" | "location" | "sex" | "birthday" | "isVisitor" | "password"
  >
>;

function readEmail(params: Params, store: Store, self: User | undefined): string | undefined {
  const email = params.text("email");
  if (email === undefined) return undefined;
  if (!email) throw missingArgument("email");
  if (!EMAIL.test(email)) throw badRequest("The email address is not valid");
  const holder = findUserByEmail(store, email);
  if (holder && holder !== self) throw badRequest("User with this email is already registered");
  return email;
}

function readSex(params: Params): User["sex"] | undefined {
  const sex = params.text("sex")?.toLowerCase();
  if (!sex) return undefined;
  if (sex !== "male" && sex !== "female") throw badRequest('sex must be "male" or "female"');
  return sex;
}

function readBirthday(params: Params): Date | undefined {
  const text = params.text("birthday");
  if (!text) return undefined;
  const date = parseApiDate(text);
  if (!date) throw badRequest("birthday is not a valid date");
  return date;
}

/** Reads and validates the fields; `self` is the user being updated (undefined when creating). */
export function readPersonFields(params: Params, store: Store, self?: User): PersonFields {
  const fields: PersonFields = {
    firstName: params.text("firstname"),
    lastName: params.text("lastname"),
    email: readEmail(params, store, self),
    title: params.text("title"),
    location: params.text("location"),
    sex: readSex(params),
    birthday: readBirthday(params),
    isVisitor: params.boolean("isVisitor"),
    password: params.value("password") || undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** userName from the email's local part, made unique with a number. */
export function newUserName(store: Store, email: string): string {
  const base = (email.split("@")[0] ?? "user").toLowerCase();
  const taken = new Set([...store.users.values()].map((user) => user.userName.toLowerCase()));
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}${n}`;
  return candidate;
}
