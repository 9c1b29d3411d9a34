"use server";

import type { Route } from "next";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction } from "@/lib/actions/define-action";
import { entityChanged } from "@/lib/cache/invalidate";
import { createEntity, mergeEntities, updateEntity } from "@/lib/entities/mutations";
import { EntityCreateSchema, EntityMergeSchema, EntityUpdateSchema } from "@/lib/entities/schema";

export const createEntityAction = defineFormAction({
  permission: "entity.create",
  schema: EntityCreateSchema,
  async run(input, viewer) {
    await createEntity(viewer, input);
    revalidatePath("/desk/entities");
    redirect("/desk/entities?created=1" as Route);
  },
});

export const updateEntityAction = defineFormAction({
  permission: "entity.update",
  schema: EntityUpdateSchema,
  async run(input, viewer) {
    await updateEntity(viewer, input);
    entityChanged(input.id);
    revalidatePath("/desk", "layout");
    redirect("/desk/entities?saved=1" as Route);
  },
});

export const mergeEntitiesAction = defineFormAction({
  permission: "entity.merge",
  schema: EntityMergeSchema,
  async run(input, viewer) {
    await mergeEntities(viewer, input);
    entityChanged(input.sourceId, input.targetId);
    revalidatePath("/desk", "layout");
    redirect("/desk/entities?merged=1" as Route);
  },
});
