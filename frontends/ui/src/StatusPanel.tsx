import { useQuery } from "@tanstack/react-query";
import { fetchHealth } from "@illajwala/api-client";

/** The platform's health and each infrastructure component's. */
export function StatusPanel() {
  const health = useQuery({ queryKey: ["health"], queryFn: fetchHealth, refetchInterval: 10_000 });
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Platform status</h2>
      {health.isPending && <p>Checking…</p>}
      {health.isError && <p role="alert">The platform cannot be reached.</p>}
      {health.data && (
        <>
          <p>
            Overall: <strong>{health.data.status}</strong>
          </p>
          <ul>
            {Object.entries(health.data.components ?? {}).map(([name, component]) => (
              <li key={name}>
                {name}: {component.status}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
