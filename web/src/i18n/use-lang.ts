/** The current language of the app, as the formatters take it. */
import { useTranslation } from "react-i18next";
import { isLang, type Lang } from "./format.ts";

/** The app's language (English until i18next says otherwise). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return isLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
}
