/** A loading message, announced politely. */
import { useTranslation } from "react-i18next";

/** "Loading…" in a live region. */
export function Loading({ what }: { what?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {what ?? t("Loading…")}
    </p>
  );
}
