import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { one } from '../db/sql';
import type { Actor } from '../access/actor';
import { inScope, levelOf } from '../access/scope';
import { addDays } from '../calendar/rules';
import { addWorkingDays } from '../calendar/service';
import { businessToday } from '../calendar/today';
import { recordAudit } from '../audit/service';
import type { Deadline, WorkflowDefinition } from './definition';
import { workflowInstance, workflowTransition } from './schema';
import { WorkflowErrors } from './errors';

export type Instance = typeof workflowInstance.$inferSelect;

async function dueFrom(db: Db, from: string, d: Deadline | undefined): Promise<string | null> {
  if (!d) return null;
  return 'workingDays' in d ? addWorkingDays(db, from, d.workingDays) : addDays(from, d.calendarDays);
}

export interface StartInput {
  entityId: string;
  regionCode: string;
  comment?: string;
  data?: Record<string, unknown>;
  /** Business date the case starts (defaults to today). */
  on?: string;
}

/** Opens a case; runs inside the caller's transaction. */
export async function startCase(
  tx: Db,
  def: WorkflowDefinition,
  actor: Actor,
  input: StartInput,
): Promise<Instance> {
  if (actor.id && !actor.permissions.has(def.start.permission))
    throw WorkflowErrors.FORBIDDEN({ action: 'start' });
  if (!inScope(actor.scopeCode, input.regionCode)) throw WorkflowErrors.NOT_FOUND();
  if (def.start.levels && !def.start.levels.includes(levelOf(actor.scopeCode)))
    throw WorkflowErrors.WRONG_LEVEL({ action: 'start', levels: def.start.levels.join('/') });
  const on = input.on ?? businessToday();
  const [instance] = await tx
    .insert(workflowInstance)
    .values({
      caseType: def.caseType,
      entityId: input.entityId,
      state: def.initial,
      regionCode: input.regionCode,
      dueDate: await dueFrom(tx, on, def.states[def.initial]!.deadline),
      caseDueDate: await dueFrom(tx, on, def.caseDeadline),
    })
    .onConflictDoNothing()
    .returning();
  if (!instance) throw WorkflowErrors.DUPLICATE();
  await tx.insert(workflowTransition).values({
    instanceId: instance.id,
    step: 0,
    action: 'start',
    fromState: null,
    toState: def.initial,
    actorId: actor.id,
    actorName: actor.name,
    comment: input.comment ?? null,
    data: input.data ?? null,
    dueDate: instance.dueDate,
  });
  await recordAudit(tx, actor, {
    action: `${def.caseType}.start`,
    entityType: def.caseType,
    entityId: input.entityId,
    after: { state: def.initial },
    regionCode: input.regionCode,
  });
  return instance;
}

export interface ActInput {
  version: number;
  comment?: string;
  data?: Record<string, unknown>;
  on?: string;
}

async function lockInstance(tx: Db, def: WorkflowDefinition, actor: Actor, id: string): Promise<Instance> {
  const row = await one<{ id: string }>(
    tx,
    sql`select id from workflow_instance where id = ${id} and case_type = ${def.caseType} for update`,
  );
  if (!row) throw WorkflowErrors.NOT_FOUND();
  const [instance] = await tx.select().from(workflowInstance).where(eq(workflowInstance.id, id));
  if (!instance || !inScope(actor.scopeCode, instance.regionCode)) throw WorkflowErrors.NOT_FOUND();
  return instance;
}

/** Why `actor` may not take `action` on `instance` now, or null when they may. */
export function refusal(
  def: WorkflowDefinition,
  actor: Actor,
  instance: Instance,
  action: string,
  data: Record<string, unknown> = {},
) {
  const a = def.actions[action];
  if (!a) return WorkflowErrors.UNKNOWN_ACTION({ action });
  if (def.states[instance.state]?.terminal) return WorkflowErrors.CLOSED();
  if (!a.from.includes(instance.state))
    return WorkflowErrors.ILLEGAL_ACTION({ state: instance.state, action });
  if (!actor.permissions.has(a.permission)) return WorkflowErrors.FORBIDDEN({ action });
  if (a.levels && !a.levels.includes(levelOf(actor.scopeCode)))
    return WorkflowErrors.WRONG_LEVEL({ action, levels: a.levels.join('/') });
  if (a.assigneeOnly && instance.assigneeId && instance.assigneeId !== actor.id)
    return WorkflowErrors.NOT_ASSIGNEE();
  const reason = a.guard?.({ actor, instance, data });
  if (reason) return WorkflowErrors.GUARD({ action, reason: reason.zh }, { reason });
  return null;
}

/** Takes one action: checks it, writes the immutable transition row and moves the case, in `tx`. */
export async function act(
  tx: Db,
  def: WorkflowDefinition,
  actor: Actor,
  id: string,
  action: string,
  input: ActInput,
): Promise<Instance> {
  const instance = await lockInstance(tx, def, actor, id);
  if (instance.version !== input.version) throw WorkflowErrors.STALE();
  const refused = refusal(def, actor, instance, action, input.data);
  if (refused) throw refused;
  const a = def.actions[action]!;
  const on = input.on ?? businessToday();
  const terminal = def.states[a.to]!.terminal === true;
  const dueDate = terminal ? null : await dueFrom(tx, on, def.states[a.to]!.deadline);
  const [updated] = await tx
    .update(workflowInstance)
    .set({
      state: a.to,
      dueDate,
      closedAt: terminal ? new Date() : null,
      version: sql`${workflowInstance.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(workflowInstance.id, id), eq(workflowInstance.version, input.version)))
    .returning();
  if (!updated) throw WorkflowErrors.STALE();
  await tx.insert(workflowTransition).values({
    instanceId: id,
    step: sql`(select coalesce(max(step), 0) + 1 from workflow_transition where instance_id = ${id})`,
    action,
    fromState: instance.state,
    toState: a.to,
    actorId: actor.id,
    actorName: actor.name,
    comment: input.comment ?? null,
    data: input.data ?? null,
    dueDate,
  });
  await recordAudit(tx, actor, {
    action: `${def.caseType}.${action}`,
    entityType: def.caseType,
    entityId: instance.entityId,
    before: { state: instance.state },
    after: { state: a.to, comment: input.comment ?? null },
    regionCode: instance.regionCode,
  });
  return updated;
}

export async function assign(
  tx: Db,
  def: WorkflowDefinition,
  actor: Actor,
  id: string,
  assigneeId: string | null,
  version: number,
) {
  const instance = await lockInstance(tx, def, actor, id);
  if (instance.version !== version) throw WorkflowErrors.STALE();
  if (def.states[instance.state]?.terminal) throw WorkflowErrors.CLOSED();
  const [updated] = await tx
    .update(workflowInstance)
    .set({ assigneeId, version: sql`${workflowInstance.version} + 1`, updatedAt: new Date() })
    .where(eq(workflowInstance.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: `${def.caseType}.assign`,
    entityType: def.caseType,
    entityId: instance.entityId,
    before: { assigneeId: instance.assigneeId },
    after: { assigneeId },
    regionCode: instance.regionCode,
  });
  return updated!;
}

/** The actions this actor could take now (for buttons). */
export function availableActions(def: WorkflowDefinition, actor: Actor, instance: Instance): string[] {
  return Object.keys(def.actions).filter((a) => refusal(def, actor, instance, a) === null);
}

export function history(db: Db, instanceId: string) {
  return db
    .select()
    .from(workflowTransition)
    .where(eq(workflowTransition.instanceId, instanceId))
    .orderBy(asc(workflowTransition.step));
}

export type Urgency = 'overdue' | 'due-soon' | 'on-time' | 'none';

/** Overdue past the due date; due soon within `soonDays` working days of it. */
export async function urgencyOf(
  db: Db,
  dueDate: string | null,
  today = businessToday(),
  soonDays = 2,
): Promise<Urgency> {
  if (!dueDate) return 'none';
  if (dueDate < today) return 'overdue';
  return dueDate <= (await addWorkingDays(db, today, soonDays)) ? 'due-soon' : 'on-time';
}
