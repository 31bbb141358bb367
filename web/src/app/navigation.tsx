/** The list of pages, the current one marked for assistive technology (`aria-current`). */
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { PAGES } from "./pages.ts";

/** The navigation landmark. */
export function Navigation() {
  const { t } = useTranslation();
  return (
    <nav className="navigation" aria-label={t("Pages")}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.path}>
            <NavLink to={p.path} end={p.path === "/"}>
              {t(p.label)}
              {p.load === undefined && <span className="soon"> · {t("not built yet")}</span>}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
