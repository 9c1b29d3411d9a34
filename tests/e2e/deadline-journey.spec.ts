import { chooseEntity, createEntityInline, expect, signIn, test } from "./fixtures";

// A new story on deadline, with nobody in it known to the desk yet: the editor creates the ministry
// and its spokeswoman from the pickers, as they link the report and the denial; because the
// spokeswoman is affiliated with the ministry the claim is about, the review queue suggests
// "disputed", and the fact-checker confirms it from the queue.
test("an editor creates the people of a new story inline, and the spokeswoman's denial reaches the fact-checker as a suggestion", async ({ browser }) => {
  // Two sign-ins, three forms with searches, the queue and the claim page.
  test.slow();
  const unique = Math.random().toString(36).slice(2, 7);
  const ministry = `Freedonian Ministry of Grain ${unique}`;
  const spokeswoman = `Ana Petrovna ${unique}`;

  const editor = await browser.newPage();
  await signIn(editor, "editor", { from: "/sign-in" });
  await editor.goto("/desk/claims/new");
  await editor.getByLabel("Statement").fill(`The Freedonian grain ministry agreed a secret export deal ${unique}`);
  await createEntityInline(editor, "People and organisations", { name: ministry, kind: "Organisation", description: "Government ministry" });
  await editor.getByRole("button", { name: "Log claim as draft" }).click();
  const similar = editor.getByLabel("This is a different claim: log it anyway");
  await expect(editor.getByText("Claim logged as a draft.").or(similar)).toBeVisible();
  if (await similar.isVisible()) {
    await similar.check();
    await editor.getByRole("button", { name: "Log claim as draft" }).click();
  }
  await expect(editor.getByText("Claim logged as a draft.")).toBeVisible({ timeout: 15_000 });
  const claimPath = new URL(editor.url()).pathname;
  await expect(editor.getByRole("main")).toContainText(ministry);

  // The report, anonymous; the time is entered in the editor's zone, which the label names.
  await editor.goto(`${claimPath}/evidence/new`);
  await editor.getByLabel("Web address").fill(`https://www.reuters.com/world/freedonia-grain-${unique}/`);
  await chooseEntity(editor, "Outlet", "reuters", "Reuters");
  await editor.getByLabel("Headline").fill("Freedonia agreed grain deal in secret, officials say");
  await expect(editor.getByLabel(/^Published \(America\/New_York, /)).toBeVisible();
  await editor.getByLabel(/^Published \(/).fill("2024-11-10T09:30");
  await editor.getByRole("group", { name: "Which way does it point?" }).getByLabel("Reports it").check();
  await editor.getByRole("group", { name: "How is it sourced?" }).getByLabel("Anonymous source").check();
  await editor.getByLabel("Or an anonymous source, described").fill("two officials not authorised to speak");
  await editor.getByRole("button", { name: "Link evidence" }).click();
  await expect(editor.getByText("Evidence linked.")).toBeVisible({ timeout: 15_000 });

  // The denial, on the record, by a spokeswoman nobody has entered yet: created here, with her
  // title and the ministry she speaks for.
  await editor.goto(`${claimPath}/evidence/new`);
  await editor.getByLabel("Web address").fill(`https://apnews.com/article/freedonia-denies-${unique}`);
  await chooseEntity(editor, "Outlet", "associated", "Associated Press");
  await editor.getByLabel("Headline").fill("Freedonia's grain ministry calls the report false");
  await editor.getByRole("group", { name: "Which way does it point?" }).getByLabel("Denies it").check();
  await editor.getByRole("group", { name: "How is it sourced?" }).getByLabel("On the record").check();
  await createEntityInline(editor, "A named speaker", {
    name: spokeswoman,
    kind: "Person",
    description: "Ministry spokeswoman",
    affiliation: { query: `grain ${unique}`, option: ministry },
  });
  await editor.getByLabel("Quote").fill("No such agreement exists.");
  await editor.getByRole("button", { name: "Link evidence" }).click();
  await expect(editor.getByText("Evidence linked.")).toBeVisible({ timeout: 15_000 });
  await editor.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(editor.getByText("Published: readers can see this claim now.")).toBeVisible();
  await editor.close();

  // The fact-checker's queue knows she speaks for a party to the claim.
  const checker = await browser.newPage();
  await signIn(checker, "fact_checker", { from: "/sign-in" });
  await checker.goto("/desk/review?show=suggested");
  const item = checker.getByRole("list", { name: "Claims to review" }).getByRole("listitem").filter({ hasText: unique });
  await expect(item).toContainText("Suggested: Disputed.");
  await expect(item).toContainText(`${spokeswoman} (Ministry spokeswoman)`);
  await item.getByRole("link", { name: "Review and confirm: Disputed" }).click();
  const verification = checker.getByRole("region", { name: "Verification", exact: true });
  await expect(verification.getByLabel(/^Disputed/)).toBeChecked();
  await verification.getByLabel("Rationale").fill("The ministry the report is about denied it on the record; the report rests on two anonymous officials.");
  await verification.getByRole("button", { name: "Record the move" }).click();
  await expect(checker.getByText("Status changed.")).toBeVisible();

  // The spokeswoman is a real entity of the desk now, with her title and affiliation.
  await checker.goto(`/desk/entities?q=${encodeURIComponent(spokeswoman)}`);
  await expect(checker.getByRole("main")).toContainText(spokeswoman);
  await expect(checker.getByRole("main")).toContainText("Ministry spokeswoman");
  await checker.close();
});
