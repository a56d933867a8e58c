import { AUTH_COOKIE, checkPassword } from "../auth/authenticate";
import { openSession } from "../auth/sessions";
import { ApiError } from "../http/errors";
import { findUserByLogin } from "../store/queries";
import { formatApiDate } from "../wire/api-date";
import { anonymous, type Route } from "./route";

/** `POST authentication`: userName + password from a JSON or form body or the query string. */
export const authenticationRoutes: Route[] = [
  anonymous("POST", "authentication", ({ store, params, now, faults }) => {
    const userName = params.text("userName");
    const password = params.value("password");
    const user = userName && password ? checkPassword(findUserByLogin(store, userName), password) : undefined;
    if (!user) throw new ApiError(401, "User authentication failed");
    const { token, expires } = openSession(store, user, now);
    return {
      outcome: "signed-in",
      response: {
        token,
        expires: formatApiDate(
          faults.has("token-expires-in-past") ? new Date(now.getTime() - 3600_000) : expires,
        ),
      },
      headers: { "Set-Cookie": `${AUTH_COOKIE}=${token}; HttpOnly; Path=/` },
    };
  }),
];
