import type { ReactNode } from "react";

/** Header with the app's name and the main landmark. */
export function PageShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <header style={{ padding: "1rem", borderBottom: "1px solid #ddd" }}>
        <h1 style={{ margin: 0, fontSize: "1.5rem" }}>{title}</h1>
      </header>
      <main style={{ padding: "1rem" }}>{children}</main>
    </>
  );
}
