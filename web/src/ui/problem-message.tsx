/**
 * An error from the API, worded for people in their language: what happened and what to do. A
 * 409 conflict says someone changed the object first; the app has already reloaded it (see
 * `query-client.ts`), so the reader checks the current version and tries again.
 */
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.ts";

/** The message of an error (an {@link ApiError} or anything thrown), with an optional retry. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const e = error instanceof ApiError ? error : undefined;
  let text: string;
  if (e === undefined) text = t("Something went wrong in this page. Reload it; if it happens again, tell an administrator.");
  else if (e.status === 0) text = t("The server cannot be reached. Check the connection and try again.");
  else if (e.code === "conflict.version" || e.code === "conflict.duplicate")
    text = t("Someone changed this while you were looking at it. The page now shows the current version: check it, then try again.");
  else if (e.status === 409) text = t("This cannot be done in the object's current state: {{detail}}", { detail: e.problem.detail ?? e.problem.title });
  else if (e.status === 401) text = t("Your session has ended. Log in again.");
  else if (e.status === 403) text = t("You are not allowed to do this.");
  else if (e.status === 422) text = t("Some of what was sent is not valid:");
  else if (e.status === 429) text = t("Too many attempts. Wait a moment and try again.");
  else if (e.status >= 500) text = t("The server could not do this (error {{code}}). Try again; if it happens again, tell an administrator.", { code: e.code });
  else text = t("The server refused this: {{detail}}", { detail: e.problem.detail ?? e.problem.title });
  return (
    <div className="problem" role="alert">
      <p>{text}</p>
      {e?.status === 422 && e.problem.errors !== undefined && (
        <ul>
          {e.problem.errors.map((x) => (
            <li key={x.path}>
              <code>{x.path}</code> {x.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry !== undefined && (
        <Button className="button" onPress={onRetry}>
          {t("Try again")}
        </Button>
      )}
    </div>
  );
}
