/**
 * A page's heading: the one `<h1>`, the document title, and focus on the heading when the page
 * opens, so a keyboard or screen-reader user starts reading at the new page.
 */
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

/** The page's title (already translated) and what goes beside it. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t("Drawdown")}`;
  }, [title, t]);
  const { pathname } = useLocation();
  // On arriving from another page, also when it has the same component (a new `pathname`); not
  // on the first load, which starts at the top of the page with nothing focused.
  useEffect(() => {
    if (pathname.length > 0 && document.activeElement !== document.body) heading.current?.focus();
  }, [pathname]);
  return (
    <div className="page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
