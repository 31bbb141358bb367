/** A page of the issue that is not built yet: says so plainly, in the layout, with its name. */
import { useTranslation } from "react-i18next";
import { PageHeader } from "./page-header.tsx";

/** "Not built yet" for the page called `title` (an English key). */
export function NotBuiltPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(title)} />
      <p className="not-built" role="status">
        {t("This page is not built yet. It is planned; until then, its data is available through the API (/api/openapi.json).")}
      </p>
    </>
  );
}
