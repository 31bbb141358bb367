/**
 * i18next with English strings as keys: `t("Days left")` shows the key in English and its
 * translation in French (`fr.ts`). Keys hold dots and colons, so i18next's separators are off.
 * Plural keys have their English forms in `en.ts`. The language is kept in localStorage.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { isLang, type Lang } from "./format.ts";
import { fr } from "./fr.ts";

const STORAGE_KEY = "drawdown.lang";

/** The language to start in: the one chosen before, else the browser's if it is French. */
export function initialLanguage(): Lang {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (isLang(saved)) return saved;
  return navigator.languages.some((l) => l.toLowerCase().startsWith("fr")) ? "fr" : "en";
}

/** Starts i18next in a language and keeps `<html lang>` in step with it. */
export async function startI18n(lang: Lang): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: "en",
    supportedLngs: ["en", "fr"],
    resources: { en: { translation: en }, fr: { translation: fr } },
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang === "fr" ? "fr-NE" : "en";
  i18next.on("languageChanged", (l) => {
    document.documentElement.lang = l === "fr" ? "fr-NE" : "en";
    if (isLang(l)) window.localStorage.setItem(STORAGE_KEY, l);
  });
  return i18next;
}
