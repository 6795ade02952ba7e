import { InputError } from '../errors/errors.js';
import { planSubmission, ScriptPlanError, type GatewayStatement, type SubmissionPlan } from '../tasks/gateway-statements.js';

/**
 * The script's submission plan (its setup statements and its one job statement), or the InputError that
 * says where the script cannot be submitted: the same for every target, so a YARN entry refuses a script
 * in the words a session cluster uses.
 */
export function planScriptOrRefuse(content: string): SubmissionPlan {
  try {
    return planSubmission(content);
  } catch (err) {
    if (!(err instanceof ScriptPlanError)) throw err;
    const { message, line, column, statementIndex } = err.problem;
    throw new InputError(`The script cannot be submitted: ${message} (line ${line}, column ${column})`, { message, line, column, statementIndex });
  }
}

const QUOTED = "'((?:[^']|'')*)'";
const SET_QUOTED = new RegExp(`^SET\\s+${QUOTED}\\s*=\\s*${QUOTED}$`, 'is');
const SET_PLAIN = /^SET\s+([\w.$-]+)\s*=\s*(\S(?:.*\S)?)$/is;
const RESET_ONE = new RegExp(`^RESET\\s+(?:${QUOTED}|([\\w.$-]+))$`, 'is');
const unquote = (s: string): string => s.replace(/''/g, "'");

/** A plan as Flink's TableEnvironment takes it: the SET/RESET statements as options, the others as they are. */
export interface TableEnvironmentPlan {
  /** What the script's SET and RESET statements leave set, in script order. */
  options: Record<string, string>;
  /** Every other setup statement in order, then the job statement. */
  statements: string[];
  /** The planned statement each of `statements` is, for the way back from a position Flink names to the script. */
  planned: GatewayStatement[];
}

/**
 * Flink's TableEnvironment, unlike its SQL Gateway, refuses SET and RESET (executeSql takes no session
 * statements), so a target that runs the script through Weir's SQL runner gets them as the application's
 * options instead; what a script sets applies to its whole job, as it does through the gateway.
 */
export function tableEnvironmentPlan(plan: SubmissionPlan): TableEnvironmentPlan {
  const options: Record<string, string> = {};
  const planned: GatewayStatement[] = [];
  for (const s of plan.setup) {
    if (s.kind !== 'SET') {
      planned.push(s);
      continue;
    }
    const text = s.text.trim();
    let m: RegExpMatchArray | null;
    if ((m = text.match(SET_QUOTED))) options[unquote(m[1]!)] = unquote(m[2]!);
    else if ((m = text.match(SET_PLAIN))) options[m[1]!] = m[2]!;
    else if ((m = text.match(RESET_ONE))) delete options[m[1] !== undefined ? unquote(m[1]) : m[2]!];
    else if (/^RESET$/i.test(text)) for (const key of Object.keys(options)) delete options[key];
    else if (!/^SET$/i.test(text)) {
      const at = s.toScript({ line: 1, column: 1 });
      throw new InputError(`The script cannot be submitted: Weir cannot read this SET statement as 'key' = 'value' (line ${at.line}, column ${at.column})`, { message: "Weir cannot read this SET statement as 'key' = 'value'", line: at.line, column: at.column, statementIndex: s.statementIndex });
    }
  }
  planned.push(plan.job);
  return { options, statements: planned.map((s) => s.text), planned };
}
