import type { AnalyticsReport } from "@illajwala/api-client";
import { Card, formatLocalDate } from "@illajwala/ui";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { hours, money, percent } from "../figures";
import { Figure } from "./figure";

const LEAD_TIMES: Record<string, string> = {
  same_day: "Same day",
  next_day: "Next day",
  within_week: "Within a week",
  within_month: "Within a month",
  later: "Later",
};

const count = (value: number) => value.toLocaleString("en-IN");

/**
 * Every figure of the analytics report: headline numbers, and charts with their numbers in a table
 * beside them (a chart alone says nothing to a screen reader).
 */
export function Dashboard({ report }: { report: AnalyticsReport }) {
  const perDay = Object.entries(report.bookingsPerDay).map(([day, bookings]) => ({
    day,
    label: formatLocalDate(day, "en", "short"),
    bookings,
  }));
  const leadTimes = Object.entries(report.bookingLeadTime).map(([bucket, bookings]) => ({
    bucket,
    label: LEAD_TIMES[bucket] ?? bucket,
    bookings,
  }));
  const cancelledBy = Object.entries(report.cancellations.by).map(([by, cancellations]) => ({ by, cancellations }));
  const revenue = Object.entries(report.revenue);
  return (
    <div className="space-y-6" data-testid="dashboard">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label="Bookings" name="bookings" value={report.bookings} shown={count(report.bookings)} />
        <Figure
          label="Cancellations"
          name="cancellations.total"
          value={report.cancellations.total}
          shown={count(report.cancellations.total)}
        />
        <Figure label="No-show rate" name="noShowRate" value={report.noShowRate} shown={percent(report.noShowRate)} />
        <Figure
          label="Utilisation"
          name="utilisation"
          value={report.utilisation}
          shown={percent(report.utilisation)}
          hint="Booked of published seats"
        />
        <Figure
          label="Mean cancellation notice"
          name="cancellations.meanNoticeHours"
          value={report.cancellations.meanNoticeHours}
          shown={hours(report.cancellations.meanNoticeHours)}
        />
        <Figure
          label="Joined the waitlist"
          name="waitlist.joined"
          value={report.waitlist.joined}
          shown={count(report.waitlist.joined)}
        />
        <Figure
          label="Booked from the waitlist"
          name="waitlist.booked"
          value={report.waitlist.booked}
          shown={count(report.waitlist.booked)}
        />
        <Figure
          label="Waitlist conversion"
          name="waitlist.conversion"
          value={report.waitlist.conversion}
          shown={percent(report.waitlist.conversion)}
        />
        {revenue.length === 0 ? (
          <Card>
            <div className="text-sm text-slate-600">Online revenue</div>
            <div className="text-2xl font-semibold text-slate-900">None</div>
          </Card>
        ) : (
          revenue.map(([currency, minor]) => (
            <Figure
              key={currency}
              label={`Online revenue (${currency})`}
              name={`revenue.${currency}`}
              value={minor}
              shown={money(minor, currency)}
              hint="Received less refunds"
            />
          ))
        )}
      </div>
      <ChartCard title="Bookings per day" summary="Bookings made on each day of the range">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={perDay}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="bookings" name="Bookings" fill="#0f766e" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
        <FigureTable
          caption="Bookings per day"
          headings={["Day", "Bookings"]}
          rows={perDay.map((row) => ({
            key: row.day,
            label: row.label,
            name: `bookingsPerDay.${row.day}`,
            value: row.bookings,
          }))}
        />
      </ChartCard>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <ChartCard
          title="How far ahead patients book"
          summary="Bookings by the time between booking and the appointment"
        >
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={leadTimes}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="bookings" name="Bookings" fill="#0369a1" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
          <FigureTable
            caption="Booking lead time"
            headings={["Booked", "Bookings"]}
            rows={leadTimes.map((row) => ({
              key: row.bucket,
              label: row.label,
              name: `bookingLeadTime.${row.bucket}`,
              value: row.bookings,
            }))}
          />
        </ChartCard>
        <ChartCard title="Who cancelled" summary="Cancellations by the patient, the clinic or the platform">
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={cancelledBy}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="by" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="cancellations" name="Cancellations" fill="#b91c1c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
          <FigureTable
            caption="Cancellations by who cancelled"
            headings={["Cancelled by", "Cancellations"]}
            rows={cancelledBy.map((row) => ({
              key: row.by,
              label: row.by,
              name: `cancellations.by.${row.by}`,
              value: row.cancellations,
            }))}
          />
        </ChartCard>
      </div>
    </div>
  );
}

function ChartCard({ title, summary, children }: { title: string; summary: string; children: ReactNode }) {
  return (
    // min-w-0: a chart drawn wide must not hold its card (and the page) at that width when the screen narrows
    <Card as="section" className="min-w-0 space-y-3">
      <div>
        <h2 className="text-lg font-semibold">{title}</h2>
        <p className="text-sm text-slate-600">{summary}</p>
      </div>
      {children}
    </Card>
  );
}

function FigureTable({
  caption,
  headings,
  rows,
}: {
  caption: string;
  headings: [string, string];
  rows: { key: string; label: string; name: string; value: number }[];
}) {
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-teal-800">Show the numbers</summary>
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1">
              {headings[0]}
            </th>
            <th scope="col" className="py-1 text-right">
              {headings[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-200">
              <th scope="row" className="py-1 font-normal">
                {row.label}
              </th>
              <td className="py-1 text-right" data-figure={row.name} data-value={row.value}>
                {count(row.value)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
