/** The routes: every page of {@link PAGES} inside the layout, behind the login. */
import { createBrowserRouter } from "react-router";
import { Loading } from "../ui/loading.tsx";
import { NotBuiltPage } from "../ui/not-built-page.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { PAGES } from "./pages.ts";
import { Root } from "./root.tsx";

/** Builds the browser router. */
export function createRouter() {
  return createBrowserRouter([
    {
      path: "/",
      Component: Root,
      // Shown while the first page's code loads.
      HydrateFallback: Loading,
      children: [
        ...PAGES.map((page) => {
          const load = page.load;
          const route = page.path === "/" ? { index: true as const } : { path: page.path.slice(1) };
          return load === undefined
            ? { ...route, element: <NotBuiltPage key={page.path} title={page.label} /> }
            : { ...route, lazy: async () => ({ Component: await load() }) };
        }),
        { path: "*", Component: NotFoundPage },
      ],
    },
  ]);
}
