import type { Scenario } from "../../scenario/index.ts";
import { applyEdit, type ScenarioEdit } from "./editQueue.ts";
import { parseFieldText, type FieldKey } from "./fields.ts";

/** Where a message beside a control goes: a numeric field, or a picker or toggle. */
export type ControlKey = FieldKey | Exclude<ScenarioEdit["kind"], "field">;

export interface Notice {
  text: string;
  tone: "error" | "info";
}

/**
 * The page's state: the last good scenario (what runs), the queue the controls edit, and for
 * each control what was typed and, when refused, why. A refused value never reaches `scenario`.
 */
export interface AppState {
  scenario: Scenario;
  queueId: string;
  /** Text typed in a field, kept while it is being edited or was refused. */
  drafts: Partial<Record<FieldKey, string>>;
  errors: Partial<Record<ControlKey, string>>;
  notice: Notice | null;
  /** Where the scenario came from, for the header ("example orders.json", "shared link"...). */
  origin: string;
  /** Counts scenario loads (examples, files, links), so controls can start afresh. */
  generation: number;
}

export type AppAction =
  | { type: "load"; scenario: Scenario; origin: string; notice?: Notice | null }
  | { type: "selectQueue"; queueId: string }
  | { type: "typed"; field: FieldKey; text: string }
  | { type: "slid"; field: FieldKey; value: number }
  | { type: "edit"; edit: Exclude<ScenarioEdit, { kind: "field" }> }
  | { type: "blur"; field: FieldKey }
  | { type: "notice"; notice: Notice | null };

/** The state a scenario opens in: its first queue selected, nothing typed. */
export function initialState(scenario: Scenario, origin: string, notice: Notice | null = null, generation = 0): AppState {
  return { scenario, queueId: scenario.queues[0]?.id ?? "", drafts: {}, errors: {}, notice, origin, generation };
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case "load": {
      const keep = action.scenario.queues.some((q) => q.id === state.queueId);
      const next = initialState(action.scenario, action.origin, action.notice ?? null, state.generation + 1);
      return keep ? { ...next, queueId: state.queueId } : next;
    }
    case "selectQueue":
      if (!state.scenario.queues.some((q) => q.id === action.queueId)) return state;
      return { ...state, queueId: action.queueId, drafts: {}, errors: {} };
    case "typed": {
      const parsed = parseFieldText(action.field, action.text);
      if (!parsed.ok) return withControl(state, action.field, action.text, parsed.message);
      return applied(state, action.field, { kind: "field", field: action.field, value: parsed.value }, action.text);
    }
    case "slid":
      return applied(state, action.field, { kind: "field", field: action.field, value: action.value }, undefined);
    case "edit":
      return applied(state, action.edit.kind, action.edit, undefined);
    case "blur":
      return state.errors[action.field] === undefined && state.drafts[action.field] !== undefined ? withControl(state, action.field, undefined, undefined) : state;
    case "notice":
      return { ...state, notice: action.notice };
  }
}

function applied(state: AppState, key: ControlKey, edit: ScenarioEdit, draft: string | undefined): AppState {
  const result = applyEdit(state.scenario, state.queueId, edit);
  if (!result.ok) return withControl(state, key, draft, result.message);
  // An edit that changes nothing (a range input reports a key press as both input and change)
  // keeps the scenario object: everything keyed on it (the run, the load curve) stays as it is,
  // instead of a second run superseding the first.
  const same = JSON.stringify(result.scenario) === JSON.stringify(state.scenario);
  return { ...withControl(state, key, draft, undefined), scenario: same ? state.scenario : result.scenario };
}

function withControl(state: AppState, key: ControlKey, draft: string | undefined, error: string | undefined): AppState {
  const drafts = { ...state.drafts };
  const errors = { ...state.errors };
  if (isField(key)) {
    if (draft === undefined) delete drafts[key];
    else drafts[key] = draft;
  }
  if (error === undefined) delete errors[key];
  else errors[key] = error;
  return { ...state, drafts, errors };
}

function isField(key: ControlKey): key is FieldKey {
  return key !== "serviceDist" && key !== "consumersUnlimited" && key !== "capacityUnbounded";
}
