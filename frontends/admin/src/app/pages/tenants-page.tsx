import { unwrap } from "@illajwala/api-client";
import { Alert, Card, describeError, Skeleton, StatusPanel } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";
import { queryKeys } from "../../lib/query-keys";

/** The organisations on the platform, and the platform's own health. */
export function TenantsPage() {
  const tenants = useQuery({ queryKey: queryKeys.tenants, queryFn: () => unwrap(api.GET("/api/tenants")) });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Organisations</h1>
      {tenants.isPending && <Skeleton className="h-24" />}
      {tenants.isError && <Alert tone="error">{describeError(tenants.error)}</Alert>}
      <ul className="grid gap-3 md:grid-cols-3">
        {(tenants.data ?? []).map((tenant) => (
          <Card as="li" key={tenant.id}>
            <div className="font-semibold">{tenant.name}</div>
            <div className="text-sm text-slate-600">
              {tenant.id}.illajwala.com · since {new Date(tenant.createdAt).toLocaleDateString("en-IN")}
            </div>
          </Card>
        ))}
      </ul>
      <Card>
        <StatusPanel />
      </Card>
    </div>
  );
}
