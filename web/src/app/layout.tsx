/**
 * The frame of every page: a skip link, the banner (the Commission, the replay-clock badge, the
 * language, who is logged in), the navigation to every page, and the main region.
 */
import { Suspense } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Outlet, useNavigation } from "react-router";
import type { Me } from "../api/contract.ts";
import { msg } from "../i18n/msg.ts";
import { useLogout } from "../session/session.ts";
import { ClockBadge } from "../ui/clock-badge.tsx";
import { LanguageSwitch } from "../ui/language-switch.tsx";
import { Loading } from "../ui/loading.tsx";
import { Navigation } from "./navigation.tsx";

/** Each role's name, as English keys. */
export const ROLE_NAMES: Readonly<Record<string, string>> = {
  movement_planner: msg("Movement planner"),
  clearance_officer: msg("Clearance officer"),
  commission_member: msg("Commission member"),
  observer: msg("Observer"),
  administrator: msg("Administrator"),
};

/** The layout, for the logged-in caller. */
export function Layout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigation = useNavigation();
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t("Skip to the page")}
      </a>
      <header className="banner">
        <p className="brand">
          <span className="brand-name">{t("Drawdown")}</span> <span className="brand-body">{t("Joint Disengagement Commission")}</span>
        </p>
        <ClockBadge />
        <LanguageSwitch />
        <div className="who" data-testid="who">
          <span className="who-name">{me.user.username}</span>{" "}
          <span className="who-detail">
            {me.party.name} · {me.user.roles.map((r) => t(ROLE_NAMES[r] ?? r)).join(", ")}
          </span>
        </div>
        <Button className="button button-quiet" onPress={() => logout.mutate()} isDisabled={logout.isPending}>
          {t("Log out")}
        </Button>
      </header>
      <Navigation />
      <main id="main" tabIndex={-1} aria-busy={navigation.state === "loading"}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
