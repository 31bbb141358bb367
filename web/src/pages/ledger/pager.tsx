/**
 * Pages of a long table: "Entries 51–100 of 312" with Previous and Next. The page's rows are the
 * caller's; the pager only says which slice to show.
 */
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../i18n/format.ts";
import { useLang } from "../../i18n/use-lang.ts";

/** The first and last row (0-based, end exclusive) of page `page` of `size` rows a page. */
export function pageSlice(page: number, total: number, size: number): { from: number; to: number } {
  const from = Math.max(0, Math.min(page, Math.ceil(total / size) - 1)) * size;
  return { from, to: Math.min(total, from + size) };
}

/** The pager of a table labelled `label` (already translated). */
export function Pager({ label, page, total, size, onPage }: { label: string; page: number; total: number; size: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages === 1) return null;
  const { from, to } = pageSlice(page, total, size);
  return (
    <nav className="pager" aria-label={t("Pages of {{table}}", { table: label })}>
      <Button className="button" isDisabled={from === 0} onPress={() => onPage(page - 1)}>
        {t("Previous")}
      </Button>
      <span aria-live="polite">
        {t("{{from}}–{{to}} of {{total}}", { from: formatNumber(from + 1, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}
      </span>
      <Button className="button" isDisabled={to >= total} onPress={() => onPage(page + 1)}>
        {t("Next")}
      </Button>
    </nav>
  );
}
