/**
 * The coded actions on a hit, after the SIS/SIRENE categories and their "action to be taken":
 * a screener reads the code (translated into their language) and, when the desk wrote one,
 * a free-text addition.
 */
export const ACTION_CODES = [
  'arrest_surrender_extradition',
  'arrest_surrender_eaw',
  'locate_report_residence',
  'establish_whereabouts',
  'protect_place_in_safety',
  'prevent_travel',
  'discreet_check',
  'specific_check',
  'inquiry_check',
  'seize_object',
  'seize_evidence',
  'report_to_desk',
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export function isActionCode(value: string): value is ActionCode {
  return (ACTION_CODES as readonly string[]).includes(value);
}

/** Actions that are safety-critical: never shown on a possible match. */
export const SAFETY_CRITICAL_ACTIONS: readonly ActionCode[] = ['arrest_surrender_extradition', 'arrest_surrender_eaw', 'seize_object', 'seize_evidence', 'prevent_travel'];

export const LINK_RELATIONS = ['associate', 'vehicle_used', 'object_used', 'same_case'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];
