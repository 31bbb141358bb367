/**
 * The root of every page: React Aria's links go through the router, and the caller sees the
 * login page until logged in (on whatever address they came to, which opens after login).
 */
import { I18nProvider, RouterProvider } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useHref, useNavigate } from "react-router";
import { LOCALES } from "../i18n/format.ts";
import { useLang } from "../i18n/use-lang.ts";
import { useMe } from "../session/session.ts";
import { LoginPage } from "../session/login-page.tsx";
import { Loading } from "../ui/loading.tsx";
import { ProblemMessage } from "../ui/problem-message.tsx";
import { Layout } from "./layout.tsx";

/** The app inside the router. */
export function Root() {
  const navigate = useNavigate();
  const lang = useLang();
  return (
    <RouterProvider navigate={(to) => void navigate(to)} useHref={useHref}>
      <I18nProvider locale={LOCALES[lang]}>
        <Gate />
      </I18nProvider>
    </RouterProvider>
  );
}

function Gate() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading what={t("Opening your session…")} />;
  if (me.isError)
    return (
      <main id="main" className="login">
        <ProblemMessage error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  if (me.data === null) return <LoginPage />;
  return <Layout me={me.data} />;
}
