import type { Metadata } from "next";
import { ActiveForm, CreateAccountForm, RoleForm } from "@/components/desk/account-forms";
import { DateTime } from "@/components/ui/date-time";
import { listAccounts } from "@/lib/accounts/queries";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage() {
  const viewer = await requirePagePermission("user.manage", "/desk/accounts");
  const accounts = await listAccounts();
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Accounts</h1>
      <section aria-labelledby="new-account" className="mt-6 rounded-lg border border-rule bg-white p-5">
        <h2 id="new-account" className="font-serif text-xl font-bold">
          Invite someone
        </h2>
        <p className="mt-1 text-sm text-muted">They get a one-time link to set their own password. Nobody else ever sees it.</p>
        <div className="mt-4">
          <CreateAccountForm />
        </div>
      </section>
      <ul className="mt-8 divide-y divide-rule border-y border-rule" aria-label="Accounts">
        {accounts.map((account) => (
          <li key={account.id} className="space-y-2 py-4">
            <p>
              <span className="font-semibold">{account.name}</span> <span className="text-muted">{account.email}</span>
            </p>
            <p className="text-sm text-muted">
              {account.deactivatedAt ? (
                <>
                  Deactivated <DateTime value={account.deactivatedAt} timeZone={viewer.timeZone} />
                </>
              ) : account._count.accounts === 0 ? (
                "Invited: has not set a password yet"
              ) : (
                `Active · ${account._count.sessions} open session${account._count.sessions === 1 ? "" : "s"}`
              )}
            </p>
            {account.id === viewer.id ? (
              <p className="text-sm text-muted">This is you. Another admin can change your role or deactivate you.</p>
            ) : (
              <div className="flex flex-wrap gap-4">
                <RoleForm userId={account.id} role={account.role} name={account.name} />
                <ActiveForm userId={account.id} active={!account.deactivatedAt} name={account.name} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
