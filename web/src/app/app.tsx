/** The app: the API client, React Query and the router. */
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RouterProvider } from "react-router/dom";
import { ApiProvider } from "../api/api-context.tsx";
import { ApiClient } from "../api/client.ts";
import { createQueryClient } from "../api/query-client.ts";
import { createRouter } from "./router.tsx";

/** Everything, once. */
export function App() {
  const [api] = useState(() => new ApiClient());
  const [queries] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <ApiProvider client={api}>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ApiProvider>
  );
}
