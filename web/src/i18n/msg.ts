/**
 * Marks an English string as a translation key where `t()` is called later (labels in tables of
 * data, such as the page list): the i18n test finds keys in `t("…")` and `msg("…")` calls.
 *
 * @example
 * const PAGES = [{ path: "/", label: msg("Overview") }]; // later: t(page.label)
 */
export const msg = <S extends string>(key: S): S => key;
