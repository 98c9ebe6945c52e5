import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerWith, renderWithApp } from "../../../testing/render";
import { SearchResults } from "./search-results";

afterEach(() => vi.unstubAllGlobals());

describe("search results", () => {
  it("with nothing found, offer every doctor instead", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(answerWith(200, { success: true, data: { items: [], page: 1, size: 10, total: 0 } }).fetch),
    );
    const onClear = vi.fn();
    renderWithApp(
      <SearchResults filters={{ specialty: "cardiology", city: "Pune" }} onPage={vi.fn()} onClear={onClear} />,
    );
    expect(await screen.findByText("No doctors match. Try fewer filters.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Show every doctor" }));
    expect(onClear).toHaveBeenCalled();
  });
});
