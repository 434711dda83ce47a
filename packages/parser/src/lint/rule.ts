import type {Visitor} from '../model/walk.js'
import type {Context} from '../parse/context.js'
import type {Position} from '../schema/position.js'
import type {Runbook} from '../schema/runbook.js'
import {report} from './report.js'

/** What a rule does during the one walk over the model: read the nodes of some types, then report. */
export type RuleVisitor = Visitor

/** What a rule gets besides the model. */
export interface RuleContext {
  /** The markdown the model was read from, for how things were written (the model keeps what they mean). */
  readonly source: string
  /** Reports a warning of this rule (`runsheet:<id>`) at a place. */
  readonly report: (reason: string, place: Position | undefined) => void
}

/**
 * A lint rule: given the model and the parse (the source, where messages go), a fresh visitor. Its `id`
 * is the `ruleId` of every message it reports.
 */
export type Rule = ((runbook: Runbook, context: Context) => RuleVisitor) & {readonly id: string}

/**
 * Defines a rule once, with its id: `create` gets the model and a context whose `report` files messages
 * under that id, and returns the visitor of one parse.
 */
export function defineRule(id: string, create: (runbook: Runbook, context: RuleContext) => RuleVisitor): Rule {
  const rule = (runbook: Runbook, context: Context) =>
    create(runbook, {
      source: context.source,
      report: (reason, place) => report(context, id, reason, place)
    })
  return Object.assign(rule, {id})
}
