import { chooseEntity, expect, signIn, test } from "./fixtures";

test("a fact-checker confirms the queue's suggestion to mark a claim disputed, and readers see why", async ({ browser }) => {
  // Three people, two Argon2 sign-ins and a dozen page loads: on a shared 2-core machine this
  // journey outgrows the default 30 s without anything being wrong.
  test.slow();
  // An editor logs a fresh claim with a report and the Kremlin's on-the-record denial.
  const editor = await browser.newPage();
  await signIn(editor, "editor", { from: "/sign-in" });
  await editor.goto("/desk/claims/new");
  await editor.getByLabel("Statement").fill("Putin and Trump discussed a ceasefire by phone in November 2024");
  await chooseEntity(editor, "People and organisations", "putin", "Vladimir Putin — President of Russia");
  await editor.getByRole("button", { name: "Log claim as draft" }).click();
  // Whether the desk flags it as similar depends on what other tests logged meanwhile (they share
  // the server); either way the editor goes on to log it.
  const similar = editor.getByLabel("This is a different claim: log it anyway");
  if (await similar.isVisible()) {
    await similar.check();
    await editor.getByRole("button", { name: "Log claim as draft" }).click();
  }
  await expect(editor.getByText("Claim logged as a draft.")).toBeVisible();
  const claimUrl = editor.url().replace(/\?.*$/, "");

  for (const evidence of [
    { url: "https://www.reuters.com/world/ceasefire-call", headline: "Leaders discussed a ceasefire, source says", stance: "Reports it", sourcing: "Anonymous source", anonymous: "a source briefed on the call" },
    { url: "https://apnews.com/article/kremlin-ceasefire-denial", headline: "Kremlin: no ceasefire call took place", stance: "Denies it", sourcing: "On the record", speaker: "Dmitry Peskov — Kremlin spokesman" },
  ]) {
    await editor.goto(`${claimUrl}/evidence/new`);
    await editor.getByLabel("Web address").fill(evidence.url);
    await editor.getByLabel("Headline").fill(evidence.headline);
    await editor.getByRole("group", { name: "Which way does it point?" }).getByLabel(evidence.stance).check();
    await editor.getByRole("group", { name: "How is it sourced?" }).getByLabel(evidence.sourcing).check();
    if (evidence.anonymous) await editor.getByLabel("Or an anonymous source, described").fill(evidence.anonymous);
    if (evidence.speaker) await chooseEntity(editor, "A named speaker", "peskov", evidence.speaker);
    await editor.getByRole("button", { name: "Link evidence" }).click();
    await expect(editor.getByText("Evidence linked.")).toBeVisible();
  }
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByText("Published: readers can see this claim now.")).toBeVisible();
  const publicHref = await editor.getByRole("link", { name: "Public page ↗" }).getAttribute("href");
  await editor.close();

  // The fact-checker finds it in the review queue, suggested as disputed because of Peskov.
  const checker = await browser.newPage();
  await signIn(checker, "fact_checker", { from: "/sign-in" });
  await checker.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Review queue" }).click();
  // Narrowed to published claims with a suggestion, as a fact-checker working through verdicts would.
  const filters = checker.getByRole("search", { name: "Filter the queue" });
  await filters.getByLabel("Show").selectOption({ label: "Has a suggestion" });
  await filters.getByLabel("Publication").selectOption({ label: "Published" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(checker).toHaveURL(/[?&]show=suggested/);
  await expect(filters.getByLabel("Show")).toHaveValue("suggested");
  const item = checker.getByRole("list", { name: "Claims to review" }).getByRole("listitem").filter({ hasText: "Putin and Trump discussed a ceasefire" });
  await expect(item).toContainText("Suggested: Disputed.");
  await expect(item).toContainText("Dmitry Peskov (Kremlin spokesman)");
  // The newest evidence in one line, and a claim nobody has moved yet says so.
  await expect(item).toContainText(/Newest: .+ · (Denies it|Declines to comment|Reports it|Context) · /);
  await expect(item).toContainText(/logged today, never reviewed/);
  await item.getByRole("link", { name: "Review and confirm: Disputed" }).click();

  const verification = checker.getByRole("region", { name: "Verification", exact: true });
  await expect(verification.getByLabel(/^Disputed/)).toBeChecked();
  await expect(verification.getByLabel(/Kremlin: no ceasefire call took place/)).toBeChecked();
  await verification.getByLabel("Rationale").fill("The Kremlin, a party to the alleged call, denied on the record that it took place.");
  await verification.getByRole("button", { name: "Record the move" }).click();
  await expect(checker.getByText("Status changed.")).toBeVisible();
  await checker.close();

  const reader = await browser.newPage();
  await reader.goto(publicHref!);
  const status = reader.getByRole("region", { name: "Current status" });
  await expect(status.getByText("Disputed", { exact: true })).toBeVisible();
  await expect(status).toContainText("The Kremlin, a party to the alleged call, denied on the record that it took place.");
  await expect(status).toContainText("Changed from unverified on");
  await expect(status).toContainText("1 independent report, anonymous; 1 denial or dispute, on the record");
  const against = status.getByRole("list", { name: "Strongest evidence on each side" }).getByRole("listitem").filter({ hasText: "Against" });
  await expect(against).toContainText("Dmitry Peskov");
  await expect(against).toContainText("On the record");
  // The desk's "Logged." placeholder is not shown: the entry says when, and that it was reviewed since.
  const history = reader.getByRole("region", { name: "History of this verdict" });
  await expect(history.getByRole("listitem").last()).toHaveText(/^Logged on \d{1,2} \w{3} \d{4} as unverified$/);
  await reader.close();
});
