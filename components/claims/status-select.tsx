import { STATUS_INFO } from "@/lib/claims/status";
import { VerificationStatus } from "@/lib/generated/prisma/enums";

/** A labelled "Status" filter for GET forms (the desk's and the readers' lists). */
export function StatusSelect({ value, className }: { value?: string; className: string }) {
  return (
    <label className="text-sm font-semibold">
      Status
      <select name="status" defaultValue={value ?? ""} className={className}>
        <option value="">Any status</option>
        {Object.values(VerificationStatus).map((status) => (
          <option key={status} value={status}>
            {STATUS_INFO[status].label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled "Publication" filter for the desk's GET forms (the claims list and the review queue). */
export function PublicationSelect({ value, className }: { value?: string; className: string }) {
  return (
    <label className="text-sm font-semibold">
      Publication
      <select name="publication" defaultValue={value ?? ""} className={className}>
        <option value="">Drafts and published</option>
        <option value="draft">Drafts</option>
        <option value="published">Published</option>
      </select>
    </label>
  );
}
