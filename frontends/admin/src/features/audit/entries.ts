import type { AuditEntry } from "@illajwala/api-client";

/** The platform's own machine, however the address was written. */
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * An address as people write it: IPv6 compressed (RFC 5952: zeros dropped, the longest run of zero
 * groups as "::"), an IPv4 address carried in IPv6 as IPv4, and the platform's own machine named.
 */
export function readableAddress(address: string | null | undefined): string {
  if (address === null || address === undefined || address === "") {
    return "unknown";
  }
  const plain = address.replace(/%.*$/, "");
  const compact = plain.includes(":") ? compressIpv6(plain) : plain;
  return LOOPBACK.test(compact) ? `${compact} (this computer)` : compact;
}

function compressIpv6(address: string): string {
  const groups = address.toLowerCase().split(":");
  if (groups.length !== 8 || groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) {
    return address.toLowerCase();
  }
  const numbers = groups.map((group) => parseInt(group, 16));
  if (numbers.slice(0, 5).every((value) => value === 0) && numbers[5] === 0xffff) {
    const [high = 0, low = 0] = numbers.slice(6);
    return `::ffff:${String(high >> 8)}.${String(high & 255)}.${String(low >> 8)}.${String(low & 255)}`;
  }
  let best = { start: -1, length: 0 };
  let run = { start: -1, length: 0 };
  numbers.forEach((value, index) => {
    if (value === 0) {
      run = run.start === -1 ? { start: index, length: 1 } : { start: run.start, length: run.length + 1 };
      if (run.length > best.length) {
        best = run;
      }
    } else {
      run = { start: -1, length: 0 };
    }
  });
  const written = numbers.map((value) => value.toString(16));
  if (best.length < 2) {
    return written.join(":");
  }
  const before = written.slice(0, best.start).join(":");
  const after = written.slice(best.start + best.length).join(":");
  return `${before}::${after}`;
}

/** Entries in a row (newest first) that are the same access again: one row, how many times, from when to when. */
export interface Repeated {
  entry: AuditEntry;
  times: number;
  firstAt: string;
}

/**
 * Folds repeats: the same person doing the same thing to the same record from the same address,
 * one after another (a live board reads the schedule at every change), so the log reads as what
 * people did rather than how often their screens refreshed. Nothing is dropped: each row says how
 * many entries it stands for.
 */
export function foldRepeats(entries: AuditEntry[]): Repeated[] {
  const rows: Repeated[] = [];
  for (const entry of entries) {
    const last = rows[rows.length - 1];
    if (last !== undefined && sameAccess(last.entry, entry)) {
      last.times += 1;
      last.firstAt = entry.at;
    } else {
      rows.push({ entry, times: 1, firstAt: entry.at });
    }
  }
  return rows;
}

function sameAccess(a: AuditEntry, b: AuditEntry): boolean {
  return (
    a.actorId === b.actorId &&
    a.action === b.action &&
    a.resource === b.resource &&
    a.resourceId === b.resourceId &&
    a.method === b.method &&
    a.path === b.path &&
    a.sourceAddress === b.sourceAddress
  );
}
