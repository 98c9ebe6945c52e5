import type { AuditEntry } from "@illajwala/api-client";
import { describe, expect, it } from "vitest";
import { foldRepeats, readableAddress } from "./entries";

describe("an audit entry's address", () => {
  it("is written as people write it", () => {
    expect(readableAddress("0:0:0:0:0:0:0:1")).toBe("::1 (this computer)");
    expect(readableAddress("127.0.0.1")).toBe("127.0.0.1 (this computer)");
    expect(readableAddress("2001:db8:0:0:0:0:2:1")).toBe("2001:db8::2:1");
    expect(readableAddress("2001:0db8:0000:0001:0000:0000:0000:0001")).toBe("2001:db8:0:1::1");
    expect(readableAddress("fe80:0:0:0:1:2:3:4%eth0")).toBe("fe80::1:2:3:4");
    expect(readableAddress("0:0:0:0:0:ffff:c0a8:101")).toBe("::ffff:192.168.1.1");
    expect(readableAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(readableAddress(null)).toBe("unknown");
  });
});

function read(id: string, at: string, resourceId = "dr-sana-khan"): AuditEntry {
  return {
    id,
    tenantId: "apollo",
    actorId: "staff-1",
    actorRole: "staff",
    action: "read",
    resource: "schedule",
    resourceId,
    method: "GET",
    path: `/api/doctors/${resourceId}/schedule`,
    sourceAddress: "203.0.113.9",
    at,
  };
}

describe("the audit log's rows", () => {
  it("fold the same access repeated in a row into one, counting them", () => {
    const rows = foldRepeats([
      read("7", "2026-12-04T12:50:07Z"),
      read("6", "2026-12-04T12:50:06Z"),
      read("5", "2026-12-04T12:50:05Z"),
      read("4", "2026-12-04T12:49:00Z", "dr-anika-mehta"),
      read("3", "2026-12-04T12:48:00Z"),
    ]);
    expect(rows.map((row) => [row.entry.id, row.times, row.firstAt])).toEqual([
      ["7", 3, "2026-12-04T12:50:05Z"],
      ["4", 1, "2026-12-04T12:49:00Z"],
      ["3", 1, "2026-12-04T12:48:00Z"],
    ]);
  });
});
